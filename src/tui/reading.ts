// Read state as the reader shows it: one byte of flags per briefing (by index), the marker a list row
// carries, the header's counts, and the next unread row in a list. Pure: useReading.ts fills the flags
// from the store (src/store/state.ts) and the files (src/load/read-status.ts).
import { MONTH_NAMES } from "../briefing/calendar.js";
import type { Segment } from "./segments.js";

export const READ = 1;
export const UPDATED = 2;
export const NEW = 4;

/** How long a briefing stays open before it counts as read: long enough that paging past is not reading. */
export const READ_AFTER_MS = 2000;

export interface ReadingFlags {
  /** Per briefing index; null until the statuses are known. */
  flags: Uint8Array | null;
  /** When the last session before this one ended (ms), or null on a first visit. */
  lastVisit: number | null;
}

export type RowMark = "unread" | "updated" | "read";

/** A briefing's mark; undefined while nothing is known (the first frame, the first check). */
export function rowMark(flags: Uint8Array | null, index: number): RowMark | undefined {
  if (flags === null) return undefined;
  const f = flags[index] ?? 0;
  return f & READ ? "read" : f & UPDATED ? "updated" : "unread";
}

export const isUnread = (flags: Uint8Array | null, index: number): boolean =>
  flags !== null && ((flags[index] ?? 0) & READ) === 0;

/** The two columns before a row's date when the cursor is not on it: unread `●`, updated `↻`. */
export function markSegment(mark: RowMark | undefined): Segment {
  if (mark === "unread") return { text: "● ", token: "unread" };
  if (mark === "updated") return { text: "↻ ", token: "updated" };
  return { text: "  " };
}

export interface ReadingCounts {
  unread: number;
  updated: number;
  fresh: number;
}

export function readingCounts(flags: Uint8Array | null): ReadingCounts {
  const counts = { unread: 0, updated: 0, fresh: 0 };
  if (flags === null) return counts;
  for (const f of flags) {
    if ((f & READ) === 0) {
      if (f & UPDATED) counts.updated++;
      else counts.unread++;
    }
    if (f & NEW) counts.fresh++;
  }
  return counts;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** `Mon 30 Nov`, the day the last visit ended (with the year when it was not this year). */
export function visitDay(ms: number, today: Date): string {
  // Spelt here rather than by date-fns: this module is on the first frame's path, date-fns is not.
  const d = new Date(ms);
  const day = `${WEEKDAYS[d.getDay()]} ${d.getDate()} ${MONTH_NAMES[d.getMonth()]!.slice(0, 3)}`;
  return d.getFullYear() === today.getFullYear() ? day : `${day} ${d.getFullYear()}`;
}

/** The header's read counts: `3 unread · 1 updated · 4 new since Mon 30 Nov`; "" before they are known. */
export function readingText(r: ReadingFlags, today: Date): string {
  if (r.flags === null) return "";
  const c = readingCounts(r.flags);
  const parts = [`${c.unread} unread`];
  if (c.updated > 0) parts.push(`${c.updated} updated`);
  if (r.lastVisit !== null && c.fresh > 0) parts.push(`${c.fresh} new since ${visitDay(r.lastVisit, today)}`);
  return parts.join(" · ");
}

/** Indexes of the briefings with `flag` set (NEW), or without READ (unread and updated). */
export function briefingsWith(flags: Uint8Array, which: "unread" | "new"): number[] {
  const out: number[] = [];
  flags.forEach((f, i) => {
    if (which === "new" ? f & NEW : (f & READ) === 0) out.push(i);
  });
  return out;
}

/**
 * The next row after `from` (or before it, `dir` -1) whose briefing is unread, wrapping round once
 * but never to `from` itself; -1 when there is none. `briefingAt` gives a row's briefing index
 * (undefined for a heading).
 */
export function nextUnreadRow(
  total: number,
  from: number,
  dir: 1 | -1,
  briefingAt: (row: number) => number | undefined,
  flags: Uint8Array | null,
): number {
  if (flags === null || total === 0) return -1;
  const steps = from >= 0 && from < total ? total - 1 : total;
  for (let step = 1; step <= steps; step++) {
    const row = (((from + dir * step) % total) + total) % total;
    const b = briefingAt(row);
    if (b !== undefined && isUnread(flags, b)) return row;
  }
  return -1;
}
