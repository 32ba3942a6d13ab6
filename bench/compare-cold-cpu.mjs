// CPU time of a first (cold) load by two bundles, in one run of interleaved rounds, for a machine shared
// with others, where wall times say more about the neighbours than about the program. Each bundle, each
// round, with a fresh cache folder:
//   - `list --json` (reads and parses every file, writes the JSON) under /usr/bin/time;
//   - the reader's cold start in a pty under /usr/bin/time, until its list shows and the load is done
//     (nothing left in the header's busy line), then q; its CPU counts every thread, workers included;
//   - `print ID`, five times, each straight after a `node -e ''`, as the ratio of the pair.
// Not part of the report (docs/performance.md quotes it by hand):
//   node bench/compare-cold-cpu.mjs BASE_BUNDLE NEW_BUNDLE [size=10000] [rounds=3]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { archivePaths, ensureArchive } from "./generate.mjs";
import { ms, Screen } from "./pty.mjs";
import { COLS, childEnv, ROWS, timeToExit } from "./subjects.mjs";

const TIME = "/usr/bin/time";
const [base, next, size = "10000", rounds = "3"] = process.argv.slice(2);
if (!base || !next) throw new Error("usage: compare-cold-cpu.mjs BASE_BUNDLE NEW_BUNDLE [size] [rounds]");
const n = Number(size);
ensureArchive(n, { log: () => {} });
const paths = archivePaths(n);
const id = JSON.parse(readFileSync(join(paths.root, "generator.json"), "utf8")).sampleIds[1];
const bundles = { base: resolve(base), new: resolve(next) };

/** `/usr/bin/time -f` output: wall, user and system seconds, peak RSS in kB. */
function readTimes(file) {
  const [wall, user, sys, rss] = readFileSync(file, "utf8").trim().split(/\s+/).slice(-4).map(Number);
  return { wall, cpu: user + sys, rss };
}

async function listJson(bundle, cache, scratch) {
  const out = join(scratch, "list.time");
  const r = await timeToExit(
    TIME,
    ["-f", "%e %U %S %M", "-o", out, process.execPath, bundle, "--dir", paths.briefings, "list", "--json"],
    { env: childEnv({ XDG_CACHE_HOME: cache }), timeoutMs: 900_000 },
  );
  if (r.ms === null) throw new Error(`list --json failed: ${r.reason}`);
  return readTimes(out);
}

const counted = (s) => {
  const head = s.lines()[0] ?? "";
  return /\[1 Timeline\]/.test(head) && !head.includes("loading") && /\d+ briefings/.test(head);
};
const listed = (s) =>
  counted(s) &&
  s
    .lines()
    .slice(2)
    .filter((l) => l.trim() !== "").length >= 8;
// A first load that shows its rows while the rest load says so in the header ("loading 1,000 of
// 10,000", then "finding conflicts"): busy until that note is gone too.
const busy = (s) =>
  /checking files|reloading|finding glossary terms|saving for the next start|loading [\d,]+ of|finding conflicts/.test(
    `${s.lines()[0] ?? ""}\n${s.lines()[1] ?? ""}`,
  );

async function readerCold(bundle, cache, scratch) {
  const out = join(scratch, "tui.time");
  const s = new Screen(
    TIME,
    ["-f", "%e %U %S %M", "-o", out, process.execPath, bundle, "--dir", paths.briefings],
    { cols: COLS, rows: ROWS, env: childEnv({ XDG_CACHE_HOME: cache }) },
  );
  try {
    const shown = await s.waitFor(listed, 900_000);
    if (!shown.ok) throw new Error(`the reader's list never showed: ${shown.reason}`);
    const done = await s.waitFor((x) => listed(x) && !busy(x), 900_000);
    if (!done.ok) throw new Error(`the reader's load never finished: ${done.reason}`);
    await s.close("q", 60_000);
    return { listMs: ms(s.t0, shown.atNs), ...readTimes(out) };
  } finally {
    s.dispose();
  }
}

async function printPairs(bundle, cache) {
  const env = childEnv({ XDG_CACHE_HOME: cache });
  const ratios = [];
  for (let k = 0; k < 5; k++) {
    const floor = await timeToExit(process.execPath, ["-e", ""], { env });
    const print = await timeToExit(process.execPath, [bundle, "--dir", paths.briefings, "print", id], {
      env,
    });
    if (floor.ms !== null && print.ms !== null) ratios.push(print.ms / floor.ms);
  }
  return ratios;
}

const load = [
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" "),
];
const rows = { base: [], new: [] };
for (let r = 0; r < Number(rounds); r++) {
  for (const which of r % 2 === 0 ? ["base", "new"] : ["new", "base"]) {
    const scratch = mkdtempSync(join(tmpdir(), `sd-cpu-${n}-`));
    const cacheA = join(scratch, "cache-list");
    const cacheB = join(scratch, "cache-tui");
    try {
      const list = await listJson(bundles[which], cacheA, scratch);
      const prints = await printPairs(bundles[which], cacheA);
      const tui = await readerCold(bundles[which], cacheB, scratch);
      rows[which].push({ list, tui, prints });
      console.log(
        `round ${r + 1} ${which}: list --json ${list.wall.toFixed(1)} s wall, ${list.cpu.toFixed(2)} s CPU;` +
          ` reader cold: list shown after ${(tui.listMs / 1000).toFixed(1)} s, ${tui.cpu.toFixed(2)} s CPU,` +
          ` peak ${Math.round(tui.rss / 1024)} MB; print ID ÷ node -e '' ${prints.map((x) => x.toFixed(2)).join(" ")}`,
      );
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
}
load.push(
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" "),
);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const which of ["base", "new"]) {
  const t = rows[which];
  console.log(
    `${which}: median list --json CPU ${median(t.map((x) => x.list.cpu)).toFixed(2)} s;` +
      ` reader cold CPU ${median(t.map((x) => x.tui.cpu)).toFixed(2)} s;` +
      ` print ID ÷ node -e '' ${median(t.flatMap((x) => x.prints)).toFixed(2)}×`,
  );
}
const ratio = (f) => median(rows.new.map(f)) / median(rows.base.map(f));
console.log(
  `new ÷ base: list --json CPU ${ratio((x) => x.list.cpu).toFixed(3)}×, reader cold CPU ${ratio((x) => x.tui.cpu).toFixed(3)}×`,
);
console.log(`load average at start ${load[0]}, at end ${load[1]}`);
