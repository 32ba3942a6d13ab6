// The CPU a warm reader spends per key, for one or more builds in interleaved rounds: on a machine
// other work loads, a key's wall time moves by ten times between rounds, its CPU far less. Each
// session waits for the settled list, rests, then presses each key of the script `--presses` times,
// every press from rest (40 ms without output, as run.mjs's key script), and reads the process's
// user+sys from /proc around each key's presses (so the read-ahead of the briefing under a resting
// cursor, 30 ms after a move, is counted with the move that caused it), and the main thread's own
// CPU time (schedstat, in nanoseconds: the figure to compare between builds).
//
//   node bench/key-cpu.mjs --dir /tmp/arch [--rounds 3] [--presses 40] --bundle A.js [--bundle B.js]
//   [--prof DIR]  (each session under `node --cpu-prof --cpu-prof-dir DIR`) [--only "j timeline"]
//   [--rhythm]  (the bench's own opening instead: a `j` as the list shows, the settled list, then with
//   no rest j ×5, PgDn ×2, G, g, the views twice round, j ×3 on the briefings list, Enter, Esc, the
//   search (/, m, a, r, Esc), each 40 ms after the last output, as run.mjs presses them: what the first visit of
//   the Glossary view costs when the keys before it left no rest, and what work run between those
//   keys costs them; each key's main-thread CPU runs from its press to the next one's)
//
// --dir is the archive's root (briefings/ under it); give it a `cp -aL` copy.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { after, cpuMs, KEYS, Screen } from "./pty.mjs";
import { Samples } from "./stats.mjs";
import { COLS, childEnv, option, ROWS, sdSettled, warmCaches } from "./subjects.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = resolve(option("--dir", ""));
const rounds = Number(option("--rounds", "3"));
const presses = Number(option("--presses", "40"));
const prof = option("--prof", "");
// Only the steps whose names hold this text (a profile of one key).
const only = option("--only", "");
const rhythm = process.argv.includes("--rhythm");
const bundles = [];
for (let i = 0; i < process.argv.length; i++)
  if (process.argv[i] === "--bundle") bundles.push(resolve(root, process.argv[i + 1]));
if (bundles.length === 0) bundles.push(resolve(root, "dist/signaldesk.js"));
const briefings = join(dir, "briefings");
/** CPU time of the process's main thread (React, Ink, the keys) in ms, to the nanosecond: /proc/PID/stat
 * counts in ticks of 10 ms, and with every thread (GC helpers, the file reads of the read-ahead). */
const mainThreadMs = (pid) =>
  Number(readFileSync(`/proc/${pid}/task/${pid}/schedstat`, "utf8").split(" ")[0]) / 1e6;
const load = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
const changed = (s, before) => s.signature() !== before;
const tab = (name) => (s, before) => changed(s, before) && s.lines()[0].includes(`[${name}]`);
const reader = (s, before) =>
  changed(s, before) && /Esc back|What happened|Why it matters|What to watch/.test(s.text());
const list = (s, before) => changed(s, before) && !s.text().includes("Esc back");
const prompt = (s, before) => changed(s, before) && s.text().includes("accept");
const noPrompt = (s, before) => changed(s, before) && !s.text().includes("accept");

// Each key's presses in a row; the view keys go round so that every press changes the screen.
const SCRIPT = [
  // j and k in turn: the cursor stays in the window, as in run.mjs's few presses from the top.
  { name: "jk timeline", keys: (i) => [i % 2 === 0 ? "j" : "k"] },
  // j alone: past the window's last row every press scrolls it by one.
  { name: "j timeline", keys: () => ["j"] },
  { name: "PgDn timeline", keys: () => [KEYS.pgdn] },
  {
    name: "views 2/1",
    keys: (i) => [i % 2 === 0 ? "2" : "1"],
    expect: (i) => tab(i % 2 === 0 ? "2 Briefings" : "1 Timeline"),
  },
  // The timeline's search: its rows are tested by their own text (every event's, folded once).
  {
    name: "search timeline",
    keys: (i) => [["/", "m", "a", "r", KEYS.esc][i % 5]],
    expect: (i) => (i % 5 === 0 ? prompt : i % 5 === 4 ? noPrompt : changed),
    label: (i) => (i % 5 === 0 ? "open" : i % 5 === 4 ? "close" : "letter"),
  },
  { name: "to briefings", keys: () => ["2"], once: true, expect: () => tab("2 Briefings") },
  { name: "jk briefings", keys: (i) => [i % 2 === 0 ? "j" : "k"] },
  { name: "j briefings", keys: () => ["j"] },
  { name: "PgDn briefings", keys: () => [KEYS.pgdn] },
  // Enter and Esc in turn after a move (the read-ahead of the briefing under the cursor has run, as
  // in run.mjs's script): each key's wall time and main-thread CPU on its own (`label`).
  {
    name: "open briefings",
    keys: (i) => [i % 3 === 0 ? "j" : i % 3 === 1 ? KEYS.enter : KEYS.esc],
    expect: (i) => (i % 3 === 1 ? reader : i % 3 === 2 ? list : changed),
    label: (i) => ["j", "Enter", "Esc"][i % 3],
  },
  // The list's search: `/`, three letters (each jumps to the first match), Esc.
  {
    name: "search briefings",
    keys: (i) => [["/", "m", "a", "r", KEYS.esc][i % 5]],
    expect: (i) => (i % 5 === 0 ? prompt : i % 5 === 4 ? noPrompt : changed),
    label: (i) => (i % 5 === 0 ? "open" : i % 5 === 4 ? "close" : "letter"),
  },
];

const samples = new Samples();
const fmt = (v) => (v === undefined ? "—" : v.toFixed(1));
console.log(`load ${load()} at ${new Date().toISOString()}`);
const caches = warmCaches(bundles, briefings, "sd-keycpu-cache-");

async function session(b) {
  // The last place is kept with the read state (under the cache): a session that ended on the
  // Glossary view would open the next one there, and its list would never show the Timeline.
  rmSync(join(caches[b], "state"), { recursive: true, force: true });
  const args = [...(prof ? ["--cpu-prof", "--cpu-prof-dir", prof] : []), bundles[b], "--dir", briefings];
  const s = new Screen(process.execPath, args, {
    cols: COLS,
    rows: ROWS,
    env: childEnv({ XDG_CACHE_HOME: caches[b] }),
  });
  try {
    const ok = await s.waitFor(sdSettled, 60_000);
    if (!ok.ok) throw new Error(`build ${b}: the list never settled (${ok.reason})`);
    if (rhythm) return await opening(s, b);
    // Not a key's cost: after a start from the painted head, Ink's mount and the App's first frame;
    // then the glossary built ahead after a rest (usePrepare). Keys start once the process is quiet.
    for (let waited = 0; waited < 30_000; waited += 400) {
      const c0 = cpuMs(s.pid);
      await after(400);
      if (cpuMs(s.pid) - c0 < 8) break;
    }
    await s.idle(200);
    for (const step of SCRIPT) {
      if (only && !step.once && !step.name.includes(only)) continue;
      const count = step.once ? 1 : presses;
      const before = cpuMs(s.pid);
      const beforeMain = mainThreadMs(s.pid);
      let labelled = null;
      for (let i = 0; i < count; i++) {
        await s.idle(40);
        if (labelled)
          samples.add(`${b}:${step.name}:${labelled.label}:main`, mainThreadMs(s.pid) - labelled.at);
        const at = mainThreadMs(s.pid);
        const v = await s.press(step.keys(i).join(""), step.expect?.(i) ?? changed, 5000);
        samples.add(`${b}:${step.name}:wall`, v);
        if (step.label) {
          labelled = { label: step.label(i), at };
          samples.add(`${b}:${step.name}:${labelled.label}:wall`, v);
        }
      }
      await s.idle(60);
      if (labelled)
        samples.add(`${b}:${step.name}:${labelled.label}:main`, mainThreadMs(s.pid) - labelled.at);
      const cpu = cpuMs(s.pid) - before;
      const main = mainThreadMs(s.pid) - beforeMain;
      if (!step.once) {
        samples.add(`${b}:${step.name}:cpu`, cpu / count);
        samples.add(`${b}:${step.name}:main`, main / count);
      }
    }
  } finally {
    await s.close("q");
    s.dispose();
  }
}

/** The bench's opening keys (subjects.mjs keyScript), each timed and its main-thread CPU taken. */
const OPENING = [
  ...Array.from({ length: 5 }, () => ["j", "j"]),
  ["pgdn", KEYS.pgdn],
  ["pgdn", KEYS.pgdn],
  ["G", "G"],
  ["g", "g"],
  ["view2", "2", tab("2 Briefings")],
  ["view3", "3", tab("3 Glossary")],
  // The rest of run.mjs's script: the views once more round, the briefings list, Enter, the search.
  ["view1", "1", tab("1 Timeline")],
  ["view2", "2", tab("2 Briefings")],
  ["view3", "3", tab("3 Glossary")],
  ["view1", "1", tab("1 Timeline")],
  ["view2", "2", tab("2 Briefings")],
  ...Array.from({ length: 3 }, () => ["jBriefings", "j"]),
  ["enter", KEYS.enter, reader],
  ["back", KEYS.esc, list],
  ["searchOpen", "/", prompt],
  ...Array.from("mar", (letter) => ["searchKey", letter]),
  ["searchCancel", KEYS.esc, noPrompt],
];

async function opening(s, b) {
  // As run.mjs: a `j` the moment the list shows, the settled list waited for, then the script.
  const first = await s.press("j", changed, 30_000);
  if (first === null) throw new Error(`build ${b}: the first key was never answered`);
  const settled = sdSettled(s) ? { ok: true } : await s.waitFor(sdSettled, 60_000);
  if (!settled.ok) {
    // Said and left out, not thrown: the rounds already taken are still reported.
    console.log(
      `build ${b}: the list never settled after the first key (${settled.reason}): ${s.lines().slice(0, 3).join(" | ")}`,
    );
    return;
  }
  const start = mainThreadMs(s.pid);
  let last = null;
  for (const [name, bytes, expect] of OPENING) {
    await s.idle(40);
    const now = mainThreadMs(s.pid);
    if (last !== null) samples.add(`${b}:${last.name}:main`, now - last.at);
    if (prof) marks.push({ build: b, name, us: Number(process.hrtime.bigint() / 1000n) });
    const v = await s.press(bytes, expect ?? changed, 5000);
    samples.add(`${b}:${name}:wall`, v);
    last = { name, at: now };
  }
  await s.idle(60);
  samples.add(`${b}:${last.name}:main`, mainThreadMs(s.pid) - last.at);
  samples.add(`${b}:opening:main`, mainThreadMs(s.pid) - start);
}

function rhythmReport() {
  for (const name of [...new Set(OPENING.map(([n]) => n)), "opening"]) {
    const cells = bundles.map((_, b) => {
      const w = samples.stats(`${b}:${name}:wall`);
      const m = samples.stats(`${b}:${name}:main`);
      const wall = w ? `wall p50 ${fmt(w.p50)} p90 ${fmt(w.p90)} (n ${w.n}); ` : "";
      return `${wall}main thread p50 ${fmt(m?.p50)} p90 ${fmt(m?.p90)} ms`;
    });
    console.log(`${name}: ${cells.map((c, k) => `[${k}] ${c}`).join("  |  ")}`);
  }
}

// With --prof, when each key of the opening was pressed (the monotonic clock, in µs, as a profile's
// startTime and timeDeltas count), written to marks.json beside the profiles.
const marks = [];
try {
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < bundles.length; k++) await session((r + k) % bundles.length);
    console.log(`round ${r + 1} done, load ${load()}`);
  }
} finally {
  for (const c of caches) rmSync(c, { recursive: true, force: true });
  if (prof && marks.length > 0) writeFileSync(join(prof, "marks.json"), JSON.stringify(marks));
}
for (const step of rhythm ? [] : SCRIPT) {
  if (step.once) continue;
  const cells = bundles.map((_, b) => {
    const w = samples.stats(`${b}:${step.name}:wall`);
    const c = samples.entry(`${b}:${step.name}:cpu`).values;
    const m = samples.entry(`${b}:${step.name}:main`).values;
    return `wall p50 ${fmt(w?.p50)} p90 ${fmt(w?.p90)} (n ${w?.n ?? 0}); CPU/press ${c.map(fmt).join(", ")} ms, main thread ${m.map((v) => v.toFixed(2)).join(", ")} ms`;
  });
  console.log(`${step.name}: ${cells.map((c, b) => `[${b}] ${c}`).join("  |  ")}`);
  // Each labelled key alone: wall, and main-thread CPU from its press to the next press.
  const labels = [
    ...new Set(
      [...samples.map.keys()]
        .filter((k) => k.includes(`:${step.name}:`) && k.endsWith(":main") && k.split(":").length === 4)
        .map((k) => k.split(":")[2]),
    ),
  ];
  for (const label of labels) {
    const cells = bundles.map((_, b) => {
      const w = samples.stats(`${b}:${step.name}:${label}:wall`);
      const m = samples.stats(`${b}:${step.name}:${label}:main`);
      return `wall p50 ${fmt(w?.p50)} p90 ${fmt(w?.p90)} (n ${w?.n ?? 0}); main thread p50 ${fmt(m?.p50)} p90 ${fmt(m?.p90)} ms`;
    });
    console.log(`  ${label}: ${cells.map((c, b) => `[${b}] ${c}`).join("  |  ")}`);
  }
}
if (rhythm) rhythmReport();
console.log(`load ${load()} at the end`);
