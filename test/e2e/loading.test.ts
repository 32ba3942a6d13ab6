// A first start with no saved story: the loading line is painted without Ink or React (they load only
// once the list can show), answers q, Ctrl-C and signals, follows a resize, and keys typed as soon as
// the list shows reach it. Built program, real pseudo-terminal, modules recorded as the process loads them.
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { MONTH_NAMES } from "../../src/briefing/calendar.js";
import { BIN, BUNDLED_BRIEFINGS, type Session, start } from "./harness.js";

/** Enough briefings for the load to last a couple of seconds, so each test acts while it runs. */
const FILES = 1200;
const TIMELINE = "[1 Timeline]";
const LOADING = /^signaldesk — loading/;
/** The loading line once the files are counted: the load is under way, not about to end. */
const LOADING_FILES = new RegExp(`signaldesk — loading \\d+/${FILES} briefings`);
// The resolve hook reports every module of the build the process loads as an OSC sequence on stderr:
// the terminal shows nothing of it, and it lands in the program's output in the order things happened.
const LOADED = /\x1b\]5379;([^\x07]*)\x07/g;
const eventRow = /^[›●↻ ] (\d{4}-\d{2}(?:-\d{2})?)/;

let root: string;
let dir: string;
let register: string;
/** The build's chunks holding React (and with it Ink), as cli.test.ts finds them. */
let reactChunks: string[];
let session: Session | undefined;

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build`);
  root = mkdtempSync(join(tmpdir(), "sd-loading-"));
  dir = join(root, "briefings");
  mkdirSync(dir);
  copyFileSync(join(BUNDLED_BRIEFINGS, "actors.yaml"), join(dir, "actors.yaml"));
  for (let i = 0; i < FILES; i++) {
    const month = (i % 12) + 1;
    const day = (i % 28) + 1;
    const date = `2025-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    writeFileSync(
      join(dir, `briefing-${i}.md`),
      `---\ntitle: Briefing number ${i}\ndate: ${date}\n---\nOn ${MONTH_NAMES[month - 1]} ${day}, 2025 agency ${i} met Anthropic about export controls.\n`,
    );
  }
  const chunks = join(dirname(BIN), "chunks");
  reactChunks = readdirSync(chunks).filter((f) =>
    /react\.(transitional\.)?element/.test(readFileSync(join(chunks, f), "utf8")),
  );
  const hook = join(root, "record-hook.mjs");
  writeFileSync(
    hook,
    [
      'import { writeSync } from "node:fs";',
      "export async function resolve(specifier, context, next) {",
      "  const result = await next(specifier, context);",
      '  if (result.url.includes("/dist/")) writeSync(2, "\\x1b]5379;" + result.url + "\\x07");',
      "  return result;",
      "}",
    ].join("\n"),
  );
  register = join(root, "register-hook.mjs");
  writeFileSync(
    register,
    `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hook).href)});\n`,
  );
});
afterEach(() => {
  session?.close();
  session = undefined;
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

/** A cold start: a cache folder of its own, empty, so there is no saved story. */
function open(
  opts: { bin?: string; folder?: string; cols?: number; rows?: number; cache?: string } = {},
): Session {
  session = start({
    cols: opts.cols ?? 100,
    rows: opts.rows ?? 30,
    dir: opts.folder ?? dir,
    command: [process.execPath, "--import", register, opts.bin ?? BIN],
    env: { XDG_CACHE_HOME: opts.cache ?? mkdtempSync(join(root, "cache-")), SIGNALDESK_NO_CACHE: undefined },
  });
  return session;
}

/** Where in the program's output each module of the build was loaded. */
function loads(s: Session): { url: string; at: number }[] {
  return [...s.raw().matchAll(LOADED)].map((m) => ({ url: m[1]!, at: m.index }));
}
const isReact = (url: string) => reactChunks.some((f) => url.endsWith(`/chunks/${f}`));
const selected = (s: Session) => s.lines().find((l) => l.startsWith("›")) ?? "";

async function loadingOnScreen(s: Session, counted = false): Promise<void> {
  const line = counted ? LOADING_FILES : LOADING;
  await s.waitFor(() => line.test(s.lines()[0] ?? ""), `the loading line${counted ? " counting files" : ""}`);
}

async function expectRestored(s: Session, exitCode: number) {
  // The whole exit report and the last screen, so a failure shows the signal that ended the program
  // and whatever it wrote as it went.
  expect(await s.exit, `screen at exit:\n${s.screenText()}`).toMatchObject({ exitCode, signal: null });
  expect(s.state()).toEqual({ buffer: "normal", cursorVisible: true, cooked: true });
  expect(s.screenText()).not.toMatch(/signaldesk — loading/);
}

describe("the loading line of a first start", () => {
  it("is drawn without Ink or React, which load once the list shows; a key pressed at once reaches it", async () => {
    expect(reactChunks.length).toBeGreaterThan(0);
    const s = open();
    await loadingOnScreen(s, true);
    const lines = await s
      .waitFor((screen) => screen.includes(TIMELINE) && selected(s) !== "", "the timeline with its cursor")
      .then(() => s.lines());
    // Pressed as soon as the list is seen, whether Ink is up yet or not: it must move the cursor.
    s.press("j");
    const from = lines.findIndex((l) => l.startsWith("›"));
    const next = lines.slice(from + 1).find((l) => eventRow.test(l));
    expect(next).toBeDefined();
    await s.waitFor(() => selected(s).slice(2) === next!.slice(2), `cursor on ${JSON.stringify(next)}`);

    const raw = s.raw();
    const loaded = loads(s);
    // The hook saw the program start, so an empty record below would mean something.
    expect(loaded[0]?.url).toMatch(/\/dist\/signaldesk\.js$/);
    const react = loaded.filter((l) => isReact(l.url));
    expect(react.length).toBeGreaterThan(0);
    // Every paint of the loading line came before the first React chunk was loaded.
    const lastLoadingPaint = raw.lastIndexOf("signaldesk — loading");
    expect(lastLoadingPaint).toBeGreaterThan(0);
    for (const l of react) expect(l.at, l.url).toBeGreaterThan(lastLoadingPaint);
    s.press("q");
    await expectRestored(s, 0);
  });

  it.each([
    ["q", 0],
    ["CtrlC", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
    ["SIGINT", 130],
  ] as const)("%s while loading ends the session with %i and restores the terminal", async (way, code) => {
    const s = open();
    await loadingOnScreen(s);
    expect(s.state()).toMatchObject({ buffer: "alternate", cursorVisible: false });
    if (way.startsWith("SIG")) s.kill(way as NodeJS.Signals);
    else s.press(way);
    await expectRestored(s, code);
    // Left during the load: no list was ever shown, and Ink and React were never loaded.
    expect(s.raw()).not.toContain(TIMELINE);
    expect(loads(s).filter((l) => isReact(l.url))).toEqual([]);
  });

  it("is drawn again at the new width after a resize, one line and nothing stale", async () => {
    const s = open();
    await loadingOnScreen(s);
    const onlyTheLine = (check: (line: string) => boolean) => () => {
      const [first, ...rest] = s.lines();
      return LOADING.test(first ?? "") && check(first!) && rest.every((l) => l === "");
    };
    s.resize(32, 20);
    // Cut to the 32 columns with an ellipsis, not wrapped onto a second row.
    await s.waitFor(
      onlyTheLine((line) => line.length === 32 && line.endsWith("…")),
      "the loading line cut to 32 columns",
    );
    expect(s.overflow()).toEqual([]);
    s.resize(90, 24);
    await s.waitFor(
      onlyTheLine((line) => /briefings… \S+$/.test(line)),
      "the whole loading line at 90 columns",
    );
    s.press("q");
    await expectRestored(s, 0);
    expect(s.raw()).not.toContain(TIMELINE);
  });

  it("a reader part of the build that fails to load ends the session as a crash, terminal restored", async () => {
    const broken = join(root, "broken");
    cpSync(dirname(BIN), join(broken, "dist"), { recursive: true });
    writeFileSync(join(broken, "package.json"), '{ "type": "module" }\n');
    // better-sqlite3 is a native addon the bundle requires from node_modules, as an install has it.
    symlinkSync(join(dirname(BIN), "..", "node_modules"), join(broken, "node_modules"));
    for (const f of reactChunks) rmSync(join(broken, "dist", "chunks", f));
    const s = open({ bin: join(broken, "dist", "signaldesk.js"), folder: BUNDLED_BRIEFINGS });
    await expectRestored(s, 70);
    expect(s.raw()).toMatch(/signaldesk — loading/);
    expect(s.screenText()).toContain("signaldesk: internal error:");
  });
});

/** Past first-load.ts PROGRESSIVE_FROM: the rows show while the rest load. */
const BIG = 2400;
/** The header's note while a first load shows its rows (first-load.ts `loadingNote`). */
const LOADING_NOTE = new RegExp(`loading [\\d,]+ of ${BIG.toLocaleString("en-US")}`);
const BUSY_NOTE = /loading [\d,]+ of|finding conflicts/;
const countOf = (s: Session) => Number(/(\d+) briefings/.exec(s.lines()[0] ?? "")?.[1] ?? Number.NaN);
const titleOf = (line: string) => /Briefing number \d+/.exec(line)?.[0] ?? "";

describe("a first start on a big folder", () => {
  let big: string;
  beforeAll(() => {
    big = join(root, "big");
    mkdirSync(big);
    // Named in path order from the oldest: each batch written is newer than the last, so on the
    // Briefings view (newest first) every batch lands above the cursor. The same sentence a day
    // apart: conflicting reports, flagged once every file is in.
    for (let i = 0; i < BIG; i++) {
      const date = new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
      writeFileSync(
        join(big, `b-${String(i).padStart(5, "0")}.md`),
        `---\ntitle: Briefing number ${i}\ndate: ${date}\n---\nOn ${date} the agency met Anthropic about export controls.\n`,
      );
    }
  });

  it("shows rows with a loading note before the load ends, keys working and the selection kept; then the whole list", async () => {
    const s = open({ folder: big });
    // Some of the folder on screen, with the note saying how much: the load is not over.
    await s.waitFor(
      () => LOADING_NOTE.test(s.lines()[1] ?? "") && selected(s) !== "",
      "the timeline's first rows with the loading note",
    );
    expect(s.lines()[0]).toContain(TIMELINE);
    expect(countOf(s)).toBeLessThan(BIG);
    // No report is flagged before every file is in.
    expect(s.lines().some((l) => /^[›●↻ ] \S+ ! /.test(l))).toBe(false);

    // Keys work meanwhile: another view, the cursor, a briefing opened and closed.
    s.press("2");
    await s.waitFor(
      () => (s.lines()[0] ?? "").includes("[2 Briefings]") && selected(s) !== "",
      "the Briefings view",
    );
    const first = titleOf(selected(s));
    s.press("j");
    await s.waitFor(() => titleOf(selected(s)) !== first, "the cursor on the next briefing");
    const chosen = titleOf(selected(s));
    expect(chosen).not.toBe("");
    s.press("Enter");
    await s.waitFor((screen) => screen.includes("Esc back") && screen.includes(chosen), `${chosen} open`);
    s.press("Esc");
    await s.waitFor((screen) => !screen.includes("Esc back") && selected(s) !== "", "the list again");

    // The end: every briefing, no note, and the briefing chosen still selected although newer ones
    // arrived above it.
    await s.waitFor(
      () => countOf(s) === BIG && !BUSY_NOTE.test(s.lines()[1] ?? ""),
      "the whole list, note gone",
    );
    expect(titleOf(selected(s))).toBe(chosen);
    // And the timeline's conflicts, searched once every file was in.
    s.press("1");
    await s.waitFor(() => s.lines().some((l) => /^[›●↻ ] \S+ ! /.test(l)), "conflicting reports flagged");
    s.press("q");
    await expectRestored(s, 0);
  });

  it("q while the rows load ends the session; the next start reads the rest and shows the whole folder", async () => {
    const cache = mkdtempSync(join(root, "cache-"));
    const s = open({ folder: big, cache });
    await s.waitFor(() => LOADING_NOTE.test(s.lines()[1] ?? ""), "the first rows with the loading note");
    s.press("q");
    await expectRestored(s, 0);
    // What was written is kept and the rest read: the whole list, conflicts and all.
    const again = open({ folder: big, cache });
    await again.waitFor(
      () => countOf(again) === BIG && !BUSY_NOTE.test(again.lines()[1] ?? "") && selected(again) !== "",
      "the whole list, note gone",
    );
    expect(again.lines().some((l) => /^[›●↻ ] \S+ ! /.test(l))).toBe(true);
    again.press("q");
    await expectRestored(again, 0);
  });
});
