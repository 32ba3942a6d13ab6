// A cold `list --json` of a folder by one or more built programs, its CPU split by thread, in
// interleaved rounds (a fresh cache folder each). The threads of the process are read from
// /proc/PID/task every 20 ms and each one's last reading kept (a parse worker ends before the
// process does): the main thread; the threads started with the process (V8's platform threads:
// the optimising compiler and the GC's concurrent marking, for every isolate); and the threads
// started later (the parse workers, libuv's pool). A process-wide figure (/usr/bin/time) cannot
// tell a second worker's own warm-up from its compiler's or from the writes on the main thread.
//   node bench/thread-cpu.mjs DIR ROUNDS BUNDLE[=ENV=VALUE,...] [BUNDLE...]
// e.g. node bench/thread-cpu.mjs bench/archives/10000/briefings 2 /work/main/dist/signaldesk.js \
//        /work/main/dist/signaldesk.js=SIGNALDESK_WORKERS=1
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadAt, median } from "./checkouts.mjs";

const TICK = 100; // clock ticks a second (USER_HZ)

/** utime + stime of one thread; null once it is gone. */
function threadStat(pid, tid) {
  try {
    const s = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
    const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
    return { cpu: (Number(f[11]) + Number(f[12])) / TICK };
  } catch {
    return null;
  }
}

function once(bundle, env, dir) {
  const cache = mkdtempSync(join(tmpdir(), "thread-cpu-"));
  const t0 = performance.now();
  const child = spawn(process.execPath, [bundle, "--dir", dir, "list", "--json"], {
    env: { ...process.env, ...env, XDG_CACHE_HOME: cache, XDG_STATE_HOME: cache },
    stdio: ["ignore", openSync("/dev/null", "w"), "inherit"],
  });
  const seen = new Map();
  // The threads of the first reading that finds more than the main thread started with the process
  // (V8's platform threads are made together before any script runs; no worker starts before the
  // folder is scanned and the registry read).
  let early = null;
  const poll = () => {
    let tids = [];
    try {
      tids = readdirSync(`/proc/${child.pid}/task`);
    } catch {
      return;
    }
    if (early === null && tids.length > 1) early = new Set(tids.map(Number));
    for (const tid of tids) {
      const st = threadStat(child.pid, tid);
      if (st !== null) seen.set(Number(tid), st);
    }
  };
  const timer = setInterval(poll, 20);
  return new Promise((done, fail) => {
    child.on("error", fail);
    child.on("exit", (code) => {
      clearInterval(timer);
      rmSync(cache, { recursive: true, force: true });
      if (code !== 0) {
        fail(new Error(`${bundle}: exit ${code}`));
        return;
      }
      const main = seen.get(child.pid) ?? { cpu: 0 };
      const out = { main: main.cpu, platform: 0, later: 0, wall: (performance.now() - t0) / 1000 };
      for (const [tid, st] of seen) {
        if (tid === child.pid) continue;
        if (early?.has(tid)) out.platform += st.cpu;
        else out.later += st.cpu;
      }
      out.total = out.main + out.platform + out.later;
      done(out);
    });
  });
}

const [dirArg, rounds, ...subjects] = process.argv.slice(2);
if (!dirArg || !(Number(rounds) > 0) || subjects.length === 0)
  throw new Error("usage: thread-cpu.mjs DIR ROUNDS BUNDLE[=ENV=VALUE,...] [BUNDLE...]");
const dir = resolve(dirArg);
const parsed = subjects.map((s) => {
  const [bundle, ...envs] = s.split("=");
  const env = {};
  // BUNDLE=NAME=VALUE,NAME=VALUE
  const pairs = envs.join("=").split(",").filter(Boolean);
  for (const p of pairs) {
    const at = p.indexOf("=");
    env[p.slice(0, at)] = p.slice(at + 1);
  }
  return { name: s, bundle: resolve(bundle), env };
});
const start = loadAt();
const rows = parsed.map(() => []);
for (let r = 0; r < Number(rounds); r++)
  for (let k = 0; k < parsed.length; k++) {
    const which = (r + k) % parsed.length;
    const s = parsed[which];
    const t = await once(s.bundle, s.env, dir);
    rows[which].push(t);
    console.log(
      `round ${r + 1} ${s.name}: total ${t.total.toFixed(2)} s CPU (main ${t.main.toFixed(2)}, ` +
        `V8 platform ${t.platform.toFixed(2)}, later threads ${t.later.toFixed(2)}), wall ${t.wall.toFixed(1)} s [load ${loadAt()}]`,
    );
  }
console.log(`\n| CPU s, median of ${rounds} | ${parsed.map((s) => s.name).join(" | ")} |`);
console.log(`|---|${parsed.map(() => "--:").join("|")}|`);
for (const key of ["total", "main", "platform", "later", "wall"])
  console.log(`| ${key} | ${rows.map((t) => median(t.map((x) => x[key])).toFixed(2)).join(" | ")} |`);
console.log(`load average at start ${start}, at end ${loadAt()}`);
