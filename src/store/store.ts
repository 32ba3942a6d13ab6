// The folder's store: the only code that writes anything to disk. Rows are written in large
// transactions (`BEGIN IMMEDIATE`, so two programs writing at once take turns instead of failing):
// a kill at any moment leaves either the old rows or the new ones, and the next start only parses
// what is missing. Statements are prepared once per store.
import type { BriefingDigest } from "../briefing/digest.js";
import type { Problem } from "../briefing/schema.js";
import {
  type GlossaryLine,
  glossaryWriter,
  readGlossaries,
  readGlossariesBetween,
  readGlossariesOf,
} from "./glossary.js";
import { discard, isCorrupt, type OpenOptions, openDb } from "./open.js";
import { type Stamp, StoreReader, sum, textSum } from "./reader.js";
import { eventDays, insertEvents, keptConflicts, markStale, restorePartners } from "./timeline.js";

/** A file's row as the sync checks it: [relPath, size, mtimeMs, ctimeMs, ino, hash]. */
export type StampRow = readonly [string, number, number, number, number, string];

/** One file, read and parsed, as the store keeps it. */
export interface FileRecord {
  relPath: string;
  stamp: Stamp;
  /** Of the bytes read; "" when the file could not be read (it is then read again next time). */
  hash: string;
  /**
   * The digest as stored (JSON of a BriefingDigest), made where the file was parsed: a string crosses
   * from a parse worker and waits for its write at a fraction of the size of the object it was (500
   * of those, waiting for a write transaction, were some 40 MB of the heap).
   */
  digest: string | null;
  /** The conflict days of its timeline rows (timeline.ts digestDays). */
  days: number[];
  /** The whole briefing as stored (load/stored-briefing.ts); null when the file did not load. */
  briefing: string | null;
  /** This file's problems; `path` null where the problem names the file itself. */
  problems: (Omit<Problem, "path"> & { path: string | null })[];
  /** The searchable text (story/search.ts briefingText) for the full-text index, title apart. */
  title: string;
  body: string;
  /** Keys of the glossary terms the file defines. */
  defines: string[];
  /** What its actors are resolved from (actor-inputs.ts encodeActorRecord); null when it did not load. */
  actorRecord: Uint8Array | null;
}

/** A row of `files` as `list` and the story read it. */
export interface SummaryRow {
  fileId: number;
  relPath: string;
  bid: string;
  date: string | null;
  title: string;
  actors: string[];
  tags: string[];
  story: string | null;
}

export { type Stamp, type StoredStamp, sum, textSum } from "./reader.js";

export const SEP = "\u001f";
const BATCH = 2000;

/** The checksum of a row's summary columns, over the columns as one string, null told from "". */
export function summarySum(
  bid: string,
  date: string | null,
  title: string,
  actors: string,
  tags: string,
  story: string | null,
): string {
  return textSum(`${bid}\0${date ?? "\u0001"}\0${title}\0${actors}\0${tags}\0${story ?? "\u0001"}`).toString(
    36,
  );
}

/** Rows whose digest no longer has the checksum it was written with: read again from their files. */
export class DamagedRows extends Error {
  override readonly name = "DamagedRows";
  constructor(readonly relPaths: string[]) {
    super(`damaged rows in the store: ${relPaths.length}`);
  }
}

/** A JSON value kept in `meta`, or null when it is not one. */
function json(text: string | null): unknown {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

export function list(joined: string | null): string[] {
  return joined ? joined.split(SEP) : [];
}

/** A row's summary columns, in the order of `summarySum`'s parameters. */
type SummaryColumns = Parameters<typeof summarySum>;

/**
 * One summary row as read ([id, rel_path, bid, date, title, actors, tags, story, ssum]) checked: the
 * row, or the path of a damaged one (null: a path too damaged to name, no file's: the next sync finds
 * the file gone and drops it).
 */
export function checkedSummary(row: unknown[]): SummaryRow | string | null {
  const [fileId, relPath, bid, date, title, actors, tags, story] = row as SummaryColumnsRead;
  if (!intactSummary(row)) return typeof relPath === "string" ? relPath : null;
  return { fileId, relPath, bid, date, title, actors: list(actors), tags: list(tags), story };
}

/**
 * A summary row as read (`SELECT id, rel_path, bid, date, title, actors, tags, story, ssum`), once
 * `intactSummary` said so, or its checksum compared (actor-inputs.ts).
 */
export type SummaryColumnsRead = [fileId: number, relPath: string, ...summary: SummaryColumns, ssum: string];

/** Whether a summary row as read has its columns' types and checksum (`checkedSummary`, no object made). */
export function intactSummary(row: unknown[]): boolean {
  const [fileId, relPath, bid, date, title, actors, tags, story, ssum] = row;
  return (
    typeof fileId === "number" &&
    typeof relPath === "string" &&
    typeof bid === "string" &&
    (date === null || typeof date === "string") &&
    typeof title === "string" &&
    typeof actors === "string" &&
    typeof tags === "string" &&
    (story === null || typeof story === "string") &&
    ssum === summarySum(bid, date, title, actors, tags, story)
  );
}

/** Summary rows as read, each checked (`checkedSummary`); throws DamagedRows naming every damaged one. */
function checkedSummaries(rows: Iterable<unknown[]>): SummaryRow[] {
  const out: SummaryRow[] = [];
  const damaged: string[] = [];
  for (const row of rows) {
    const got = checkedSummary(row);
    if (typeof got === "string") damaged.push(got);
    else if (got !== null) out.push(got);
  }
  if (damaged.length > 0) throw new DamagedRows(damaged);
  return out;
}

/** What `list` prints of a file, read again in its order once every row was checked. */
export type ListRow = readonly [
  fileId: number,
  bid: string,
  date: string | null,
  title: string,
  actors: string,
];

/** The folder's store, read and written: its reads are StoreReader's. */
export class Store extends StoreReader {
  static open(opts: OpenOptions): Store {
    const { db, onDisk } = openDb(opts);
    return new Store(db, onDisk ? opts.file : null);
  }

  setMeta(entries: Record<string, string>): void {
    const put = this.stmt("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
    this.db
      .transaction(() => {
        for (const [k, v] of Object.entries(entries)) put.run(k, v);
      })
      .immediate();
  }

  /** Every file's stamps, as arrays (no object per file: this is read at every start). */
  /** Every file's stamps, one row at a time (the warm check keeps none of them). */
  eachStampRow(): IterableIterator<StampRow> {
    return this.stmt("SELECT rel_path, size, mtime_ms, ctime_ms, ino, hash FROM files")
      .raw()
      .iterate() as IterableIterator<StampRow>;
  }

  stampRows(): StampRow[] {
    return this.stmt("SELECT rel_path, size, mtime_ms, ctime_ms, ino, hash FROM files")
      .raw()
      .all() as StampRow[];
  }

  /** Every file's stamps (size, mtime, ctime) by path, looked up from one read of the rows. */
  stampsOf(): (relPath: string) => { size: number; mtimeMs: number; ctimeMs: number } | undefined {
    const byPath = new Map<string, StampRow>();
    for (const row of this.stampRows()) byPath.set(row[0], row);
    return (relPath) => {
      const row = byPath.get(relPath);
      return row === undefined ? undefined : { size: row[1], mtimeMs: row[2], ctimeMs: row[3] };
    };
  }

  /** Files whose content is unchanged (same hash) under new stamps: only the stamps are updated. */
  restamp(rows: readonly { relPath: string; stamp: Stamp }[]): void {
    const up = this.stmt("UPDATE files SET size = ?, mtime_ms = ?, ctime_ms = ?, ino = ? WHERE rel_path = ?");
    this.db
      .transaction(() => {
        for (const { relPath, stamp } of rows)
          up.run(stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, relPath);
      })
      .immediate();
  }

  /**
   * Deletes `removed` and writes `records` (replacing rows of the same paths) in transactions of
   * thousands of rows; returns the new rows' ids by path. The files at `keep` (paths the caller left
   * out of the timeline's stale days: timeline.ts `keptConflicts` said their rewrite leaves the
   * conflict search's input as it was) keep their row id and their events' partners, checked again
   * here; one whose stored row changed meanwhile has its days marked stale instead.
   */
  write(
    records: readonly FileRecord[],
    removed: readonly string[],
    registry = "",
    keep: ReadonlySet<string> = new Set(),
  ): Map<string, number> {
    const db = this.db;
    const del = this.stmt("DELETE FROM files WHERE rel_path = ?");
    const has = this.stmt("SELECT 1 FROM files WHERE rel_path = ?").pluck();
    const insFile = this.stmt(
      `INSERT INTO files (id, rel_path, size, mtime_ms, ctime_ms, ino, hash, bid, date, title, actors, tags, story, ssum)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insDigest = this.stmt("INSERT INTO digests (file_id, body, sum) VALUES (?, ?, ?)");
    const insBriefing = this.stmt("INSERT INTO briefings (file_id, registry, body, sum) VALUES (?, ?, ?, ?)");
    const insTerm = this.stmt("INSERT OR IGNORE INTO terms (key, file_id) VALUES (?, ?)");
    const insProblem = this.stmt(
      "INSERT INTO problems (file_id, path, line, message, severity) VALUES (?, ?, ?, ?, ?)",
    );
    const insSearch = this.stmt("INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)");
    const insActors = this.stmt("INSERT INTO actor_inputs (file_id, body, sum) VALUES (?, ?, ?)");
    const insGlossary = glossaryWriter(db);
    const ids = new Map<string, number>();
    const one = (r: FileRecord) => {
      const body = r.digest;
      const d = body === null ? null : (JSON.parse(body) as BriefingDigest);
      const kept = keep.has(r.relPath) ? keptConflicts(db, r.relPath, d) : null;
      if (keep.has(r.relPath) && kept === null) markStale(this, [...eventDays(db, [r.relPath]), ...r.days]);
      // Only a row that is there is deleted: each DELETE on `files` (its trigger writes to the
      // full-text table) makes FTS5 write out the rows it holds in memory as a segment of their own,
      // so on a first load every file's text became a segment, merged again at each commit.
      if (has.get(r.relPath) !== undefined) del.run(r.relPath);
      const summary =
        d === null
          ? null
          : ([d.id, d.date, d.title, d.actors.join(SEP), d.tags.join(SEP), d.story] satisfies SummaryColumns);
      const info = insFile.run(
        kept?.fileId ?? null,
        r.relPath,
        r.stamp.size,
        r.stamp.mtimeMs,
        r.stamp.ctimeMs,
        r.stamp.ino,
        r.hash,
        ...(summary ?? [null, null, null, null, null, null]),
        summary === null ? null : summarySum(...summary),
      );
      const id = Number(info.lastInsertRowid);
      ids.set(r.relPath, id);
      if (d !== null && body !== null) {
        insDigest.run(id, body, sum(body));
        if (r.briefing !== null) insBriefing.run(id, registry, r.briefing, sum(r.briefing));
        insertEvents(db, id, r.relPath, d);
        if (kept !== null) restorePartners(db, kept, d);
        for (const key of r.defines) insTerm.run(key, id);
        insGlossary(id, d.glossary);
        insSearch.run(id, r.title, r.body);
        // A worker's Buffer arrives as a plain Uint8Array, which SQLite binds only as a Buffer.
        const blob =
          r.actorRecord &&
          Buffer.from(r.actorRecord.buffer, r.actorRecord.byteOffset, r.actorRecord.byteLength);
        if (blob !== null) insActors.run(id, blob, sum(blob));
      }
      for (const p of r.problems) insProblem.run(id, p.path, p.line ?? null, p.message, p.severity);
    };
    for (let at = 0; at < Math.max(records.length, removed.length); at += BATCH) {
      db.transaction(() => {
        for (const rel of removed.slice(at, at + BATCH)) del.run(rel);
        for (const r of records.slice(at, at + BATCH)) one(r);
      }).immediate();
    }
    return ids;
  }

  /**
   * Says the derived timeline is up to date with the rows, with the counts the first frame shows
   * (briefings, timeline events): read from here, they cost the same at any size.
   */
  markTimelineFresh(): void {
    const events = this.stmt("SELECT count(*) FROM events").pluck().get() as number;
    this.setMeta({
      timeline: "fresh",
      timeline_days: "[]",
      counts: JSON.stringify({ briefings: this.count(), events }),
    });
  }

  /** The counts `markTimelineFresh` kept, while the timeline is fresh; else counted now. */
  counts(): { briefings: number; events: number } {
    const kept =
      this.meta("timeline") === "fresh"
        ? (json(this.meta("counts")) as Record<string, unknown> | null)
        : null;
    if (kept !== null && Number.isInteger(kept.briefings) && Number.isInteger(kept.events))
      return { briefings: kept.briefings as number, events: kept.events as number };
    return {
      briefings: this.count(),
      events: this.stmt("SELECT count(*) FROM events").pluck().get() as number,
    };
  }

  /** Drops the rows of `relPaths`, so the next sync reads their files again. */
  forget(relPaths: readonly string[]): void {
    const del = this.stmt("DELETE FROM files WHERE rel_path = ?");
    // Their events go without their neighbours' conflicts being searched again: the next sync searches
    // their days.
    markStale(this, eventDays(this.db, relPaths));
    this.db
      .transaction(() => {
        for (const rel of relPaths) del.run(rel);
      })
      .immediate();
  }

  /**
   * The summaries of the files that loaded, in story order (date, undated last, then path); throws
   * DamagedRows for any row not as written (a flipped bit can change a value's type, not only its text).
   */
  summaries(): SummaryRow[] {
    const rows = this.stmt(
      `SELECT id, rel_path, bid, date, title, actors, tags, story, ssum FROM files WHERE bid IS NOT NULL
       ORDER BY date IS NULL, date, rel_path`,
    )
      .raw()
      // Row by row, not all(): at 100k files the rows as read (an array each) were 40 MB held at once
      // beside the summaries made of them, and the collector's time with them.
      .iterate() as IterableIterator<unknown[]>;
    return checkedSummaries(rows);
  }

  /**
   * Every loaded file's summary row as read ([id, rel_path, bid, date, title, actors, tags, story,
   * ssum]), in no order, one at a time: for a pass that checks each (`checkedSummary`) and keeps none.
   */
  eachSummaryRow(): IterableIterator<unknown[]> {
    return this.stmt(
      "SELECT id, rel_path, bid, date, title, actors, tags, story, ssum FROM files WHERE bid IS NOT NULL",
    )
      .raw()
      .iterate() as IterableIterator<unknown[]>;
  }

  /**
   * What `list` prints of every loaded file (actors joined by SEP), one row at a time, in its order:
   * by date (undated last), then briefing id, compared as SQLite compares text (by UTF-8 bytes, which is
   * JavaScript's order of the same strings when none holds a character from U+D800 up). Not checked:
   * read after `eachSummaryRow` checked the same rows in the same read transaction (`snapshot`).
   */
  eachListRow(): IterableIterator<ListRow> {
    return this.stmt(
      `SELECT id, bid, date, title, actors FROM files WHERE bid IS NOT NULL
       ORDER BY date IS NULL, date, bid`,
    )
      .raw()
      .iterate() as IterableIterator<ListRow>;
  }

  /**
   * `eachListRow` of the files of these ids only (a filter that keeps few: their rows are looked up by
   * id, not every row read again and skipped), in the same order.
   */
  eachListRowOf(fileIds: readonly number[]): IterableIterator<ListRow> {
    return this.stmt(
      `SELECT id, bid, date, title, actors FROM files
       WHERE bid IS NOT NULL AND id IN (SELECT value FROM json_each(?))
       ORDER BY date IS NULL, date, bid`,
    )
      .raw()
      .iterate(JSON.stringify(fileIds)) as IterableIterator<ListRow>;
  }

  /** [id, rel_path, bid, size, mtime_ms, ctime_ms] of the files of these ids (in any order). */
  listFiles(fileIds: readonly number[]): [number, string, string, number, number, number][] {
    return this.stmt(
      "SELECT id, rel_path, bid, size, mtime_ms, ctime_ms FROM files WHERE id IN (SELECT value FROM json_each(?))",
    )
      .raw()
      .all(JSON.stringify(fileIds)) as [number, string, string, number, number, number][];
  }

  /** The id of the file at `relPath`, if it has a row. */
  fileIdOf(relPath: string): number | undefined {
    return this.stmt("SELECT id FROM files WHERE rel_path = ?").pluck().get(relPath) as number | undefined;
  }

  /** Whether two files have the same briefing id (read from the index on it). */
  hasSharedIds(): boolean {
    return (
      this.stmt("SELECT 1 FROM files WHERE bid IS NOT NULL GROUP BY bid HAVING count(*) > 1 LIMIT 1")
        .pluck()
        .get() !== undefined
    );
  }

  /** The highest file id in use (0: none). */
  maxFileId(): number {
    return (this.stmt("SELECT max(id) FROM files").pluck().get() as number | null) ?? 0;
  }

  /**
   * Runs `read` in one read transaction: every statement in it sees the rows as they were at its first
   * read, whatever another program writes meanwhile (two passes over the rows see the same rows).
   */
  async snapshot<T>(read: () => Promise<T>): Promise<T> {
    this.db.exec("BEGIN");
    try {
      return await read();
    } finally {
      if (this.db.inTransaction) this.db.exec("COMMIT");
    }
  }

  /** The summaries of the files of these ids that loaded (in any order), checked as `summaries` does. */
  summariesOf(fileIds: readonly number[]): SummaryRow[] {
    if (fileIds.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT id, rel_path, bid, date, title, actors, tags, story, ssum FROM files
         WHERE bid IS NOT NULL AND id IN (${fileIds.map(() => "?").join(",")})`,
      )
      .raw()
      .all(...fileIds) as unknown[][];
    return checkedSummaries(rows);
  }

  /** Of these briefing ids, those more than one file has (a load renames all but the first). */
  sharedIds(bids: readonly string[]): Set<string> {
    if (bids.length === 0) return new Set();
    const shared = this.db
      .prepare(
        `SELECT bid FROM files WHERE bid IN (${bids.map(() => "?").join(",")}) GROUP BY bid HAVING count(*) > 1`,
      )
      .pluck()
      .all(...bids) as string[];
    return new Set(shared);
  }

  /** How many files loaded as a briefing. */
  count(): number {
    return this.stmt("SELECT count(*) FROM files WHERE bid IS NOT NULL").pluck().get() as number;
  }

  /** Every stored digest by file id; throws DamagedRows for any not as written. */
  digests(): Map<number, BriefingDigest> {
    const rows = this.stmt(
      "SELECT d.file_id, f.rel_path, d.body, d.sum FROM digests d JOIN files f ON f.id = d.file_id",
    )
      .raw()
      .all() as [number, string, string, string][];
    const out = new Map<number, BriefingDigest>();
    const damaged: string[] = [];
    for (const [id, rel, body, s] of rows) {
      if (sum(body) !== s) {
        damaged.push(rel);
        continue;
      }
      try {
        out.set(id, JSON.parse(body) as BriefingDigest);
      } catch {
        damaged.push(rel);
      }
    }
    if (damaged.length > 0) throw new DamagedRows(damaged);
    return out;
  }

  /**
   * A number that changes whenever another program commits to the database (SQLite's data_version):
   * this program's own writes leave it as it was.
   */
  othersWrites(): number {
    return this.db.pragma("data_version", { simple: true }) as number;
  }

  /** Each file's path by its row id, as the rows are now. */
  pathsById(): Map<number, string> {
    const rows = this.stmt("SELECT id, rel_path FROM files").raw().all() as [number, string][];
    return new Map(rows);
  }

  /**
   * The digests of the files at `relPaths` as their rows are now, by path (a file with no row, or a
   * row with no digest, is absent); throws DamagedRows for any not as written.
   */
  digestsByPath(relPaths: readonly string[]): Map<string, BriefingDigest> {
    const one = this.stmt(
      "SELECT d.body, d.sum FROM digests d JOIN files f ON f.id = d.file_id WHERE f.rel_path = ?",
    ).raw();
    const out = new Map<string, BriefingDigest>();
    const damaged: string[] = [];
    for (const rel of relPaths) {
      const row = one.get(rel) as [string, string] | undefined;
      if (row === undefined) continue;
      try {
        if (sum(row[0]) !== row[1]) throw new Error("checksum");
        out.set(rel, JSON.parse(row[0]) as BriefingDigest);
      } catch {
        damaged.push(rel);
      }
    }
    if (damaged.length > 0) throw new DamagedRows(damaged);
    return out;
  }

  /** The glossary lines of the files at `relPaths` as their rows are now, by path; see `glossaries`. */
  glossariesByPath(relPaths: readonly string[]): Map<string, GlossaryLine[]> {
    const { lines, damaged } = readGlossariesOf(this.db, relPaths);
    if (damaged.length > 0) throw new DamagedRows(damaged);
    return lines;
  }

  /** Every loaded file's glossary lines by file id (none: absent); throws DamagedRows for any not as written. */
  glossaries(): Map<number, GlossaryLine[]> {
    const { lines, damaged } = readGlossaries(this.db);
    if (damaged.length > 0) throw new DamagedRows(damaged);
    return lines;
  }

  /** `glossaries` for the files whose ids are `from` to `to` (both included). */
  glossariesBetween(from: number, to: number): Map<number, GlossaryLine[]> {
    const { lines, damaged } = readGlossariesBetween(this.db, from, to);
    if (damaged.length > 0) throw new DamagedRows(damaged);
    return lines;
  }

  /** Each file's problems (of one severity, when given): `path` null names the file itself. */
  problems(severity?: string): {
    relPath: string;
    path: string | null;
    line: number | null;
    message: string;
    severity: string;
  }[] {
    return this.stmt(
      `SELECT f.rel_path AS relPath, p.path, p.line, p.message, p.severity
       FROM problems p JOIN files f ON f.id = p.file_id
       ${severity === undefined ? "ORDER BY f.rel_path, p.rowid" : "WHERE p.severity = @severity"}`,
      // One severity (the header's count of failed files) needs no order: the problems' own rows are
      // read, not every file's in path order.
    ).all(severity === undefined ? {} : { severity }) as {
      relPath: string;
      path: string | null;
      line: number | null;
      message: string;
      severity: string;
    }[];
  }

  /** Every glossary key some file defines. */
  termKeys(): string[] {
    return this.stmt("SELECT DISTINCT key FROM terms").pluck().all() as string[];
  }

  /** (term key, file id) for every use. */
  uses(): [string, number][] {
    return this.stmt("SELECT key, file_id FROM term_uses").raw().all() as [string, number][];
  }

  /** (term key, file id) for every use by the files of these ids. */
  usesOf(fileIds: readonly number[]): [string, number][] {
    if (fileIds.length === 0) return [];
    return this.stmt("SELECT key, file_id FROM term_uses WHERE file_id IN (SELECT value FROM json_each(?))")
      .raw()
      .all(JSON.stringify(fileIds)) as [string, number][];
  }

  /**
   * Every use by term: its key and the ids of the files that use it, joined by commas. One row a
   * term, joined by SQLite: a few ms at 10,000 briefings, where a row a use (25,000) is 20-40.
   */
  usesByTerm(): [string, string][] {
    return this.stmt("SELECT key, group_concat(file_id) FROM term_uses GROUP BY key").raw().all() as [
      string,
      string,
    ][];
  }

  /**
   * Recomputes term uses: of every term for the files `changed` (null: every use, of every file), and
   * of the terms `added` for every file; the uses of `dropped` terms go. A use is the term's words in
   * a row in the file's text (story/glossary.ts termParts), asked of the full-text index by `match`;
   * a defining file always uses its term.
   */
  updateUses(
    changed: readonly number[] | null,
    added: readonly string[],
    dropped: readonly string[],
    keys: readonly string[],
    match: (key: string) => string | null,
  ): void {
    const db = this.db;
    const ins = this.stmt("INSERT OR IGNORE INTO term_uses (key, file_id) VALUES (?, ?)");
    const find = this.stmt("SELECT rowid FROM search WHERE search MATCH ?").pluck();
    // One statement per term: at 100k files a common term has as many uses, each a round trip before.
    const insAll = this.stmt(
      "INSERT OR IGNORE INTO term_uses (key, file_id) SELECT ?, rowid FROM search WHERE search MATCH ?",
    );
    const everywhere = (key: string) => {
      const q = match(key);
      if (q !== null) insAll.run(key, q);
    };
    db.transaction(() => {
      if (changed === null) {
        this.stmt("DELETE FROM term_uses").run();
        this.stmt("INSERT OR IGNORE INTO term_uses (key, file_id) SELECT key, file_id FROM terms").run();
        for (const key of keys) everywhere(key);
        return;
      }
      const delKey = this.stmt("DELETE FROM term_uses WHERE key = ?");
      for (const key of dropped) delKey.run(key);
      const ownKey = this.stmt(
        "INSERT OR IGNORE INTO term_uses (key, file_id) SELECT key, file_id FROM terms WHERE key = ?",
      );
      for (const key of added) {
        everywhere(key);
        ownKey.run(key);
      }
      if (changed.length === 0) return;
      const delFile = this.stmt("DELETE FROM term_uses WHERE file_id = ?");
      const ownFile = this.stmt(
        "INSERT OR IGNORE INTO term_uses (key, file_id) SELECT key, file_id FROM terms WHERE file_id = ?",
      );
      for (const id of changed) {
        delFile.run(id);
        ownFile.run(id);
      }
      // Few files changed: each term is asked of those rows only (the index looks them up by rowid).
      const few = changed.length <= 64;
      const findIn = few
        ? db
            .prepare(
              `SELECT rowid FROM search WHERE search MATCH ? AND rowid IN (${changed.map(() => "?").join(",")})`,
            )
            .pluck()
        : find;
      const wanted = new Set(changed);
      // As BigInts: a JS number is bound as a REAL, which FTS5 does not take as a rowid, and every
      // use of the term came back (24,725 rows at 10k briefings, for the one file a watcher named).
      const rowids = changed.map((id) => BigInt(id));
      for (const key of keys) {
        const q = match(key);
        if (q === null) continue;
        for (const id of (few ? findIn.all(q, ...rowids) : find.all(q)) as number[])
          if (wanted.has(id)) ins.run(key, id);
      }
    }).immediate();
  }

  /** Files matching an FTS5 query (search.ts `ftsQuery`); null when the index cannot run it. */
  search(match: string): number[] | null {
    let all: unknown;
    try {
      // One string of row ids, not a row each: a short prefix matches nearly every file, and stepping
      // 100,000 rows into JavaScript took longer than finding them.
      all = this.stmt("SELECT group_concat(rowid) FROM search WHERE search MATCH ?").pluck().get(match);
    } catch {
      return null;
    }
    const ids: number[] = [];
    if (typeof all !== "string") return ids;
    let n = 0;
    for (let i = 0; i < all.length; i++) {
      const c = all.charCodeAt(i);
      if (c === 44) {
        ids.push(n);
        n = 0;
      } else n = n * 10 + c - 48;
    }
    ids.push(n);
    return ids;
  }

  /** Whether this error means the database file is damaged (then `discard` it and start again). */
  static corrupt(err: unknown): boolean {
    return isCorrupt(err);
  }

  static discard(file: string): void {
    discard(file);
  }
}
