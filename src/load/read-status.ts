// Each briefing's read status from the folder as it is now and the marks in the state store
// (src/store/state.ts). The rules, in one place:
// - read: marked read, and its file has the content it had then. The size and mtime recorded with
//   the mark answer "unchanged" without reading the file; when they moved, the file is hashed and
//   only different content counts (a `touch` or a checkout of the same text is no update).
// - updated: marked read, and its content changed since. An updated briefing is not read.
// - a mark whose file is gone is looked for under another name: a file of the same size and SHA-256
//   that has no mark of its own is the same briefing renamed (or moved), and takes the mark.
// - new since the last visit: the file's mtime or ctime is after the end of the last session. ctime
//   is set by the system whenever a file is created, renamed, copied or written in place, so a file
//   copied in with an old mtime (cp -p, rsync -t) still counts as arrived.
import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { MAX_FILE_BYTES } from "../load/read.js";
import type { Mark, Seen } from "../store/state.js";
import { safeRead } from "./safe-open.js";

export interface StatusFile {
  relPath: string;
  /** The path to open (absolute, or as the user gave the folder). */
  path: string;
  id: string;
}

export interface ReadStatus {
  read: boolean;
  updated: boolean;
  isNew: boolean;
}

export interface StatusResult {
  /** Parallel to the files given. */
  statuses: ReadStatus[];
  /** Marks to write again: a stamp that moved without a change of content, or a rename. */
  remark: Seen[];
  /** Marks of files gone that were found under a new name. */
  dropped: string[];
}

const PARALLEL = 64;

export interface Stamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

/** The file's content identity: SHA-256 of its bytes, read through the one safe open. */
export async function fingerprint(file: StatusFile, inside?: string): Promise<Seen | null> {
  const got = await safeRead(file.path, { maxBytes: MAX_FILE_BYTES, ...(inside ? { inside } : {}) });
  if (!("bytes" in got)) return null;
  return {
    relPath: file.relPath,
    id: file.id,
    hash: createHash("sha256").update(got.bytes).digest("hex"),
    size: got.stat.size,
    mtimeMs: got.stat.mtimeMs,
  };
}

async function inBatches<T, R>(items: readonly T[], each: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  for (let start = 0; start < items.length; start += PARALLEL) {
    const batch = items.slice(start, start + PARALLEL);
    const done = await Promise.all(batch.map(each));
    for (let i = 0; i < done.length; i++) out[start + i] = done[i]!;
  }
  return out;
}

/**
 * `known` gives the stamps a check has just taken of the files (the store's rows right after a sync
 * are the files' stamps: each was compared with a stat, or written from one): a file it has is not
 * statted again.
 */
export async function readStatuses(
  files: readonly StatusFile[],
  marks: ReadonlyMap<string, Mark>,
  lastVisit: number | null,
  inside?: string,
  known?: (relPath: string) => Stamp | undefined,
): Promise<StatusResult> {
  const present = new Set(files.map((f) => f.relPath));
  const reader = statusReader(marks, lastVisit, (relPath) => present.has(relPath), inside);
  const statuses = await reader.read(files, known);
  return { statuses, remark: reader.remark, dropped: reader.dropped };
}

/**
 * `readStatuses` for files that come a part at a time, in their order (`read` each part, awaited in
 * turn): the same statuses as one call over all of them, since a mark whose file is gone goes to
 * the first file, in order, found to be it. `present`: whether a path is among all the files.
 */
export function statusReader(
  marks: ReadonlyMap<string, Mark>,
  lastVisit: number | null,
  present: (relPath: string) => boolean,
  inside?: string,
): {
  read(files: readonly StatusFile[], known?: (relPath: string) => Stamp | undefined): Promise<ReadStatus[]>;
  remark: Seen[];
  dropped: string[];
} {
  const remark: Seen[] = [];
  const dropped: string[] = [];
  // Marks left without their file, by size: only files of a size one of them had are read for a rename.
  const orphans = new Map<number, Mark[]>();
  for (const mark of marks.values()) {
    if (present(mark.relPath)) continue;
    const list = orphans.get(mark.size) ?? [];
    list.push(mark);
    orphans.set(mark.size, list);
  }
  const read = async (
    files: readonly StatusFile[],
    known?: (relPath: string) => Stamp | undefined,
  ): Promise<ReadStatus[]> => {
    const stamps = await inBatches(files, async (f): Promise<Stamp | null> => {
      const kept = known?.(f.relPath);
      if (kept !== undefined) return kept;
      try {
        const st = await stat(f.path);
        return { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs };
      } catch {
        return null;
      }
    });
    const statuses: ReadStatus[] = files.map((_, i) => {
      const st = stamps[i];
      const isNew = lastVisit !== null && st != null && Math.max(st.mtimeMs, st.ctimeMs) > lastVisit;
      return { read: false, updated: false, isNew };
    });
    const toHash: number[] = [];
    files.forEach((f, i) => {
      const mark = marks.get(f.relPath);
      const st = stamps[i];
      if (mark === undefined || st == null) return;
      if (st.size === mark.size && st.mtimeMs === mark.mtimeMs) statuses[i]!.read = true;
      else toHash.push(i);
    });
    if (orphans.size > 0) {
      files.forEach((f, i) => {
        const st = stamps[i];
        if (!marks.has(f.relPath) && st != null && orphans.has(st.size)) toHash.push(i);
      });
    }

    const prints = await inBatches(toHash, (i) => fingerprint(files[i]!, inside));
    toHash.forEach((i, k) => {
      const print = prints[k];
      if (print == null) return;
      const mark = marks.get(files[i]!.relPath);
      if (mark !== undefined) {
        if (print.hash === mark.hash) {
          statuses[i]!.read = true;
          remark.push(print);
        } else statuses[i]!.updated = true;
        return;
      }
      const list = orphans.get(print.size);
      const at = list?.findIndex((m) => m.hash === print.hash) ?? -1;
      if (list === undefined || at < 0) return;
      const [was] = list.splice(at, 1);
      statuses[i]!.read = true;
      remark.push(print);
      dropped.push(was!.relPath);
    });
    return statuses;
  };
  return { read, remark, dropped };
}
