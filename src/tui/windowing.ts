// Pure windowing maths for lists that may be 100k rows long: only the rows that fit are ever mounted.

export interface Slice {
  /** First visible row (inclusive). */
  start: number;
  /** One past the last visible row. */
  end: number;
  /** The scroll offset to keep for the next frame. */
  scrollTop: number;
}

export type Motion = "up" | "down" | "top" | "bottom" | "pageUp" | "pageDown" | "halfUp" | "halfDown";

/** Rows a half-page motion moves: half the window, at least one. */
export function halfPage(page: number): number {
  return Math.max(1, Math.floor(page / 2));
}

export function clamp(n: number, lo: number, hi: number): number {
  if (hi < lo) return lo;
  return Math.min(hi, Math.max(lo, n));
}

/** The largest scroll offset that still fills the window (no blank tail after a resize). */
export function maxScrollTop(total: number, height: number): number {
  return Math.max(0, total - Math.max(0, height));
}

/**
 * Which rows to show: the previous scroll offset is kept while the cursor stays in view, and moved
 * just enough to bring it back otherwise, so the list does not jump on every keypress.
 */
export function visibleSlice(total: number, cursor: number, height: number, scrollTop: number): Slice {
  if (total <= 0 || height <= 0) return { start: 0, end: 0, scrollTop: 0 };
  const c = clamp(cursor, 0, total - 1);
  let top = clamp(scrollTop, 0, maxScrollTop(total, height));
  if (c < top) top = c;
  else if (c >= top + height) top = c - height + 1;
  return { start: top, end: Math.min(total, top + height), scrollTop: top };
}

export interface Position {
  cursor: number;
  scrollTop: number;
}

/**
 * Moves a cursor through `total` rows shown `page` at a time. Rows for which `selectable` says no
 * (month headings) are stepped over in the direction of travel, or against it at the ends.
 */
export function moveCursor(
  pos: Position,
  motion: Motion,
  total: number,
  page: number,
  selectable?: (row: number) => boolean,
): Position {
  if (total <= 0) return { cursor: 0, scrollTop: 0 };
  const step = Math.max(1, page);
  // A cursor that was never placed (0 on a heading) counts as being on the row it is shown on.
  const from = settle(pos.cursor, total, selectable);
  let target: number;
  let top = pos.scrollTop;
  let dir: 1 | -1;
  switch (motion) {
    case "up":
      target = from - 1;
      dir = -1;
      break;
    case "down":
      target = from + 1;
      dir = 1;
      break;
    case "top":
      target = 0;
      dir = 1;
      break;
    case "bottom":
      target = total - 1;
      dir = -1;
      break;
    case "pageUp":
      target = from - step;
      top -= step;
      dir = -1;
      break;
    case "pageDown":
      target = from + step;
      top += step;
      dir = 1;
      break;
    case "halfUp":
      target = from - halfPage(page);
      top -= halfPage(page);
      dir = -1;
      break;
    case "halfDown":
      target = from + halfPage(page);
      top += halfPage(page);
      dir = 1;
      break;
    default: {
      const never: never = motion;
      return never;
    }
  }
  target = clamp(target, 0, total - 1);
  if (selectable) target = nearestSelectable(target, dir, total, selectable, from);
  const slice = visibleSlice(total, target, page, top);
  return { cursor: target, scrollTop: slice.scrollTop };
}

/** The row the cursor is shown on: itself, or the nearest selectable row below (then above) it. */
export function settle(cursor: number, total: number, selectable?: (row: number) => boolean): number {
  if (total <= 0) return 0;
  const c = clamp(cursor, 0, total - 1);
  return selectable ? nearestSelectable(c, 1, total, selectable, c) : c;
}

function nearestSelectable(
  from: number,
  dir: 1 | -1,
  total: number,
  selectable: (row: number) => boolean,
  fallback: number,
): number {
  for (let i = from; i >= 0 && i < total; i += dir) if (selectable(i)) return i;
  for (let i = from - dir; i >= 0 && i < total; i -= dir) if (selectable(i)) return i;
  return clamp(fallback, 0, total - 1);
}

/** Places the cursor on a row (a search hit), scrolling only as far as needed to show it. */
export function jumpTo(pos: Position, row: number, total: number, page: number): Position {
  if (total <= 0) return { cursor: 0, scrollTop: 0 };
  const cursor = clamp(row, 0, total - 1);
  return { cursor, scrollTop: visibleSlice(total, cursor, page, pos.scrollTop).scrollTop };
}

/** Scrolls a cursor-less text (the reader, the help overlay) by a motion. */
export function scrollText(scroll: number, motion: Motion, total: number, height: number): number {
  const page = Math.max(1, height);
  const max = maxScrollTop(total, height);
  switch (motion) {
    case "up":
      return clamp(scroll - 1, 0, max);
    case "down":
      return clamp(scroll + 1, 0, max);
    case "top":
      return 0;
    case "bottom":
      return max;
    case "pageUp":
      return clamp(scroll - page, 0, max);
    case "pageDown":
      return clamp(scroll + page, 0, max);
    case "halfUp":
      return clamp(scroll - halfPage(page), 0, max);
    case "halfDown":
      return clamp(scroll + halfPage(page), 0, max);
    default: {
      const never: never = motion;
      return never;
    }
  }
}

/** A line of a text laid out for the screen, as far as finding it again in a new layout goes. */
export interface TextLine {
  text: string;
  kind: string;
}

/**
 * Where line `at` of a text is in the same text laid out again after an edit: the nearest line of the
 * same kind and words (an edit above the place moves it with the lines), else the same number.
 */
export function lineAcross(before: readonly TextLine[], after: readonly TextLine[], at: number): number {
  const line = before[at];
  if (line === undefined) return at;
  const same = (i: number) => after[i]?.text === line.text && after[i]?.kind === line.kind;
  for (let d = 0; d < after.length; d++) {
    if (same(at - d)) return at - d;
    if (same(at + d)) return at + d;
  }
  return at;
}
