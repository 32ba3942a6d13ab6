// Read state: what a person has read in a briefings folder, when they last visited it, and where they
// left the reader. It lives in the XDG state folder ($XDG_STATE_HOME/signaldesk/state.db), apart from
// the cache, so deleting the cache or rebuilding it never loses a mark.
//
// One SQLite file for every folder, each folder keyed by its real path. SQLite in WAL mode with a busy
// timeout: every change is one small transaction of row-level upserts, never a rewrite of what the
// process holds, so two readers marking at once both keep their marks (the same row written twice
// ends read either way). A mark is keyed by the file's path inside the folder (relPath), not by the
// briefing id: ids come from file names and are made unique across the folder, so they can change
// when another file arrives, while the path is what the person named. With the mark goes the
// content's SHA-256 and the file's size and mtime when it was read: the stamp answers "unchanged"
// without reading the file, the hash decides when the stamp moved (a touch or a checkout is not an
// update). A renamed file is found again by its hash (see src/load/read-status.ts).
//
// Nothing here may stop the program: a state file that is corrupt, unreadable, unwritable, from a
// newer version, or not a regular file is reported once (through `warn`) and the session goes on
// with its marks in memory only.
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import { errorCode, typeName } from "../load/safe-open.js";
import { type Db as Database, openSqlite } from "./sqlite.js";

export const STATE_FILE = "state.db";
/** The schema this program writes; a file from a newer one is left alone. */
export const STATE_SCHEMA = 1;
/** How long a write waits for another process's transaction before it gives up. */
const BUSY_TIMEOUT_MS = 10_000;

export interface Mark {
  relPath: string;
  /** The briefing's id when it was read (shown, never used to find the mark). */
  id: string;
  /** SHA-256 (hex) of the file's bytes when it was read. */
  hash: string;
  size: number;
  mtimeMs: number;
  /** When it was marked read (ms since the epoch). */
  readAt: number;
}

/** A file as it is being marked read. */
export type Seen = Omit<Mark, "readAt">;

export interface ReadStateOptions {
  /** The state folder; null: no persistence (nothing is reported). */
  stateDir: string | null;
  /** The briefings folder's real path. */
  folder: string;
  /** Called at most once, with `path: message`, when persistence fails. */
  warn: (message: string) => void;
  /**
   * Create the state file (and folder) when missing. Commands that only read state pass false: a
   * `list --json` on a fresh machine leaves nothing behind.
   */
  create: boolean;
  now?: () => number;
}

export interface ReadState {
  /** Whether marks reach the disk (false after a failure, or with no state folder). */
  readonly persistent: boolean;
  /** When the last session of this folder before this one ended (ms), or null on a first visit. */
  readonly lastVisit: number | null;
  /** Marks by relPath, as last loaded or changed here. */
  marks(): ReadonlyMap<string, Mark>;
  markRead(files: readonly Seen[]): void;
  markUnread(relPaths: readonly string[]): void;
  /** Reloads marks when another process changed them; true when anything was reloaded. */
  refresh(): boolean;
  /** Starts a reader session (lastVisit keeps the value it had when the state was opened). */
  beginSession(): void;
  /** Records the session's end (also called as the session goes, so a crash still leaves an end). */
  endSession(): void;
  /** The last place saved for this folder (JSON value, unchecked: the caller validates it). */
  place(): unknown;
  savePlace(place: unknown): void;
  close(): void;
}

const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS folders (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS marks (
  folder INTEGER NOT NULL REFERENCES folders(id),
  rel_path TEXT NOT NULL,
  briefing_id TEXT NOT NULL,
  hash TEXT NOT NULL,
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  read_at INTEGER NOT NULL,
  PRIMARY KEY (folder, rel_path)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sessions (
  id INTEGER PRIMARY KEY,
  folder INTEGER NOT NULL REFERENCES folders(id),
  started_at INTEGER NOT NULL,
  ended_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_folder ON sessions (folder, ended_at);
CREATE TABLE IF NOT EXISTS places (
  folder INTEGER PRIMARY KEY REFERENCES folders(id),
  place TEXT NOT NULL,
  saved_at INTEGER NOT NULL
);
`;

interface MarkRow {
  rel_path: string;
  briefing_id: string;
  hash: string;
  size: number;
  mtime_ms: number;
  read_at: number;
}

class StateFailure extends Error {}

/** What went wrong, worded for `path: message`. */
function failureMessage(error: unknown): string {
  if (error instanceof StateFailure) return error.message;
  const code = errorCode(error);
  if (code === "SQLITE_NOTADB" || code.startsWith("SQLITE_CORRUPT"))
    return "not a readable state file (corrupt?)";
  if (code.startsWith("SQLITE_READONLY") || code === "EACCES" || code === "EPERM" || code === "EROFS")
    return "cannot be written (permission denied or read-only)";
  if (code.startsWith("SQLITE_CANTOPEN")) return "cannot be opened";
  if (code.startsWith("SQLITE_BUSY")) return "locked by another program for too long";
  if (code.startsWith("SQLITE_FULL") || code === "ENOSPC") return "disk full";
  return error instanceof Error ? error.message : String(error);
}

/**
 * The state file must be a regular file (or absent), and so must SQLite's journal files beside it:
 * a FIFO opened by SQLite would block the reader, a device would be written to. The file itself is
 * opened the way the one safe open opens (no blocking, no following a link, never a controlling
 * terminal) and checked with fstat; the journals are checked with lstat.
 */
function checkFiles(file: string, create: boolean): void {
  const flags =
    constants.O_RDWR |
    (create ? constants.O_CREAT : 0) |
    (constants.O_NONBLOCK ?? 0) |
    (constants.O_NOFOLLOW ?? 0) |
    (constants.O_NOCTTY ?? 0);
  let fd: number;
  try {
    fd = openSync(file, flags, 0o600);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ELOOP") throw new StateFailure("is a symbolic link, not followed");
    if (code === "ENXIO") throw new StateFailure("not a regular file (socket or device)");
    if (code === "EISDIR") throw new StateFailure("not a regular file (directory)");
    throw error;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new StateFailure(`not a regular file (${typeName(st)})`);
  } finally {
    closeSync(fd);
  }
  for (const journal of [`${file}-wal`, `${file}-shm`]) {
    let st: ReturnType<typeof lstatSync> | undefined;
    try {
      st = lstatSync(journal);
    } catch {
      continue;
    }
    if (!st.isFile())
      throw new StateFailure(`${path.basename(journal)} is not a regular file (${typeName(st)})`);
  }
}

function openDatabase(file: string, create: boolean): Database {
  checkFiles(file, create);
  const db = openSqlite(file, { timeout: BUSY_TIMEOUT_MS, fileMustExist: true });
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    const version = Number(db.pragma("user_version", { simple: true }));
    if (version > STATE_SCHEMA)
      throw new StateFailure(`written by a newer signaldesk (schema ${version}), left as it is`);
    if (version < STATE_SCHEMA) {
      db.transaction(() => {
        // Checked again inside the write lock: another process may have just created it.
        if (Number(db.pragma("user_version", { simple: true })) >= STATE_SCHEMA) return;
        db.exec(SCHEMA_SQL);
        db.pragma(`user_version = ${STATE_SCHEMA}`);
      }).immediate();
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function toMark(r: MarkRow): Mark {
  return {
    relPath: r.rel_path,
    id: r.briefing_id,
    hash: r.hash,
    size: r.size,
    mtimeMs: r.mtime_ms,
    readAt: r.read_at,
  };
}

class Store implements ReadState {
  #db: Database | null = null;
  #folderId = 0;
  #session: number | null = null;
  #warned = false;
  #marks = new Map<string, Mark>();
  #place: unknown = null;
  #dataVersion = 0;
  lastVisit: number | null = null;

  constructor(private readonly opts: ReadStateOptions) {
    const { stateDir } = opts;
    if (stateDir === null) return;
    const file = path.join(stateDir, STATE_FILE);
    this.#file = file;
    this.#guard(() => {
      if (opts.create) mkdirSync(stateDir, { recursive: true, mode: 0o700 });
      else {
        try {
          lstatSync(file);
        } catch (error) {
          if (errorCode(error) === "ENOENT") return;
          throw error;
        }
      }
      const db = openDatabase(file, opts.create);
      this.#db = db;
      const find = db.prepare<unknown[], { id: number }>("SELECT id FROM folders WHERE path = ?");
      if (opts.create) db.prepare("INSERT OR IGNORE INTO folders (path) VALUES (?)").run(opts.folder);
      this.#folderId = find.get(opts.folder)?.id ?? 0;
      if (this.#folderId === 0) {
        // Read-only use and a folder never visited: nothing to read.
        db.close();
        this.#db = null;
        return;
      }
      const last = db
        .prepare<unknown[], { ended: number | null }>(
          "SELECT max(ended_at) AS ended FROM sessions WHERE folder = ?",
        )
        .get(this.#folderId);
      this.lastVisit = last?.ended ?? null;
      const place = db
        .prepare<unknown[], { place: string }>("SELECT place FROM places WHERE folder = ?")
        .get(this.#folderId);
      if (place) {
        try {
          this.#place = JSON.parse(place.place);
        } catch {
          this.#place = null;
        }
      }
      this.#load(db);
    });
  }

  #file = "";

  get persistent(): boolean {
    return this.#db !== null;
  }

  #now(): number {
    return (this.opts.now ?? Date.now)();
  }

  #load(db: Database): void {
    this.#dataVersion = Number(db.pragma("data_version", { simple: true }));
    const marks = new Map<string, Mark>();
    for (const row of db
      .prepare<unknown[], MarkRow>(
        "SELECT rel_path, briefing_id, hash, size, mtime_ms, read_at FROM marks WHERE folder = ?",
      )
      .iterate(this.#folderId))
      marks.set(row.rel_path, toMark(row));
    this.#marks = marks;
  }

  /** Runs a step against the file; a failure is reported once and the file is let go. */
  #guard(step: () => void): void {
    try {
      step();
    } catch (error) {
      try {
        this.#db?.close();
      } catch {
        // Closing a broken connection can fail too; it is being dropped either way.
      }
      this.#db = null;
      if (!this.#warned) {
        this.#warned = true;
        this.opts.warn(`${this.#file}: ${failureMessage(error)}; read state is not saved`);
      }
    }
  }

  #write(step: (db: Database) => void): void {
    const db = this.#db;
    if (db === null) return;
    this.#guard(() => {
      db.transaction(() => step(db)).immediate();
      // Our own writes do not move data_version; only another connection's do.
    });
  }

  marks(): ReadonlyMap<string, Mark> {
    return this.#marks;
  }

  markRead(files: readonly Seen[]): void {
    const readAt = this.#now();
    for (const f of files) this.#marks.set(f.relPath, { ...f, readAt });
    this.#write((db) => {
      const put = db.prepare(
        `INSERT INTO marks (folder, rel_path, briefing_id, hash, size, mtime_ms, read_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(folder, rel_path) DO UPDATE SET briefing_id = excluded.briefing_id,
           hash = excluded.hash, size = excluded.size, mtime_ms = excluded.mtime_ms, read_at = excluded.read_at`,
      );
      for (const f of files) put.run(this.#folderId, f.relPath, f.id, f.hash, f.size, f.mtimeMs, readAt);
    });
  }

  markUnread(relPaths: readonly string[]): void {
    for (const p of relPaths) this.#marks.delete(p);
    this.#write((db) => {
      const drop = db.prepare("DELETE FROM marks WHERE folder = ? AND rel_path = ?");
      for (const p of relPaths) drop.run(this.#folderId, p);
    });
  }

  refresh(): boolean {
    const db = this.#db;
    if (db === null) return false;
    let changed = false;
    this.#guard(() => {
      if (Number(db.pragma("data_version", { simple: true })) === this.#dataVersion) return;
      this.#load(db);
      changed = true;
    });
    return changed;
  }

  beginSession(): void {
    const now = this.#now();
    this.#write((db) => {
      this.#session = Number(
        db
          .prepare("INSERT INTO sessions (folder, started_at, ended_at) VALUES (?, ?, ?)")
          .run(this.#folderId, now, now).lastInsertRowid,
      );
    });
  }

  endSession(): void {
    const session = this.#session;
    if (session === null) return;
    const now = this.#now();
    this.#write((db) => {
      db.prepare("UPDATE sessions SET ended_at = ? WHERE id = ?").run(now, session);
    });
  }

  place(): unknown {
    return this.#place;
  }

  savePlace(place: unknown): void {
    this.#place = place;
    const text = JSON.stringify(place);
    const now = this.#now();
    this.#write((db) => {
      db.prepare(
        `INSERT INTO places (folder, place, saved_at) VALUES (?, ?, ?)
         ON CONFLICT(folder) DO UPDATE SET place = excluded.place, saved_at = excluded.saved_at`,
      ).run(this.#folderId, text, now);
    });
  }

  close(): void {
    const db = this.#db;
    this.#db = null;
    try {
      db?.close();
    } catch {
      // Nothing left to save: every write was its own transaction.
    }
  }
}

/** Opens the read state of one folder; never throws (see the header). */
export function openReadState(opts: ReadStateOptions): ReadState {
  return new Store(opts);
}
