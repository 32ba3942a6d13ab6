// Opening a folder's database, safely. The database is a cache: whatever is wrong with it (corrupt,
// another program's or another folder's, of another schema or program version, a directory or a FIFO
// where the file should be, unwritable) ends in a rebuilt database or, when none can be kept on disk,
// one in memory for this run, said once on stderr. Nothing here ever stops the program.
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, rmSync, unlinkSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import pkg from "../../package.json" with { type: "json" };
import { DROP, SCHEMA, SCHEMA_VERSION } from "./schema.js";
import { type Db, openSqlite } from "./sqlite.js";

export type { Db };

// Injected by scripts/build.mjs: a hash of the parser's sources, so a rebuilt parser never reads
// results an older one stored. Running the sources (tests), every run counts as one parser.
declare const __SIGNALDESK_PARSER__: string | undefined;
const PARSER = typeof __SIGNALDESK_PARSER__ === "string" ? __SIGNALDESK_PARSER__ : "source";

/** What a database must have been made by to be used: else it is rebuilt. */
export function programStamp(): string {
  return `${pkg.version}+${PARSER}`;
}

/**
 * The page size of a new database (SQLite's default is 4 KiB). A first load writes the whole store
 * (about 20 KB a briefing: JSON bodies, events and their order index, full-text rows) in a few large
 * transactions, every page going through the WAL and back. Replaying the 10k bench folder's parsed
 * records into a new store: 3.6 s of CPU with 4 KiB pages, 2.6 s with 16 KiB, 2.5 s with 32 KiB
 * (fewer pages, calls and overflow chains). Reading one briefing's row by id, 0.07 ms, becomes
 * 0.11 ms with 16 KiB and 0.19 ms with 32 KiB (a whole page is read for it); the index walks read no
 * slower. It applies only where the file is made: an existing store keeps its own.
 */
const PAGE_BYTES = 16384;

/** How long a second program waits for the first one's write to end before giving up on the disk. */
const BUSY_MS = 15_000;

/** The cache folder: `$XDG_CACHE_HOME/signaldesk`, else `~/.cache/signaldesk`; null: none (in memory). */
export function cacheDirFrom(env: NodeJS.ProcessEnv): string | null {
  if (env.SIGNALDESK_NO_CACHE === "1") return null;
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, "signaldesk");
  try {
    return path.join(homedir(), ".cache", "signaldesk");
  } catch {
    return null;
  }
}

/** The database of the folder whose real path is `real`: one per folder, however it is spelled. */
export function storeFile(cacheDir: string, real: string): string {
  return path.join(cacheDir, `${createHash("sha256").update(real).digest("hex").slice(0, 32)}.sqlite`);
}

export interface OpenOptions {
  /** null: in memory. */
  file: string | null;
  /** The folder's real path, recorded in the database and checked on every open. */
  real: string;
  /** Called at most once per process, when the database cannot be kept on disk. */
  warn: (message: string) => void;
}

export interface Opened {
  db: Db;
  /** False when the database is in memory. */
  onDisk: boolean;
}

const CORRUPT = new Set(["SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_CORRUPT_VTAB", "SQLITE_FORMAT"]);

export function errorCode(err: unknown): string {
  return typeof err === "object" && err !== null && "code" in err ? String(err.code) : "";
}

/**
 * Another program holds the database (busy or locked, whatever the extended code: better-sqlite3
 * reports `SQLITE_BUSY_RECOVERY`, `SQLITE_BUSY_SNAPSHOT`...): it is in use, so it is never deleted.
 */
export function heldByAnother(err: unknown): boolean {
  return /^SQLITE_(BUSY|LOCKED)/.test(errorCode(err));
}

/** A database that can no longer be read as one: it is deleted and made again. */
export function isCorrupt(err: unknown): boolean {
  return CORRUPT.has(errorCode(err)) || /malformed|not a database/i.test(String(err));
}

function removeStore(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try {
      rmSync(f, { recursive: true, force: true });
    } catch {}
  }
}

/** Makes `file` a place a database can be opened: a regular file, or nothing. */
function clearNonFile(file: string): void {
  let st: ReturnType<typeof lstatSync>;
  try {
    st = lstatSync(file);
  } catch {
    return;
  }
  if (st.isFile()) return;
  // A directory, FIFO, device or symlink in our own cache file's place: never opened, removed.
  if (st.isDirectory()) rmSync(file, { recursive: true, force: true });
  else unlinkSync(file);
}

/** Whether `db` was made by this program's schema and parser, for the folder `real`. */
function current(db: Db, real: string): boolean {
  if (db.pragma("user_version", { simple: true }) !== SCHEMA_VERSION) return false;
  try {
    const rows = db.prepare("SELECT key, value FROM meta WHERE key IN ('program', 'folder')").all() as {
      key: string;
      value: string;
    }[];
    const meta = new Map(rows.map((r) => [r.key, r.value]));
    return meta.get("program") === programStamp() && meta.get("folder") === real;
  } catch {
    return false;
  }
}

function setUp(db: Db, real: string): void {
  db.pragma("foreign_keys = ON");
  db.pragma("synchronous = NORMAL");
  if (current(db, real)) return;
  // Checked again under the write lock: a second program may have built it meanwhile.
  db.transaction(() => {
    if (current(db, real)) return;
    db.exec(DROP);
    db.exec(SCHEMA);
    db.prepare("INSERT INTO meta (key, value) VALUES ('program', ?), ('folder', ?)").run(
      programStamp(),
      real,
    );
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }).immediate();
}

/**
 * The database at `file` opened read-only when it is a regular file made by this program for the
 * folder `real`; else null. Nothing is created, set up or rebuilt: for a reader that falls back to a
 * full load whenever the store cannot answer it.
 */
export function openReadOnly(file: string, real: string): Db | null {
  let db: Db | undefined;
  try {
    if (!lstatSync(file).isFile()) return null;
    db = openSqlite(file, { readonly: true, fileMustExist: true, timeout: BUSY_MS });
    if (current(db, real)) return db;
  } catch {}
  try {
    db?.close();
  } catch {}
  return null;
}

function openFile(file: string, real: string): Db {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  clearNonFile(file);
  const db = openSqlite(file, { timeout: BUSY_MS });
  try {
    // The file opened must still be a regular file (not swapped for a link since the check).
    if (!lstatSync(file).isFile()) throw new Error("the database is not a regular file");
    // Before WAL is on: the page size of a database in WAL mode can no longer change.
    db.pragma(`page_size = ${PAGE_BYTES}`);
    db.pragma("journal_mode = WAL");
    setUp(db, real);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

function memory(real: string): Db {
  const db = openSqlite(":memory:");
  setUp(db, real);
  return db;
}

/** The folder's database: on disk when it can be, rebuilt when it has to be, else in memory. */
export function openDb(opts: OpenOptions): Opened {
  if (opts.file === null) return { db: memory(opts.real), onDisk: false };
  let last: unknown;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return { db: openFile(opts.file, opts.real), onDisk: true };
    } catch (err) {
      last = err;
      if (heldByAnother(err)) break;
      // Anything else about the file itself: it is made again from nothing, once.
      removeStore(opts.file);
    }
  }
  opts.warn(`cache unavailable (${describe(last)}); working from memory this time`);
  return { db: memory(opts.real), onDisk: false };
}

export function describe(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s+/g, " ").trim() || "unknown error";
}

/** The database of `file` deleted, for a rebuild after corruption found while using it. */
export function discard(file: string): void {
  removeStore(file);
}
