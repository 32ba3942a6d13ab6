// `print ID` of two builds against `node -e ''`, in the same minutes: each build gets its own cache
// folder, warmed by one `list`; then every round runs `node -e ''`, the base's `print ID` and the
// new build's, in a rotating order. Wall (spawn to exit) and CPU (user + system, /usr/bin/time, 10 ms
// steps) medians, with the load average; every output of the two builds is compared byte for byte.
//   node bench/print-pair.mjs --dir COPY/briefings --rounds 30 BASE/signaldesk.js NEW/signaldesk.js
// COPY is a `cp -aL` copy of bench/archives/N: each build writes its own store of it once.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const rounds = Number(opt("rounds", "30"));
const dir = resolve(opt("dir", "bench/archives/10000/briefings"));
const [base, next] = args.map((a) => resolve(a));
if (!base || !next) throw new Error("two bundles are needed: BASE/signaldesk.js NEW/signaldesk.js");
const scratch = mkdtempSync(join(tmpdir(), "sd-print-pair-"));
const timeFile = join(scratch, "time");
const envOf = (name) => ({
  ...process.env,
  XDG_CACHE_HOME: join(scratch, name, "cache"),
  XDG_STATE_HOME: join(scratch, name, "state"),
});

function run(argv, env, stdio = "ignore") {
  const started = process.hrtime.bigint();
  const r = spawnSync("/usr/bin/time", ["-o", timeFile, "-f", "%U %S", ...argv], {
    env,
    stdio: ["ignore", stdio, "pipe"],
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (r.status !== 0) throw new Error(`${argv.join(" ")} exited ${r.status}: ${r.stderr}`);
  const [user, sys] = readFileSync(timeFile, "utf8").trim().split("\n").pop().split(" ").map(Number);
  return { wall, cpu: user + sys, stdout: r.stdout };
}

const builds = [
  ["base", base],
  ["new", next],
];
let ids;
for (const [name, bundle] of builds) {
  const listed = run([process.execPath, bundle, "--dir", dir, "list"], envOf(name), "pipe").stdout;
  ids ??= listed
    .trimEnd()
    .split("\n")
    .map((row) => row.split("\t")[1]);
}
// The same briefings for both builds, spread over the folder; the outputs must be the same bytes.
const sample = ids.filter((_, i) => i % Math.ceil(ids.length / 12) === 0);
for (const id of sample)
  for (const format of [[], ["--format", "markdown"], ["--format", "json"]]) {
    const [a, b] = builds.map(
      ([name, bundle]) =>
        run([process.execPath, bundle, "--dir", dir, "print", id, ...format], envOf(name), "pipe").stdout,
    );
    if (a !== b) throw new Error(`print ${id} ${format.join(" ")}: the two builds differ`);
  }

const subjects = [
  ["`node -e ''`", [process.execPath, "-e", ""], process.env],
  ...builds.map(([name, bundle]) => [
    `${name}: \`print ID\``,
    [process.execPath, bundle, "--dir", dir, "print", sample[Math.floor(sample.length / 2)]],
    envOf(name),
  ]),
];
const samples = subjects.map(() => []);
const loadStart = loadavg();
const started = new Date();
for (let round = 0; round < rounds; round++)
  for (let k = 0; k < subjects.length; k++) {
    const at = (k + round) % subjects.length;
    const [, argv, env] = subjects[at];
    samples[at].push(run(argv, env));
  }
const loadEnd = loadavg();
rmSync(scratch, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const la = (l) => l.map((x) => x.toFixed(2)).join(" ");
const wall0 = median(samples[0].map((s) => s.wall));
const cpu0 = median(samples[0].map((s) => s.cpu));
console.log(
  `- ${started.toISOString()}, ${rounds} interleaved rounds; load average ${la(loadStart)} → ${la(loadEnd)}`,
);
console.log(`- outputs of ${sample.length} ids × text, markdown, json: the same bytes from both builds`);
console.log("");
console.log("| | wall p50 | ÷ node | CPU p50 | ÷ node |");
console.log("|---|--:|--:|--:|--:|");
subjects.forEach(([label], i) => {
  const wall = median(samples[i].map((s) => s.wall));
  const cpu = median(samples[i].map((s) => s.cpu));
  console.log(
    `| ${label} | ${(wall * 1000).toFixed(0)} ms | ${(wall / wall0).toFixed(2)}× | ${(cpu * 1000).toFixed(0)} ms | ${(cpu / cpu0).toFixed(2)}× |`,
  );
});
