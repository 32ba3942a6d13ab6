// Drives the built program in a real pseudo-terminal and reads the screen the way a person would: every
// byte the program writes goes through a headless xterm, and tests wait on what that terminal shows.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import xterm from "@xterm/headless";
import { type IPty, spawn } from "node-pty";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
/** The bundle under test; overridable so the harness can drive another build of the same CLI. */
export const BIN = process.env.SIGNALDESK_E2E_BIN ?? join(REPO, "dist/signaldesk.js");
export const BUNDLED_BRIEFINGS = join(REPO, "briefings");
/** Header notes while the story on screen is checked or reloaded. */
export const BUSY = /checking files|reloading/;
const WRAPPER = join(REPO, "test/e2e/wrapper.mjs");
const EXIT_MARKER = /<<E2E-EXIT (\{.*?\})>>/;
const SYNC_BEGIN = "\x1b[?2026h";
const SYNC_END = "\x1b[?2026l";
/** Written by the reader's early paint in one write: the alternate screen, then a synchronized frame from row 1. */
export const PAINTED = `\x1b[?1049h\x1b[?25l${SYNC_BEGIN}\x1b[1;1H`;

/** Bytes a terminal sends for the keys tests press. */
export const KEYS = {
  Enter: "\r",
  Esc: "\x1b",
  Tab: "\t",
  ShiftTab: "\x1b[Z",
  Up: "\x1b[A",
  Down: "\x1b[B",
  Right: "\x1b[C",
  Left: "\x1b[D",
  PgUp: "\x1b[5~",
  PgDn: "\x1b[6~",
  Home: "\x1b[H",
  End: "\x1b[F",
  CtrlC: "\x03",
  CtrlD: "\x04",
  CtrlU: "\x15",
  Backspace: "\x7f",
} as const;
export type KeyName = keyof typeof KEYS;

export interface ExitInfo {
  /** Exit code of the program itself (not of the wrapper); null when a signal ended it. */
  exitCode: number | null;
  signal: string | null;
  /** `stty -a` in the same terminal right after the program ended. */
  stty: string;
}

export interface TerminalState {
  buffer: "alternate" | "normal";
  /** Last cursor show/hide the program wrote (the terminal starts with a visible cursor). */
  cursorVisible: boolean;
  /** Canonical mode and echo are both on, as a shell expects (read from `stty -a` after exit). */
  cooked: boolean | undefined;
}

export interface Hyperlink {
  url: string;
  /** The visible row (0-based) and the text between the link's opening and its end, as drawn. */
  row: number;
  text: string;
}

export interface StartOptions {
  args?: string[];
  cols?: number;
  rows?: number;
  /** Briefings folder, passed as SIGNALDESK_DIR; the bundled story by default. */
  dir?: string;
  /** Extra environment; a value of undefined removes the variable. */
  env?: Record<string, string | undefined>;
  /** Run this instead of `node BIN` (the harness checks itself with it). */
  command?: string[];
}

export interface Session {
  readonly cols: number;
  readonly rows: number;
  /** The visible screen, one string per row, trailing spaces trimmed. */
  lines(): string[];
  /** The visible screen as a person sees it. */
  screenText(): string;
  /** Resolves with the screen on the first frame that shows `expected`; rejects with the actual screen. */
  waitForText(expected: string | RegExp, opts?: { timeoutMs?: number }): Promise<string>;
  /** Resolves on the first frame for which `check` holds. */
  waitFor(check: (screen: string) => boolean, what: string, opts?: { timeoutMs?: number }): Promise<string>;
  /**
   * Sends keys: names from KEYS, anything else as literal text. Each key is its own write, but a busy
   * program may still read several at once, as it would from a fast typist; tests that depend on
   * one key's effect wait for it before the next (always after Esc, which is otherwise read as Alt).
   */
  press(...keys: (KeyName | string)[]): void;
  resize(cols: number, rows: number): void;
  /** Signals the program (not the terminal). */
  kill(signal: NodeJS.Signals): void;
  /** The program's process id (not the wrapper's). */
  pid(): number;
  readonly exit: Promise<ExitInfo>;
  /** Every byte the program wrote so far, as received. */
  raw(): string;
  /** Every OSC 8 hyperlink the terminal was given so far, with the text it covered when closed. */
  hyperlinks(): Hyperlink[];
  state(): TerminalState;
  /** Indexes of visible rows that are the wrapped tail of a line wider than the terminal. */
  overflow(): number[];
  /** Kills whatever is still running and frees the terminal; safe to call twice. */
  close(): void;
}

/** How long a wait for a screen may last before it fails: a ceiling for a loaded machine. */
const DEFAULT_TIMEOUT_MS = 60_000;

const scratchFor = (pidFile: string) => join(pidFile, "..");

function childEnv(opts: StartOptions, pidFile: string): Record<string, string> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    TERM: "xterm-256color",
    LANG: "C.UTF-8",
    LC_ALL: "C.UTF-8",
    SIGNALDESK_DIR: opts.dir ?? BUNDLED_BRIEFINGS,
    // Never the config of whoever runs the tests; a test gives its own with --config.
    XDG_CONFIG_HOME: join(scratchFor(pidFile), "config"),
    // Nor their read state: a test that keeps state across sessions gives its own folder.
    XDG_STATE_HOME: join(scratchFor(pidFile), "state"),
    E2E_PID_FILE: pidFile,
    // Ink draws nothing until exit when it believes it runs in CI; a person's terminal is not CI.
    CI: undefined,
    CONTINUOUS_INTEGRATION: undefined,
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    ...opts.env,
  };
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) clean[key] = value;
  return clean;
}

export function start(opts: StartOptions = {}): Session {
  let cols = opts.cols ?? 100;
  let rows = opts.rows ?? 30;
  const scratch = mkdtempSync(join(tmpdir(), "sd-e2e-"));
  const pidFile = join(scratch, "pid");
  const command = opts.command ?? [process.execPath, BIN, ...(opts.args ?? [])];
  const term = new xterm.Terminal({ cols, rows, allowProposedApi: true, scrollback: 0 });
  const env = childEnv(opts, pidFile);
  // node-pty sets TERM to `name`, so a test's own TERM (TERM=dumb) has to be passed as the name.
  const pty: IPty = spawn(process.execPath, [WRAPPER, ...command], {
    name: env.TERM ?? "xterm-256color",
    cols,
    rows,
    cwd: REPO,
    env,
  });

  // OSC 8 as the terminal parses it: the cells written between a link's opening and its end (or the
  // next link) are its text. xterm's own handling goes on after this one (it returns false).
  const links: Hyperlink[] = [];
  let openLink: { url: string; row: number; col: number } | null = null;
  term.parser.registerOscHandler(8, (data) => {
    const buffer = term.buffer.active;
    if (openLink && buffer.cursorY === openLink.row && buffer.cursorX >= openLink.col) {
      const line = buffer.getLine(buffer.viewportY + openLink.row);
      const text = line?.translateToString(false, openLink.col, buffer.cursorX) ?? "";
      links.push({ url: openLink.url, row: openLink.row, text });
    }
    const url = data.slice(data.indexOf(";") + 1);
    openLink = url === "" ? null : { url, row: buffer.cursorY, col: buffer.cursorX };
    return false;
  });

  let output = "";
  let midFrame = false;
  let exited = false;
  let closed = false;
  const watchers = new Set<() => void>();
  const notify = () => {
    for (const watch of [...watchers]) watch();
  };

  // Watchers run only after xterm has parsed the bytes, and never inside a synchronized update
  // (DEC mode 2026, which Ink wraps each frame in): they see whole frames, not half-erased ones.
  pty.onData((data) => {
    output += data;
    // Only the new bytes (and a marker split across chunks) can change whether a frame is open.
    const tail = output.slice(-(data.length + SYNC_BEGIN.length));
    const begin = tail.lastIndexOf(SYNC_BEGIN);
    const end = tail.lastIndexOf(SYNC_END);
    if (begin !== end) midFrame = begin > end;
    term.write(data, midFrame ? undefined : notify);
  });

  const exit = new Promise<ExitInfo>((resolve) => {
    pty.onExit(({ exitCode, signal }) => {
      term.write("", () => {
        exited = true;
        notify();
        const report = EXIT_MARKER.exec(output);
        if (report?.[1]) {
          const {
            code,
            signal: childSignal,
            stty,
          } = JSON.parse(report[1]) as {
            code: number | null;
            signal: string | null;
            stty: string;
          };
          resolve({ exitCode: code, signal: childSignal, stty });
        } else {
          // The wrapper itself died: report the terminal's own view of the exit.
          resolve({ exitCode, signal: signal ? String(signal) : null, stty: "" });
        }
      });
    });
  });

  const lines = (): string[] => {
    const buffer = term.buffer.active;
    const out: string[] = [];
    for (let y = 0; y < rows; y++)
      out.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? "");
    return out;
  };
  const screenText = () => lines().join("\n");

  const waitFor = (check: (screen: string) => boolean, what: string, waitOpts: { timeoutMs?: number } = {}) =>
    new Promise<string>((resolve, reject) => {
      const finish = (error?: Error) => {
        watchers.delete(watch);
        clearTimeout(timer);
        if (error) reject(error);
        else resolve(screenText());
      };
      const fail = (why: string) =>
        finish(
          new Error(`${why} waiting for ${what}.\n--- screen (${cols}x${rows}) ---\n${screenText()}\n---`),
        );
      const watch = () => {
        if (check(screenText())) finish();
        else if (exited) fail("program exited");
      };
      const timer = setTimeout(() => fail("timed out"), waitOpts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      watchers.add(watch);
      watch();
    });

  const childPid = (): number => {
    const pid = Number(readFileSync(pidFile, "utf8"));
    if (!Number.isInteger(pid) || pid <= 0) throw new Error("program pid not known yet");
    return pid;
  };

  return {
    get cols() {
      return cols;
    },
    get rows() {
      return rows;
    },
    lines,
    screenText,
    waitFor,
    waitForText: (expected, waitOpts) =>
      waitFor(
        (screen) => (typeof expected === "string" ? screen.includes(expected) : expected.test(screen)),
        JSON.stringify(String(expected)),
        waitOpts,
      ),
    press(...keys) {
      for (const key of keys) pty.write(key in KEYS ? KEYS[key as KeyName] : key);
    },
    resize(newCols, newRows) {
      cols = newCols;
      rows = newRows;
      term.resize(newCols, newRows);
      pty.resize(newCols, newRows);
    },
    kill(signal) {
      process.kill(childPid(), signal);
    },
    pid: childPid,
    exit,
    raw: () => output,
    hyperlinks: () => [...links],
    overflow() {
      const buffer = term.buffer.active;
      const wrapped: number[] = [];
      for (let y = 0; y < rows; y++) if (buffer.getLine(buffer.viewportY + y)?.isWrapped) wrapped.push(y);
      return wrapped;
    },
    state() {
      const shows = output.lastIndexOf("\x1b[?25h");
      const hides = output.lastIndexOf("\x1b[?25l");
      const report = EXIT_MARKER.exec(output);
      let cooked: boolean | undefined;
      if (report?.[1]) {
        const flags = new Set((JSON.parse(report[1]) as { stty: string }).stty.split(" "));
        cooked = flags.has("icanon") && flags.has("echo");
      }
      return { buffer: term.buffer.active.type, cursorVisible: shows >= hides, cooked };
    },
    close() {
      if (closed) return;
      closed = true;
      if (!exited) {
        try {
          process.kill(childPid(), "SIGKILL");
        } catch {
          // Already gone.
        }
        pty.kill("SIGKILL");
      }
      term.dispose();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** The process state letter from /proc (T: stopped). */
function procState(pid: number): string {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[0] ?? "";
}

/**
 * Resolves once the program has stopped itself (Ctrl-Z). Its screen goes back to the main one just
 * before it stops: a SIGCONT sent in between would be taken before the stop, which then lasts.
 * Checked as the process table changes, there being no event to wait on; the bound is for a
 * program that never stops.
 */
export async function stopped(s: Session): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (procState(s.pid()) !== "T") {
    if (Date.now() > deadline) throw new Error("timed out waiting for the program to stop");
    await new Promise((r) => setTimeout(r, 20));
  }
}
