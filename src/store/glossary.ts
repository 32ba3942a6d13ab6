// Each loaded file's glossary lines (term and definition, in the file's order), kept apart from its
// digest so the merged glossary is a read of small rows, not a decoding of every digest (at 10,000
// briefings the reader's first visit to the Glossary view decoded 10,000 digests for them). Written
// with the file's other rows (store.ts `write`), so a file's lines change exactly when the file is
// written again, and go with its row; a file with no lines has no row. Each body carries a checksum,
// as the digests do: SQLite finds a damaged page, not a flipped bit inside a row.
import type { Db } from "./open.js";
import { textSum } from "./reader.js";

export interface GlossaryLine {
  term: string;
  definition: string;
}

const checksum = (body: string) => textSum(body).toString(36);

/** A writer of files' glossary lines, its statement prepared once (run inside the caller's transaction). */
export function glossaryWriter(db: Db): (fileId: number, lines: readonly GlossaryLine[]) => void {
  const ins = db.prepare("INSERT INTO glossaries (file_id, body, sum) VALUES (?, ?, ?)");
  return (fileId, lines) => {
    if (lines.length === 0) return;
    const body = JSON.stringify(lines.map((g) => [g.term, g.definition]));
    ins.run(fileId, body, checksum(body));
  };
}

/** Every file's glossary lines by file id (files with none are absent), and the paths of damaged rows. */
export function readGlossaries(db: Db): { lines: Map<number, GlossaryLine[]>; damaged: string[] } {
  const rows = db
    .prepare("SELECT g.file_id, f.rel_path, g.body, g.sum FROM glossaries g JOIN files f ON f.id = g.file_id")
    .raw()
    .all() as [number, string, unknown, unknown][];
  return checked(rows);
}

/**
 * The glossary lines of the files whose ids are `from` to `to` (both included), by file id, and the
 * paths of damaged rows: a reader can read them a range a step (a file's id is its row's rowid).
 */
export function readGlossariesBetween(
  db: Db,
  from: number,
  to: number,
): { lines: Map<number, GlossaryLine[]>; damaged: string[] } {
  const rows = db
    .prepare(
      "SELECT g.file_id, f.rel_path, g.body, g.sum FROM glossaries g JOIN files f ON f.id = g.file_id WHERE g.file_id BETWEEN ? AND ?",
    )
    .raw()
    .all(from, to) as [number, string, unknown, unknown][];
  return checked(rows);
}

/** The glossary lines of the files at `relPaths` as their rows are now, by path (none: absent). */
export function readGlossariesOf(
  db: Db,
  relPaths: readonly string[],
): { lines: Map<string, GlossaryLine[]>; damaged: string[] } {
  const one = db
    .prepare(
      "SELECT f.rel_path, f.rel_path, g.body, g.sum FROM glossaries g JOIN files f ON f.id = g.file_id WHERE f.rel_path = ?",
    )
    .raw();
  const rows = relPaths.flatMap((rel) => one.all(rel) as [string, string, unknown, unknown][]);
  return checked(rows);
}

function checked<K>(rows: [K, string, unknown, unknown][]): {
  lines: Map<K, GlossaryLine[]>;
  damaged: string[];
} {
  const lines = new Map<K, GlossaryLine[]>();
  const damaged: string[] = [];
  for (const [key, rel, body, s] of rows) {
    const read = typeof body === "string" && s === checksum(body) ? parsed(body) : null;
    if (read === null) damaged.push(rel);
    else lines.set(key, read);
  }
  return { lines, damaged };
}

function parsed(body: string): GlossaryLine[] | null {
  try {
    const pairs = JSON.parse(body) as unknown;
    if (!Array.isArray(pairs)) return null;
    const out: GlossaryLine[] = [];
    for (const p of pairs) {
      if (!Array.isArray(p) || typeof p[0] !== "string" || typeof p[1] !== "string") return null;
      out.push({ term: p[0], definition: p[1] });
    }
    return out;
  } catch {
    return null;
  }
}
