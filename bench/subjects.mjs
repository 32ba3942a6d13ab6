// What one round runs: the floors, newsboat and signaldesk, each recording into a Samples.
// Every wait is bounded; a timeout is recorded as a failure of that metric and the round goes on.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, KEYS, ms, Screen } from "./pty.mjs";

export const COLS = 100;
export const ROWS = 30;
const KEY_TIMEOUT_MS = 5000;

/** A clean environment for every child: same terminal, no inherited signaldesk settings. */
export function childEnv(extra = {}) {
  // A run's read state and last place (which view a start opens on) belong to its cache, never to
  // whoever runs the bench: a reader left on another view would make every list wait time out.
  const state = extra.XDG_CACHE_HOME ? { XDG_STATE_HOME: join(extra.XDG_CACHE_HOME, "state") } : {};
  const env = {
    ...process.env,
    TERM: "xterm-256color",
    LANG: "C.UTF-8",
    LC_ALL: "C.UTF-8",
    ...state,
    ...extra,
  };
  for (const k of ["SIGNALDESK_DIR", "NO_COLOR", "FORCE_COLOR", "NODE_OPTIONS", "SIGNALDESK_TEST_CRASH"]) {
    if (!(k in extra)) delete env[k];
  }
  return env;
}

/** A cache folder per bundle, each filled by one `list` of the folder: warm sessions to compare. */
export function warmCaches(bundles, briefings, prefix) {
  return bundles.map((bundle) => {
    const cache = mkdtempSync(join(tmpdir(), prefix));
    const r = spawnSync(process.execPath, [bundle, "--dir", briefings, "list"], {
      env: childEnv({ XDG_CACHE_HOME: cache }),
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (r.status !== 0) throw new Error(`list with ${bundle} failed`);
    return cache;
  });
}

/** The briefing reader-session.mjs writes into the folder while a reader runs. */
export const liveFile = (dir) => join(dir, `zz-live-${process.pid}.md`);

/** Such briefings left in the folder by a run that was killed: a later run must not count them. */
export function removeLiveLeftovers(dir) {
  for (const name of readdirSync(dir))
    if (/^zz-live-\d+\.md$/.test(name)) rmSync(join(dir, name), { force: true });
}

const nonBlank = (s) => s.lines().some((l) => l.trim() !== "");
const changed = (s, before) => s.signature() !== before;

/** Spawn to exit without a terminal; stdout to /dev/null. Resolves ms, or null with a reason. */
export function timeToExit(file, args, { env = childEnv(), timeoutMs = 120_000, cwd } = {}) {
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(file, args, { env, cwd, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => {
      if (stderr.length < 2000) stderr += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      resolve({ ms: null, reason: e.message });
    });
    child.on("exit", (code, signal) => {
      const t1 = process.hrtime.bigint();
      clearTimeout(timer);
      if (code === 0) resolve({ ms: ms(t0, t1) });
      else
        resolve({
          ms: null,
          reason: signal ? `killed (${signal})` : `exit ${code}: ${stderr.trim().split("\n")[0]}`,
        });
    });
  });
}

// --- floors ---

export async function nodeFloor(samples) {
  const plain = await timeToExit(process.execPath, ["-e", ""]);
  samples.add("node.spawn", plain.ms, plain.reason);
  const s = new Screen(process.execPath, ["-e", ""], { cols: COLS, rows: ROWS, env: childEnv() });
  const exited = await Promise.race([s.exited, after(10_000)]);
  samples.add("node.pty", exited ? ms(s.t0, exited.atNs) : null);
  await s.close(null);
  s.dispose();
}

export async function inkFloor(samples, bundle, presses) {
  const s = new Screen(process.execPath, [bundle], { cols: COLS, rows: ROWS, env: childEnv() });
  try {
    const first = await s.timeTo((x) => x.text().includes("floor ready"), 10_000);
    samples.add("ink.first", first);
    if (first === null) return;
    for (let i = 1; i <= presses; i++) {
      await s.idle(40);
      samples.add("ink.key", await s.press("j", (x) => x.text().includes(`presses ${i}`), KEY_TIMEOUT_MS));
    }
    samples.add("ink.rss", s.peakRssKb());
  } finally {
    await s.close("q");
    s.dispose();
  }
}

// --- newsboat ---

const NEWSBOAT_ROW = /^\s*\d+\s+N?\s+\w{3} \d{1,2}\s/;

export async function newsboatRun(samples, n, paths, presses) {
  const args = ["-u", paths.newsboatUrls, "-c", paths.newsboatCache, "-C", paths.newsboatConfig];
  const s = new Screen("newsboat", args, { cols: COLS, rows: ROWS, env: childEnv() });
  const timeout = 20_000 + n * 0.5;
  try {
    const first = s.timeTo(nonBlank, timeout);
    // The config opens the feed at start-up (run-on-startup open): its article rows are the item list.
    const list = s.timeTo(
      (x) =>
        x.text().includes("Articles in feed") && x.lines().filter((l) => NEWSBOAT_ROW.test(l)).length >= 5,
      timeout,
    );
    samples.add(`nb.${n}.first`, await first);
    const listMs = await list;
    samples.add(`nb.${n}.list`, listMs);
    if (listMs === null) return;
    // ncurses turns on application cursor mode, so the arrow bytes are read from the terminal's mode.
    for (let i = 0; i < presses; i++) {
      await s.idle(40);
      samples.add(`nb.${n}.key`, await s.press(s.key("down"), changed, KEY_TIMEOUT_MS));
    }
    for (let i = 0; i < Math.ceil(presses / 3); i++) {
      await s.idle(40);
      samples.add(`nb.${n}.pgdn`, await s.press(KEYS.pgdn, changed, KEY_TIMEOUT_MS));
    }
    samples.add(`nb.${n}.rss`, s.peakRssKb());
  } finally {
    await s.close("Q");
    s.dispose();
  }
}

// --- signaldesk ---
// Screens, read from src/tui: the header is " signaldesk " then the tabs, the active one as "[1 Timeline]",
// then "<total> briefings"; while loading, "signaldesk — loading d/t briefings…". The footer names the
// keys of what has focus ("Esc back" only in the reader, "Enter accept" only in a prompt).

const SD_TAB = { 1: "[1 Timeline]", 2: "[2 Briefings]", 3: "[3 Glossary]" };
// The reader's own first screens: the loading line or the header with its tabs (not a plain message).
const sdHeader = (s) => /signaldesk — loading|\[1 Timeline\]/.test(s.lines().slice(0, 2).join(" "));
// Ready: the header with the Timeline tab active and a count (any count: files the loader rejects must
// not turn into a timeout; the count shown is recorded and reported), and rows under it.
const sdCount = (s) => {
  const head = s.lines()[0];
  if (!head.includes(SD_TAB[1]) || head.includes("loading")) return null;
  const m = /(\d+) briefings/.exec(head);
  return m ? Number(m[1]) : null;
};
export const sdReady = (s) =>
  sdCount(s) !== null &&
  s
    .lines()
    .slice(2)
    .filter((l) => l.trim() !== "").length >= 8;
// The header's second line names work still going on behind the list: checking, reloading, saving,
// a first load's rows shown while the rest load (src/tui/first-load.ts).
export const sdBusy = (s) =>
  /checking files|reloading|finding glossary terms|saving for the next start|loading \d|finding conflicts/.test(
    s.lines()[1] ?? "",
  );
// The list with no work named behind it. Both together: a frame caught mid-redraw (a blank second
// line) must not pass for a finished load.
export const sdSettled = (s) => sdReady(s) && !sdBusy(s);
// Where the list cursor ("›") is; `press` hands the predicate the screen's signature from before.
const cursorRow = (s) => s.lines().findIndex((l) => l.startsWith("›"));
const cursorRowOf = (signature) => signature.split("\n").findIndex((l) => l.startsWith("›"));
const sdTab = (k) => (s, before) => changed(s, before) && s.lines()[0].includes(SD_TAB[k]);
const sdReader = (s, before) =>
  changed(s, before) && /Esc back|What happened|Why it matters|What to watch/.test(s.text());
const sdList = (s, before) => changed(s, before) && !s.text().includes("Esc back");

export function signaldeskArgs(bundle, dir) {
  return [bundle, "--dir", dir];
}

/** Is there a reader in the bundle? Returns null when yes, else a one-line reason to skip. */
export async function probeSignaldesk(bundle, dir) {
  const cache = mkdtempSync(join(tmpdir(), "sd-probe-"));
  const s = new Screen(process.execPath, signaldeskArgs(bundle, dir), {
    cols: COLS,
    rows: ROWS,
    env: childEnv({ XDG_CACHE_HOME: cache }),
  });
  try {
    const r = await s.waitFor(sdHeader, 30_000);
    if (r.ok) return null;
    const shown = s.text().replace(/\s+/g, " ").trim().slice(0, 120);
    return `no reader in ${bundle} yet (${r.reason}${s.exit ? `, exit ${s.exit.exitCode}` : ""}; screen: "${shown}")`;
  } finally {
    await s.close("q");
    s.dispose();
    rmSync(cache, { recursive: true, force: true });
  }
}

/**
 * One reader session. `cold`: a fresh cache directory (the caller passes it empty); records first frame,
 * list visible and the longest pause between frames while loading. Warm sessions also run the key script.
 */
export async function signaldeskRun(samples, n, { bundle, dir, cache, kind, presses }) {
  const p = `sd.${n}`;
  const s = new Screen(process.execPath, signaldeskArgs(bundle, dir), {
    cols: COLS,
    rows: ROWS,
    env: childEnv({ XDG_CACHE_HOME: cache }),
  });
  // Bounds, not targets: a cold load of 100k briefings takes minutes here (see performance.md), and
  // the warm run needs the story that cold run saves.
  const timeout = 20_000 + n * 2.5;
  try {
    // A screen that goes blank again after the first frame, before the list, is a flash users see.
    let drawn = false;
    let blanks = 0;
    const unwatch = s.watch((x) => {
      if (nonBlank(x)) drawn = true;
      else if (drawn) blanks++;
    });
    const first = s.waitFor(nonBlank, timeout);
    const ready = s.waitFor(sdReady, timeout);
    const firstR = await first;
    samples.add(`${p}.${kind}.first`, firstR.ok ? ms(s.t0, firstR.atNs) : null, firstR.reason);
    const readyR = await ready;
    unwatch();
    samples.add(`${p}.${kind}.list`, readyR.ok ? ms(s.t0, readyR.atNs) : null, readyR.reason);
    if (!firstR.ok || !readyR.ok) return;
    // The widest pause between output chunks while loading: how long the screen (and the keys) froze.
    let widest = 0;
    let prev = firstR.atNs;
    for (const at of s.writeTimes) {
      if (at <= firstR.atNs || at > readyR.atNs) continue;
      widest = Math.max(widest, ms(prev, at));
      prev = at;
    }
    samples.add(`${p}.${kind}.gap`, widest);
    samples.add(`${p}.${kind}.blank`, blanks);
    // A first start's list shows its first rows while the rest load: its count is taken once whole.
    if (kind !== "cold") samples.add(`${p}.shown`, sdCount(s));
    // A first start shows rows while the rest of the folder loads (the header names the work left);
    // the session stays open until every file is in, as a reader reading it would, so the warm run is
    // warm. That takes far longer than the list's first rows: bounded by the CPU a file may take
    // on a busy machine, not by the list's bound (quitting early would leave a partial store behind).
    if (kind === "cold") {
      const whole = await s.waitFor(sdSettled, 60_000 + n * 30);
      samples.add(`${p}.cold.settled`, whole.ok ? ms(s.t0, whole.atNs) : null, whole.reason);
      if (whole.ok) samples.add(`${p}.shown`, sdCount(s));
    }
    if (kind === "edited") {
      // One file changed since the last run: the edit is on screen once the check is done and the
      // story built again from the store has replaced the one shown.
      const done = await s.waitFor(sdSettled, timeout);
      samples.add(`${p}.edited.settled`, done.ok ? ms(s.t0, done.atNs) : null, done.reason);
    }
    if (kind === "warm") {
      // Keys typed the moment the list shows: how long until the first one moves the cursor, from
      // spawn (a list drawn before the program can answer keys would show here).
      const sent = process.hrtime.bigint();
      const moved = await s.press("j", (x, before) => cursorRow(x) !== cursorRowOf(before), KEY_TIMEOUT_MS);
      samples.add(`${p}.warm.answers`, moved === null ? null : ms(s.t0, sent) + moved);
      // Then the steady state: once the check of the files is done, every key of the script.
      await s.waitFor(sdSettled, timeout);
      await keyScript(samples, p, s, presses);
      await liveAdd(samples, p, s, dir, timeout);
    }
    samples.add(`${p}.${kind}.rss`, s.peakRssKb());
  } finally {
    await s.close("q");
    s.dispose();
  }
}

async function keyScript(samples, p, s, presses) {
  const key = async (name, bytes, expect = changed) => {
    await s.idle(40);
    const v = await s.press(bytes, expect, KEY_TIMEOUT_MS);
    samples.add(`${p}.key.${name}`, v);
    return v;
  };
  // Timeline (the first screen): move, page, jump to the end and back.
  for (let i = 0; i < presses; i++) await key("j", "j");
  for (let i = 0; i < Math.ceil(presses / 3); i++) await key("pgdn", KEYS.pgdn);
  await key("G", "G");
  await key("g", "g");
  // Views, twice round.
  for (let r = 0; r < 2; r++) {
    await key("view2", "2", sdTab(2));
    await key("view3", "3", sdTab(3));
    await key("view1", "1", sdTab(1));
  }
  // Briefings list: move, open one, go back.
  await key("view2", "2", sdTab(2));
  for (let i = 0; i < Math.ceil(presses / 2); i++) await key("jBriefings", "j");
  if ((await key("enter", KEYS.enter, sdReader)) !== null) await key("back", KEYS.esc, sdList);
  // Search in the list: `/` opens the prompt, each letter jumps to the first match.
  if ((await key("searchOpen", "/", (x, b) => changed(x, b) && x.text().includes("accept"))) !== null) {
    for (const letter of "mar") await key("searchKey", letter);
    await key("searchCancel", KEYS.esc, (x, b) => changed(x, b) && !x.text().includes("accept"));
  }
}

/**
 * Live updates: a briefing written into the folder while the reader shows the briefings list, timed
 * from the write to its title on screen (newest first: dated far ahead, it is the top row). The file
 * is removed again, and its leaving waited for, so the archive stays as generated.
 */
export async function liveAdd(samples, p, s, dir, timeout) {
  await s.idle(40);
  // Bounded like the load, not like a key: on a busy machine the view may take its time.
  if ((await s.press("2", sdTab(2), timeout)) === null && !s.lines()[0].includes(SD_TAB[2])) {
    samples.add(`${p}.live.add`, null, "the briefings view never showed");
    return;
  }
  // The key script's search left the cursor on a match further down: the arrival's row is the list's
  // first, so the window is brought back to the top first (as a reader waiting for news would).
  const atTop = (x) => x.lines().findIndex((l) => l.startsWith("›")) === 2;
  if (!atTop(s)) await s.press("g", atTop, timeout);
  const title = `Live bench arrival ${process.pid}-${Date.now()}`;
  const file = join(dir, `zz-live-bench-${process.pid}.md`);
  const text = `---\ntitle: ${title}\ndate: 2099-01-01\n---\nOn 2099-01-01 a briefing arrived while the reader ran.\n`;
  const t0 = process.hrtime.bigint();
  writeFileSync(file, text);
  try {
    const shown = await s.waitFor((x) => x.text().includes(title), timeout);
    samples.add(`${p}.live.add`, shown.ok ? ms(t0, shown.atNs) : null, shown.reason);
  } finally {
    unlinkSync(file);
  }
  // On the Briefings view: sdSettled asks for the Timeline tab, which this view never shows.
  await s.waitFor((x) => !x.text().includes(title) && !sdBusy(x), timeout);
}

/** `print ID` runs per round, each right after a `node -e ''` whose time joins the floor's samples. */
const PRINT_PAIRS = 5;

export async function signaldeskCommands(samples, n, { bundle, dir, cache, id }) {
  const env = childEnv({ XDG_CACHE_HOME: cache });
  // A spawn of a tenth of a second is at the mercy of this machine's moment: three samples of it
  // and three of the floor, minutes apart, gave ratios from 1.7× to 2.3× for the same build. Paired
  // and repeated, the two sides see the same moments.
  for (let i = 0; i < PRINT_PAIRS; i++) {
    const plain = await timeToExit(process.execPath, ["-e", ""]);
    samples.add("node.spawn", plain.ms, plain.reason);
    const print = await timeToExit(process.execPath, [bundle, "print", id, "--dir", dir], { env });
    samples.add(`sd.${n}.print`, print.ms, print.reason);
  }
  const list = await timeToExit(process.execPath, [bundle, "list", "--json", "--dir", dir], { env });
  samples.add(`sd.${n}.listjson`, list.ms, list.reason);
}

/** The value after `name` on this script's command line, else `fallback`. */
export function option(name, fallback) {
  const args = process.argv.slice(2);
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
}
