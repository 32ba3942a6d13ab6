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
export interface PrecheckFound {
  count: number;
  sum: number;
  /** The registry's hash the stamps were checked under (the changed files are parsed under it). */
  registry: string;
  /** The changed files. */
  jobs: { entry: FileEntry; row: StampRow }[];
}

/** What the sync is handed: the finding, and the changed files' outcomes when the precheck parses them. */
export interface Prechecked extends PrecheckFound {
  /** In `jobs`' order; null (or resolving to null) when the sync is to parse them itself. */
  parsed: Promise<FileOutcome[] | null> | null;
}

export interface PrecheckSession {
  /** Null when no check could be made here: no store, a folder or the registry changed, no cache. */
  found: PrecheckFound | null;
  /** Reads and parses the changed files (at most PRECHECK_PARSE_MAX), in `jobs`' order. */
  parse(): Promise<FileOutcome[] | null>;
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
  const none: PrecheckSession = {
    found: null,
    parse: async () => null,
    recheck: async () => "all",
    close() {},
  };
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
  let checked: Awaited<ReturnType<typeof check>> = null;
  try {
    checked = await check();
  } catch {
    // A damaged row, a store changing under it: the sync's own check will say.
  }
  const found: PrecheckFound | null =
    checked === null
      ? null
      : {
          count: checked.kept.count,
          sum: checked.kept.sum,
          registry: checked.registry.hash,
          jobs: checked.jobs.map((j) => ({ entry: j.entry, row: j.row! })),
        };
  return {
    found,
    async parse() {
      if (checked === null || checked.jobs.length > PRECHECK_PARSE_MAX) return null;
      const { jobs, registry } = checked;
      const { parseFile } = await import("./parse-file.js");
      const outcomes: FileOutcome[] = [];
      for (const [i, job] of jobs.entries())
        outcomes.push(await parseFile(job.entry, i, { registry: registry.actors, sync: true }));
      return outcomes;
    },
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
