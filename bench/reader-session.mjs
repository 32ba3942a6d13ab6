// The reader's warm figures on their own, interleaved with `node -e ''`: the list on screen, a
// briefing written while it runs (timed to its title on the Briefings view), and a start after one
// file was edited (timed to the end of the loading line, when the edit is on screen). It edits a
// file of the folder and puts it back: give it a copy of an archive, warmed by one `list` first.
// Each session gets a fresh, empty state folder (XDG_STATE_HOME): a place a session saved (the
// Briefings view this script switches to) must not decide where the next one starts. Files a killed
// run left in the folder (zz-live-*.md) are removed first.
//
//   cp -r bench/archives/10000 /tmp/arch
//   XDG_CACHE_HOME=/tmp/sd-cache node dist/signaldesk.js list --dir /tmp/arch/briefings > /dev/null
//   XDG_CACHE_HOME=/tmp/sd-cache node bench/reader-session.mjs --dir /tmp/arch/briefings [--rounds 3]
import { mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { cpuMs, ms, Screen } from "./pty.mjs";
import { percentile } from "./stats.mjs";
import {
  COLS,
  childEnv,
  liveFile,
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

function firstBriefing(d) {
  for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = join(d, e.name);
    if (e.isFile() && e.name.endsWith(".md")) return p;
    if (e.isDirectory()) {
      const found = firstBriefing(p);
      if (found) return found;
    }
  }
  return null;
}
const target = firstBriefing(dir);
if (target === null) throw new Error(`no .md briefing under ${dir}`);
const original = readFileSync(target, "utf8");
const out = {};
const add = (k, v) => {
  out[k] ??= [];
  out[k].push(Math.round(v));
};
const tab2 = (s) => s.lines()[0].includes("[2 Briefings]");

async function session(kind, live) {
  const state = mkdtempSync(join(tmpdir(), "sd-session-state-"));
  const env = childEnv({ XDG_STATE_HOME: state });
  const s = new Screen(process.execPath, [bundle, "--dir", dir], { cols: COLS, rows: ROWS, env });
  try {
    const ready = await s.waitFor(sdReady, bound);
    if (!ready.ok) throw new Error(`${kind}: the list never showed`);
    add(`${kind}: list on screen`, ms(s.t0, ready.atNs));
    // The process's CPU time when the screen was seen (read just after: a little late on a busy
    // machine, where the wall-clock figures are much later still).
    add(`${kind}: CPU at list on screen`, cpuMs(s.pid) ?? Number.NaN);
    const settled = await s.waitFor(sdSettled, bound);
    add(`${kind}: loading line gone`, ms(s.t0, settled.atNs));
    add(`${kind}: CPU at loading line gone`, cpuMs(s.pid) ?? Number.NaN);
    if (!live) return;
    await s.idle(200);
    if (!tab2(s)) await s.press("2", tab2, bound);
    const title = `Live arrival ${process.pid}-${Date.now()}`;
    const file = liveFile(dir);
    const t0 = process.hrtime.bigint();
    writeFileSync(file, `---\ntitle: ${title}\ndate: 2099-01-01\n---\nOn 2099-01-01 a briefing arrived.\n`);
    const shown = await s.waitFor((x) => x.text().includes(title), bound);
    add("a new file on screen after it is written", shown.ok ? ms(t0, shown.atNs) : Number.NaN);
    unlinkSync(file);
    // Still on the Briefings view: sdSettled asks for the Timeline tab, which this view never shows.
    await s.waitFor((x) => !x.text().includes(title) && !sdBusy(x), bound);
  } finally {
    await s.close("q");
    s.dispose();
    rmSync(state, { recursive: true, force: true });
  }
}

const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
console.log(`load ${load()} at ${new Date().toISOString()}`);
removeLiveLeftovers(dir);
try {
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < 3; i++) add("node -e ''", (await timeToExit(process.execPath, ["-e", ""])).ms);
    await session("warm", true);
    writeFileSync(target, `${original}\nEdited for the bench, round ${r} ${Date.now()}.\n`);
    await session("one file edited", false);
  }
} finally {
  writeFileSync(target, original);
  removeLiveLeftovers(dir);
}
const median = (v) =>
  percentile(
    [...v].sort((a, b) => a - b),
    0.5,
  );
const floor = median(out["node -e ''"]);
for (const [k, v] of Object.entries(out))
  console.log(
    `${k}: median ${median(v)} ms (${v.join(", ")})${k.includes("CPU") ? "" : ` = ${(median(v) / floor).toFixed(1)}× node -e ''`}`,
  );
console.log(`load ${load()} at ${new Date().toISOString()}`);
