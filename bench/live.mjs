// The live-update figure on its own: one reader kept open on an archive (its first start loads it
// and saves the story), then a briefing written into the folder `--times` times, each timed from the
// write to its title on screen (subjects.mjs `liveAdd`, which the full run also does once per round).
// For a loaded machine where the full run's bounds do not let a cold start of 10k finish.
//
//   node bench/live.mjs [--size 10000] [--times 3] [--bundle dist/signaldesk.js]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { archivePaths, ensureArchive } from "./generate.mjs";
import { Screen } from "./pty.mjs";
import { Samples } from "./stats.mjs";
import { COLS, childEnv, liveAdd, option, ROWS, sdReady, sdSettled, signaldeskArgs } from "./subjects.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const size = Number(option("--size", "10000"));
const times = Number(option("--times", "3"));
const bundle = resolve(root, option("--bundle", "dist/signaldesk.js"));
const log = (m) => process.stderr.write(`${m}\n`);

ensureArchive(size, { log });
const dir = archivePaths(size).briefings;
const cache = mkdtempSync(join(tmpdir(), "sd-live-bench-"));
const samples = new Samples();
const s = new Screen(process.execPath, signaldeskArgs(bundle, dir), {
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
  for (let i = 0; i < times; i++) await liveAdd(samples, `sd.${size}`, s, dir, bound);
  const st = samples.stats(`sd.${size}.live.add`) ?? { n: 0, failures: 0 };
  const line = `a new file on screen after it is written, at ${size}: ${st.n} samples, p50 ${st.p50?.toFixed(0)} ms, p90 ${st.p90?.toFixed(0)} ms, max ${st.max?.toFixed(0)} ms${st.failures ? `, ${st.failures} failed` : ""}`;
  process.stdout.write(`${line}\n`);
} finally {
  await s.close("q");
  s.dispose();
  rmSync(cache, { recursive: true, force: true });
}
