// Mounts the full-screen reader and owns the terminal for as long as it runs. Whatever ends the session
// (q, Ctrl-C, a signal, a crash), the main screen, the cursor and cooked mode come back before the exit
// code is returned, and any error is printed only after that so it stays visible.
import { Box, type Instance, render, Text, useApp, useInput } from "ink";
import { type ReactNode, useEffect } from "react";
import { FolderError } from "../briefing/read.js";
import { type Filter, isEmptyFilter } from "../story/filter.js";
import type { StoryView } from "../story/view.js";
import { sanitize } from "../text/sanitize.js";
import { App } from "./App.js";
import { ErrorBoundary } from "./components/ErrorBoundary.js";
import { keyFeed } from "./keys.js";
import { type EarlyStart, ENTER_SCREEN, LEAVE_SCREEN, storyFrame } from "./paint.js";
import { CHECKING_NOTE, provideStory, savedStory, snapshotPlace } from "./source.js";

export interface TuiOptions {
  dir: string;
  filter: Filter;
  color: boolean;
  /** What `earlyStart` (paint.ts) did before this module was loaded. */
  early?: EarlyStart;
}

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

// Progress arrives once per file; redrawing more often than a frame is wasted work at 100k files.
const PROGRESS_INTERVAL_MS = 16;

type Stage =
  | { kind: "loading"; done: number; total: number; step?: string; spin?: number }
  | { kind: "ready"; story: StoryView; note?: string; today: Date };

interface ShellProps {
  stage: Stage;
  filter: Filter;
  color: boolean;
  onInterrupt: () => void;
}

/** Ctrl-C must quit from anywhere, even while loading or inside a prompt, so it is caught above the views. */
function Shell({ stage, filter, color, onInterrupt }: ShellProps): ReactNode {
  const { exit } = useApp();
  useInput((input, key) => {
    if (key.ctrl && input === "c") {
      onInterrupt();
      exit();
    } else if (stage.kind === "loading" && input === "q") {
      exit();
    }
  });
  return (
    <ErrorBoundary onError={(error) => exit(error)}>
      {stage.kind === "loading" ? (
        <Loading done={stage.done} total={stage.total} step={stage.step} spin={stage.spin ?? 0} />
      ) : (
        <>
          <App
            story={stage.story}
            {...(stage.note ? { note: stage.note } : {})}
            initialFilter={filter}
            today={stage.today}
            color={color}
          />
          <CrashProbe />
        </>
      )}
    </ErrorBoundary>
  );
}

/**
 * The end-to-end tests prove the crash paths on the built bundle, where no test can reach inside a view:
 * SIGNALDESK_TEST_CRASH=render throws while rendering, =async throws outside React once the reader shows.
 */
function CrashProbe(): ReactNode {
  const mode = process.env.SIGNALDESK_TEST_CRASH;
  useEffect(() => {
    if (mode === "async")
      setImmediate(() => {
        throw new Error("test crash outside a view");
      });
  }, [mode]);
  if (mode === "render") throw new Error("test crash inside a view");
  return null;
}

const SPIN = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
/**
 * The loading line's spinner turns this often: one changed line, about a kilobyte a second. Well under
 * a tenth of a second, so a late turn or two (the load's threads share the CPUs) never reads as a
 * frozen screen.
 */
const SPINNER_MS = 50;

function Loading(props: { done: number; total: number; step?: string | undefined; spin: number }): ReactNode {
  const { done, total, step, spin } = props;
  const progress = total > 0 ? `${done}/${total} ` : "";
  return (
    <Box>
      <Text>{`signaldesk — loading ${progress}briefings…${step ? ` ${step}` : ""} ${SPIN[spin % SPIN.length]}`}</Text>
    </Box>
  );
}

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
 * frame painted before it loaded, that first frame starts by clearing the screen, in the same write.
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
    const keys = keyFeed(stdin, stdout);
    let instance: Instance | undefined;
    let settled = false;
    let spinner: ReturnType<typeof setInterval> | undefined;
    let interrupted = false;
    let stage: Stage = { kind: "loading", done: 0, total: 0 };

    const onSignal = (signal: NodeJS.Signals) => {
      finish(SIGNAL_CODES[signal as keyof typeof SIGNAL_CODES] ?? TUI_EXIT.sigterm);
    };
    const onCrash = (error: unknown) =>
      finish(TUI_EXIT.crash, `signaldesk: internal error: ${describe(error)}`);
    // Last resort when something calls process.exit() behind our back: never leave the alternate screen up.
    const onExit = () => {
      if (!settled) restoreTerminal();
    };
    // A terminal that went away (SIGHUP) fails every write with EIO; that must not turn into a crash.
    const ignore = () => {};

    const attach = () => {
      for (const signal of Object.keys(SIGNAL_CODES)) process.on(signal, onSignal);
      process.on("uncaughtException", onCrash);
      process.on("unhandledRejection", onCrash);
      process.on("exit", onExit);
      stdout.on("error", ignore);
    };
    const detach = () => {
      // signal-exit (inside Ink) re-raises a signal when it sees no other listener for it; removing ours
      // while that signal is still being dispatched would let it kill the process after we handled it.
      setImmediate(() => {
        for (const signal of Object.keys(SIGNAL_CODES)) process.off(signal, onSignal);
      });
      process.off("uncaughtException", onCrash);
      process.off("unhandledRejection", onCrash);
      process.off("exit", onExit);
    };

    function restoreTerminal() {
      try {
        if (stdin.isTTY) stdin.setRawMode(false);
      } catch {
        // stdin may already be closed; the line discipline then belongs to nobody.
      }
      try {
        stdout.write(LEAVE_SCREEN);
      } catch {
        // The terminal is gone; nothing left to restore.
      }
    }

    function finish(code: number, message?: string) {
      if (settled) return;
      settled = true;
      clearInterval(spinner);
      detach();
      try {
        instance?.unmount();
      } catch {
        // Unmounting a tree that just threw can throw again; the terminal is restored below regardless.
      }
      restoreTerminal();
      keys.close();
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

    const draw = () => {
      if (settled) return;
      const node = (
        <Shell
          stage={stage}
          filter={opts.filter}
          color={opts.color}
          onInterrupt={() => {
            interrupted = true;
          }}
        />
      );
      if (instance) instance.rerender(node);
      else
        instance = render(node, {
          stdin: keys.stream,
          exitOnCtrlC: false,
          patchConsole: false,
          maxFps: 60,
          // Only the lines that changed are written (a cursor move is two rows and the detail, not
          // the whole screen); Ink 6.8's cursor slip in this mode is patched at build time.
          incrementalRendering: true,
        });
    };

    attach();
    // A saved story is the first frame itself: no loading screen, and no second frame right after it.
    const place = opts.early ? opts.early.place : snapshotPlace(opts.dir);
    const saved = opts.early ? opts.early.saved : savedStory(place, opts.filter);
    if (saved !== null) stage = { kind: "ready", story: saved.story, note: CHECKING_NOTE, today: new Date() };
    if (opts.early?.painted) replaceFirstFrame(stdout);
    else stdout.write(ENTER_SCREEN);
    try {
      draw();
    } catch (error) {
      finish(TUI_EXIT.crash, `signaldesk: internal error: ${describe(error)}`);
      return;
    }
    instance?.waitUntilExit().then(
      () => finish(interrupted ? TUI_EXIT.interrupt : TUI_EXIT.quit),
      (error: unknown) => finish(TUI_EXIT.crash, `signaldesk: internal error: ${describe(error)}`),
    );

    let lastDraw = 0;
    // A load in the loader worker can go seconds between messages (a step of a large archive): the
    // loading line keeps moving meanwhile, so a screen that is alive never looks frozen.
    spinner = setInterval(() => {
      if (settled || stage.kind !== "loading") return;
      stage = { ...stage, spin: (stage.spin ?? 0) + 1 };
      draw();
    }, SPINNER_MS);
    spinner.unref();
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
          const now = performance.now();
          if (done < total && step === undefined && now - lastDraw < PROGRESS_INTERVAL_MS) return;
          lastDraw = now;
          const spin = stage.kind === "loading" ? (stage.spin ?? 0) : 0;
          stage = { kind: "loading", done, total, spin, ...(step ? { step } : {}) };
          draw();
        },
        ready(story, note) {
          if (settled) return;
          // The loaded story's first frame is painted at once, as a saved story's is at a start: Ink
          // mounting the App over a large story takes a tenth of a second and more. Ink's first frame
          // of it then replaces the painted one in a single write.
          if (stage.kind === "loading" && isEmptyFilter(opts.filter)) {
            const frame = storyFrame(story, opts.color, note);
            if (frame !== null) {
              stdout.write(frame);
              replaceFirstFrame(stdout);
            }
          }
          const today = stage.kind === "ready" ? stage.today : new Date();
          stage = { kind: "ready", story, ...(note ? { note } : {}), today };
          draw();
          // Opening a briefing parses its file: after a load the parser is loaded already; after a
          // saved story it was warmed during the check (source.ts).
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
  });
}
