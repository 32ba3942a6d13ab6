// The reader's load of a large folder, off its thread: this worker loads the folder (load-story.ts,
// with parse workers of its own), saves the story as a snapshot and says where. The reader then opens
// that snapshot as it would at any start. Its thread never holds the load's memory or waits for its
// garbage collections, and this worker's heap has a ceiling (background.ts), so a first start of
// 100k briefings costs the memory of a bounded worker, not of the whole archive. Built as
// dist/loader.js.
import { parentPort, workerData } from "node:worker_threads";
import { FolderError } from "../briefing/read.js";
import { loadStory } from "./load-story.js";
import { countFiles, heapFor } from "./loader-heap.js";
import { yieldToReader } from "./priority.js";
import { writeSnapshot } from "./snapshot.js";

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
const post = (m: LoaderMessage) => parentPort?.postMessage(m);

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
    onProgress: (done, total) => post({ kind: "progress", done, total }),
    onStep: (step, fraction) => post({ kind: "step", step, ...(fraction === undefined ? {} : { fraction }) }),
  });
  if (loaded === null) throw new Error("load stopped");
  post({ kind: "step", step: "saving" });
  const ok = await writeSnapshot(data.file, data.stamp, loaded.story, loaded.files);
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
