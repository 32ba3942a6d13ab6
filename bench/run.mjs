// The benchmark: signaldesk against the floor (node, a minimal Ink app) and the peer (newsboat), in one
// run of interleaved rounds. Prints the tables and writes docs/performance.md.
//
//   node bench/run.mjs [--sizes 1000,10000,100000] [--rounds 7] [--quick] [--out docs/performance.md]
//                      [--bundle dist/signaldesk.js]
//
// --quick: 3 rounds, fewer key presses, sizes 1000,10000 unless --sizes says otherwise.
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { buildFloor } from "./build-floor.mjs";
import { archivePaths, ensureArchive } from "./generate.mjs";
import { registryBench } from "./registry.mjs";
import { handWritten, renderReport } from "./report.mjs";
import { Samples } from "./stats.mjs";
import {
  inkFloor,
  newsboatRun,
  nodeFloor,
  probeSignaldesk,
  signaldeskCommands,
  signaldeskRun,
} from "./subjects.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const log = (m) => process.stderr.write(`${m}\n`);

function parseArgs(argv) {
  const opts = {
    sizes: null,
    rounds: null,
    quick: false,
    out: "docs/performance.md",
    bundle: "dist/signaldesk.js",
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--quick") opts.quick = true;
    else if (a === "--sizes") opts.sizes = value().split(",").map(Number);
    else if (a === "--rounds") opts.rounds = Number(value());
    else if (a === "--out") opts.out = value();
    else if (a === "--bundle") opts.bundle = value();
    else throw new Error(`unknown option ${a}`);
  }
  if (opts.sizes?.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--sizes takes whole numbers");
  opts.sizes ??= opts.quick ? [1000, 10000] : [1000, 10000, 100000];
  opts.rounds ??= opts.quick ? 3 : 7;
  if (!Number.isInteger(opts.rounds) || opts.rounds < 1) throw new Error("--rounds takes a whole number");
  opts.presses = opts.quick ? 5 : 10;
  return opts;
}

function machine() {
  const cpuinfo = existsSync("/proc/cpuinfo") ? readFileSync("/proc/cpuinfo", "utf8") : "";
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model ?? "unknown";
  let nproc = cpus().length;
  try {
    nproc = Number(execFileSync("nproc", { encoding: "utf8" }).trim());
  } catch {}
  return { nproc, model, memGiB: totalmem() / 2 ** 30, node: process.version, load: loadavg() };
}

/** newsboat on PATH, installing the Debian package once if missing. Returns its version or null. */
function ensureNewsboat() {
  const version = () => {
    const r = spawnSync("newsboat", ["-v"], { encoding: "utf8" });
    return r.status === 0 ? r.stdout.split("\n")[0].trim() : null;
  };
  let v = version();
  if (v) return { version: v };
  log("newsboat missing: apt-get update && apt-get install -y newsboat");
  const opts = { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8", timeout: 600_000 };
  const upd = spawnSync("apt-get", ["update"], opts);
  const inst = upd.status === 0 ? spawnSync("apt-get", ["install", "-y", "newsboat"], opts) : upd;
  v = version();
  if (v) return { version: v };
  const why = (inst.error?.message ?? inst.stderr ?? "").trim().split("\n").pop();
  return { version: null, why: `newsboat unavailable (install failed: ${why || `exit ${inst.status}`})` };
}

/** Loads newsboat's cache from feed.xml when the cache is missing or older than the feed. */
function reloadNewsboat(n) {
  const p = archivePaths(n);
  if (existsSync(p.newsboatCache) && statSync(p.newsboatCache).mtimeMs >= statSync(p.feed).mtimeMs)
    return null;
  rmSync(p.newsboatCache, { force: true });
  log(`newsboat ${n}: loading feed.xml into its cache`);
  const r = spawnSync(
    "newsboat",
    ["-x", "reload", "-u", p.newsboatUrls, "-c", p.newsboatCache, "-C", p.newsboatConfig],
    { stdio: "ignore", timeout: 900_000 },
  );
  return r.status === 0 ? null : `newsboat reload failed at ${n} (exit ${r.status ?? r.signal})`;
}

/** Reads every file once so round 1 does not pay for a cold page cache that later rounds do not. */
function warmPageCache(dir) {
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) bytes += readFileSync(join(e.parentPath ?? e.path, e.name)).length;
  }
  return bytes;
}

/** Runs `fn` with one briefing's title changed (a new size and mtime), then puts the file back. */
async function withOneFileEdited(dir, fn) {
  const name = readdirSync(dir, { recursive: true }).find((f) => String(f).endsWith(".md"));
  const file = join(dir, String(name));
  const before = readFileSync(file);
  writeFileSync(file, `${before.toString("utf8").replace(/^title: (.*)$/m, "title: $1 (edited)")}\n`);
  try {
    await fn();
  } finally {
    writeFileSync(file, before);
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const startedAt = new Date();
  const command =
    process.env.npm_lifecycle_event === "bench"
      ? `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`
      : `node bench/run.mjs ${process.argv.slice(2).join(" ")}`.trim();
  const box = machine();
  const notes = [];
  const bundle = resolve(root, opts.bundle);

  log(`bench: sizes ${opts.sizes.join(", ")}, ${opts.rounds} rounds`);
  const floorBundle = await buildFloor();
  const archives = {};
  for (const n of opts.sizes) {
    const stamp = ensureArchive(n, { log });
    archives[n] = { stamp, paths: archivePaths(n) };
    log(`archive ${n}: ${stamp.cached ? "cached" : `generated in ${stamp.seconds.toFixed(1)} s`}`);
    warmPageCache(archives[n].paths.briefings);
  }

  const nb = ensureNewsboat();
  if (!nb.version) notes.push(nb.why);
  const nbOk = {};
  for (const n of opts.sizes) {
    if (!nb.version) break;
    const err = reloadNewsboat(n);
    if (err) notes.push(err);
    nbOk[n] = !err;
    if (!err) readFileSync(archives[n].paths.newsboatCache);
  }

  let sdSkip = existsSync(bundle) ? null : `${bundle} missing (run npm run build)`;
  if (!sdSkip) sdSkip = await probeSignaldesk(bundle, archives[opts.sizes[0]].paths.briefings);
  if (sdSkip) {
    notes.push(`signaldesk skipped: ${sdSkip}`);
    log(`signaldesk skipped: ${sdSkip}`);
  }

  // Each subject is one closure; a round runs them all once, starting one further along each time.
  const samples = new Samples();
  const gaveUp = new Set();
  const subjects = [
    { name: "node -e ''", run: () => nodeFloor(samples) },
    { name: "ink floor", run: () => inkFloor(samples, floorBundle, opts.presses) },
  ];
  for (const n of opts.sizes) {
    const { paths, stamp } = archives[n];
    if (nbOk[n])
      subjects.push({ name: `newsboat ${n}`, run: () => newsboatRun(samples, n, paths, opts.presses) });
    if (!sdSkip) {
      subjects.push({
        name: `signaldesk ${n}`,
        run: async () => {
          if (gaveUp.has(n)) return;
          const cache = mkdtempSync(join(tmpdir(), `sd-bench-${n}-`));
          try {
            const common = { bundle, dir: paths.briefings, cache, presses: opts.presses };
            await signaldeskRun(samples, n, { ...common, kind: "cold" });
            await signaldeskRun(samples, n, { ...common, kind: "warm" });
            await withOneFileEdited(paths.briefings, () =>
              signaldeskRun(samples, n, { ...common, kind: "edited" }),
            );
            await signaldeskCommands(samples, n, { ...common, id: stamp.sampleIds[1] });
          } finally {
            rmSync(cache, { recursive: true, force: true });
          }
          // A reader that never shows the list in time will not in the next rounds either: minutes of
          // timeouts would tell nothing more.
          const listed = ["cold", "warm"].map((k) => samples.stats(`sd.${n}.${k}.list`));
          if (listed.every((st) => st && st.n === 0 && st.failures > 0)) {
            gaveUp.add(n);
            notes.push(`signaldesk at ${n}: the list never appeared in time, so the later rounds skipped it`);
          }
        },
      });
    }
  }
  for (let r = 0; r < opts.rounds; r++) {
    for (let k = 0; k < subjects.length; k++) {
      const subject = subjects[(k + r) % subjects.length];
      const t0 = process.hrtime.bigint();
      try {
        await subject.run();
      } catch (error) {
        notes.push(`round ${r + 1}, ${subject.name}: ${error instanceof Error ? error.message : error}`);
      }
      log(
        `round ${r + 1}/${opts.rounds}: ${subject.name} (${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s)`,
      );
    }
  }

  const registry = await registryBench({ rounds: opts.rounds, bundle: opts.bundle, log });
  const out = resolve(root, opts.out);
  const report = renderReport({
    handWritten: existsSync(out) ? handWritten(readFileSync(out, "utf8")) : null,
    registry,
    samples,
    sizes: opts.sizes,
    rounds: opts.rounds,
    presses: opts.presses,
    command,
    date: startedAt,
    machine: { ...box, loadEnd: loadavg() },
    newsboat: nb.version,
    signaldesk: !sdSkip,
    bundle: relative(root, bundle) || bundle,
    archives: Object.fromEntries(opts.sizes.map((n) => [n, archives[n].stamp])),
    notes,
  });
  process.stdout.write(`${report.terminal}\n`);
  mkdirSync(join(out, ".."), { recursive: true });
  writeFileSync(out, report.markdown);
  mkdirSync(join(root, "bench", "out"), { recursive: true });
  writeFileSync(
    join(root, "bench", "out", "last-run.json"),
    `${JSON.stringify({ opts, samples }, null, 1)}\n`,
  );
  log(`wrote ${opts.out} and bench/out/last-run.json`);
}

main().catch((error) => {
  log(`bench failed: ${error instanceof Error ? error.stack : error}`);
  process.exitCode = 1;
});
