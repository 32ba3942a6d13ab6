// Starts the start's precheck (precheck.ts) in a thread of its own, as early as the reader knows its
// folder: the stamps of every file and the parse of the few changed ones are then made while the
// rest of the program loads and paints its first frame, not after it. Running the sources (tests),
// there is no built thread: the sync checks the files itself, as it does whenever the precheck gives
// nothing.
import { Worker } from "node:worker_threads";
import { builtEntry } from "./built.js";
import type { FileOutcome } from "./parse-file.js";
import type { Prechecked, PrecheckFound } from "./precheck.js";

export type FromPrecheck =
  | { kind: "checked"; found: PrecheckFound | null; parsing: boolean }
  | { kind: "parsed"; outcomes: FileOutcome[] | null }
  | { kind: "rechecked"; paths: string[] | "all" };

export type ToPrecheck = { kind: "parse-there" } | { kind: "recheck" };

/** What the sync asks of the start's precheck (sync.ts `prechecked`). */
export interface PrecheckSource {
  /** Whether its answer is in: when not, the sync may take the parse of the changed files itself. */
  readonly answered: boolean;
  /** Tells the precheck the sync parses the changed files itself (its thread has other work). */
  parseThere(): void;
  /** The precheck's result; null when it made none or its thread failed. */
  readonly result: Promise<Prechecked | null>;
}

export interface PrecheckThread extends PrecheckSource {
  /**
   * Once the folder is watched: the files changed since the precheck's stamps ("all": check every
   * file), and the thread's end.
   */
  recheck(): Promise<readonly string[] | "all">;
  /** Ends the thread, whatever it is doing. */
  close(): void;
}

/** The variables the store's place is read from (store/open.ts cacheDirFrom), passed on as they are. */
const CACHE_ENV = ["SIGNALDESK_NO_CACHE", "XDG_CACHE_HOME"] as const;

/** The precheck of `dir` in its thread; null when there is no built thread or none can start. */
export function startPrecheck(dir: string, env: NodeJS.ProcessEnv): PrecheckThread | null {
  const file = builtEntry("precheck.js");
  if (file === null) return null;
  const passed: NodeJS.ProcessEnv = {};
  for (const key of CACHE_ENV) if (env[key] !== undefined) passed[key] = env[key];
  let worker: Worker;
  try {
    // Anything the thread prints would land on the reader's screen: it is read and dropped.
    worker = new Worker(file, { workerData: { dir, env: passed }, stdout: true, stderr: true });
  } catch {
    return null;
  }
  // Never what keeps the process alive: the reader's end ends it.
  worker.unref();
  worker.stdout.resume();
  worker.stderr.resume();
  let answered = false;
  let checked: (r: Prechecked | null) => void = () => {};
  let parsed: (r: FileOutcome[] | null) => void = () => {};
  let rechecked: (r: string[] | "all") => void = () => {};
  const result = new Promise<Prechecked | null>((resolve) => {
    checked = resolve;
  });
  const outcomes = new Promise<FileOutcome[] | null>((resolve) => {
    parsed = resolve;
  });
  const again = new Promise<string[] | "all">((resolve) => {
    rechecked = resolve;
  });
  const send = (m: ToPrecheck) => worker.postMessage(m);
  worker.on("message", (m: FromPrecheck) => {
    if (m.kind === "checked") {
      answered = true;
      checked(m.found === null ? null : { ...m.found, parsed: m.parsing ? outcomes : null });
    } else if (m.kind === "parsed") parsed(m.outcomes);
    else rechecked(m.paths);
  });
  // A thread that fails or ends early gives nothing: the sync checks (or parses) for itself, and
  // after the watch's start every file is checked again.
  const gone = () => {
    answered = true;
    checked(null);
    parsed(null);
    rechecked("all");
  };
  worker.on("error", gone);
  worker.on("exit", gone);
  let asked = false;
  return {
    get answered() {
      return answered;
    },
    parseThere: () => send({ kind: "parse-there" }),
    result,
    recheck() {
      if (!asked) {
        asked = true;
        send({ kind: "recheck" });
      }
      return again;
    },
    close() {
      void worker.terminate();
    },
  };
}
