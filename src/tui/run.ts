// Runs the full-screen reader and owns the terminal for as long as it runs. Whatever ends the session
// (q, Ctrl-C, a signal, a crash), the main screen, the cursor and cooked mode come back before the exit
// code is returned, and any error is printed only after that so it stays visible.
// Ink and React (mount.tsx) are imported only once there is a story to show: a first start's load,
// which can last minutes, shows its loading line (loading.ts) without them and their memory.
import { FolderError } from "../load/read.js";
import { type Filter, isEmptyFilter } from "../story/filter.js";
import { sanitize } from "../text/sanitize.js";
import type { Keymap } from "./keymap.js";
import { type KeyFeed, keyFeed, splitKeys } from "./keys.js";
import { type LoadingLine, showLoading } from "./loading.js";
import type { MountedReader, Shown } from "./mount.js";
import { MouseEvents } from "./mouse.js";
import { type EarlyStart, ENTER_SCREEN, LEAVE_SCREEN, storyFrame } from "./paint.js";
import { CHECKING_NOTE, provideStory, storedStory, storePlace } from "./source.js";
import { type Suspension, suspension } from "./suspend.js";

export interface TuiOptions {
  dir: string;
  filter: Filter;
  color: boolean;
  /** What `earlyStart` (paint.ts) did before this module was loaded. */
  early?: EarlyStart;
  /** The keys in effect (the config's rebinding); the defaults when not given. */
  keymap?: Keymap;
  /** Mouse reporting while the reader runs (wheel, clicks); off with --no-mouse or the config. */
  mouse?: boolean;
  /** $BROWSER as set, for `o`; null: the platform's opener. */
  browser?: string | null;
  /** The config's reading measure: a briefing's text is wrapped to at most this many columns. */
  measure?: number;
}

/** SGR mouse reporting: clicks and the wheel (1000), reported as decimal coordinates (1006). */
export const MOUSE_ON = "\x1b[?1000h\x1b[?1006h";
export const MOUSE_OFF = "\x1b[?1006l\x1b[?1000l";

/** Exit codes of the reader; they follow the table in the README. */
export const TUI_EXIT = {
  quit: 0,
  crash: 70,
  noFolder: 66,
  sighup: 129,
  interrupt: 130,
  sigterm: 143,
} as const;

const SIGNAL_CODES: Record<"SIGTERM" | "SIGHUP" | "SIGINT", number> = {
  SIGTERM: TUI_EXIT.sigterm,
  SIGHUP: TUI_EXIT.sighup,
  SIGINT: TUI_EXIT.interrupt,
};

const OUT_OF_MEMORY = /out of memory|allocation failed|cannot allocate/i;
const CTRL_C = "\x03";
const CTRL_Z = "\x1a";

/** A pause for long work: nothing until `ms` have passed since the last one, then one turn of the loop. */
function timeSlices(ms: number): () => Promise<void> | undefined {
  let start = performance.now();
  return () => {
    if (performance.now() - start < ms) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        start = performance.now();
        resolve();
      }),
    );
  };
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return sanitize(message).replace(/\s+/g, " ").trim() || "unknown error";
}

/**
 * Ink draws its first frame from wherever the cursor is and clears only what it drew itself: over a
 * frame painted before it loaded (or the loading line), that first frame starts by clearing the
 * screen, in the same write.
 */
function replaceFirstFrame(stdout: NodeJS.WriteStream) {
  const inner = stdout.write;
  stdout.write = function (this: NodeJS.WriteStream, ...args: Parameters<typeof inner>) {
    const [chunk] = args;
    if (typeof chunk === "string" && chunk.includes("\n")) {
      stdout.write = inner;
      args[0] = `\x1b[H\x1b[J${chunk}`;
    }
    return inner.apply(this, args);
  } as typeof inner;
}

export function runTui(opts: TuiOptions): Promise<number> {
  const { stdin, stdout, stderr } = process;
  return new Promise<number>((resolve) => {
    let settled = false;
    let interrupted = false;
    // Mouse reporting is on from the mount on; a suspend turns it off with the rest, and fg back on.
    let mouseOn = false;
    let loading: LoadingLine | undefined;
    let keys: KeyFeed | undefined;
    let reader: MountedReader | undefined;
    let mounting: Promise<void> | undefined;
    /** The latest story to show: what mounts once Ink is loaded, whatever arrived meanwhile. */
    let shown: Shown | undefined;
    /** Something was painted before Ink (a story's first frame, the loading line) that Ink must replace. */
    let paintedBeforeInk = opts.early?.painted === true;

    const onSignal = (signal: NodeJS.Signals) => {
      finish(SIGNAL_CODES[signal as keyof typeof SIGNAL_CODES] ?? TUI_EXIT.sigterm);
    };
    // Memory refused by the system (ulimit -v, a container's limit) is no bug of ours: said as such.
    const crash = (error: unknown) => {
      const what = describe(error);
      finish(
        TUI_EXIT.crash,
        `signaldesk: ${OUT_OF_MEMORY.test(what) ? "out of memory" : "internal error"}: ${what}`,
      );
    };
    // Last resort when something calls process.exit() behind our back: never leave the alternate screen up.
    const onExit = () => {
      if (!settled) restoreTerminal();
    };
    // A terminal that went away (SIGHUP) fails every write with EIO; that must not turn into a crash.
    const ignore = () => {};
    // While loading nothing is mounted to read keys: only the ways out (and Ctrl-Z) are answered.
    const onLoadingKeys = (chunk: Buffer | string) => {
      for (const key of splitKeys(typeof chunk === "string" ? chunk : chunk.toString("utf8"))) {
        if (key === CTRL_C || key === "q") {
          finish(key === "q" ? TUI_EXIT.quit : TUI_EXIT.interrupt);
          return;
        }
        if (key === CTRL_Z) suspended?.suspend();
      }
    };
    let suspended: Suspension | undefined;

    const attach = () => {
      for (const signal of Object.keys(SIGNAL_CODES)) process.on(signal, onSignal);
      process.on("uncaughtException", crash);
      process.on("unhandledRejection", crash);
      process.on("exit", onExit);
      stdout.on("error", ignore);
      suspended = suspension({
        release: restoreTerminal,
        retake: takeTerminal,
        // Ink (patched at build time) and the loading line both answer a resize with a whole repaint.
        redraw: () => stdout.emit("resize"),
      });
    };
    const detach = () => {
      // signal-exit (inside Ink) re-raises a signal when it sees no other listener for it; removing ours
      // while that signal is still being dispatched would let it kill the process after we handled it.
      setImmediate(() => {
        for (const signal of Object.keys(SIGNAL_CODES)) process.off(signal, onSignal);
      });
      process.off("uncaughtException", crash);
      process.off("unhandledRejection", crash);
      process.off("exit", onExit);
      suspended?.dispose();
    };

    function restoreTerminal() {
      try {
        if (stdin.isTTY) stdin.setRawMode(false);
      } catch {
        // stdin may already be closed; the line discipline then belongs to nobody.
      }
      try {
        stdout.write(mouseOn ? MOUSE_OFF + LEAVE_SCREEN : LEAVE_SCREEN);
      } catch {
        // The terminal is gone; nothing left to restore.
      }
    }

    function takeTerminal() {
      try {
        if (stdin.isTTY) stdin.setRawMode(true);
        stdout.write(mouseOn ? ENTER_SCREEN + MOUSE_ON : ENTER_SCREEN);
      } catch {
        // The terminal is gone: the next write's EIO or a SIGHUP ends the session.
      }
    }

    function finish(code: number, message?: string) {
      if (settled) return;
      settled = true;
      stopLoading();
      detach();
      try {
        reader?.unmount();
      } catch {
        // Unmounting a tree that just threw can throw again; the terminal is restored below regardless.
      }
      restoreTerminal();
      keys?.close();
      stdin.pause();
      stdin.unref();
      if (message) {
        try {
          stderr.write(`${message}\n`);
        } catch {
          // stderr gone with the terminal.
        }
      }
      resolve(code);
    }

    /** Keys typed from now on wait in stdin until the reader's key feed takes them. */
    function stopLoading() {
      loading?.stop();
      loading = undefined;
      stdin.off("data", onLoadingKeys);
      stdin.pause();
    }

    function show(next: Shown): Promise<void> {
      shown = next;
      if (reader) reader.show(next);
      mounting ??= mount();
      return mounting;
    }

    async function mount() {
      let ink: typeof import("./mount.js");
      try {
        ink = await import("./mount.js");
      } catch (error) {
        crash(error);
        return;
      }
      if (settled || shown === undefined) return;
      const mouse = new MouseEvents();
      keys = keyFeed(stdin, stdout, opts.mouse ? (event) => mouse.emit(event) : undefined);
      if (opts.mouse) {
        mouseOn = true;
        stdout.write(MOUSE_ON);
      }
      stdin.resume();
      // After the key feed, whose own wrapper of stdout.write must stay under this one-shot one.
      if (paintedBeforeInk) replaceFirstFrame(stdout);
      try {
        reader = ink.mountReader(shown, {
          stdin: keys.stream,
          filter: opts.filter,
          color: opts.color,
          ...(opts.keymap ? { keymap: opts.keymap } : {}),
          ...(opts.mouse ? { mouse } : {}),
          ...(opts.measure !== undefined ? { measure: opts.measure } : {}),
          browser: opts.browser ?? null,
          onInterrupt: () => {
            interrupted = true;
          },
          onSuspend: () => suspended?.suspend(),
        });
      } catch (error) {
        crash(error);
        return;
      }
      reader.exited.then(() => finish(interrupted ? TUI_EXIT.interrupt : TUI_EXIT.quit), crash);
    }

    function load() {
      const slices = timeSlices(8);
      provideStory(
        {
          dir: opts.dir,
          filter: opts.filter,
          // A load on this thread (no built workers, or a text query) builds the story in slices, so
          // the screen keeps answering `q` and Ctrl-C; the spinner shows the work goes on.
          pause: slices,
        },
        place,
        saved,
        {
          progress(done, total, step) {
            loading?.progress(done, total, step);
          },
          ready(story, note) {
            if (settled) return;
            if (loading) {
              stopLoading();
              // The loaded story's first frame is painted at once, as a saved story's is at a start:
              // loading Ink and mounting the App over a large story take a third of a second and more.
              // Ink's first frame then replaces it (or the loading line) in a single write.
              const frame = isEmptyFilter(opts.filter)
                ? storyFrame(story, opts.color, note, opts.keymap)
                : null;
              if (frame !== null) stdout.write(frame);
            }
            void show({ story, ...(note ? { note } : {}), today: shown?.today ?? new Date() });
            // Opening a briefing parses its file: source.ts warms the parser during the check of a
            // saved story, and once a load's threads are done.
          },
          alive: () => !settled,
        },
      ).catch((error: unknown) => {
        if (error instanceof FolderError) {
          finish(TUI_EXIT.noFolder, `signaldesk: no briefings folder at ${sanitize(opts.dir)}`);
        } else {
          finish(TUI_EXIT.crash, `signaldesk: could not load briefings: ${describe(error)}`);
        }
      });
    }

    attach();
    const place = opts.early ? opts.early.place : storePlace(opts.dir);
    const saved = opts.early ? opts.early.saved : storedStory(place);
    // Set here for the whole session (Ink sets it again on mount): keys typed before Ink is up must
    // not be echoed over the screen.
    if (stdin.isTTY) stdin.setRawMode(true);
    if (!opts.early?.painted) stdout.write(ENTER_SCREEN);
    if (saved !== null) {
      // A saved story is the first frame itself: no loading screen, Ink at once, and the check of the
      // files only after the App is up (the check's first steps would delay it).
      show({ story: saved.story, note: CHECKING_NOTE, today: new Date() }).then(() => {
        if (!settled) load();
      });
    } else {
      paintedBeforeInk = true;
      loading = showLoading(stdout);
      stdin.on("data", onLoadingKeys);
      load();
    }
  });
}
