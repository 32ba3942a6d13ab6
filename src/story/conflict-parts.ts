// The timeline's conflict search split into ranges of events that threads search side by side: a
// range needs its own events and a week of days past its end, and the pairs each range finds, put
// back in range order, are the pairs a search of the whole timeline finds, in the order it finds
// them (findConflicts visits events in order and only looks forward).
import { findConflicts, rangeEnd } from "./timeline.js";

/** The timeline in date order as columns (builder.ts), the sentences in a spill file. */
export interface ConflictColumns {
  date: Int32Array;
  /** 0 for a day; a month or a year is never in a conflict. */
  precision: Uint8Array;
  briefing: Int32Array;
  textAt: Float64Array;
  textBytes: Int32Array;
}

/** Events [from, to) to search, with the columns from `base` (= from) to a week past `to`. */
export interface ConflictPart {
  base: number;
  from: number;
  to: number;
  columns: ConflictColumns;
}

/** Days since 1970-01-01 of a date code (see view.ts `dateCode`) of a day. */
export function dayOfCode(code: number): number {
  const y = Math.floor(code / 10000);
  const m = Math.floor(code / 100) % 100;
  return Math.round(Date.UTC(y, m - 1, code % 100) / 86_400_000);
}

function dayAt(c: ConflictColumns, base: number) {
  return (i: number) => (c.precision[i - base] === 0 ? dayOfCode(c.date[i - base]!) : Number.NaN);
}

/** `count` parts of about equal size (fewer when there are fewer events). */
export function conflictParts(c: ConflictColumns, count: number): ConflictPart[] {
  const n = c.date.length;
  const parts: ConflictPart[] = [];
  const size = Math.ceil(n / Math.max(1, count));
  const day = dayAt(c, 0);
  for (let from = 0; from < n; from += size) {
    const to = Math.min(n, from + size);
    const end = rangeEnd(day, n, to);
    const slice = <T extends Int32Array | Uint8Array | Float64Array>(a: T) => a.slice(from, end) as T;
    parts.push({
      base: from,
      from,
      to,
      columns: {
        date: slice(c.date),
        precision: slice(c.precision),
        briefing: slice(c.briefing),
        textAt: slice(c.textAt),
        textBytes: slice(c.textBytes),
      },
    });
  }
  return parts;
}

/** The pairs (i, j) of one part, flat, in the order found. */
export function conflictPairs(part: ConflictPart, text: (at: number, length: number) => string): Int32Array {
  const { base, columns: c } = part;
  const pairs: number[] = [];
  const input = {
    length: base + c.date.length,
    day: dayAt(c, base),
    text: (i: number) => text(c.textAt[i - base]!, c.textBytes[i - base]!),
    briefing: (i: number) => c.briefing[i - base]!,
  };
  for (const _ of findConflicts(input, (i, j) => pairs.push(i, j), { from: part.from, to: part.to }));
  return Int32Array.from(pairs);
}
