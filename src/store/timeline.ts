// The timeline as a derived table, kept up to date file by file. Each loaded file's entries
// (story/timeline.ts `briefingEntries`) are rows of `events`, written and deleted with the file's row,
// each with the partners its conflicts name. When files change, the sync hands the days their events
// left or reached to `updateConflicts`, which runs the one conflict search (timeline.ts
// `findConflicts`) again around those days and names the partners of the events there, and of no
// others. A whole build is the same search over every day, a few months at a time.
// The reader reads the order as a walk of one index, and an event's text only when it is shown.
import type Database from "better-sqlite3";
import type { BriefingDigest } from "../briefing/digest.js";
import type { Precision } from "../briefing/schema.js";
import { codeDate, dateCode } from "../story/date-code.js";
import {
  briefingEntries,
  CONFLICT_WINDOW_DAYS,
  type ConflictInput,
  ConflictPartners,
  conflictDay,
  conflictRanges,
  type DayRange,
  eventFlags,
  findConflicts,
  flagFields,
  type TimelineOrder,
  type TimelineRows,
  timelineSortKey,
} from "../story/timeline.js";
import type { Db } from "./open.js";
import type { Store } from "./store.js";

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

/**
 * A file's events the conflict search reads (those with a conflict day), in the order the timeline
 * holds them (their sort key, then their place in the file), with their place in the file (`seq`).
 */
function searchedEvents(d: BriefingDigest): { seq: number; date: string; text: string }[] {
  const out: { seq: number; key: string; date: string; text: string }[] = [];
  briefingEntries(d).forEach((e, seq) => {
    if (!Number.isNaN(conflictDay(e)))
      out.push({ seq, key: timelineSortKey(e.date), date: e.date, text: e.text });
  });
  return out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.seq - b.seq));
}

/**
 * All that the conflict search reads of one file, as one string: the dates and texts of its searched
 * events in their order, and the briefing's date, which places them among other files' events of the
 * same date (`ORDER`). Equal before and after a rewrite that keeps the file's id, every pair the search
 * finds, and every partner it names, is the same (the search and the names depend on the events' order,
 * days, texts and files alone).
 */
function searchInputs(bdate: string | null, events: readonly { date: string; text: string }[]): string {
  return JSON.stringify([bdate, events.map((e) => [e.date, e.text])]);
}

/** The stored row of the file at `relPath` when rewriting it with `d` leaves the conflict search's input as it was. */
export interface KeptConflicts {
  fileId: number;
  /** The partners of its searched events, in their order (`searchedEvents`). */
  partners: (string | null)[];
}

/**
 * When the file at `relPath` is stored with the same conflict-search input as digest `d` gives (an edit
 * of its prose, its title, its undated lines), its row id and its events' partners: written again under
 * that id with those partners (`restorePartners`), no day's conflicts need searching again. Else null.
 */
export function keptConflicts(db: Db, relPath: string, d: BriefingDigest | null): KeptConflicts | null {
  if (d === null) return null;
  const file = stmt(db, "SELECT id, date FROM files WHERE rel_path = ? AND bid IS NOT NULL")
    .raw()
    .get(relPath) as [number, string | null] | undefined;
  if (file === undefined) return null;
  const rows = stmt(
    db,
    "SELECT date, text, partners FROM events WHERE file_id = ? AND day IS NOT NULL ORDER BY sort_key, seq",
  )
    .raw()
    .all(file[0]) as [string, string, string | null][];
  const stored = searchInputs(
    file[1],
    rows.map(([date, text]) => ({ date, text })),
  );
  if (stored !== searchInputs(d.date, searchedEvents(d))) return null;
  return { fileId: file[0], partners: rows.map((r) => r[2]) };
}

/** Puts back on the file's new event rows the partners `keptConflicts` read from its old ones. */
export function restorePartners(db: Db, kept: KeptConflicts, d: BriefingDigest): void {
  const set = stmt(db, "UPDATE events SET partners = ? WHERE file_id = ? AND seq = ?");
  searchedEvents(d).forEach((e, k) => {
    const partners = kept.partners[k];
    if (partners != null) set.run(partners, kept.fileId, e.seq);
  });
}

/** The conflict days of a file's timeline rows, as `insertEvents` writes them. */
export function digestDays(d: BriefingDigest): number[] {
  const days: number[] = [];
  for (const e of briefingEntries(d)) {
    const day = conflictDay(e);
    if (!Number.isNaN(day)) days.push(day);
  }
  return days;
}

/**
 * The days whose partners a write left out of date: none when the timeline is up to date, null when
 * they are not known (every day is searched again: a first load, or a store of an older program).
 */
export function staleDays(store: Store): number[] | null {
  const state = store.meta("timeline");
  if (state === "fresh") return [];
  if (state !== "partial") return null;
  try {
    const days = JSON.parse(store.meta("timeline_days") ?? "") as unknown;
    return Array.isArray(days) && days.every((d) => Number.isInteger(d)) ? (days as number[]) : null;
  } catch {
    return null;
  }
}

/**
 * Records, before rows change, the days whose partners the change makes out of date (null: not
 * known), added to those already recorded: a run killed before `updateConflicts` costs the next
 * start the search of those days, not of every day.
 */
export function markStale(store: Store, days: Iterable<number> | null): void {
  const before = staleDays(store);
  if (before === null || days === null) {
    store.setMeta({ timeline: "stale" });
    return;
  }
  const all = new Set(before);
  for (const d of days) all.add(d);
  store.setMeta({ timeline: "partial", timeline_days: JSON.stringify([...all].sort((a, b) => a - b)) });
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

/**
 * Days of events read at once by the conflict search. It holds the events it still needs (those up to
 * two weeks behind the day it searches from, and a week ahead): about a month's at any range. Passes
 * of 32 days instead, each read and searched from a week before its first day, held 190 MB at the
 * 100k bench folder's density (the step alone, bench/conflict-step.mjs) and did a third of the work
 * twice.
 */
const READ_DAYS = 8;

/**
 * Source days searched per pass of a long range: the search's own columns are sized by the events a
 * pass reads (four numbers and a slot an event), so a whole range of 100k briefings' (1.2M events) is
 * not one search; each pass searches from a week before its first day again.
 */
const PASS_DAYS = 256;

/** An event as the search reads it: id, day, text, file, date, then its key's number and partner JSON. */
type SearchRow = [number, number, string, number, string, number, string | undefined];

/**
 * Finds the conflicts of the events on days `from`..`to` and writes who each names (`partners`,
 * `ConflictPartners`). The pairs reaching them are those whose earlier event is up to a week before
 * `from`, so the search runs over the source days from there through `to`, reading events up to a
 * week after `to`. The pairs themselves are not kept: a day's are found again by the same search
 * (an event's candidates depend on its own day and the week after, never on the range asked).
 * An event's partners are final once the search has read the events a week past its day (every pair
 * reaching it is then found): they are written then, and the events no list can still name let go.
 * Yields between steps of the search.
 */
function* namePartners(db: Db, from: number, to: number): Generator<void> {
  const W = CONFLICT_WINDOW_DAYS;
  const first = from - W;
  const last = to + W;
  const length = stmt(db, "SELECT count(*) FROM events WHERE day BETWEEN ? AND ?")
    .pluck()
    .get(first, last) as number;
  stmt(db, "UPDATE events SET partners = NULL WHERE day BETWEEN ? AND ? AND partners IS NOT NULL").run(
    from,
    to,
  );
  if (length === 0) return;
  const read = stmt(
    db,
    `SELECT id, day, text, file_id, date FROM events WHERE day BETWEEN ? AND ? ${ORDER}`,
  ).raw();
  const set = stmt(db, "UPDATE events SET partners = ? WHERE id = ?");
  // Rows by position, from `base`; the days read so far end before `unread`.
  let rows: SearchRow[] = [];
  let base = 0;
  // Rows before `lo` are let go (undefined), until the array is cut.
  let lo = 0;
  let unread = first;
  // A number per briefing and date, the key one partner is named by (compared for every pair); a
  // key's events are all on one day, so it is forgotten with that day's rows.
  const ids = new Map<string, number>();
  let nextId = 0;
  const row = (i: number): SearchRow => {
    while (i >= base + rows.length && unread <= last) {
      const more = read.all(unread, Math.min(last, unread + READ_DAYS - 1)) as SearchRow[];
      unread += READ_DAYS;
      for (const r of more) {
        const k = `${r[4]}\u0000${r[3]}`;
        let id = ids.get(k);
        if (id === undefined) {
          id = nextId++;
          ids.set(k, id);
        }
        r[5] = id;
        rows.push(r);
      }
    }
    const r = rows[i - base];
    if (r === undefined) throw new Error(`conflict search: event ${i} is not held`);
    return r;
  };
  let built = -1;
  const input: ConflictInput = {
    length,
    day: (i) => row(i)[1],
    text: (i) => {
      built = i;
      return row(i)[2];
    },
    briefing: (i) => row(i)[3],
  };
  const named = new ConflictPartners((p) => row(p)[5]);
  // Each partner's [date, file], made once: an event is named by up to eight others.
  const one = (q: number) => {
    const r = row(q);
    r[6] ??= JSON.stringify([r[4], r[3]]);
    return r[6];
  };
  let written = 0;
  /** Writes the partners of the events before `end` (by position) and lets go of what is past use. */
  const settle = (end: number) => {
    for (; written < end; written++) {
      const list = named.take(written);
      const [id, day] = row(written);
      if (list === undefined || day < from || day > to) continue;
      set.run(`[${list.map(one).join(",")}]`, id);
    }
    // The events still unsettled name only events a week before their own day, or later.
    const keep = written < base + rows.length ? row(written)[1] - W : Number.POSITIVE_INFINITY;
    while (lo < rows.length && base + lo < written && rows[lo]![1] < keep) {
      const r = rows[lo]!;
      ids.delete(`${r[4]}\u0000${r[3]}`);
      rows[lo++] = undefined as unknown as SearchRow;
    }
    if (lo > 1024 && lo > rows.length / 2) {
      rows = rows.slice(lo);
      base += lo;
      lo = 0;
    }
  };
  for (const _ of findConflicts(
    input,
    (i, j) => named.link(i, j),
    { from: first, to },
    (i, j) => named.moot(i, j),
  )) {
    // The events read so far reach a week past the day searched from: those more than a week
    // before the last read are past every pair.
    if (built >= 0) {
      const through = row(built)[1] - W;
      let end = written;
      while (end < base + rows.length && row(end)[1] < through) end++;
      settle(end);
    }
    yield;
  }
  settle(length);
}

/**
 * Brings each event's `partners` up to date after the events on `days` came or went (null: every
 * event's). Runs inside one transaction: a kill leaves the partners before or after, never half.
 */
export function updateConflicts(db: Db, days: readonly number[] | null): void {
  db.transaction(() => {
    for (const _ of conflictSteps(db, days));
  }).immediate();
}

/**
 * `updateConflicts` with `pause` called between its passes (awaited when it returns a promise), so
 * the thread answers keys meanwhile: a whole search at 10k briefings is seconds. The one transaction
 * is held across the pauses, so a kill still leaves the partners before or after.
 */
export async function updateConflictsSliced(
  db: Db,
  days: readonly number[] | null,
  pause: () => Promise<void> | undefined,
): Promise<void> {
  db.exec("BEGIN IMMEDIATE");
  try {
    for (const _ of conflictSteps(db, days)) {
      const wait = pause();
      if (wait) await wait;
    }
    db.exec("COMMIT");
  } catch (err) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw err;
  }
}

/** The work of `updateConflicts`, yielding after each pass; the caller holds the transaction. */
function* conflictSteps(db: Db, days: readonly number[] | null): Generator<void> {
  const W = CONFLICT_WINDOW_DAYS;
  // Partners change for the events a week either side of a changed day (conflictRanges: the source
  // days whose pairs can change are each day and the week before; their pairs reach a week on).
  const ranges: DayRange[] = [];
  if (days === null) {
    const [lo, hi] = stmt(db, "SELECT min(day), max(day) FROM events WHERE day IS NOT NULL").raw().get() as [
      number | null,
      number | null,
    ];
    if (lo !== null && hi !== null) ranges.push({ from: lo, to: hi });
  } else
    for (const r of conflictRanges(days)) {
      const last = ranges.at(-1);
      if (last && r.from <= last.to + 1) last.to = r.to + W;
      else ranges.push({ from: r.from, to: r.to + W });
    }
  // Only day events have partners, and each pass clears its days' first (namePartners): a whole
  // search, from the first day to the last, clears every one without reading the whole table.
  for (const { from, to } of ranges)
    for (let at = from; at <= to; at += PASS_DAYS)
      yield* namePartners(db, at, Math.min(to, at + PASS_DAYS - 1));
}

/** Event rows fetched at once when one is first shown. */
const BLOCK = 256;

/** A stored timeline: its rows, and the order they were read in (a patch starts from it: load/patch.ts). */
export interface StoredTimeline extends TimelineRows {
  order: TimelineOrder;
}

/**
 * The stored timeline in its order: the order and each event's date code and file read at once (a
 * walk of one index), the conflicting pairs, and an event's text and flags fetched when it is first
 * asked for, a block of neighbours at a time. Throws for a row of the wrong type (a damaged store).
 */
export function readTimeline(db: Db): StoredTimeline {
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
  return timelineRows(db, { id: ids, code, file });
}

/** The events of the files of these ids, each file's in timeline order (a patch's `added`). */
export function fileEvents(db: Db, fileIds: readonly number[]): TimelineOrder {
  const q = stmt(db, `SELECT id, code, file_id FROM events WHERE file_id = ? ${ORDER}`).raw();
  const rows: [number, number, number][] = [];
  for (const f of fileIds) for (const r of q.all(f) as [number, number, number][]) rows.push(r);
  return {
    id: Float64Array.from(rows, (r) => r[0]),
    code: Int32Array.from(rows, (r) => r[1]),
    file: Int32Array.from(rows, (r) => r[2]),
  };
}

/** The timeline of events in `order`, each event's fields fetched from `db` when first asked for. */
export function timelineRows(db: Db, order: TimelineOrder): StoredTimeline {
  const { id: ids, code, file } = order;
  const n = ids.length;
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
    order,
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
 * there): what the first frame shows, at the same cost at any size. (How many events there are is
 * the store's kept count: counting the rows reads the whole index, tens of ms at 100k events.)
 */
export function readTimelineHead(db: Db, limit: number): { head: TimelineRows } {
  const rows = stmt(
    db,
    `SELECT id, date, precision, text, line, flags, partners, code, file_id FROM events ${ORDER} LIMIT ?`,
  )
    .raw()
    .all(limit) as [...EventRow, number, number][];
  const code = Int32Array.from(rows, (r) => r[7]);
  const file = Int32Array.from(rows, (r) => r[8]);
  const fields = rows.map((r, i) => rowFields(r.slice(0, 7) as EventRow, code[i]!));
  return { head: { length: rows.length, code, file, fields: (i) => fields[i] } };
}
