// The live-update figure on its own: one reader kept open on an archive (its first start loads it
// and saves the story), then a briefing written into the folder `--times` times, each timed from the
// write to its title on screen (subjects.mjs `liveAdd`, which the full run also does once per round).
// For a loaded machine where the full run's bounds do not let a cold start of 10k finish.
//
//   node bench/live.mjs [--size 10000] [--times 3] [--bundle dist/signaldesk.js] [--dir COPY] [--cache DIR] [--cpu-prof DIR]
//
// `--dir` takes a copy of the archive's briefings folder instead (the arrival is written into the
// folder read, and the shared archive is read by other runs whose watches would hear it).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { archivePaths, ensureArchive } from "./generate.mjs";
import { cpuMs, Screen } from "./pty.mjs";
import { Samples } from "./stats.mjs";
import { COLS, childEnv, liveAdd, option, ROWS, sdReady, sdSettled, signaldeskArgs } from "./subjects.mjs";

/** CPU time of the process's main thread in ms (schedstat counts nanoseconds). */
const mainThreadMs = (pid) =>
  Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;

const root = fileURLToPath(new URL("..", import.meta.url));
const size = Number(option("--size", "10000"));
const times = Number(option("--times", "3"));
const bundle = resolve(root, option("--bundle", "dist/signaldesk.js"));
const log = (m) => process.stderr.write(`${m}\n`);

const given = option("--dir", "");
if (!given) ensureArchive(size, { log });
const dir = given ? resolve(given) : archivePaths(size).briefings;
// `--cache DIR`: a cache kept between runs (one per bundle: another build's store is made again), so
// a repeated run starts warm instead of loading the archive first.
const keptCache = option("--cache", "");
const cache = keptCache ? resolve(keptCache) : mkdtempSync(join(tmpdir(), "sd-live-bench-"));
// The last place (the view a start opens on) is the run's own: a reader left on the briefings view
// would never show the timeline the start waits for.
rmSync(join(cache, "state"), { recursive: true, force: true });
const samples = new Samples();
// `--cpu-prof DIR`: the reader runs under V8's profiler (a .cpuprofile for DevTools).
const prof = option("--cpu-prof", "");
const nodeArgs = prof ? ["--cpu-prof", "--cpu-prof-dir", resolve(prof)] : [];
const s = new Screen(process.execPath, [...nodeArgs, ...signaldeskArgs(bundle, dir)], {
  cols: COLS,
  rows: ROWS,
  env: childEnv({ XDG_CACHE_HOME: cache }),
});
// Generous: only the figure after the start counts, however long the start takes on a busy machine.
const bound = 900_000;
try {
  const ready = await s.waitFor(sdReady, bound);
  if (!ready.ok) throw new Error(`the list never showed: ${ready.reason}`);
  await s.waitFor(sdSettled, bound);
  // The reader's CPU per arrival, its leaving included: on a loaded machine the wall time moves with
  // the others' work, this far less. The main thread's (schedstat, to the nanosecond: the check, the
  // story read again, the frame) and the process's (every thread, GC helpers too; ticks of 10 ms).
  const main = [];
  const all = [];
  for (let i = 0; i < times; i++) {
    const m0 = mainThreadMs(s.pid);
    const c0 = cpuMs(s.pid);
    await liveAdd(samples, `sd.${size}`, s, dir, bound);
    main.push(Math.round(mainThreadMs(s.pid) - m0));
    all.push(cpuMs(s.pid) - c0);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const st = samples.stats(`sd.${size}.live.add`) ?? { n: 0, failures: 0 };
  const line = `a new file on screen after it is written, at ${size}: ${st.n} samples, p50 ${st.p50?.toFixed(0)} ms, p90 ${st.p90?.toFixed(0)} ms, max ${st.max?.toFixed(0)} ms${st.failures ? `, ${st.failures} failed` : ""}; CPU per arrival and leaving, main thread: median ${median(main)} ms (${main.join(", ")}), process: median ${median(all)} ms`;
  process.stdout.write(`${line}\n`);
} finally {
  await s.close("q");
  s.dispose();
  if (!keptCache) rmSync(cache, { recursive: true, force: true });
}
