// The reader's first start on a folder with no database, interleaved with `node -e ''`: the first
// frame, the list on screen (rows under the header, while the rest of the folder may still be
// loading), a key answered then, every file in (the conflicts then searched) and a key answered
// then, and the load done (the header's note gone), with the process's CPU time and peak RSS. Each round starts from an empty cache folder of its own. Give it a copy of an
// archive (it writes nothing into the folder, but the guide says copies):
//
//   cp -a bench/archives/10000 /tmp/arch
//   node bench/reader-cold.mjs --dir /tmp/arch/briefings [--rounds 3] [--bundle dist/signaldesk.js]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cpuMs, ms, Screen } from "./pty.mjs";
import { percentile } from "./stats.mjs";
import {
  COLS,
  childEnv,
  option,
  ROWS,
  removeLiveLeftovers,
  sdBusy,
  sdReady,
  sdSettled,
  timeToExit,
} from "./subjects.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = resolve(option("--dir", ""));
const rounds = Number(option("--rounds", "3"));
const bundle = resolve(root, option("--bundle", "dist/signaldesk.js"));
const bound = 300_000;
const out = {};
const add = (k, v) => {
  out[k] ??= [];
  out[k].push(v === null ? Number.NaN : Math.round(v));
};

const cursorRow = (s) => s.lines().findIndex((l) => l.startsWith("›"));
const count = (s) => Number(/(\d+) briefings/.exec(s.lines()[0])?.[1] ?? Number.NaN);

async function session() {
  const cache = mkdtempSync(join(tmpdir(), "sd-cold-bench-"));
  // A state folder of its own too: a place saved by another run (another view than the Timeline
  // this script waits for) must not decide where the reader starts.
  const state = mkdtempSync(join(tmpdir(), "sd-cold-state-"));
  const s = new Screen(process.execPath, [bundle, "--dir", dir], {
    cols: COLS,
    rows: ROWS,
    env: childEnv({ XDG_CACHE_HOME: cache, XDG_STATE_HOME: state }),
  });
  try {
    const first = await s.waitFor((x) => x.text().trim() !== "", bound);
    add("first frame", first.ok ? ms(s.t0, first.atNs) : null);
    const ready = await s.waitFor(sdReady, bound);
    if (!ready.ok) throw new Error("the list never showed");
    add("list on screen", ms(s.t0, ready.atNs));
    add("briefings in the first list", count(s));
    if (sdBusy(s)) {
      // A key pressed while the rest loads: how long until the cursor moves.
      const before = cursorRow(s);
      add("key j while loading", await s.press("j", (x) => cursorRow(x) !== before, 30_000));
    }
    // Every file in, the conflicts being searched: a key then waits for that search.
    const searching = (x) => /finding conflicts/.test(x.lines()[1] ?? "");
    const whole = await s.waitFor((x) => searching(x) || sdSettled(x), bound);
    if (whole.ok && searching(s)) {
      add("every file in (note: finding conflicts)", ms(s.t0, whole.atNs));
      const before = cursorRow(s);
      add("key j while finding conflicts", await s.press("j", (x) => cursorRow(x) !== before, 60_000));
    }
    const done = await s.waitFor(sdSettled, bound);
    add("load done (note gone)", done.ok ? ms(s.t0, done.atNs) : null);
    add("briefings at the end", count(s));
    add("CPU (user+sys)", cpuMs(s.pid));
    add("peak RSS MB", (s.peakRssKb() ?? Number.NaN) / 1024);
  } finally {
    await s.close("q");
    s.dispose();
    rmSync(cache, { recursive: true, force: true });
    rmSync(state, { recursive: true, force: true });
  }
}

const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
console.log(`load ${load()} at ${new Date().toISOString()}, ${bundle}`);
removeLiveLeftovers(dir);
for (let r = 0; r < rounds; r++) {
  for (let i = 0; i < 3; i++) add("node -e ''", (await timeToExit(process.execPath, ["-e", ""])).ms);
  await session();
  console.log(`round ${r + 1} done, load ${load()}`);
}
const median = (v) =>
  percentile(
    [...v].sort((a, b) => a - b),
    0.5,
  );
const floor = median(out["node -e ''"]);
for (const [k, v] of Object.entries(out))
  console.log(
    `${k}: median ${median(v)} (${v.join(", ")})${/ms|frame|screen|done|key/.test(k) ? ` = ${(median(v) / floor).toFixed(1)}× node -e ''` : ""}`,
  );
console.log(`load ${load()} at ${new Date().toISOString()}`);
