// The scan a complete sync stored, and the first of the fast checks: whether any folder's mtime moved
// since (a file came or went). Apart from sync.ts so `print ID` can ask it without loading the sync.
import { stat } from "node:fs";
import type { Problem } from "../briefing/schema.js";
import type { Store } from "../store/store.js";
import type { DirStamp } from "./read.js";

/**
 * A scan as stored: paths inside the folder, so the folder may be named otherwise next time. The file
 * list itself is the store's rows (a complete sync has a row for every file the scan found): only the
 * count is kept, and the files opened under another path (a link to a file elsewhere in the folder).
 */
export interface StoredScan {
  dirs: DirStamp[];
  count: number;
  /** `listSum` of the files' relPaths: a row whose path was damaged makes the rows another list. */
  sum: number;
  /** [relPath, openPath relative to the folder's real path], where the two differ. */
  links: [string, string][];
  registry: string | null;
  problems: Problem[];
}

function dirMtime(p: string): Promise<number> {
  return new Promise((resolve) => stat(p, (err, st) => resolve(err ? -1 : st.mtimeMs)));
}

export function storedScan(store: Store): StoredScan | null {
  let scan: StoredScan | null;
  try {
    scan = JSON.parse(store.meta("scan") ?? "null") as StoredScan | null;
  } catch {
    return null;
  }
  // A scan stored by an older program (its whole file list) counts as none.
  return scan !== null && Array.isArray(scan.links) && typeof scan.sum === "number" ? scan : null;
}

/** The stored scan when no folder changed since it (same mtimes) and the last sync was complete. */
export async function keptScan(store: Store): Promise<StoredScan | null> {
  const stored = storedScan(store);
  if (stored === null || stored.dirs.length === 0 || store.meta("complete") !== "1") return null;
  const now = await Promise.all(stored.dirs.map((d) => dirMtime(d.path)));
  return now.every((m, i) => m !== -1 && m === stored.dirs[i]!.mtimeMs) ? stored : null;
}
