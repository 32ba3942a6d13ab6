// The cold load of one archive by two bundles, in one run of interleaved rounds: `list --json` with
// no parse cache (a fresh cache folder each time) reads and parses every file, so it shows what a
// change to parsing costs a first load; `print ID` is timed beside it. Not part of the report.
//   node bench/compare-cold.mjs BASE_BUNDLE NEW_BUNDLE [size=10000] [rounds=3]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { archivePaths, ensureArchive } from "./generate.mjs";
import { childEnv, timeToExit } from "./subjects.mjs";

const [base, next, size = "10000", rounds = "3"] = process.argv.slice(2);
if (!base || !next) throw new Error("usage: compare-cold.mjs BASE_BUNDLE NEW_BUNDLE [size] [rounds]");
const n = Number(size);
ensureArchive(n, { log: () => {} });
const paths = archivePaths(n);
const id = JSON.parse(readFileSync(join(paths.root, "generator.json"), "utf8")).sampleIds[1];
const bundles = { base: resolve(base), new: resolve(next) };
const times = { base: { load: [], print: [], node: [] }, new: { load: [], print: [], node: [] } };
for (let r = 0; r < Number(rounds); r++) {
  for (const which of r % 2 === 0 ? ["base", "new"] : ["new", "base"]) {
    const cache = mkdtempSync(join(tmpdir(), `sd-cmp-${n}-`));
    try {
      const env = childEnv({ XDG_CACHE_HOME: cache });
      const load = await timeToExit(
        process.execPath,
        [bundles[which], "--dir", paths.briefings, "list", "--json"],
        {
          env,
          timeoutMs: 600_000,
        },
      );
      times[which].load.push(load.ms ?? Number.NaN);
      for (let k = 0; k < 5; k++) {
        const floor = await timeToExit(process.execPath, ["-e", ""], { env });
        const print = await timeToExit(
          process.execPath,
          [bundles[which], "--dir", paths.briefings, "print", id],
          { env },
        );
        times[which].node.push(floor.ms ?? Number.NaN);
        times[which].print.push(print.ms ?? Number.NaN);
      }
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [which, t] of Object.entries(times)) {
  const ratios = t.print.map((p, i) => p / t.node[i]);
  console.log(
    `${which.padEnd(4)} cold list --json ${n}: ${t.load.map(Math.round).join(" ")} ms (median ${Math.round(median(t.load))});` +
      ` print ID median ${Math.round(median(t.print))} ms, ${median(ratios).toFixed(2)}× node -e '' (paired)`,
  );
}
