// The reader's first frame, painted before Ink and React are even loaded (they cost about two
// thirds of a start-up). Only for the common case: a story in the store (source.ts), no filters, a
// terminal big enough; it is the timeline the App draws first, built from the same line functions
// (lines/*.ts) and the same windowing, so Ink's first frame replaces it with identical text. Keys
// typed meanwhile wait in the terminal (raw mode is set here, so they are not echoed) and reach the
// App once it is up.

import type { Store } from "../store/store.js";
import { type Filter, isEmptyFilter } from "../story/filter.js";
import type { StoryView } from "../story/view.js";
import { sanitize } from "../text/sanitize.js";
import { SYNC_BEGIN, SYNC_END } from "./frameWrite.js";
import { storyHead } from "./head.js";
import { DEFAULT_KEYMAP, type Keymap } from "./keymap.js";
import { bodyHeight, MIN_COLUMNS, MIN_ROWS } from "./layout.js";
import { footerLine } from "./lines/footer.js";
import { failedText, headerLines } from "./lines/header.js";
import { detailHeight, detailLines, timelineRow } from "./lines/timeline.js";
import { narrow } from "./model.js";
import { fitSegments, type Segment } from "./segments.js";
import { CHECKING_NOTE, type StorePlace, storePlace } from "./store-place.js";
import { pickTheme, type Style, type Theme, type Token } from "./theme.js";
import { clamp, settle, visibleSlice } from "./windowing.js";

export const ENTER_SCREEN = "\x1b[?1049h\x1b[?25l";
export const LEAVE_SCREEN = "\x1b[?25h\x1b[?1049l";

export interface ScreenLine {
  segments: Segment[];
  /** Paints the whole line (the selected row). */
  fill?: Token;
}

/**
 * The lines of the App's first frame for `story` unfiltered at this size, or null when the App would
 * show something else first (a message, "too small").
 */
export function firstFrameLines(
  story: StoryView,
  columns: number,
  rows: number,
  note?: string,
  keymap: Keymap = DEFAULT_KEYMAP,
): ScreenLine[] | null {
  if (columns < MIN_COLUMNS || rows < MIN_ROWS || story.briefings.length === 0) return null;
  const n = narrow(story, { actors: [], tags: [] }, null, true);
  const t = n.timeline;
  if (n.briefings.length === 0 || t.count === 0) return null;
  const body = bodyHeight(rows);
  const detail = detailHeight(body);
  const listHeight = body - detail;
  const cursor = settle(0, t.total, t.selectable);
  const lines: ScreenLine[] = headerLines({
    width: columns,
    view: "timeline",
    filters: "",
    matching: n.briefings.length,
    total: story.briefings.length,
    failed: failedText(story.problems),
    ...(note ? { note } : {}),
    keymap,
  }).map((segments) => ({ segments }));
  const slice = visibleSlice(t.total, cursor, listHeight, 0);
  for (let row = slice.start; row < slice.end; row++)
    lines.push(timelineRow(t, row, row === cursor, columns, ""));
  for (let i = slice.end - slice.start; i < listHeight; i++) lines.push({ segments: [] });
  if (detail > 0) {
    const shown = detailLines(t.entryAt(cursor), t, columns, detail).slice(0, detail);
    while (shown.length < detail) shown.push([]);
    for (const segments of shown) lines.push({ segments });
  }
  const entry = t.positionAt(clamp(0, 0, t.total - 1)) ?? 0;
  lines.push({ segments: footerLine(columns, "list", `${Math.max(0, entry) + 1}/${t.count}`, keymap) });
  return lines;
}

const COLORS: Record<string, number> = {
  black: 30,
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
  white: 37,
  gray: 90,
  grey: 90,
};

function sgr(style: Style): string {
  const codes: number[] = [];
  if (style.bold) codes.push(1);
  if (style.dimColor) codes.push(2);
  if (style.italic) codes.push(3);
  if (style.underline) codes.push(4);
  if (style.inverse) codes.push(7);
  const color = style.color ? COLORS[style.color] : undefined;
  if (color !== undefined) codes.push(color);
  return codes.length > 0 ? `\x1b[${codes.join(";")}m` : "";
}

/** One line as the terminal gets it: cut to the width, styled when `styled`, rest of the row cleared. */
export function paintLine(line: ScreenLine, width: number, theme: Theme, styled: boolean): string {
  const base = line.fill ? theme[line.fill] : {};
  let out = "";
  for (const s of fitSegments(line.segments, width, line.fill !== undefined)) {
    // Text from files was sanitised by the line functions; this is the last guard before the terminal.
    const text = sanitize(s.text).replace(/\n/g, " ");
    const on = styled ? sgr({ ...base, ...(s.token ? theme[s.token] : {}) }) : "";
    out += on ? `${on}${text}\x1b[0m` : text;
  }
  return `${out}\x1b[K`;
}

export function paintFrame(
  lines: readonly ScreenLine[],
  width: number,
  theme: Theme,
  styled: boolean,
): string {
  return lines.map((l, i) => `\x1b[${i + 1};1H${paintLine(l, width, theme, styled)}`).join("");
}

export interface EarlyStart {
  place: StorePlace;
  /** True when the frame is on screen: the alternate screen is up and the terminal is in raw mode. */
  painted: boolean;
}

/**
 * The App's first frame for `story` (unfiltered) as bytes that paint the whole screen, or null when
 * the App would show something else first at this size.
 */
export function storyFrame(
  story: StoryView,
  color: boolean,
  note?: string,
  keymap: Keymap = DEFAULT_KEYMAP,
): string | null {
  const { stdout, env } = process;
  const { columns, rows } = stdout;
  const lines = columns && rows ? firstFrameLines(story, columns, rows, note, keymap) : null;
  if (lines === null) return null;
  const styled = color && env.FORCE_COLOR !== "0";
  // One synchronized update, as Ink's frames are: a terminal that knows DEC mode 2026 shows the
  // repaint of a frame already up (the head read again after the check) whole, never half-written.
  return `${SYNC_BEGIN}${paintFrame(lines, columns, pickTheme(color, env), styled)}\x1b[H${SYNC_END}`;
}

/**
 * The first frame of the story's head as the store holds it now (head.ts), or null when the store
 * has no story the head can show exactly, or the App would show something else first.
 */
export function headFrame(
  dir: string,
  store: Store,
  color: boolean,
  opts: { note?: string; keymap?: Keymap; usesPending?: boolean } = {},
): string | null {
  const rows = process.stdout.rows;
  if (!rows) return null;
  const head = storyHead(dir, store, rows, opts.usesPending);
  return head === null ? null : storyFrame(head, color, opts.note, opts.keymap);
}

/**
 * Opens the folder's store and, when it holds a story and nothing filters it, paints the first frame
 * from the story's head (head.ts: the rows on screen and the counts, whatever the folder's size);
 * never throws. The whole story is read afterwards (run.ts), while the frame is up.
 */
export function earlyStart(opts: {
  dir: string;
  filter: Filter;
  color: boolean;
  keymap?: Keymap;
}): EarlyStart {
  const { stdin, stdout } = process;
  const place = storePlace(opts.dir);
  try {
    if (place.store === null || !isEmptyFilter(opts.filter)) return { place, painted: false };
    const frame = headFrame(opts.dir, place.store, opts.color, {
      note: CHECKING_NOTE,
      ...(opts.keymap ? { keymap: opts.keymap } : {}),
    });
    if (frame === null) return { place, painted: false };
    if (stdin.isTTY) stdin.setRawMode(true);
    stdout.write(`${ENTER_SCREEN}${frame}`);
    return { place, painted: true };
  } catch {
    return { place, painted: false };
  }
}
