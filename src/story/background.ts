// Starts the loader worker (loader-worker.ts) for the reader and follows it. Its old generation is
// capped (a few megabytes per thousand files on top of a base), which is what keeps a first start's
// memory bounded: V8 collects to stay under the cap instead of growing its heap towards the
// machine's memory. When the built worker is not there (tests run the source) the caller loads on
// its own thread instead.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { FolderError } from "../briefing/read.js";
import { builtEntry } from "./built.js";
import { heapFor } from "./loader-heap.js";
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

/**
 * Loads `dir` in the loader worker and saves its story to `file` with `stamp`. The first loader's heap
 * ceiling has room for `sizedFor` files; one that finds more starts again with room for them. Null
 * when there is no built worker to start.
 */
export function loadInBackground(
  target: { dir: string; file: string; stamp: string },
  sizedFor: number,
  on: BackgroundEvents,
  workerFile: string | null = builtEntry("loader.js"),
): BackgroundLoad | null {
  if (workerFile === null) return null;
  const env = Number(process.env.SIGNALDESK_LOADER_HEAP_MB);
  const fixed = Number.isFinite(env) && env > 0;
  const heap = fixed ? env : heapFor(sizedFor);
  const wanted = Number(process.env.SIGNALDESK_WORKERS);
  // Up to three threads parse, the loader's own among them.
  const workers =
    Number.isInteger(wanted) && wanted >= 0 ? wanted : Math.max(1, Math.min(3, availableParallelism()) - 1);
  const data = { ...target, workers };
  let worker: Worker | null = null;
  let stopped = false;
  // A loader that outgrows its heap is started again with twice the room (twice at most): the cap
  // is a guess from the number of files, and a folder of unusually large briefings can beat it.
  // One sized from a count of the folder (by the loader before it, which found more files than it
  // had room for) does not count again.
  const attempt = (heapMb: number, tries: number, counted: boolean): Promise<boolean> =>
    new Promise<boolean>((resolve, reject) => {
      let w: Worker;
      try {
        w = new Worker(workerFile, {
          workerData: { ...data, heapMb: fixed || counted ? null : heapMb } satisfies LoaderData,
          resourceLimits: { maxOldGenerationSizeMb: Math.ceil(heapMb), maxYoungGenerationSizeMb: 8 },
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
        else if (m.kind === "heap")
          settle(() => {
            if (stopped) {
              reject(new Error("load stopped"));
              return;
            }
            on.retry?.(heapFor(m.files));
            attempt(heapFor(m.files), tries, true).then(resolve, reject);
          });
        else
          settle(() =>
            reject(m.folder ? new FolderError(m.folder.dir, m.folder.code, m.message) : new Error(m.message)),
          );
      });
      w.on("error", (err: Error & { code?: string }) =>
        settle(() => {
          if (err.code === "ERR_WORKER_OUT_OF_MEMORY" && tries > 0 && !stopped) {
            on.retry?.(heapMb * 2);
            attempt(heapMb * 2, tries - 1, counted).then(resolve, reject);
          } else reject(err);
        }),
      );
      w.on("exit", (code) => settle(() => reject(new Error(`loader stopped (exit ${code})`))));
    });
  const saved = attempt(heap, 2, false);
  return {
    saved,
    stop: () => {
      stopped = true;
      void worker?.terminate();
    },
  };
}
