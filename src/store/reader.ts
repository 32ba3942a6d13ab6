// The store's reads that need none of its writing code: the base of Store, and all `print ID` asks of
// a database it opens read-only. Apart from store.ts so that such an open loads neither the timeline's
// writes nor the story code they are made from.
import { createHash } from "node:crypto";
import type Database from "better-sqlite3";
import { type Db, openReadOnly } from "./open.js";

/** What the store keeps to tell whether a file changed (with its content hash). */
export interface Stamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

export interface StoredStamp extends Stamp {
  id: number;
  hash: string;
}

/** Paths asked of the database in one query: far below SQLite's limit of bound parameters. */
const BRIEFINGS_PER_QUERY = 256;

/**
 * FNV-1a (32 bits) of `text`, continuing from `h`: a change of any one character changes it (each step
 * is a bijection), and in JavaScript it costs far less per row than a native hash's call.
 */
export function textSum(text: string, h = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function sum(text: string | Uint8Array): string {
  return createHash("sha1").update(text).digest("base64").slice(0, 12);
}

export class StoreReader {
  protected constructor(
    readonly db: Db,
    /** Where the database lives; null in memory. */
    readonly file: string | null,
  ) {}

  /**
   * The database at `file`, opened read-only, when it is current for the folder whose real path is
   * `real` (this program's schema and parser); else null, and nothing is written: a caller that needs
   * more opens it as a Store, which rebuilds what is not current.
   */
  static readOnly(file: string, real: string): StoreReader | null {
    const db = openReadOnly(file, real);
    return db === null ? null : new StoreReader(db, file);
  }

  private readonly statements = new Map<string, Database.Statement>();
  /** A prepared statement, made once: some are run once per file. */
  protected stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (st === undefined) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  close(): void {
    try {
      this.db.close();
    } catch {}
  }

  meta(key: string): string | null {
    const row = this.stmt("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined;
    return row?.value ?? null;
  }

  /** The files whose briefing has id `bid` as parsed, with their stamps. */
  byId(bid: string): (StoredStamp & { relPath: string })[] {
    return this.stmt(
      "SELECT id, rel_path AS relPath, size, mtime_ms AS mtimeMs, ctime_ms AS ctimeMs, ino, hash FROM files WHERE bid = ?",
    ).all(bid) as (StoredStamp & { relPath: string })[];
  }

  /**
   * The stored whole briefing of the file at `relPath`, when it was parsed under the registry of hash
   * `registry` and is as written; else null (the file is then parsed again).
   */
  briefingAt(relPath: string, registry: string): string | null {
    return this.briefingsAt([relPath], registry).get(relPath) ?? null;
  }

  /**
   * `briefingAt` of many files in one query (`list --json` reads thousands): by path, those found
   * parsed under `registry` and as written; a path left out is parsed again by the caller.
   */
  briefingsAt(relPaths: readonly string[], registry: string): Map<string, string> {
    const out = new Map<string, string>();
    for (let at = 0; at < relPaths.length; at += BRIEFINGS_PER_QUERY) {
      const some = relPaths.slice(at, at + BRIEFINGS_PER_QUERY);
      const rows = this.stmt(
        `SELECT f.rel_path, b.body, b.sum FROM briefings b JOIN files f ON f.id = b.file_id
         WHERE b.registry = ? AND f.rel_path IN (${some.map(() => "?").join(",")})`,
      )
        .raw()
        .all(registry, ...some) as [unknown, unknown, unknown][];
      for (const [rel, body, s] of rows)
        if (typeof rel === "string" && typeof body === "string" && s === sum(body)) out.set(rel, body);
    }
    return out;
  }

  /** Paths of the files that did not load as a briefing. */
  broken(): string[] {
    return this.stmt("SELECT rel_path FROM files WHERE bid IS NULL").pluck().all() as string[];
  }
}
