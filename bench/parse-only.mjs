// CPU time of parsing every briefing of a folder in one thread, nothing else (no store, no workers):
// the cost of the briefing rules alone, steadier on a shared machine than a whole cold load.
//   node bench/parse-only.mjs SRC_ROOT DIR [rounds=3]
// SRC_ROOT is a checkout's root (its src/briefing/parse.ts is bundled); compare two by running both.
// DIR's actors.yaml, when there is one, is the registry, as in a load (until 3 December: none).
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const [root, dir, rounds = "3"] = process.argv.slice(2);
if (!root || !dir) throw new Error("usage: parse-only.mjs SRC_ROOT DIR [rounds]");
const out = join(mkdtempSync(join(tmpdir(), "parse-only-")), "parse.mjs");
await build({
  stdin: {
    contents: `export { parseBriefing } from "./src/briefing/parse.ts";
      export { parseRegistry } from "./src/briefing/registry.ts";`,
    resolveDir: resolve(root),
    loader: "ts",
  },
  bundle: true,
  platform: "node",
  format: "esm",
  outfile: out,
  logLevel: "error",
  // The libraries' CommonJS needs `require` in an ES module bundle.
  banner: {
    js: 'import { createRequire } from "node:module"; const require = createRequire(import.meta.url);',
  },
});
const { parseBriefing, parseRegistry } = await import(pathToFileURL(out).href);
const registryFile = join(dir, "actors.yaml");
const registry = existsSync(registryFile)
  ? parseRegistry(readFileSync(registryFile, "utf8"), "actors.yaml").registry
  : [];

const files = [];
const walk = (d) => {
  for (const e of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.(md|txt)$/i.test(e.name))
      files.push({ path: p, relPath: relative(dir, p), text: readFileSync(p, "utf8") });
  }
};
walk(resolve(dir));
for (let r = 0; r < Number(rounds); r++) {
  const start = process.cpuUsage();
  let parsed = 0;
  for (const f of files) if ("briefing" in parseBriefing(f, registry)) parsed++;
  const u = process.cpuUsage(start);
  console.log(
    `round ${r + 1}: ${files.length} files, ${parsed} parsed, ${registry.length} registry actors, ${((u.user + u.system) / 1e6).toFixed(2)} s CPU`,
  );
}
