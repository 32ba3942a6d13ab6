// Starts the loader worker (loader-worker.ts) for the reader and follows it. Its old generation is
// capped (a few megabytes per thousand files on top of a base), which is what keeps a first start's
// memory bounded: V8 collects to stay under the cap instead of growing its heap towards the
// machine's memory. When the built worker is not there (tests run the source) the caller loads on
// its own thread instead.
import { readdir } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { FolderError } from "../briefing/read.js";
import { builtEntry } from "./built.js";
import type { LoaderData, LoaderMessage } from "./loader-worker.js";

export interface BackgroundEvents {
  progress(done: number, total: number): void;
  step(step: string, fraction?: number): void;
  /** The loader ran out of its heap and starts again with `heapMb`. */
  retry?(heapMb: number): void;
}

export interface BackgroundLoad {
  /** Resolves true when the story was saved to the file, false when it could not be; rejects with
   * FolderError for a missing folder and with an Error when the worker failed. */
  saved: Promise<boolean>;
  stop(): void;
}

// The ceiling is a guard, not a budget: a worker that reaches it can take the whole process down
// (V8 does not always stop just the worker: nodejs/node#47224), so it sits well above what a load holds (measured:
// about 60 MB at 30k briefings, the most at the start of the conflict search).
const BASE_HEAP_MB = 128;
/** Per 1,000 files: what the load holds of each briefing, with room to spare. */
const HEAP_MB_PER_1000 = 2.5;

/** About how many briefing files `dir` holds (symlinks not followed): the loader's heap cap grows with it. */
export async function countFiles(dir: string): Promise<number> {
  try {
    const names = await readdir(dir, { recursive: true });
    let n = 0;
    for (const name of names) if (/\.(md|txt)$/i.test(name)) n++;
    return n;
  } catch {
    return 0;
  }
}

/**
 * Loads `dir` in the loader worker and saves its story to `file` with `stamp`. `files` is a guess of
 * how many files the folder holds (the last load's count, or 0), for the heap cap. Null when there is
 * no built worker to start.
 */
export function loadInBackground(
  target: { dir: string; file: string; stamp: string },
  filesGuess: number,
  on: BackgroundEvents,
  workerFile: string | null = builtEntry("loader.js"),
): BackgroundLoad | null {
  if (workerFile === null) return null;
  const env = Number(process.env.SIGNALDESK_LOADER_HEAP_MB);
  const heap = Number.isFinite(env) && env > 0 ? env : BASE_HEAP_MB + (filesGuess / 1000) * HEAP_MB_PER_1000;
  const wanted = Number(process.env.SIGNALDESK_WORKERS);
  const workers =
    Number.isInteger(wanted) && wanted >= 0 ? wanted : Math.max(1, Math.min(3, availableParallelism()));
  const data: LoaderData = { ...target, workers };
  let worker: Worker | null = null;
  let stopped = false;
  // A loader that outgrows its heap is started again with twice the room (twice at most): the cap
  // is a guess from the number of files, and a folder of unusually large briefings can beat it.
  const attempt = (heapMb: number, tries: number): Promise<boolean> =>
    new Promise<boolean>((resolve, reject) => {
      let w: Worker;
      try {
        w = new Worker(workerFile, {
          workerData: data,
          resourceLimits: { maxOldGenerationSizeMb: Math.ceil(heapMb) },
          // Anything it prints would land on the reader's screen.
          stdout: true,
          stderr: true,
        });
      } catch (err) {
        reject(err);
        return;
      }
      worker = w;
      w.stdout.resume();
      w.stderr.resume();
      let settled = false;
      const settle = (f: () => void) => {
        if (settled) return;
        settled = true;
        f();
        void w.terminate();
      };
      w.on("message", (m: LoaderMessage) => {
        if (m.kind === "progress") on.progress(m.done, m.total);
        else if (m.kind === "step") on.step(m.step, m.fraction);
        else if (m.kind === "saved") settle(() => resolve(m.ok));
        else
          settle(() =>
            reject(m.folder ? new FolderError(m.folder.dir, m.folder.code, m.message) : new Error(m.message)),
          );
      });
      w.on("error", (err: Error & { code?: string }) =>
        settle(() => {
          if (err.code === "ERR_WORKER_OUT_OF_MEMORY" && tries > 0 && !stopped) {
            on.retry?.(heapMb * 2);
            attempt(heapMb * 2, tries - 1).then(resolve, reject);
          } else reject(err);
        }),
      );
      w.on("exit", (code) => settle(() => reject(new Error(`loader stopped (exit ${code})`))));
    });
  const saved = attempt(heap, 2);
  return {
    saved,
    stop: () => {
      stopped = true;
      void worker?.terminate();
    },
  };
}
