// The correctness gate of a parse speed-up: every file's stored record (src/load/parse-file.ts
// `parseFile`: digest JSON, stored briefing JSON, actor record, search columns, defined terms,
// problems, and the stamp it was read with) from a checkout's sources, as one SHA-1 per file, so that
// two checkouts' dumps of the same files can be compared with `diff` (or `cmp`).
//   node bench/record-dump.mjs ROOT OUT DIR [DIR...]
// ROOT is a checkout's root (its sources are bundled with esbuild); each DIR is walked for .md and
// .txt files, with its actors.yaml, when there is one, as the registry.
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleCheckout, filesOf, registryOf } from "./checkouts.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const [root, outFile, ...dirs] = process.argv.slice(2);
if (!root || !outFile || dirs.length === 0) throw new Error("usage: record-dump.mjs ROOT OUT DIR [DIR...]");

mkdirSync(join(here, "out"), { recursive: true });
// Inside this checkout, where an external (better-sqlite3) resolves.
const bundle = join(mkdtempSync(join(here, "out", "record-dump-")), "dump.mjs");
await bundleCheckout(
  root,
  `export { parseFile } from "./src/load/parse-file.ts";
   export { parseRegistry } from "./src/briefing/registry.ts";`,
  bundle,
);
const m = await import(pathToFileURL(bundle).href);

const lines = [];
const all = createHash("sha1");
for (const dirArg of dirs) {
  const dir = resolve(dirArg);
  const registry = registryOf(m, dir);
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
