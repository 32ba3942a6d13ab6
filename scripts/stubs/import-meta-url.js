// `import.meta.url` in the CommonJS parser bundle (dist/parser.cjs): the file's own URL, as in the ES bundle.
export const importMetaUrl = require("node:url").pathToFileURL(__filename).href;
