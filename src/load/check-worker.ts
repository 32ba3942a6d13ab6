// The start's check thread (early-check.ts): finds the folder's store as the reader's thread will
// open it and answers with the check (start-check.ts), or null. Built as dist/check.js. It never
// writes the database.
import { realpathSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { cacheDirFrom, storeFile } from "../store/open.js";
import type { CheckInput } from "./early-check.js";
import { checkAtStart, type StartCheck } from "./start-check.js";

async function check({ dir }: CheckInput): Promise<StartCheck | null> {
  // A worker's own entry point: its environment is the program's, read here as the reader's thread
  // reads it to open the store (folder-store.ts).
  const cacheDir = cacheDirFrom(process.env);
  if (cacheDir === null) return null;
  const real = realpathSync(dir);
  return checkAtStart(dir, real, storeFile(cacheDir, real));
}

check(workerData as CheckInput).then(
  (result) => parentPort?.postMessage(result),
  () => parentPort?.postMessage(null),
);
