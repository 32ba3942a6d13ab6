// Brings a folder's store up to date with the folder, file by file. The cheap checks come first: the
// folders' mtimes (unchanged: the file list is the one stored, no scan), then each file's size, mtime,
// ctime and inode against its row. Only new or changed files are read and parsed (in parse workers on
// a cold folder), removed ones deleted, and of what is derived across files only what they touched is
// recomputed (term uses of the changed files, and of new or gone terms). The database is written on
// this thread alone.
import { stat } from "node:fs";
import { realpath } from "node:fs/promises";
import path from "node:path";
import type { Problem, RegistryActor } from "../briefing/schema.js";
import type { FileRecord, Stamp, Store, StoredStamp } from "../store/store.js";
import { eventDays, updateConflicts } from "../store/timeline.js";
import { termParts } from "../story/glossary.js";
import { ftsAny } from "../story/search.js";
import { contentHash, type FileOutcome, sameStamp } from "./parse-file.js";
import { startPool } from "./pool.js";
import {
  type DirStamp,
  type FileEntry,
  FolderError,
  REGISTRY_NAME,
  readSource,
  runPool,
  type ScanResult,
  scanFolder,
} from "./read.js";

export interface SyncOptions {
  /** (0, total) once the files to read are known, then as they are read, and (total, total). */
  onProgress?(done: number, total: number): void;
  /** The built parse worker (tests); see pool.ts. */
  workerFile?: string | null;
  workers?: number;
  /**
   * Paths (inside the folder, or absolute) a watcher saw change: when the folders' mtimes say no
   * file was added or removed, only these are checked. Without it every file's stamp is.
   */
  changed?: readonly string[];
}

export interface Synced {
  /** Whether any row changed (the story on screen is then out of date). */
  changed: boolean;
  registry: RegistryActor[];
  /** Problems of the folder and the registry, and files that could not be read this time. */
  problems: Problem[];
}

/** A scan as stored: paths inside the folder, so the folder may be named otherwise next time. */
interface StoredScan {
  dirs: DirStamp[];
  /** [relPath, openPath relative to the folder's real path]. */
  entries: [string, string][];
  registry: string | null;
  problems: Problem[];
}

interface StoredRegistry {
  hash: string;
  actors: RegistryActor[];
  problems: Problem[];
}

/**
 * Stats at once: a low `ulimit -n` must slow the load down, never lose files (reads are bounded the
 * same way in pool.ts and the workers read one file at a time).
 */
const STATS_AT_ONCE = 32;

function statStamp(p: string): Promise<Stamp | null> {
  return new Promise((resolve) =>
    stat(p, (err, st) =>
      resolve(
        err || !st.isFile()
          ? null
          : { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: Number(st.ino) },
      ),
    ),
  );
}

function dirMtime(p: string): Promise<number> {
  return new Promise((resolve) => stat(p, (err, st) => resolve(err ? -1 : st.mtimeMs)));
}

/** A problem's path as stored: inside the folder when it is, so it can be named the user's way again. */
function storedPath(dir: string, p: string): string {
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  return p.startsWith(prefix) ? `./${p.slice(prefix.length)}` : p;
}

export function shownPath(dir: string, p: string): string {
  return p.startsWith("./") ? path.join(dir, p.slice(2)) : p;
}

function entryAt(dir: string, real: string, relPath: string, openRel: string): FileEntry {
  return {
    path: path.join(path.resolve(dir), relPath),
    relPath,
    displayPath: path.join(dir, relPath),
    openPath: path.join(real, openRel),
  };
}

function json<T>(text: string | null): T | null {
  if (text === null) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/** The folder's file list: the stored one when no folder changed, else a fresh scan. */
async function listFiles(
  dir: string,
  real: string,
  store: Store,
): Promise<{ scan: ScanResult; fresh: boolean }> {
  const stored = json<StoredScan>(store.meta("scan"));
  if (stored !== null && stored.dirs.length > 0) {
    const now = await Promise.all(stored.dirs.map((d) => dirMtime(d.path)));
    if (now.every((m, i) => m !== -1 && m === stored.dirs[i]!.mtimeMs)) {
      return {
        fresh: false,
        scan: {
          dirs: stored.dirs,
          entries: stored.entries.map(([rel, open]) => entryAt(dir, real, rel, open)),
          registry: stored.registry === null ? null : entryAt(dir, real, stored.registry, stored.registry),
          problems: stored.problems.map((p) => ({ ...p, path: shownPath(dir, p.path) })),
        },
      };
    }
  }
  return { scan: await scanFolder(dir), fresh: true };
}

async function readRegistry(
  dir: string,
  entry: FileEntry | null,
  store: Store,
): Promise<{ actors: RegistryActor[]; problems: Problem[]; hash: string; changed: boolean }> {
  const before = json<StoredRegistry>(store.meta("registry"));
  let text = "";
  const problems: Problem[] = [];
  if (entry !== null) {
    const read = await readSource(entry);
    if ("problem" in read) {
      // Unreadable now: the actors it had are kept, and the problem said (files are not re-parsed).
      if (before !== null)
        return { actors: before.actors, problems: [read.problem], hash: before.hash, changed: false };
      problems.push(read.problem);
    } else text = read.file.text;
  }
  const hash = entry === null ? "none" : contentHash(text);
  if (before !== null && before.hash === hash && problems.length === 0)
    return {
      actors: before.actors,
      problems: before.problems.map((p) => ({ ...p, path: shownPath(dir, p.path) })),
      hash,
      changed: false,
    };
  let actors: RegistryActor[] = [];
  if (entry !== null && text !== "") {
    const { parseRegistry } = await import("../briefing/registry.js");
    const parsed = parseRegistry(text, REGISTRY_NAME);
    actors = parsed.registry;
    for (const p of parsed.problems)
      problems.push({ ...p, path: p.path === REGISTRY_NAME ? entry.displayPath : p.path });
  }
  return { actors, problems, hash, changed: before === null || before.hash !== hash };
}

/** The FTS5 expression a term's uses are found by (the same rule as glossary.ts usesTerm). */
export function termMatch(key: string): string | null {
  return ftsAny(termParts(key));
}

function relOf(real: string, dir: string, p: string): string {
  if (!path.isAbsolute(p)) return p;
  for (const root of [real, path.resolve(dir)]) {
    const prefix = root.endsWith(path.sep) ? root : root + path.sep;
    if (p.startsWith(prefix)) return p.slice(prefix.length);
  }
  return p;
}

/** Brings `store` up to date with `dir`. Throws FolderError when the folder cannot be read. */
export async function syncFolder(dir: string, store: Store, opts: SyncOptions = {}): Promise<Synced> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch {
    // scanFolder says why, in the words the CLI shows.
    await scanFolder(dir);
    throw new FolderError(dir, "ENOENT", `briefings folder not found: ${dir}`);
  }
  const { scan, fresh } = await listFiles(dir, real, store);
  const registry = await readRegistry(dir, scan.registry, store);
  const stored = store.stamps();

  // Which files to look at: all of them, or those a watcher named when no file came or went.
  const hinted =
    opts.changed && !fresh && !registry.changed && store.meta("complete") === "1"
      ? new Set(opts.changed.map((p) => relOf(real, dir, p)))
      : null;
  const looked = scan.entries
    .map((entry, index) => ({ entry, index }))
    .filter(({ entry }) => hinted === null || hinted.has(entry.relPath) || !stored.has(entry.relPath));
  const stamps = new Map<number, Stamp | null>();
  await runPool(looked, STATS_AT_ONCE, async ({ entry, index }) => {
    stamps.set(index, await statStamp(entry.openPath));
  });
  const seen = new Set(scan.entries.map((e) => e.relPath));
  const jobs: { index: number; entry: FileEntry }[] = [];
  for (const { entry, index } of looked) {
    const row = stored.get(entry.relPath);
    const st = stamps.get(index);
    if (registry.changed || row === undefined || st == null || row.hash === "" || !sameStamp(row, st))
      jobs.push({ index, entry });
  }
  const removed = [...stored.keys()].filter((rel) => !seen.has(rel));

  const problems: Problem[] = [...scan.problems, ...registry.problems];
  const records: FileRecord[] = [];
  const restamped: { relPath: string; stamp: Stamp }[] = [];
  let unread = 0;
  const total = jobs.length;
  opts.onProgress?.(0, total);
  if (total > 0) {
    const pool = startPool({
      registry: registry.actors,
      files: total,
      ...(opts.workerFile !== undefined ? { workerFile: opts.workerFile } : {}),
      ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
    });
    let done = 0;
    const step = Math.max(1, Math.floor(total / 200));
    const each = (o: FileOutcome) => {
      const entry = jobs[o.index]!.entry;
      const row: StoredStamp | undefined = stored.get(entry.relPath);
      if (o.record === null) {
        // Not this file's state: reported now, its row (if any) dropped, read again next time.
        unread++;
        if (o.transient) problems.push(o.transient);
        if (row !== undefined) removed.push(entry.relPath);
      } else if (
        row !== undefined &&
        !registry.changed &&
        o.record.hash !== "" &&
        o.record.hash === row.hash
      ) {
        // Touched, or moved in place, with the same content: only its stamps change.
        restamped.push({ relPath: entry.relPath, stamp: o.record.stamp });
      } else {
        records.push(o.record);
      }
      done++;
      if (done % step === 0 && done !== total) opts.onProgress?.(done, total);
    };
    try {
      await pool.digest(
        jobs.map((j, index) => ({ index, entry: j.entry })),
        each,
      );
    } finally {
      pool.close();
    }
  }

  const changed = records.length > 0 || removed.length > 0;
  // The timeline's conflicts, like the uses, are stale from before the rows change until recomputed.
  const timelineStale = store.meta("timeline") !== "fresh";
  if (changed) {
    // Uses are marked stale before the rows change and fresh only once they are recomputed: a run
    // killed in between leaves them stale, and the next start recomputes them all.
    const keysBefore = json<string[]>(store.meta("term_keys"));
    const stale = store.meta("uses") !== "fresh" || keysBefore === null;
    const touched = [...records.map((r) => r.relPath), ...removed];
    const daysBefore = timelineStale ? [] : eventDays(store.db, touched);
    store.setMeta({ uses: "stale", timeline: "stale" });
    const ids = store.write(records, removed);
    updateConflicts(store.db, timelineStale ? null : [...daysBefore, ...eventDays(store.db, touched)]);
    store.setMeta({ timeline: "fresh" });
    const keys = store.termKeys();
    const had = new Set(keysBefore ?? []);
    const now = new Set(keys);
    store.updateUses(
      stale ? null : [...ids.values()],
      keys.filter((k) => !had.has(k)),
      [...had].filter((k) => !now.has(k)),
      keys,
      termMatch,
    );
    store.setMeta({ term_keys: JSON.stringify(keys), uses: "fresh" });
  } else if (store.meta("uses") !== "fresh") {
    const keys = store.termKeys();
    store.updateUses(null, [], [], keys, termMatch);
    store.setMeta({ term_keys: JSON.stringify(keys), uses: "fresh" });
  }
  if (!changed && timelineStale) {
    updateConflicts(store.db, null);
    store.setMeta({ timeline: "fresh" });
  }
  if (restamped.length > 0) store.restamp(restamped);

  const storedScan: StoredScan = {
    dirs: scan.dirs,
    entries: scan.entries.map((e) => [e.relPath, path.relative(real, e.openPath)]),
    registry: scan.registry?.relPath ?? null,
    problems: scan.problems.map((p) => ({ ...p, path: storedPath(dir, p.path) })),
  };
  const storedRegistry: StoredRegistry = {
    hash: registry.hash,
    actors: registry.actors,
    problems: registry.problems.map((p) => ({ ...p, path: storedPath(dir, p.path) })),
  };
  if (fresh || registry.changed || store.meta("scan") === null)
    store.setMeta({ scan: JSON.stringify(storedScan), registry: JSON.stringify(storedRegistry) });
  // A file left unread (a passing error) keeps the store incomplete: the next start looks at every file.
  store.setMeta({ complete: unread === 0 ? "1" : "0" });
  opts.onProgress?.(total, total);
  return { changed, registry: registry.actors, problems };
}

/** The folder's problems and actor registry as of the last sync; null when there was none. */
export function storedFolder(
  dir: string,
  store: Store,
): { registry: RegistryActor[]; problems: Problem[] } | null {
  const scan = json<StoredScan>(store.meta("scan"));
  if (scan === null) return null;
  const registry = json<StoredRegistry>(store.meta("registry"));
  const problems = [...scan.problems, ...(registry?.problems ?? [])].map((p) => ({
    ...p,
    path: shownPath(dir, p.path),
  }));
  return { registry: registry?.actors ?? [], problems };
}
