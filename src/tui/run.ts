// Runs the full-screen reader and owns the terminal for as long as it runs. Whatever ends the session
// (q, Ctrl-C, a signal, a crash), the main screen, the cursor and cooked mode come back before the exit
// code is returned, and any error is printed only after that so it stays visible.
// Ink and React (mount.tsx) are imported only once there is a story to show: a first start's load,
// which can last minutes, shows its loading line (loading.ts) without them and their memory.
import { FolderError } from "../load/read.js";
import { realFolder } from "../load/safe-open.js";
import { storedScan } from "../load/stored-scan.js";
import { type FolderWatch, watchFolder } from "../load/watch.js";
import { openReadState, type ReadState } from "../store/state.js";
import { type Filter, isEmptyFilter } from "../story/filter.js";
import { sanitize } from "../text/sanitize.js";
import { type EditorEnv, editorCommand, runEditor } from "./editor.js";
import { oneWritePerFrame, SYNC_BEGIN } from "./frameWrite.js";
import type { Keymap } from "./keymap.js";
import { type KeyFeed, keyFeed, splitKeys } from "./keys.js";
import { type LoadingLine, showLoading } from "./loading.js";
import type { MountedReader, Shown } from "./mount.js";
import { MouseEvents } from "./mouse.js";
import { type EarlyStart, ENTER_SCREEN, headFrame, LEAVE_SCREEN, storyFrame } from "./paint.js";
import { type Checks, serialChecks } from "./refresh.js";
import {
  CHECKING_NOTE,
  provideStory,
  refreshStory,
  type Saved,
  type SourceEvents,
  storedStory,
  storePlace,
} from "./source.js";
import { type Suspension, suspension } from "./suspend.js";

export interface TuiOptions {
  dir: string;
  filter: Filter;
  color: boolean;
  /** Link text may also be an OSC 8 hyperlink (decided by cli/style.ts `hyperlinksWanted`). */
  hyperlinks?: boolean;
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
  /** $VISUAL and $EDITOR as set, for `e`; neither: vi. */
  editor?: EditorEnv;
  /** Where read state is kept ($XDG_STATE_HOME/signaldesk); null or absent: nowhere. */
  stateDir?: string | null;
  /** Live updates: the folder is watched while the reader runs; off with --no-watch or the config. */
  watch?: boolean;
}

/** Said once when the folder cannot be watched; `r` still checks. */
export function notWatchingNotice(reason: string): string {
  return `Live updates off: ${reason}. Press r to check for changes`;
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
      // Inside the frame's synchronized update when it opens the chunk, so the clear is not seen alone.
      const clear = "\x1b[H\x1b[J";
      args[0] = chunk.startsWith(SYNC_BEGIN)
        ? `${SYNC_BEGIN}${clear}${chunk.slice(SYNC_BEGIN.length)}`
        : `${clear}${chunk}`;
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
    /** The story's head is on screen and no story is shown yet (the start's check runs first). */
    let deferred = false;
    /** The head on screen was read after the check: it is the frame the App's first one replaces. */
    let headUpToDate = false;

    let stateWarning: string | undefined;
    /**
     * Read state, opened when the App mounts (it is the App's): a start's check of the files, and an
     * edit's first frame, do not wait for its database to open and the session's row to be written.
     */
    let readState: ReadState | null = null;
    let stateOpened = false;
    function openState() {
      if (stateOpened || opts.stateDir == null) return;
      stateOpened = true;
      readState = openReadState({
        stateDir: opts.stateDir,
        folder: realFolder(opts.dir) ?? opts.dir,
        warn: (m) => {
          stateWarning = m;
        },
        create: true,
      });
      readState.beginSession();
    }

    /** An editor has the terminal: nothing of ours may write to it, read from it or change its modes. */
    let handedOver = false;

    const onSignal = (signal: NodeJS.Signals) => {
      // Ctrl-C in an editor that leaves the terminal's signals on reaches us too: it is the editor's
      // (as git ignores SIGINT while its editor runs).
      if (handedOver && signal === "SIGINT") return;
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
    let watching: FolderWatch | undefined;
    let checks: Checks | undefined;
    /** Messages for the footer, each shown once (the App tells them apart by their number). */
    let message: { text: string; seq: number } | undefined;

    const attach = () => {
      for (const signal of Object.keys(SIGNAL_CODES)) process.on(signal, onSignal);
      process.on("uncaughtException", crash);
      process.on("unhandledRejection", crash);
      process.on("exit", onExit);
      stdout.on("error", ignore);
      // While an editor runs, a stop and a continue of the whole job (the editor's own Ctrl-Z) leave
      // the terminal to it.
      suspended = suspension({
        // Nothing is watched while stopped; `fg` checks for whatever changed meanwhile. While an
        // editor runs, a stop and a continue of the whole job (the editor's own Ctrl-Z) leave the
        // terminal to it.
        release: () => {
          stopWatching();
          if (!handedOver) restoreTerminal();
        },
        retake: () => {
          if (!handedOver) takeTerminal();
          if (checks) {
            startWatching();
            checks.request([]);
          }
        },
        redraw,
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

    /** Ink (patched at build time) and the loading line both answer a resize with a whole repaint. */
    function redraw() {
      stdout.emit("resize");
    }

    /**
     * `e`: the terminal handed to the editor as a shell would leave it (main screen, cooked mode, mouse
     * off, our reads stopped and our frames held back), the editor run on the file, the terminal taken
     * back and drawn whole, and the story loaded again so the edit shows. Resolves with why the editor
     * failed, or null.
     */
    async function edit(file: string): Promise<string | null> {
      const cmd = editorCommand(opts.editor ?? { visual: null, editor: null });
      if (typeof cmd === "string") return cmd;
      if (settled || handedOver) return null;
      handedOver = true;
      stdin.pause();
      restoreTerminal();
      const write = stdout.write;
      // Frames the App draws meanwhile (a story swapped in) would land in the editor's screen.
      stdout.write = ((...args: unknown[]) => {
        const done = args.find((a) => typeof a === "function") as (() => void) | undefined;
        done?.();
        return true;
      }) as typeof stdout.write;
      let outcome: string | null;
      try {
        outcome = await runEditor(cmd, file);
      } finally {
        stdout.write = write;
        handedOver = false;
      }
      if (settled) return outcome;
      takeTerminal();
      stdin.resume();
      redraw();
      // The edit shows through the same check as any change to the folder.
      checks?.request([file]);
      return outcome;
    }

    function finish(code: number, message?: string) {
      if (settled) return;
      settled = true;
      stopWatching();
      stopLoading();
      detach();
      try {
        reader?.unmount();
      } catch {
        // Unmounting a tree that just threw can throw again; the terminal is restored below regardless.
      }
      restoreTerminal();
      // After the unmount, which saves the last place: the session's end is what "new since" counts from.
      readState?.endSession();
      readState?.close();
      if (stateWarning && !message) message = `signaldesk: ${sanitize(stateWarning)}`;
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
      shown = message ? { ...next, message } : next;
      if (reader) reader.show(shown);
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
      openState();
      const mouse = new MouseEvents();
      keys = keyFeed(stdin, stdout, opts.mouse ? (event) => mouse.emit(event) : undefined);
      if (opts.mouse) {
        mouseOn = true;
        stdout.write(MOUSE_ON);
      }
      stdin.resume();
      // After the key feed, whose own wrapper of stdout.write must stay under these; the one-shot one
      // last, as it takes itself off by putting back what it wrapped.
      oneWritePerFrame(stdout);
      if (paintedBeforeInk) replaceFirstFrame(stdout);
      try {
        reader = ink.mountReader(shown, {
          stdin: keys.stream,
          filter: opts.filter,
          color: opts.color,
          hyperlinks: opts.hyperlinks === true,
          ...(opts.keymap ? { keymap: opts.keymap } : {}),
          ...(opts.mouse ? { mouse } : {}),
          ...(opts.measure !== undefined ? { measure: opts.measure } : {}),
          browser: opts.browser ?? null,
          edit,
          readState,
          ...(stateWarning ? { stateWarning } : {}),
          onInterrupt: () => {
            interrupted = true;
          },
          onSuspend: () => suspended?.suspend(),
          onRefresh: () => checks?.request([]),
        });
      } catch (error) {
        crash(error);
        return;
      }
      reader.exited.then(() => finish(interrupted ? TUI_EXIT.interrupt : TUI_EXIT.quit), crash);
    }

    /** What a check of the folder shows: progress before anything is on screen, then stories. */
    const events: SourceEvents = {
      progress(done, total, step) {
        if (loading) loading.progress(done, total, step);
        else if (shown) noteThrottled(step ?? `reloading ${done}/${total}…`);
      },
      ready(story, note) {
        if (settled) return;
        if (loading || deferred) {
          deferred = false;
          stopLoading();
          // The loaded story's first frame is painted at once, as a saved story's is at a start:
          // loading Ink and mounting the App over a large story take a third of a second and more.
          // Ink's first frame then replaces it (or the loading line) in a single write.
          const frame =
            isEmptyFilter(opts.filter) && !(headUpToDate && note === undefined)
              ? storyFrame(story, opts.color, note, opts.keymap)
              : null;
          if (frame !== null) stdout.write(frame);
        }
        void show({ story, ...(note ? { note } : {}), today: shown?.today ?? new Date() });
        // Opening a briefing parses its file: source.ts warms the parser during the check of a
        // saved story, and once a load's threads are done.
      },
      synced(store, usesPending) {
        // The head painted before the check, read again now that the store holds every change: an
        // edit made while the reader was closed is on screen before the whole story is read and
        // Ink loaded (both take longer than the check of a few files).
        if (!deferred || settled || !isEmptyFilter(opts.filter)) return;
        const frame = headFrame(opts.dir, store, opts.color, {
          usesPending,
          ...(opts.keymap ? { keymap: opts.keymap } : {}),
        });
        if (frame === null) return;
        stdout.write(frame);
        headUpToDate = true;
      },
      alive: () => !settled,
    };

    let lastNote = 0;
    /** The notice that the folder cannot be watched was given (once a session). */
    let warned = false;
    /** A load's count in the header over the story shown, a few times a second at most. */
    function noteThrottled(note: string) {
      const now = performance.now();
      if (now - lastNote < 250 || !shown) return;
      lastNote = now;
      void show({ ...shown, note });
    }

    function say(text: string) {
      message = { text, seq: (message?.seq ?? 0) + 1 };
      if (shown) void show(shown);
    }

    function startWatching() {
      if (!opts.watch || watching || settled) return;
      let failed = false;
      const watch = watchFolder(
        opts.dir,
        {
          changed: (paths) => checks?.request(paths),
          unavailable(reason) {
            failed = true;
            watching = undefined;
            if (!warned) say(notWatchingNotice(reason));
            warned = true;
          },
        },
        undefined,
        // The folders the store last saw: those unchanged are watched without being listed again.
        (place.store && storedScan(place.store)?.dirs) ?? [],
      );
      if (!failed) watching = watch;
    }

    function stopWatching() {
      watching?.stop();
      watching = undefined;
    }

    /** A check after the start (a change seen, `r`): a failure is said over the story, never an exit. */
    async function refresh(paths: readonly string[]) {
      if (settled) return;
      const sourceOpts = { dir: opts.dir, filter: opts.filter, pause: timeSlices(8) };
      try {
        // Only the paths the watch named are looked at (none: `r`, every file's stamp).
        await refreshStory(
          { ...sourceOpts, ...(paths.length > 0 ? { changed: paths } : {}), shown: shown?.story ?? null },
          place,
          events,
        );
      } catch (error) {
        if (settled || !shown) return;
        const note =
          error instanceof FolderError
            ? `no briefings folder at ${sanitize(opts.dir)}`
            : `could not reload: ${describe(error)}`;
        void show({ ...shown, note });
      }
    }

    function load(saved: Saved | null | "deferred") {
      const slices = timeSlices(8);
      const first = provideStory(
        {
          dir: opts.dir,
          filter: opts.filter,
          // A load on this thread (no built workers, or a text query) builds the story in slices, so
          // the screen keeps answering `q` and Ctrl-C; the spinner shows the work goes on.
          pause: slices,
        },
        place,
        saved,
        events,
      ).catch((error: unknown) => {
        if (error instanceof FolderError) {
          finish(TUI_EXIT.noFolder, `signaldesk: no briefings folder at ${sanitize(opts.dir)}`);
        } else {
          finish(TUI_EXIT.crash, `signaldesk: could not load briefings: ${describe(error)}`);
        }
      });
      // Watched from the start's check on: a change made while it runs is checked once it ends.
      checks = serialChecks(refresh, first);
      startWatching();
    }

    attach();
    const place = opts.early ? opts.early.place : storePlace(opts.dir);
    // Set here for the whole session (Ink sets it again on mount): keys typed before Ink is up must
    // not be echoed over the screen.
    if (stdin.isTTY) stdin.setRawMode(true);
    const saved = opts.early?.painted ? null : storedStory(place);
    if (!opts.early?.painted) stdout.write(ENTER_SCREEN);
    if (opts.early?.painted) {
      // The story's head is on screen: the files are checked before the whole story is read, so a
      // start after a few edits reads, paints and mounts the story once (source.ts provideStory).
      // Keys typed meanwhile wait in the terminal for the App, as they did for Ink to load.
      deferred = true;
      load("deferred");
    } else if (saved !== null) {
      // A saved story is the first frame itself: no loading screen, Ink at once, and the check of the
      // files only after the App is up (the check's first steps would delay it).
      show({ story: saved.story, note: CHECKING_NOTE, today: new Date() }).then(() => {
        if (!settled) load(saved);
      });
    } else {
      paintedBeforeInk = true;
      loading = showLoading(stdout);
      stdin.on("data", onLoadingKeys);
      load(null);
    }
  });
}
