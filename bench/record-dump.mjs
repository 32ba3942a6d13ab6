// The correctness gate of a parse speed-up: every file's stored record (src/load/parse-file.ts
// `parseFile`: digest JSON, stored briefing JSON, actor record, search columns, defined terms,
// problems, and the stamp it was read with) from a checkout's sources, as one SHA-1 per file, so that
// two checkouts' dumps of the same files can be compared with `diff` (or `cmp`).
//   node bench/record-dump.mjs ROOT OUT DIR [DIR...]
// ROOT is a checkout's root (its sources are bundled with esbuild); each DIR is walked for .md and
// .txt files, with its actors.yaml, when there is one, as the registry.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const [root, outFile, ...dirs] = process.argv.slice(2);
if (!root || !outFile || dirs.length === 0) throw new Error("usage: record-dump.mjs ROOT OUT DIR [DIR...]");

mkdirSync(join(here, "out"), { recursive: true });
// Inside this checkout, where an external (better-sqlite3) resolves.
const bundle = join(mkdtempSync(join(here, "out", "record-dump-")), "dump.mjs");
await build({
  stdin: {
    contents: `export { parseFile } from "./src/load/parse-file.ts";
      export { parseRegistry } from "./src/briefing/registry.ts";`,
    resolveDir: resolve(root),
    loader: "ts",
  },
  bundle: true,
  platform: "node",
  format: "esm",
  outfile: bundle,
  logLevel: "error",
  nodePaths: [join(resolve(root), "node_modules"), join(here, "..", "node_modules")],
  external: ["better-sqlite3"],
  // The libraries' CommonJS needs `require` in an ES module bundle.
  banner: {
    js: 'import { createRequire as bannerRequire } from "node:module"; const require = bannerRequire(import.meta.url);',
  },
});
const m = await import(pathToFileURL(bundle).href);

function filesOf(dir) {
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(md|txt)$/i.test(e.name)) files.push({ path: p, relPath: relative(dir, p) });
    }
  };
  walk(dir);
  return files.sort((a, b) => (a.relPath < b.relPath ? -1 : 1));
}

const lines = [];
const all = createHash("sha1");
for (const dirArg of dirs) {
  const dir = resolve(dirArg);
  const registryFile = join(dir, "actors.yaml");
  const registry = existsSync(registryFile)
    ? m.parseRegistry(readFileSync(registryFile, "utf8"), "actors.yaml").registry
    : [];
  const files = filesOf(dir);
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    const entry = { ...f, displayPath: f.path, openPath: f.path };
    const { record, transient } = await m.parseFile(entry, i, { registry, sync: true });
    const json = JSON.stringify({ record, transient });
    all.update(json);
    lines.push(`${createHash("sha1").update(json).digest("hex")} ${relative(process.cwd(), f.path)}`);
  }
}
writeFileSync(outFile, `${lines.join("\n")}\n`);
process.stdout.write(`${lines.length} files, all ${all.digest("hex")}\n`);
