// The Ink side of the reader: mounts the App once there is a story to show. Imported by run.ts only
// then (or at once over a saved story), so a first start's load runs without Ink, React and yoga in
// memory; the terminal, signals and the exit code stay with run.ts.
import { render, useApp, useInput } from "ink";
import { type ReactNode, useEffect } from "react";
import type { ReadState } from "../store/state.js";
import type { Filter } from "../story/filter.js";
import type { StoryView } from "../story/view.js";
import { App } from "./App.js";
import { ErrorBoundary } from "./components/ErrorBoundary.js";
import { HyperlinksContext } from "./hooks/useTheme.js";
import { command, DEFAULT_KEYMAP, type Keymap } from "./keymap.js";
import type { MouseEvents } from "./mouse.js";

/** A story on screen; `note` says what is still going on behind it. */
export interface Shown {
  story: StoryView;
  note?: string;
  /** Fixed at the first story shown, so relative dates do not move under the reader. */
  today: Date;
  /** A footer notice from outside the App (live updates off); a new `seq` shows it once. */
  message?: { text: string; seq: number };
}

export interface MountOptions {
  /** What Ink reads keys from (keys.ts `keyFeed`). */
  stdin: NodeJS.ReadStream;
  filter: Filter;
  color: boolean;
  /** Link text may also be an OSC 8 hyperlink (the terminal shows them; see cli/style.ts). */
  hyperlinks?: boolean;
  /** Called on Ctrl-C, before the reader exits: the exit code then says the user interrupted. */
  onInterrupt: () => void;
  /** Ctrl-Z: run.ts hands the terminal back and stops the process. */
  onSuspend: () => void;
  /** `r`: check the folder for changes now. */
  onRefresh?: () => void;
  keymap?: Keymap;
  mouse?: MouseEvents;
  measure?: number;
  browser: string | null;
  /** `e`: runs the editor on the file with the terminal handed over (run.ts); why it failed, or null. */
  edit?: (file: string) => Promise<string | null>;
  readState?: ReadState | null;
  /** Why read state is not saved this session (shown once). */
  stateWarning?: string;
}

export interface MountedReader {
  show(next: Shown): void;
  unmount(): void;
  /** Resolves when the reader quits; rejects with an error thrown inside a view. */
  exited: Promise<void>;
}

interface ShellProps {
  shown: Shown;
  opts: MountOptions;
}

/** Ctrl-C must quit from anywhere, even inside a prompt, so it is caught above the views; Ctrl-Z too. */
function Shell({ shown, opts }: ShellProps): ReactNode {
  const { filter, color, onInterrupt, onSuspend } = opts;
  const keymap = opts.keymap ?? DEFAULT_KEYMAP;
  const suspendKeys = command("suspend", keymap).keys;
  const { exit } = useApp();
  useInput((input, key) => {
    if (key.ctrl && input === "c") {
      onInterrupt();
      exit();
    } else if (suspendKeys.some((k) => k.test(input, key))) onSuspend();
  });
  return (
    <ErrorBoundary onError={(error) => exit(error)}>
      <HyperlinksContext.Provider value={opts.hyperlinks === true}>
        <App
          story={shown.story}
          {...(shown.note ? { note: shown.note } : {})}
          {...(shown.message ? { message: shown.message } : {})}
          {...(opts.onRefresh ? { onRefresh: opts.onRefresh } : {})}
          initialFilter={filter}
          today={shown.today}
          color={color}
          keymap={keymap}
          {...(opts.mouse ? { mouse: opts.mouse } : {})}
          {...(opts.measure !== undefined ? { measure: opts.measure } : {})}
          browser={opts.browser}
          {...(opts.edit ? { edit: opts.edit } : {})}
          readState={opts.readState ?? null}
          {...(opts.stateWarning ? { stateWarning: opts.stateWarning } : {})}
        />
      </HyperlinksContext.Provider>
      <CrashProbe />
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

export function mountReader(first: Shown, opts: MountOptions): MountedReader {
  const shell = (shown: Shown) => <Shell shown={shown} opts={opts} />;
  const instance = render(shell(first), {
    stdin: opts.stdin,
    exitOnCtrlC: false,
    patchConsole: false,
    maxFps: 60,
    // Only the lines that changed are written (a cursor move is two rows and the detail, not the
    // whole screen); Ink 6.8's cursor slip in this mode is patched at build time.
    incrementalRendering: true,
  });
  return {
    show: (next) => instance.rerender(shell(next)),
    unmount: () => instance.unmount(),
    exited: instance.waitUntilExit().then(() => undefined),
  };
}
