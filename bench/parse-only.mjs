// CPU time of parsing every briefing of a folder in one thread, nothing else (no store, no workers):
// the cost of the briefing rules alone, steadier on a shared machine than a whole cold load.
//   node bench/parse-only.mjs SRC_ROOT DIR [rounds=3]
// SRC_ROOT is a checkout's root (its src/briefing/parse.ts is bundled); compare two by running both.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const [root, dir, rounds = "3"] = process.argv.slice(2);
if (!root || !dir) throw new Error("usage: parse-only.mjs SRC_ROOT DIR [rounds]");
const out = join(mkdtempSync(join(tmpdir(), "parse-only-")), "parse.mjs");
await build({
  entryPoints: [join(resolve(root), "src/briefing/parse.ts")],
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
const { parseBriefing } = await import(pathToFileURL(out).href);

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
  for (const f of files) if ("briefing" in parseBriefing(f, [])) parsed++;
  const u = process.cpuUsage(start);
  console.log(
    `round ${r + 1}: ${files.length} files, ${parsed} parsed, ${((u.user + u.system) / 1e6).toFixed(2)} s CPU`,
  );
}
