// The reader's start after one file was edited, for two bundles side by side (not part of the report):
// each round edits the file `npm run bench` edits (the first .md a recursive readdir names), then
// starts each bundle once on it (in turn, the first one alternating), and a warm start of each with
// no edit; `node -e ''` between. Times from spawn, in a pty as the bench takes
// them: the first frame, the list (sdReady), the edit on screen (sdSettled: the loading line gone), and
// the process's CPU then. Give it a copy of an archive and a cache folder per bundle, warmed by one
// `list` each; the file is put back at the end.
//
//   node bench/edit-pair.mjs --dir /tmp/arch/briefings --caches /tmp/c-a,/tmp/c-b [--rounds 5] [--linger MS] [--warm-only] A.js B.js
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { cpuMs, ms, Screen } from "./pty.mjs";
import { percentile } from "./stats.mjs";
import { COLS, childEnv, option, ROWS, sdReady, sdSettled, timeToExit } from "./subjects.mjs";

const dir = resolve(option("--dir", ""));
const rounds = Number(option("--rounds", "5"));
const caches = option("--caches", "").split(",");
const bundles = process.argv.slice(2).filter((a) => a.endsWith(".js"));
if (bundles.length === 0 || caches.length !== bundles.length) {
  console.error(
    "usage: node bench/edit-pair.mjs --dir DIR --caches C1,C2 [--rounds N] [--linger MS] [--warm-only] A.js [B.js]",
  );
  process.exit(2);
}
const name = readdirSync(dir, { recursive: true }).find((f) => String(f).endsWith(".md"));
const file = join(dir, String(name));
const original = readFileSync(file);
const bound = 60_000;
// After the edit is on screen the reader goes on (term uses, the whole story, Ink): a session quit at
// once can leave that work for the next start to do. `--linger MS` waits so long (quiet) first.
const linger = Number(option("--linger", "0"));
/** `--warm-only`: no edit, the warm starts alone. */
const warmOnly = process.argv.includes("--warm-only");
const nonBlank = (s) => s.lines().some((l) => l.trim() !== "");

const out = new Map();
const add = (k, v) => {
  if (!out.has(k)) out.set(k, []);
  out.get(k).push(v === null ? Number.NaN : Math.round(v));
};

async function session(label, bundle, cache) {
  const s = new Screen(process.execPath, [bundle, "--dir", dir], {
    cols: COLS,
    rows: ROWS,
    env: childEnv({ XDG_CACHE_HOME: cache }),
  });
  try {
    const first = await s.waitFor(nonBlank, bound);
    const list = await s.waitFor(sdReady, bound);
    const settled = await s.waitFor(sdSettled, bound);
    const cpu = cpuMs(s.pid);
    if (linger > 0) await s.idle(linger, linger * 5);
    add(`${label} first frame`, first.ok ? ms(s.t0, first.atNs) : null);
    add(`${label} list`, list.ok ? ms(s.t0, list.atNs) : null);
    add(`${label} settled`, settled.ok ? ms(s.t0, settled.atNs) : null);
    add(`${label} CPU at settled`, cpu);
  } finally {
    await s.close("q");
    s.dispose();
  }
}

const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
console.log(`load ${load()} at ${new Date().toISOString()}, ${file}`);
try {
  for (let r = 0; r < rounds; r++) {
    add("node -e ''", (await timeToExit(process.execPath, ["-e", ""])).ms);
    // As `npm run bench` edits it (a title in front matter changed, else only a new line at the end),
    // with one more new line each round: every round is a change the caches have not seen.
    const text = original.toString("utf8").replace(/^title: (.*)$/m, "title: $1 (edited)");
    if (!warmOnly) writeFileSync(file, `${text}${"\n".repeat(r + 1)}`);
    const order = bundles.map((_, i) => (i + r) % bundles.length);
    if (!warmOnly)
      for (const i of order) await session(`${i === 0 ? "A" : "B"} edited`, bundles[i], caches[i]);
    add("node -e ''", (await timeToExit(process.execPath, ["-e", ""])).ms);
    for (const i of order) await session(`${i === 0 ? "A" : "B"} warm`, bundles[i], caches[i]);
  }
} finally {
  writeFileSync(file, original);
}
const median = (v) =>
  percentile(
    v.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b),
    0.5,
  );
const floor = median(out.get("node -e ''"));
for (const [i, b] of bundles.entries()) console.log(`${i === 0 ? "A" : "B"}: ${b}`);
for (const [k, v] of [...out].sort(([a], [b]) => (a < b ? -1 : 1)))
  console.log(
    `${k.padEnd(22)} median ${String(median(v)).padStart(5)} ms${k.includes("CPU") || k.startsWith("node") ? "        " : ` ${(median(v) / floor).toFixed(2)}×`}  (${v.join(", ")})`,
  );
console.log(`load ${load()} at ${new Date().toISOString()}`);
