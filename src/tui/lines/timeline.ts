// The timeline's lines: event rows under month headings, and the detail of the selected event.
// Pure, so the first frame painted before Ink loads draws the same lines as the view.
import { sanitizeLine } from "../../text/sanitize.js";
import { displayWidth, truncate, wrap } from "../../text/width.js";
import { highlight } from "../components/highlight.js";
import { command } from "../keymap.js";
import type { TimelineEntry, TimelineRows } from "../model.js";
import { markSegment, type RowMark, rowMark } from "../reading.js";
import { type Segment, textWidth } from "../segments.js";
import type { Token } from "../theme.js";

const DATE_WIDTH = 10;

/**
 * Lines under the list describing the selected event; fewer on a short terminal. Two fifths of the
 * body, up to 9: the whole sentence (400 characters at most) wrapped on a terminal of 80 columns.
 */
export function detailHeight(height: number): number {
  if (height >= 14) return Math.min(9, Math.max(4, Math.floor((height * 2) / 5)));
  if (height >= 7) return 2;
  return 0;
}

/** The mark in the column before a row's text: the briefing itself, a date to come, a conflict. */
function eventMark(e: TimelineEntry): Segment {
  if (e.conflict) return { text: "! ", token: "warning" };
  if (e.kind === "entry") return { text: "■ ", token: "accent" };
  if (e.expected) return { text: "→ ", token: "date" };
  return { text: "  " };
}

/** An event's row; `mark` (its briefing's read state) puts `●`/`↻` in the first column when not selected. */
export function eventRow(
  e: TimelineEntry,
  selected: boolean,
  width: number,
  query: string,
  mark?: RowMark,
): Segment[] {
  const id = sanitizeLine(e.briefingId);
  const idWidth = Math.min(displayWidth(id), Math.max(0, Math.floor(width / 4)));
  const fixed: Segment[] = [
    selected ? { text: "› ", token: "accent" } : markSegment(mark),
    { text: e.date.padEnd(DATE_WIDTH), token: "date" },
    { text: " " },
    eventMark(e),
  ];
  const used = 2 + DATE_WIDTH + 1 + 2;
  const room = width - used - (idWidth > 0 ? idWidth + 2 : 0);
  const sentence = truncate(sanitizeLine(e.text), Math.max(0, room));
  const pad = " ".repeat(Math.max(0, room - textWidth(sentence)));
  const tail: Segment[] =
    idWidth > 0 ? [{ text: `${pad}  ` }, { text: truncate(id, idWidth), token: "muted" }] : [];
  const text = highlight(sentence, query);
  if (e.kind === "entry") for (const seg of text) seg.token ??= "title";
  return [...fixed, ...text, ...tail];
}

/**
 * The lines under the list about the selected event (a rule, its briefing, conflicts, its whole
 * sentence wrapped), `height` at most: a sentence that still does not fit ends in `…`.
 */
export function detailLines(
  entry: TimelineEntry | undefined,
  model: TimelineRows,
  width: number,
  height = Number.POSITIVE_INFINITY,
  mark?: RowMark,
): Segment[][] {
  const lines: Segment[][] = [[{ text: "─".repeat(width), token: "muted" }]];
  if (entry) {
    const title = sanitizeLine(model.titleOf(entry));
    lines.push([
      { text: entry.kind === "entry" ? " Briefing: " : " From: ", token: "muted" },
      { text: title, token: "title" },
      { text: ` [${sanitizeLine(entry.briefingId)}]`, token: "muted" },
      ...(mark === "unread" || mark === "updated" ? [{ text: ` ${mark}`, token: mark }] : []),
    ]);
    if (entry.conflict) {
      // Only a few fit on a line anyway; a much-reported event can have hundreds.
      const others = entry.conflictWith
        .slice(0, 3)
        .map((c) => `${c.date} in ${sanitizeLine(c.briefingId)}`)
        .join(", ");
      lines.push([
        {
          text: ` ! Reports disagree${others ? `: see ${others}` : ""} · ${jumpKey()} jumps there`,
          token: "warning",
        },
      ]);
    } else if (entry.expected) {
      lines.push([{ text: " → Expected: dated after the briefing that reports it", token: "date" }]);
    } else if (entry.yearUnknown) {
      lines.push([{ text: " ? The year is not written and the briefing has no date", token: "muted" }]);
    }
    if (entry.kind === "event") {
      const room = Math.max(0, height - lines.length);
      const text = wrap(sanitizeLine(entry.text), Math.max(1, width - 2));
      const shown = text.slice(0, room);
      if (text.length > room && room > 0) {
        shown[room - 1] = `${truncate(shown[room - 1]!, Math.max(1, width - 3), "")}…`;
      }
      for (const l of shown) lines.push([{ text: ` ${l}` }]);
    }
  }
  return lines;
}

const jumpKey = () => command("timeline.conflict").keys[0]?.label ?? "";

/** Row `row` of the timeline list: a month heading or an event (painted whole when selected). */
export function timelineRow(
  model: TimelineRows,
  row: number,
  selected: boolean,
  width: number,
  query: string,
  flags: Uint8Array | null = null,
): { segments: Segment[]; fill?: Token } {
  const heading = model.headingAt(row);
  if (heading !== undefined) return { segments: [{ text: ` ${heading}`, token: "heading" }] };
  const e = model.entryAt(row);
  if (!e) return { segments: [] };
  return {
    segments: eventRow(e, selected, width, query, rowMark(flags, e.briefing)),
    ...(selected ? { fill: "selection" as const } : {}),
  };
}
