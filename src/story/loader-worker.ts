// The reader's load of a large folder, off its thread: this worker loads the folder (load-story.ts,
// with parse workers of its own), saves the story as a snapshot and says where. The reader then opens
// that snapshot as it would at any start. Its thread never holds the load's memory or waits for its
// garbage collections, and this worker's heap has a ceiling (background.ts), so a first start of
// 100k briefings costs the memory of a bounded worker, not of the whole archive. Built as
// dist/loader.js.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort, workerData } from "node:worker_threads";
import { FolderError } from "../briefing/read.js";
import { loadStory } from "./load-story.js";
import { countFiles, heapFor } from "./loader-heap.js";
import { yieldToReader } from "./priority.js";
import { writeSnapshot } from "./snapshot.js";
import { SAVING_STEP } from "./steps.js";

export interface LoaderData {
  dir: string;
  /** Where to save the story, with the stamp it must carry. */
  file: string;
  stamp: string;
  /** Parse workers this worker may start; it parses too, as one more. */
  workers: number;
  /** The heap ceiling it was given, when a larger folder may ask for more; null: fixed. */
  heapMb: number | null;
}

export type LoaderMessage =
  | { kind: "progress"; done: number; total: number }
  | { kind: "step"; step: string; fraction?: number }
  | { kind: "saved"; ok: boolean }
  /** The folder needs more heap than this worker has: start one with room for `files`. */
  | { kind: "heap"; files: number }
  | { kind: "failed"; folder: { dir: string; code: string } | null; message: string };

yieldToReader();
const data = workerData as LoaderData;
const collect = collector();
const post = (m: LoaderMessage) => parentPort?.postMessage(m);

/**
 * A full garbage collection, where V8 allows one to be asked for: between the load's steps the heap
 * holds the dead data of the step before, and the next step would grow the heap on top of it.
 */
function collector(): (() => void) | undefined {
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as unknown;
    return typeof gc === "function" ? () => gc() : undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  if (data.heapMb !== null) {
    const files = await countFiles(data.dir);
    if (heapFor(files) > data.heapMb) {
      post({ kind: "heap", files });
      return;
    }
  }
  const loaded = await loadStory(data.dir, {
    pause: () => undefined,
    workers: data.workers,
    joinIn: true,
    ...(collect ? { collect } : {}),
    onProgress: (done, total) => post({ kind: "progress", done, total }),
    onStep: (step, fraction) => post({ kind: "step", step, ...(fraction === undefined ? {} : { fraction }) }),
  });
  if (loaded === null) throw new Error("load stopped");
  post({ kind: "step", step: SAVING_STEP });
  // What only the load needed (the id index, the cache's places) goes before the saving's own.
  collect?.();
  const ok = await writeSnapshot(
    data.file,
    data.stamp,
    loaded.story,
    loaded.files,
    collect ? { collect } : {},
  );
  loaded.close();
  post({ kind: "saved", ok });
}

try {
  await main();
} catch (err) {
  const message = err instanceof Error ? err.message : String(err);
  post({
    kind: "failed",
    folder: err instanceof FolderError ? { dir: err.dir, code: err.code } : null,
    message,
  });
}
