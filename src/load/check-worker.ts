// The start's early look at the files (early-check.ts), in a thread of its own: the check of every
// file's stamps against the store, opened read-only, and, once the reader watches the folder, the
// same look again for what changed in between. Built as dist/check.js. It never writes the database.
import { realpathSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { storeFile } from "../store/open.js";
import { StoreReader } from "../store/reader.js";
import { type Finding, look } from "./check.js";
import type { EarlyReply } from "./early-check.js";

const { dir, cacheDir } = workerData as { dir: string; cacheDir: string };

async function lookNow(): Promise<Finding | null> {
  try {
    const real = realpathSync(dir);
    // Whatever program made it: the sync takes the finding only when its own store, which it rebuilds
    // when another program made it, is the one looked at (its program and stored scan).
    const store = StoreReader.readOnly(storeFile(cacheDir, real), real, true);
    if (store === null) return null;
    try {
      return await look(dir, real, store);
    } finally {
      store.close();
    }
  } catch {
    return null;
  }
}

const send = (reply: EarlyReply) => parentPort?.postMessage(reply);
send({ kind: "found", finding: await lookNow() });
parentPort?.once("message", async () => {
  const again = await lookNow();
  // No look possible (a folder came or went, the store changed under us): everything is to be checked.
  send({ kind: "later", paths: again === null ? ["."] : again.jobs.map((j) => j.entry.relPath) });
});
