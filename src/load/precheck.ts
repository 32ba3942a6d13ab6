// The start's check of the files, made in a thread of its own from the program's first moments
// (precheck-thread.ts), beside the loading of the reader and the painting of its first frame: the
// stamps of every file against a read-only open of the store (check.ts, the sync's own check), and a
// parse of the few files that changed. The reader's sync (sync.ts) takes the outcome in place of its
// own check and parse when it finds the store as the precheck found it, and writes it: the database
// is written by the reader's thread alone. Nothing here writes anything.
import { realpathSync } from "node:fs";
import { storeFile } from "../store/open.js";
import { type StampRow, StoreReader } from "../store/reader.js";
import { checkRows, keptRegistry, readRegistry } from "./check.js";
import type { FileOutcome } from "./parse-file.js";
import type { FileEntry } from "./read.js";
import { keptScan } from "./stored-scan.js";

/**
 * Changed files the precheck parses itself, at most: a start after a few edits. More, and it leaves
 * them to the sync, whose parse workers share them out.
 */
export const PRECHECK_PARSE_MAX = 32;

/** What the precheck found, against the stored scan of `count` files summing to `sum`. */
export interface Prechecked {
  count: number;
  sum: number;
  /** The registry's hash the changed files were parsed under. */
  registry: string;
  /** The changed files, each with its outcome when the precheck parsed it (all of them, or none). */
  jobs: { entry: FileEntry; row: StampRow; outcome: FileOutcome | null }[];
}

export interface PrecheckSession {
  /** Null when no check could be made here: no store, a folder or the registry changed, no cache. */
  result: Prechecked | null;
  /**
   * The files whose stamps changed since the store was last written ("all": a folder or the
   * registry changed, check everything). Asked once the reader watches the folder: a change made
   * between the precheck's stamps and the watch's start is found by it.
   */
  recheck(): Promise<string[] | "all">;
  close(): void;
}

/** Checks `dir` against its store in `cacheDir` (null: none kept on disk); never throws. */
export async function precheck(dir: string, cacheDir: string | null): Promise<PrecheckSession> {
  const none: PrecheckSession = { result: null, recheck: async () => "all", close() {} };
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return none;
  }
  const reader = cacheDir === null ? null : StoreReader.readOnly(storeFile(cacheDir, real), real);
  if (reader === null) return none;
  const check = async () => {
    const kept = await keptScan(reader);
    if (kept === null) return null;
    const registry = await readRegistry(dir, keptRegistry(dir, real, kept), reader);
    if (registry.changed) return null;
    const jobs = checkRows(dir, real, reader, kept, null);
    return jobs === null ? null : { kept, registry, jobs };
  };
  let result: Prechecked | null = null;
  try {
    const found = await check();
    if (found !== null) {
      const { kept, registry, jobs } = found;
      const outcomes: (FileOutcome | null)[] = jobs.map(() => null);
      if (jobs.length > 0 && jobs.length <= PRECHECK_PARSE_MAX) {
        const { parseFile } = await import("./parse-file.js");
        for (const [i, job] of jobs.entries())
          outcomes[i] = await parseFile(job.entry, i, { registry: registry.actors, sync: true });
      }
      result = {
        count: kept.count,
        sum: kept.sum,
        registry: registry.hash,
        jobs: jobs.map((j, i) => ({ entry: j.entry, row: j.row!, outcome: outcomes[i] ?? null })),
      };
    }
  } catch {
    // A damaged row, a store changing under it: the sync's own check will say.
    result = null;
  }
  return {
    result,
    async recheck() {
      try {
        const again = await check();
        return again === null ? "all" : again.jobs.map((j) => j.entry.relPath);
      } catch {
        return "all";
      }
    },
    close: () => reader.close(),
  };
}
