// The warm reader's keys alone, for one or more builds side by side: each round runs a minimal Ink
// app's key presses, newsboat's (when its archive files are there), then one warm session of each
// build in turn (starting one further along each round), every session running run.mjs's key script
// (subjects.mjs keyScript). Each build keeps a cache folder of its own, warmed by one `list` first.
// Give it a copy of an archive (`cp -aL`: a session writes nothing into the folder, but the guide says
// copies):
//
//   node bench/reader-keys.mjs --dir /tmp/arch [--rounds 3] [--presses 5] --bundle A.js [--bundle B.js]
//
// --dir is the archive's root (briefings/ and newsboat/ under it).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildFloor, FLOOR_BUNDLE } from "./build-floor.mjs";
import { Samples } from "./stats.mjs";
import { inkFloor, newsboatRun, option, signaldeskRun, warmCaches } from "./subjects.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = resolve(option("--dir", ""));
const rounds = Number(option("--rounds", "3"));
const presses = Number(option("--presses", "5"));
const bundles = [];
for (let i = 0; i < process.argv.length; i++)
  if (process.argv[i] === "--bundle") bundles.push(resolve(root, process.argv[i + 1]));
if (bundles.length === 0) bundles.push(resolve(root, "dist/signaldesk.js"));
const briefings = join(dir, "briefings");
const n = 10_000;
const samples = new Samples();
const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
console.log(`load ${load()} at ${new Date().toISOString()}`);

const caches = warmCaches(bundles, briefings, "sd-keys-cache-");
await buildFloor();
const floor = FLOOR_BUNDLE;
const nb = {
  newsboatUrls: join(dir, "newsboat", "urls"),
  newsboatCache: join(dir, "newsboat", "cache.db"),
  newsboatConfig: join(dir, "newsboat", "config"),
};
const withNewsboat = existsSync(nb.newsboatCache) && spawnSync("newsboat", ["-v"]).status === 0;
try {
  for (let r = 0; r < rounds; r++) {
    await inkFloor(samples, floor, presses);
    if (withNewsboat) await newsboatRun(samples, n, nb, presses);
    for (let k = 0; k < bundles.length; k++) {
      const b = (r + k) % bundles.length;
      const own = new Samples();
      await signaldeskRun(own, n, {
        bundle: bundles[b],
        dir: briefings,
        cache: caches[b],
        kind: "warm",
        presses,
      });
      for (const [key, e] of own.map) for (const v of e.values) samples.add(`${b}:${key}`, v);
    }
    console.log(`round ${r + 1} done, load ${load()}`);
  }
} finally {
  for (const c of caches) rmSync(c, { recursive: true, force: true });
}
const row = (key) => {
  const s = samples.stats(key);
  return s === null || s.n === 0
    ? "—"
    : `p50 ${s.p50.toFixed(1)} p90 ${s.p90.toFixed(1)} (n ${s.n}${s.failures ? `, ${s.failures} failed` : ""})`;
};
console.log(`ink key: ${row("ink.key")}`);
console.log(`newsboat key: ${row(`nb.${n}.key`)}; PgDn ${row(`nb.${n}.pgdn`)}`);
const names = [
  ...new Set([...samples.map.keys()].filter((k) => k.includes(".key.")).map((k) => k.split(".key.")[1])),
];
for (const name of names)
  console.log(`${name}: ${bundles.map((_, b) => `[${b}] ${row(`${b}:sd.${n}.key.${name}`)}`).join("  ")}`);
for (const [b, bundle] of bundles.entries()) console.log(`[${b}] ${bundle}`);
console.log(`load ${load()} at ${new Date().toISOString()}`);
