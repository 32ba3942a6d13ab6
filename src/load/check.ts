// The check of a folder's files against their rows when no file came or went (no folder's mtime
// moved): each file's size, mtime, ctime and inode against its row's. The sync's (sync.ts), and the
// start's early look in a thread of its own (early-check.ts), which is this same check begun sooner.
import { statSync } from "node:fs";
import path from "node:path";
import { type StampRow, type StoreReader, textSum } from "../store/reader.js";
import type { FileEntry } from "./read.js";
import { keptScan, type StoredScan } from "./stored-scan.js";

/**
 * Whether the file at `p` still has the stamps of `row` ([, size, mtime, ctime, ino, hash]). One
 * synchronous stat in a loop of them: at 10k files this is about half the time of the same stats through
 * libuv's pool (measured: a callback and a promise per file cost more than the system call), and it
 * holds no file descriptor, so a low `ulimit -n` cannot make it fail.
 */
export function unchanged(p: string, row: StampRow): boolean {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(p, { throwIfNoEntry: false });
  } catch {
    return false;
  }
  return (
    st?.isFile() === true &&
    st.size === row[1] &&
    st.mtimeMs === row[2] &&
    st.ctimeMs === row[3] &&
    st.ino === row[4] &&
    row[5] !== ""
  );
}

export function entryAt(dir: string, real: string, relPath: string, openRel: string): FileEntry {
  return {
    path: path.join(path.resolve(dir), relPath),
    relPath,
    displayPath: path.join(dir, relPath),
    openPath: path.join(real, openRel),
  };
}

export interface Job {
  entry: FileEntry;
  row: StampRow | undefined;
}

/** Whether a file is among the paths a watcher named: itself, a folder it is in, or the whole folder ("."). */
export type Hint = (rel: string) => boolean;

/**
 * The check when no file came or went: the rows are the file list, each file's stamps are compared
 * with its row's as the rows stream by (no row kept but a changed one's), and a changed stamp makes a
 * job. Null when the rows are not the list the scan stored (a row lost or damaged): then a scan is due.
 */
export function checkRows(
  dir: string,
  real: string,
  store: StoreReader,
  kept: StoredScan,
  hinted: Hint | null,
): Job[] | null {
  const links = new Map(kept.links);
  const prefix = real.endsWith(path.sep) ? real : real + path.sep;
  const jobs: Job[] = [];
  let count = 0;
  let total = 0;
  for (const row of store.eachStampRow()) {
    const rel = row[0];
    count++;
    total = (total + textSum(rel)) % 0x1_0000_0000;
    if (hinted !== null && !hinted(rel)) continue;
    const open = links.get(rel) ?? rel;
    if (!unchanged(prefix + open, row)) jobs.push({ entry: entryAt(dir, real, rel, open), row });
  }
  return count === kept.count && total === kept.sum ? jobs : null;
}

/**
 * What a look at the files found: the files whose stamps differ from their rows', under the stored
 * scan `scan` (meta `scan` as read, which the sync compares with its own before taking the jobs).
 */
export interface Finding {
  real: string;
  /** Meta `program` as read: the program whose rows were looked at. */
  program: string;
  scan: string;
  jobs: Job[];
}

/** The check when the stored scan holds (no folder's mtime moved); null when it does not. */
export async function look(dir: string, real: string, store: StoreReader): Promise<Finding | null> {
  const kept = await keptScan(store);
  const scan = store.meta("scan");
  const program = store.meta("program");
  if (kept === null || scan === null || program === null) return null;
  const jobs = checkRows(dir, real, store, kept, null);
  return jobs === null ? null : { real, program, scan, jobs };
}
