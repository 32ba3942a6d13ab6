// What the last sync stored of the folder as a whole (its scan and its actor registry, in the store's
// meta), and the first of the fast checks (whether any folder's mtime moved since), apart from the
// sync itself: the reader's first frame names the folder's errors from it and `print ID` asks the
// check, before anything of the sync is loaded.
import { statSync } from "node:fs";
import path from "node:path";
import type { Problem, RegistryActor } from "../briefing/schema.js";
import type { StoreReader } from "../store/reader.js";
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

export interface StoredRegistry {
  hash: string;
  actors: RegistryActor[];
  problems: Problem[];
}

export function shownPath(dir: string, p: string): string {
  return p.startsWith("./") ? path.join(dir, p.slice(2)) : p;
}

export function json<T>(text: string | null): T | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export function storedScan(store: StoreReader): StoredScan | null {
  const scan = json<StoredScan>(store.meta("scan"));
  // A scan stored by an older program (its whole file list) counts as none.
  return scan !== null && Array.isArray(scan.links) && typeof scan.sum === "number" ? scan : null;
}

/** The hash of the actor registry as of the last sync (what stored briefings were parsed under). */
export function storedRegistryHash(store: StoreReader): string | null {
  return json<StoredRegistry>(store.meta("registry"))?.hash ?? null;
}

/** The folder's problems and actor registry as of the last sync; null when there was none. */
export function storedFolder(
  dir: string,
  store: StoreReader,
): { registry: RegistryActor[]; problems: Problem[] } | null {
  const scan = storedScan(store);
  if (scan === null) return null;
  const registry = json<StoredRegistry>(store.meta("registry"));
  const problems = [...scan.problems, ...(registry?.problems ?? [])].map((p) => ({
    ...p,
    path: shownPath(dir, p.path),
  }));
  return { registry: registry?.actors ?? [], problems };
}

// One stat per folder (tens), each a few microseconds: asked of the thread pool, each cost more in
// its round trip than the call itself.
function dirMtime(p: string): number {
  try {
    return statSync(p, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  } catch {
    return -1;
  }
}

/** The stored scan when no folder changed since it (same mtimes) and the last sync was complete. */
export async function keptScan(store: StoreReader): Promise<StoredScan | null> {
  const stored = storedScan(store);
  if (stored === null || stored.dirs.length === 0 || store.meta("complete") !== "1") return null;
  return stored.dirs.every((d) => d.mtimeMs !== -1 && dirMtime(d.path) === d.mtimeMs) ? stored : null;
}
