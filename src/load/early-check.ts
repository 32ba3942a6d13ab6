// Starts the reader's check of the folder (start-check.ts) in a thread of its own, first thing, so
// the stamps of every file and the parse of the few that changed run beside the opening of the store
// and the first frame instead of after them. Without the built worker (the sources run by the tests)
// there is none, and the sync checks on its own thread as before.
import { Worker } from "node:worker_threads";
import { builtEntry } from "./built.js";
import type { StartCheck } from "./start-check.js";

/** What the check thread was given: the folder as named, and where its store would be. */
export interface CheckInput {
  dir: string;
}

/**
 * The check of `dir`, running; resolves null when it could not tell (see `checkAtStart`) or the
 * thread failed. Null when no thread can be started.
 */
export function startEarlyCheck(
  dir: string,
  workerFile: string | null = builtEntry("check.js"),
): Promise<StartCheck | null> | null {
  if (workerFile === null) return null;
  let worker: Worker;
  try {
    worker = new Worker(workerFile, {
      workerData: { dir } satisfies CheckInput,
      // Anything it printed would land on the reader's screen.
      stdout: true,
      stderr: true,
    });
  } catch {
    return null;
  }
  worker.stdout.resume();
  worker.stderr.resume();
  // It never keeps the program alive: a reader quit meanwhile exits at once.
  worker.unref();
  return new Promise((resolve) => {
    const done = (result: StartCheck | null) => {
      resolve(result);
      void worker.terminate();
    };
    worker.once("message", (result: StartCheck | null) => done(result));
    worker.once("error", () => done(null));
    worker.once("exit", () => done(null));
  });
}
