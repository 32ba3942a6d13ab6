// The timeline as a derived table, kept up to date file by file. Each loaded file's entries
// (story/timeline.ts `briefingEntries`) are rows of `events`, written and deleted with the file's row;
// the conflicting pairs are rows of `conflicts`. When files change, the sync hands the days their
// events left or reached to `updateConflicts`, which runs the one conflict search (timeline.ts
// `findConflicts`) again for the source days whose pairs can change (`conflictRanges`: each day and
// the week before it) and for nothing else. A whole build is the same search over every day.
// The reader reads the order as a walk of one index, and an event's text only when it is shown.
import type Database from "better-sqlite3";
import type { BriefingDigest } from "../briefing/digest.js";
import type { Precision } from "../briefing/schema.js";
import {
  briefingEntries,
  CONFLICT_WINDOW_DAYS,
  type ConflictInput,
  conflictDay,
  conflictPartners,
  conflictRanges,
  type DayRange,
  dayNumber,
  eventFlags,
  findConflicts,
  flagFields,
  type TimelineRows,
  timelineSortKey,
} from "../story/timeline.js";
import { codeDate, dateCode } from "../story/view.js";
import type { Db } from "./open.js";

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

function stmt(db: Db, sql: string): Database.Statement {
  let all = statements.get(db);
  if (all === undefined) {
    all = new Map();
    statements.set(db, all);
  }
  let st = all.get(sql);
  if (st === undefined) {
    st = db.prepare(sql);
    all.set(sql, st);
  }
  return st;
}

/** The timeline's order, as the index `events_order` holds it. */
const ORDER = "ORDER BY sort_key, bdate IS NULL, bdate, rel_path, seq";

/** Writes the timeline rows of one file (inside the caller's transaction); returns their conflict days. */
export function insertEvents(db: Db, fileId: number, relPath: string, d: BriefingDigest): number[] {
  const ins = stmt(
    db,
    `INSERT INTO events (file_id, seq, sort_key, bdate, rel_path, date, code, precision, text, line, flags, day)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const days: number[] = [];
  briefingEntries(d).forEach((e, seq) => {
    const day = conflictDay(e);
    if (!Number.isNaN(day)) days.push(day);
    ins.run(
      fileId,
      seq,
      timelineSortKey(e.date),
      d.date,
      relPath,
      e.date,
      dateCode(e.date),
      e.precision,
      e.text,
      e.line,
      eventFlags(e),
      Number.isNaN(day) ? null : day,
    );
  });
  return days;
}

/** The conflict days of the events of the files at `relPaths` (before they are replaced or removed). */
export function eventDays(db: Db, relPaths: readonly string[]): number[] {
  const q = stmt(
    db,
    "SELECT e.day FROM events e JOIN files f ON f.id = e.file_id WHERE f.rel_path = ? AND e.day IS NOT NULL",
  ).pluck();
  const out: number[] = [];
  for (const rel of relPaths) for (const day of q.all(rel) as number[]) out.push(day);
  return out;
}

/** The events a conflict search over `sources` reads: those days and the window after them. */
function windowOf(db: Db, sources: DayRange | null): { ids: number[]; input: ConflictInput } {
  const rows = (
    sources === null
      ? stmt(db, `SELECT id, day, text, file_id FROM events WHERE day IS NOT NULL ${ORDER}`).raw().all()
      : stmt(db, `SELECT id, day, text, file_id FROM events WHERE day BETWEEN ? AND ? ${ORDER}`)
          .raw()
          .all(sources.from, sources.to + CONFLICT_WINDOW_DAYS)
  ) as [number, number, string, number][];
  return {
    ids: rows.map((r) => r[0]),
    input: {
      length: rows.length,
      day: (i) => rows[i]![1],
      text: (i) => rows[i]![2],
      briefing: (i) => rows[i]![3],
    },
  };
}

/**
 * Writes `partners` (who each event names, `conflictPartners`) for the events on `days` (null:
 * every event), from the pairs touching them: those whose earlier event is up to a week before.
 */
function namePartners(db: Db, days: DayRange | null): void {
  const W = CONFLICT_WINDOW_DAYS;
  const events = (
    days === null
      ? stmt(db, `SELECT id, date, file_id FROM events WHERE day IS NOT NULL ${ORDER}`).raw().all()
      : stmt(db, `SELECT id, date, file_id FROM events WHERE day BETWEEN ? AND ? ${ORDER}`)
          .raw()
          .all(days.from - W, days.to + W)
  ) as [number, string, number][];
  const position = new Map<number, number>();
  events.forEach((e, i) => {
    position.set(e[0], i);
  });
  const edges = (
    days === null
      ? stmt(db, "SELECT a, b FROM conflicts").raw().all()
      : stmt(db, "SELECT a, b FROM conflicts WHERE a_day BETWEEN ? AND ?")
          .raw()
          .all(days.from - W, days.to)
  ) as [number, number][];
  const pairs: [number, number][] = [];
  for (const [a, b] of edges) {
    const pa = position.get(a);
    const pb = position.get(b);
    if (pa !== undefined && pb !== undefined) pairs.push([pa, pb]);
  }
  const partners = conflictPartners(pairs, (p) => `${events[p]![1]}\u0000${events[p]![2]}`);
  if (days === null) stmt(db, "UPDATE events SET partners = NULL WHERE partners IS NOT NULL").run();
  else
    stmt(db, "UPDATE events SET partners = NULL WHERE day BETWEEN ? AND ? AND partners IS NOT NULL").run(
      days.from,
      days.to,
    );
  const set = stmt(db, "UPDATE events SET partners = ? WHERE id = ?");
  for (const [p, named] of partners) {
    const [id, date] = events[p]!;
    if (days !== null) {
      const day = dayNumber(date);
      if (day < days.from || day > days.to) continue;
    }
    set.run(JSON.stringify(named.map((q) => [events[q]![1], events[q]![2]])), id);
  }
}

/**
 * Brings `conflicts` and each event's `partners` up to date after the events on `days` came or went
 * (null: every pair found again). Runs inside one transaction: a kill leaves the pairs before or
 * after, never half.
 */
export function updateConflicts(db: Db, days: readonly number[] | null): void {
  const ins = stmt(db, "INSERT OR IGNORE INTO conflicts (a, b, a_day) VALUES (?, ?, ?)");
  const search = (sources: DayRange | null) => {
    const { ids, input } = windowOf(db, sources);
    const link = (i: number, j: number) => {
      ins.run(ids[i], ids[j], input.day(i));
    };
    for (const _ of findConflicts(input, link, sources ?? undefined));
  };
  db.transaction(() => {
    if (days === null) {
      stmt(db, "DELETE FROM conflicts").run();
      search(null);
      namePartners(db, null);
      return;
    }
    const del = stmt(db, "DELETE FROM conflicts WHERE a_day BETWEEN ? AND ?");
    const ranges = conflictRanges(days);
    for (const range of ranges) {
      del.run(range.from, range.to);
      search(range);
    }
    // Pairs changed only where a source day was searched: their events, and partners up to a week on.
    for (const range of ranges) namePartners(db, { from: range.from, to: range.to + CONFLICT_WINDOW_DAYS });
  }).immediate();
}

/** Event rows fetched at once when one is first shown. */
const BLOCK = 256;

/**
 * The stored timeline in its order: the order and each event's date code and file read at once (a
 * walk of one index), the conflicting pairs, and an event's text and flags fetched when it is first
 * asked for, a block of neighbours at a time. Throws for a row of the wrong type (a damaged store).
 */
export function readTimeline(db: Db): TimelineRows {
  // One string of numbers read in one pass, not a row object per event: at 10k briefings the rows
  // were 123k arrays to make and collect on every start.
  const n = stmt(db, "SELECT count(*) FROM events").pluck().get() as number;
  // A co-routine over the covering index, in its order (an ORDER BY inside group_concat sorted
  // again: twice the time).
  const text = stmt(
    db,
    `SELECT group_concat(x, ',') FROM (SELECT id || ',' || code || ',' || file_id AS x FROM events ${ORDER})`,
  )
    .pluck()
    .get() as string | null;
  const ids = new Float64Array(n);
  const code = new Int32Array(n);
  const file = new Int32Array(n);
  let k = 0;
  let value = 0;
  const put = () => {
    const i = Math.floor(k / 3);
    if (i >= n) throw new TypeError("damaged timeline rows");
    const column = k % 3;
    if (column === 0) ids[i] = value;
    else if (column === 1) code[i] = value;
    else file[i] = value;
    k++;
    value = 0;
  };
  for (let c = 0; c < (text?.length ?? 0); c++) {
    const ch = text!.charCodeAt(c);
    if (ch === 44) put();
    else if (ch >= 48 && ch <= 57) value = value * 10 + (ch - 48);
    else throw new TypeError("damaged timeline rows");
  }
  if (text) put();
  if (k !== n * 3) throw new TypeError("damaged timeline rows");
  const fetched = new Map<number, TimelineRowFields[]>();
  const fetch = (block: number) => {
    const from = block * BLOCK;
    const want = Array.from(ids.subarray(from, Math.min(n, from + BLOCK)));
    let rows: EventRow[] = [];
    try {
      rows = db
        .prepare(
          `SELECT id, date, precision, text, line, flags, partners FROM events WHERE id IN (${want.map(() => "?").join(",")})`,
        )
        .raw()
        .all(...want) as typeof rows;
    } catch {
      // The store was closed or replaced under a story still on screen: its next story is coming.
    }
    const byId = new Map(rows.map((r) => [r[0], r] as const));
    const out = want.map((id, k) => rowFields(byId.get(id), code[from + k]!));
    fetched.set(block, out);
    return out;
  };
  return {
    length: n,
    code,
    file,
    fields(i) {
      if (!(i >= 0 && i < n)) return undefined;
      const block = Math.floor(i / BLOCK);
      return (fetched.get(block) ?? fetch(block))[i - block * BLOCK];
    },
  };
}

function partnersOf(json: string | null): { date: string; file: number }[] {
  if (json === null) return [];
  try {
    const list = JSON.parse(json) as unknown;
    if (!Array.isArray(list)) return [];
    return list.flatMap((p) =>
      Array.isArray(p) && typeof p[0] === "string" && typeof p[1] === "number"
        ? [{ date: p[0], file: p[1] }]
        : [],
    );
  } catch {
    return [];
  }
}

type TimelineRowFields = NonNullable<ReturnType<TimelineRows["fields"]>>;

/** An event's row as fetched for the screen: id, date, precision, text, line, flags, partners. */
type EventRow = [number, string, Precision, string, number, number, string | null];

/** An event's fields from its row; a row gone or damaged is a blank event on its date. */
function rowFields(r: EventRow | undefined, code: number): TimelineRowFields {
  if (r === undefined || typeof r[3] !== "string" || typeof r[1] !== "string")
    return { date: codeDate(code), precision: "day", text: "", line: 1, ...flagFields(0), conflictWith: [] };
  return {
    date: r[1],
    precision: r[2],
    text: r[3],
    line: r[4],
    ...flagFields(r[5]),
    conflictWith: partnersOf(r[6]),
  };
}

/**
 * The timeline's first `limit` events in its order (a walk of the index `events_order` that stops
 * there) and how many events it has: what the first frame shows, at the same cost at any size.
 */
export function readTimelineHead(db: Db, limit: number): { count: number; head: TimelineRows } {
  const count = stmt(db, "SELECT count(*) FROM events").pluck().get() as number;
  const rows = stmt(
    db,
    `SELECT id, date, precision, text, line, flags, partners, code, file_id FROM events ${ORDER} LIMIT ?`,
  )
    .raw()
    .all(limit) as [...EventRow, number, number][];
  const code = Int32Array.from(rows, (r) => r[7]);
  const file = Int32Array.from(rows, (r) => r[8]);
  const fields = rows.map((r, i) => rowFields(r.slice(0, 7) as EventRow, code[i]!));
  return { count, head: { length: rows.length, code, file, fields: (i) => fields[i] } };
}
