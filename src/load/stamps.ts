// The check of the files against their stored stamps when no folder's mtime moved: what the sync
// does on this thread and the start's check (early-check.ts) does in a thread of its own, before the
// sync is even loaded. Apart from sync.ts so that thread loads neither the store's writes nor the story.
import { statSync } from "node:fs";
import path from "node:path";
import { type CheckRow, type StampRow, textSum } from "../store/reader.js";
import type { FileEntry } from "./read.js";
import type { StoredScan } from "./stored-scan.js";

/**
 * Whether the file at `p` still has the stamps of `row` ([, size, mtime, ctime, ino]). One synchronous
 * stat in a loop of them: at 10k files this is about half the time of the same stats through libuv's
 * pool (measured: a callback and a promise per file cost more than the system call), and it holds no
 * file descriptor, so a low `ulimit -n` cannot make it fail.
 */
export function unchanged(p: string, row: StampRow | CheckRow): boolean {
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
    st.ino === row[4]
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

/** A checksum of a set of paths, in any order (the sum of each one's). */
export function listSum(rels: Iterable<string>): number {
  let total = 0;
  for (const rel of rels) total = (total + textSum(rel)) % 0x1_0000_0000;
  return total;
}

/** A file to read again: its row (none for a new file) no longer describes it. */
export interface Job {
  entry: FileEntry;
  row: StampRow | undefined;
}

/**
 * The check when no file came or went: the rows are the file list, each file's stamps are compared
 * with its row's as the rows stream by (no row kept but a changed one's), and a changed stamp makes a
 * job. Null when the rows are not the list the scan stored (a row lost or damaged): then a scan is due.
 */
export function checkRows(
  dir: string,
  real: string,
  rows: Iterable<CheckRow>,
  kept: StoredScan,
  hinted: ReadonlySet<string> | null,
  hashOf: (relPath: string) => string | null,
): Job[] | null {
  const links = new Map(kept.links);
  const prefix = real.endsWith(path.sep) ? real : real + path.sep;
  const changed: [rel: string, open: string, row: CheckRow][] = [];
  let count = 0;
  let total = 0;
  for (const row of rows) {
    const rel = row[0];
    count++;
    total = (total + textSum(rel)) % 0x1_0000_0000;
    if (hinted !== null && !hinted.has(rel)) continue;
    const open = links.get(rel) ?? rel;
    if (row[5] === 1 || !unchanged(prefix + open, row)) changed.push([rel, open, row]);
  }
  if (count !== kept.count || total !== kept.sum) return null;
  // The changed files' hashes (few, mostly), read after the pass: a job's row is its whole row.
  return changed.map(([rel, open, row]) => {
    const hash = hashOf(rel);
    const whole: StampRow | undefined =
      hash === null ? undefined : [rel, row[1], row[2], row[3], row[4], hash];
    return { entry: entryAt(dir, real, rel, open), row: whole };
  });
}
