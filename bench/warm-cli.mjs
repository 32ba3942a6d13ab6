// The warm command-line paths against `node -e ''`, in the same minutes: every round runs each command
// once, each straight after a `node -e ''`, so the floor is taken under the same load. Wall and CPU
// (user + system, from /usr/bin/time) are reported as medians, with the load average.
//   node bench/warm-cli.mjs [--size 10000] [--rounds 7] [--bundle dist/signaldesk.js]
// The archive must exist (bench/generate.mjs); its store is made once, cold, in a fresh cache folder.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const size = Number(opt("size", "10000"));
const rounds = Number(opt("rounds", "7"));
const bundle = resolve(opt("bundle", "dist/signaldesk.js"));
const dir = resolve(opt("dir", `bench/archives/${size}/briefings`));
const cache = mkdtempSync(join(tmpdir(), "sd-warm-cli-"));
const env = { ...process.env, XDG_CACHE_HOME: join(cache, "cache"), XDG_STATE_HOME: join(cache, "state") };
const timeFile = join(cache, "time");

/** One run under /usr/bin/time: wall, CPU (user + sys) in seconds, peak RSS in MB. */
function timed(argv) {
  const r = spawnSync("/usr/bin/time", ["-o", timeFile, "-f", "%e %U %S %M", ...argv], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  if (r.status !== 0) throw new Error(`${argv.join(" ")} exited ${r.status}: ${r.stderr}`);
  const [wall, user, sys, rss] = readFileSync(timeFile, "utf8")
    .trim()
    .split("\n")
    .pop()
    .split(" ")
    .map(Number);
  return { wall, cpu: user + sys, rss: rss / 1024 };
}

const sd = (...rest) => [process.execPath, bundle, ...rest, "--dir", dir];
const first = spawnSync(process.execPath, [bundle, "list", "--dir", dir], {
  env,
  encoding: "utf8",
  maxBuffer: 1 << 28,
});
if (first.status !== 0) throw new Error(`cold list failed: ${first.stderr}`);
const [firstLine] = first.stdout.split("\n");
const [, id, , actors] = firstLine.split("\t");
const actor = actors.split(", ")[0];
const subjects = [
  ["`list`", sd("list")],
  ["`print ID`", sd("print", id)],
  ["`print ID --format json`", sd("print", id, "--format", "json")],
  ["`list --json`", sd("list", "--json")],
  [`\`list --actor '${actor}'\``, sd("list", "--actor", actor)],
  ["`list --query 'ministry'`", sd("list", "--query", "ministry")],
  ["`list --unread`", sd("list", "--unread")],
];
const floor = [process.execPath, "-e", ""];
const samples = new Map([["node", []], ...subjects.map(([name]) => [name, []])]);
const loadStart = loadavg();
const started = new Date();
for (let round = 0; round < rounds; round++) {
  // Each round starts one subject further along, so no subject always follows the same one.
  for (let k = 0; k < subjects.length; k++) {
    const [name, argv] = subjects[(k + round) % subjects.length];
    samples.get("node").push(timed(floor));
    samples.get(name).push(timed(argv));
  }
}
const loadEnd = loadavg();
rmSync(cache, { recursive: true, force: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const node = samples.get("node");
const nodeWall = median(node.map((s) => s.wall));
const nodeCpu = median(node.map((s) => s.cpu));
const f2 = (x) => x.toFixed(2);
const la = (l) => l.map((x) => x.toFixed(2)).join(" ");
console.log(`- Command: \`node bench/warm-cli.mjs --size ${size} --rounds ${rounds}\``);
console.log(
  `- Date: ${started.toISOString()}; load average at start ${la(loadStart)}, at end ${la(loadEnd)}`,
);
console.log(`- ${rounds} interleaved rounds; each command right after a \`node -e ''\`; stdout to /dev/null`);
console.log("");
console.log("| at 10,000, warm | wall p50 | ÷ node | CPU p50 | ÷ node | peak RSS |");
console.log("|---|--:|--:|--:|--:|--:|");
for (const [name, s] of samples) {
  const wall = median(s.map((x) => x.wall));
  const cpu = median(s.map((x) => x.cpu));
  const rss = median(s.map((x) => x.rss));
  const label = name === "node" ? "`node -e ''`" : name;
  console.log(
    `| ${label} | ${f2(wall)} s | ${f2(wall / nodeWall)}× | ${f2(cpu)} s | ${f2(cpu / nodeCpu)}× | ${Math.round(rss)} MB |`,
  );
}
