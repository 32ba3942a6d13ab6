// Brings a folder's store up to date with the folder, file by file. The cheap checks come first: the
// folders' mtimes (unchanged: the file list is the one stored, no scan), then each file's size, mtime,
// ctime and inode against its row. Only new or changed files are read and parsed (in parse workers on
// a cold folder), removed ones deleted, and of what is derived across files only what they touched is
// recomputed (term uses of the changed files, and of new or gone terms). The database is written on
// this thread alone.
import { statSync } from "node:fs";
import { realpath } from "node:fs/promises";
import path from "node:path";
import { indexImages, keepIndex } from "../briefing/actor-names.js";
import type { BriefingDigest } from "../briefing/digest.js";
import type { Problem, RegistryActor } from "../briefing/schema.js";
import { keepMatchers, keptMatchers } from "../store/matchers.js";
import { type FileRecord, type Stamp, type StampRow, type Store, textSum } from "../store/store.js";
import {
  eventDays,
  keptConflicts,
  markStale,
  staleDays,
  updateConflicts,
  updateConflictsSliced,
} from "../store/timeline.js";
import { termParts } from "../story/glossary.js";
import { ftsAny } from "../story/search.js";
import { contentHash } from "./hash.js";

import { oldestFirst } from "./order.js";
import type { FileOutcome } from "./parse-file.js";
import { type FileEntry, FolderError, type ScanResult, scanFolder } from "./read.js";
import { readRegistryFile } from "./registry-file.js";
import { json, keptScan, type StoredRegistry, type StoredScan, shownPath } from "./stored-scan.js";

export interface SyncOptions {
  /** (0, total) once the files to read are known, then as they are read, and (total, total). */
  onProgress?(done: number, total: number): void;
  /** The built parse worker (tests); see pool.ts. */
  workerFile?: string | null;
  workers?: number;
  /**
   * Paths (inside the folder, or absolute; a folder stands for what is in it, "." for everything) a
   * watcher saw change: only these files' stamps are compared, and, when a folder's mtime moved, the
   * folders are listed again for the files that came or went. Without it every file's stamp is.
   */
  changed?: readonly string[];
  /** Parsed files written per transaction while the rest are parsed (default WRITE_BATCH). */
  writeBatch?: number;
  /**
   * Parsed files in the first transaction (default: `writeBatch`): small, so a reader showing the
   * rows while the rest load has some to show early.
   */
  firstBatch?: number;
  /**
   * After each transaction of parsed files: `stored` files of `total` written so far in this sync;
   * then, when there was more than one, (total, total) after the last, before the conflicts and term
   * uses are recomputed. The rows are then readable with `folder`'s registry and problems (the
   * stored scan is written only at the end); conflicts and term uses are complete only once the sync
   * returns.
   */
  onWritten?(stored: number, total: number, folder: SyncedFolder): void;
  /**
   * When rows changed and no scan was needed: called once the rows and the timeline's conflicts are
   * written, before the term uses are recomputed. The files' rows, the timeline and the folder's
   * stored scan are then up to date (a reader can show them); the term uses are not yet.
   */
  onTimeline?(store: Store): void;
  /**
   * Called between steps of the conflict search (awaited when it returns a promise): a reader
   * showing the rows keeps answering keys through a whole folder's search.
   */
  pause?: () => Promise<void> | undefined;
  /**
   * Asked as parsed files come in and between steps of the conflict search: true stops the sync
   * (SyncStopped) and its parse threads, keeping what was written: the next sync reads the rest.
   */
  stop?: () => boolean;
}

/** The sync was stopped by its caller (`stop`): not a fault of the store. */
export class SyncStopped extends Error {
  constructor() {
    super("stopped");
  }
}

/** What a read of the rows needs before the sync has stored the folder: the store it writes, and more. */
export interface SyncedFolder {
  store: Store;
  registry: RegistryActor[];
  problems: Problem[];
}

export interface Synced {
  /** Whether any row changed (the story on screen is then out of date). */
  changed: boolean;
  /**
   * The files whose rows were written or removed, when nothing else changed (a story read before may
   * be patched with these rows alone: load/patch.ts); null when more did (a new registry, term uses
   * or conflicts recomputed for every file) or more than `ROWS_PATCHED` files changed.
   */
  rows: readonly string[] | null;
  registry: RegistryActor[];
  /** Problems of the folder and the registry, and files that could not be read this time. */
  problems: Problem[];
}

/**
 * Whether the file at `p` still has the stamps of `row` ([, size, mtime, ctime, ino, hash]). One
 * synchronous stat in a loop of them: at 10k files this is about half the time of the same stats through
 * libuv's pool (measured: a callback and a promise per file cost more than the system call), and it
 * holds no file descriptor, so a low `ulimit -n` cannot make it fail.
 */
function unchanged(p: string, row: StampRow): boolean {
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

/**
 * Parsed files written to the database per transaction while the rest are parsed. Fewer, larger
 * transactions cost less (each commit writes the index pages it touched again, and flushes a full-text
 * segment); each file waiting holds its strings (some 20 KB), and what this thread holds live sets how
 * far its heap grows between collections. 250 against 1,000 at 10k, cold `list`, two pairs side by side
 * (load 19-20): 25.3 / 26.2 s of CPU against 26.0 / 26.9 s, peak RSS 228 / 222 MB against 239 / 259 MB.
 */
const WRITE_BATCH = 250;

/** A problem's path as stored: inside the folder when it is, so it can be named the user's way again. */
function storedPath(dir: string, p: string): string {
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  return p.startsWith(prefix) ? `./${p.slice(prefix.length)}` : p;
}

function entryAt(dir: string, real: string, relPath: string, openRel: string): FileEntry {
  return {
    path: path.join(path.resolve(dir), relPath),
    relPath,
    displayPath: path.join(dir, relPath),
    openPath: path.join(real, openRel),
  };
}

/** The registry's entry when the stored scan found one. */
function keptRegistry(dir: string, real: string, scan: StoredScan): FileEntry | null {
  return scan.registry === null ? null : entryAt(dir, real, scan.registry, scan.registry);
}

/** A checksum of a set of paths, in any order (the sum of each one's). */
function listSum(rels: Iterable<string>): number {
  let total = 0;
  for (const rel of rels) total = (total + textSum(rel)) % 0x1_0000_0000;
  return total;
}

interface Job {
  entry: FileEntry;
  row: StampRow | undefined;
}

/**
 * The check when no file came or went: the rows are the file list, each file's stamps are compared
 * with its row's as the rows stream by (no row kept but a changed one's), and a changed stamp makes a
 * job. Null when the rows are not the list the scan stored (a row lost or damaged): then a scan is due.
 */
function checkRows(
  dir: string,
  real: string,
  store: Store,
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

/** Whether a file is among the paths a watcher named: itself, a folder it is in, or the whole folder ("."). */
type Hint = (rel: string) => boolean;

function hintOf(paths: ReadonlySet<string>): Hint {
  if (paths.has(".") || paths.has("")) return () => true;
  return (rel) => {
    if (paths.has(rel)) return true;
    for (let i = rel.indexOf("/"); i !== -1; i = rel.indexOf("/", i + 1))
      if (paths.has(rel.slice(0, i))) return true;
    return false;
  };
}

/**
 * The check after a scan: every file found against its row; rows of files not found are removed. With
 * a watcher's `hinted` paths, a file found with a row is statted only when it is named (a file added
 * or removed moved its folder's mtime, which is why the folder was scanned; the others are as the
 * watcher left them, as in `checkRows`).
 */
function checkScan(scan: ScanResult, rows: readonly StampRow[], hinted: Hint | null) {
  const rowAt = new Map<string, number>();
  rows.forEach((row, i) => {
    rowAt.set(row[0], i);
  });
  const jobs: Job[] = [];
  for (const entry of scan.entries) {
    const at = rowAt.get(entry.relPath);
    const row = at === undefined ? undefined : rows[at];
    if (row === undefined || ((hinted === null || hinted(entry.relPath)) && !unchanged(entry.openPath, row)))
      jobs.push({ entry, row });
  }
  const seen = new Set(scan.entries.map((e) => e.relPath));
  const removed = rows.filter((row) => !seen.has(row[0])).map((row) => row[0]);
  return { jobs, removed };
}

async function readRegistry(
  dir: string,
  entry: FileEntry | null,
  store: Store,
): Promise<{ actors: RegistryActor[]; problems: Problem[]; hash: string; changed: boolean }> {
  const before = json<StoredRegistry>(store.meta("registry"));
  // The same text as the stored registry's: what its check found then, not checked again.
  const read = await readRegistryFile(entry, (text) =>
    before !== null && before.hash === contentHash(text)
      ? {
          actors: before.actors,
          problems: before.problems.map((p) => ({ ...p, path: shownPath(dir, p.path) })),
        }
      : null,
  );
  if (entry !== null && read.text === null) {
    // Unreadable now: the actors it had are kept, and the problem said (files are not re-parsed).
    if (before !== null)
      return { actors: before.actors, problems: read.problems, hash: before.hash, changed: false };
    return { actors: [], problems: read.problems, hash: contentHash(""), changed: true };
  }
  const hash = read.text === null ? "none" : contentHash(read.text);
  return {
    actors: read.actors,
    problems: read.problems,
    hash,
    changed: before === null || before.hash !== hash,
  };
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

/** What the sync keeps of the folder as a whole (stored-scan.ts), from its scan (null: none). */
function storedScanText(dir: string, real: string, scan: ScanResult | null): string {
  const links: [string, string][] = [];
  // By prefix, not path.relative: this runs per file after every scan (a file added while watched).
  const prefix = real.endsWith(path.sep) ? real : real + path.sep;
  for (const e of scan?.entries ?? []) {
    const at = e.openPath;
    const open = at.startsWith(prefix) ? at.slice(prefix.length) : path.relative(real, at);
    if (open !== e.relPath) links.push([e.relPath, open]);
  }
  const toStore: StoredScan = {
    dirs: scan?.dirs ?? [],
    count: scan?.entries.length ?? 0,
    sum: listSum((scan?.entries ?? []).map((e) => e.relPath)),
    links,
    registry: scan?.registry?.relPath ?? null,
    problems: (scan?.problems ?? []).map((p) => ({ ...p, path: storedPath(dir, p.path) })),
  };
  return JSON.stringify(toStore);
}

/** Files changed in one sync up to which it names them (`Synced.rows`); past that, none are named. */
const ROWS_PATCHED = 10_000;

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
  let kept = await keptScan(store);
  let scan: ScanResult | null = kept === null ? await scanFolder(dir) : null;
  let registry = await readRegistry(
    dir,
    kept !== null ? keptRegistry(dir, real, kept) : scan!.registry,
    store,
  );

  // Which files to look at: all of them, or those a watcher named (and, after a scan, those that came
  // or went).
  const hinted =
    opts.changed && !registry.changed ? hintOf(new Set(opts.changed.map((p) => relOf(real, dir, p)))) : null;
  let rows: StampRow[] | null = null;
  let jobs = kept === null ? null : checkRows(dir, real, store, kept, hinted);
  const removed: string[] = [];
  if (jobs === null) {
    // The rows are not the list the last scan stored (a row lost or damaged): every file is checked.
    const trusted = scan !== null ? hinted : null;
    if (scan === null) {
      // The rows are not the stored list: the folder is scanned after all.
      kept = null;
      scan = await scanFolder(dir);
      registry = await readRegistry(dir, scan.registry, store);
    }
    rows = store.stampRows();
    const checked = checkScan(scan, rows, trusted);
    jobs = checked.jobs;
    removed.push(...checked.removed);
  }
  const fresh = scan !== null;

  // Uses are marked stale before the rows change and fresh only once they are recomputed: a run
  // killed in between leaves them stale, and the next start recomputes them all.
  const keysBefore = json<string[]>(store.meta("term_keys"));
  const usesStale = store.meta("uses") !== "fresh" || keysBefore === null;
  // A new registry: the actors of the files not read now are resolved again from what the store kept
  // of them (no file read, no parse); a file whose kept inputs are damaged is read again.
  let resolved: number[] = [];
  // Counted only when the registry changed: a warm start does not walk the rows for it.
  const hadFiles = registry.changed && store.count() > 0;
  if (hadFiles) {
    store.setMeta({ uses: "stale" });
    const { resolveStoredActors } = await import("../store/actor-inputs.js");
    const skip = new Set([...jobs.map((j) => j.entry.relPath), ...removed]);
    const again = await resolveStoredActors(store, registry.actors, skip);
    resolved = again.changed;
    const damaged = new Set(again.damaged);
    if (damaged.size > 0) {
      rows ??= store.stampRows();
      const links = new Map(kept?.links ?? []);
      const scanned = new Map(scan?.entries.map((e) => [e.relPath, e]) ?? []);
      for (const row of rows)
        if (damaged.has(row[0]))
          jobs.push({
            entry: scanned.get(row[0]) ?? entryAt(dir, real, row[0], links.get(row[0]) ?? row[0]),
            row,
          });
    }
  }

  // The timeline's conflicts, like the uses, are stale from before the rows change until recomputed:
  // only for the days the changed files' events were on, before and after, which are recorded before
  // each write (with those a killed run left). A file rewritten with the conflict search's input it
  // had (`keep`: an edit of its prose) is left out: it keeps its id and its partners, and so do the
  // events naming it.
  const carried = staleDays(store);
  const touched = [...jobs.map((j) => j.entry.relPath), ...removed];
  const daysBefore = new Map<string, number[]>();
  if (carried !== null) for (const rel of touched) daysBefore.set(rel, eventDays(store.db, [rel]));
  const keep = new Set<string>();

  const problems: Problem[] = [
    ...(scan !== null ? scan.problems : kept!.problems.map((p) => ({ ...p, path: shownPath(dir, p.path) }))),
    ...registry.problems,
  ];
  // Parsed files are written as they come, a batch at a time: a cold folder of 100k files is never
  // held in memory whole.
  const records: FileRecord[] = [];
  const written: number[] = [];
  let writing = false;
  const folder: SyncedFolder = { store, registry: registry.actors, problems };
  const stale = (batch: readonly FileRecord[]) => {
    if (!writing) store.setMeta({ uses: "stale" });
    writing = true;
    if (carried === null) {
      markStale(store, null);
      return;
    }
    const days: number[] = [];
    for (const [rel, before] of daysBefore) if (!keep.has(rel)) days.push(...before);
    for (const r of batch) if (!keep.has(r.relPath)) days.push(...r.days);
    markStale(store, days);
  };
  // The relPaths of the rows written or removed (`Synced.rows`), while few: a first load's would be
  // every file's, held for nothing (its story is read whole).
  let rowPaths: string[] | null = [];
  const noteRows = (relPaths: Iterable<string>) => {
    for (const rel of relPaths) {
      if (rowPaths === null) return;
      rowPaths.push(rel);
      if (rowPaths.length > ROWS_PATCHED) rowPaths = null;
    }
  };
  const flush = () => {
    noteRows(records.map((r) => r.relPath));
    stale(records);
    for (const id of store.write(records.splice(0), [], registry.hash, keep).values()) written.push(id);
    opts.onWritten?.(written.length, total, folder);
  };
  const restamped: { relPath: string; stamp: Stamp }[] = [];
  let unread = 0;
  let keepImages = false;
  oldestFirst(jobs, (j) => j.entry.relPath);
  const total = jobs.length;
  opts.onProgress?.(0, total);
  if (total > 0) {
    // The pool (and with it the parser) is loaded only when a file is to be parsed.
    const { startPool } = await import("./pool.js");
    // The registry's matchers made from the images the store keeps of them, not built: the index is
    // most of a first parse, which the edit on screen waits for at a start. None usable: kept after.
    // Made by the parser that uses them (this thread's, or the workers' own), not by the bundle's
    // copy of its modules as well.
    const images = keptMatchers(store, registry.hash);
    const pool = startPool({
      registry: registry.actors,
      images,
      files: total,
      ...(opts.workerFile !== undefined ? { workerFile: opts.workerFile } : {}),
      ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
    });
    let done = 0;
    const step = Math.max(1, Math.floor(total / 200));
    const each = (o: FileOutcome) => {
      if (opts.stop?.()) throw new SyncStopped();
      const { entry, row } = jobs[o.index]!;
      if (o.record === null) {
        // Not this file's state: reported now, its row (if any) dropped, read again next time.
        unread++;
        if (o.transient) problems.push(o.transient);
        if (row !== undefined) removed.push(entry.relPath);
      } else if (row !== undefined && !registry.changed && o.record.hash !== "" && o.record.hash === row[5]) {
        // Touched, or moved in place, with the same content: only its stamps change.
        restamped.push({ relPath: entry.relPath, stamp: o.record.stamp });
      } else {
        if (carried !== null && row !== undefined && o.record.digest !== null) {
          const d = JSON.parse(o.record.digest) as BriefingDigest;
          if (keptConflicts(store.db, entry.relPath, d) !== null) keep.add(entry.relPath);
        }
        records.push(o.record);
        const batch = opts.writeBatch ?? WRITE_BATCH;
        if (records.length >= (writing ? batch : (opts.firstBatch ?? batch))) flush();
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
    keepImages = images === null || !(pool.tookImages ?? keepIndex(registry.actors, images));
  }

  // What is stored of the folder as a whole is made now, and the scan and the jobs let go: at 100k
  // files they are some 33 MB the conflict search below would otherwise hold beside its own.
  const scanText = scan !== null || store.meta("scan") === null ? storedScanText(dir, real, scan) : null;
  scan = null;
  jobs.length = 0;
  touched.length = 0;
  const pause = opts.pause;
  const sliced = pause
    ? () => {
        if (opts.stop?.()) throw new SyncStopped();
        return pause();
      }
    : null;
  const changed = writing || records.length > 0 || removed.length > 0 || resolved.length > 0;
  if (changed) {
    noteRows(records.map((r) => r.relPath));
    noteRows(removed);
    stale(records);
    for (const id of store.write(records.splice(0), removed, registry.hash, keep).values()) written.push(id);
    if (writing) opts.onWritten?.(total, total, folder);
    const days = staleDays(store);
    if (sliced) await updateConflictsSliced(store.db, days, sliced);
    else updateConflicts(store.db, days);
    store.markTimelineFresh();
    // A scan or a new registry changes what is stored of the folder only at the end.
    if (!fresh && !registry.changed) opts.onTimeline?.(store);
    const keys = store.termKeys();
    const had = new Set(keysBefore ?? []);
    const now = new Set(keys);
    store.updateUses(
      usesStale ? null : [...written, ...resolved],
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
  if (!changed && carried?.length !== 0) {
    if (sliced) await updateConflictsSliced(store.db, carried, sliced);
    else updateConflicts(store.db, carried);
    store.markTimelineFresh();
  }
  if (restamped.length > 0) store.restamp(restamped);
  if (keepImages) {
    try {
      keepMatchers(store, registry.hash, indexImages(registry.actors));
    } catch {
      // Not kept (a full disk, a busy database): the next parse builds them, as without.
    }
  }

  if (scanText !== null) store.setMeta({ scan: scanText });
  if (fresh || registry.changed || store.meta("registry") === null) {
    const storedRegistry: StoredRegistry = {
      hash: registry.hash,
      actors: registry.actors,
      problems: registry.problems.map((p) => ({ ...p, path: storedPath(dir, p.path) })),
    };
    store.setMeta({ registry: JSON.stringify(storedRegistry) });
  }
  // A file left unread (a passing error) keeps the store incomplete: the next start looks at every file.
  const complete = unread === 0 ? "1" : "0";
  // Written only when it changes: a warm start that found nothing to do writes nothing.
  if (store.meta("complete") !== complete) store.setMeta({ complete });
  opts.onProgress?.(total, total);
  // A new registry changes the story (kinds, aliases) even where no file's actors did.
  return {
    changed: changed || hadFiles,
    // Each file's rows alone changed: not a new registry, nor uses or conflicts searched for all.
    rows: registry.changed || usesStale || carried === null ? null : rowPaths,
    registry: registry.actors,
    problems,
  };
}

export { shownPath, storedFolder, storedRegistryHash } from "./stored-scan.js";
