// The timeline's lines: event rows under month headings, and the detail of the selected event.
// Pure, so the first frame painted before Ink loads draws the same lines as the view.
import { sanitizeLine } from "../../text/sanitize.js";
import { displayWidth, truncate, wrap } from "../../text/width.js";
import { highlight } from "../components/highlight.js";
import type { TimelineEntry, TimelineRows } from "../model.js";
import { type Segment, textWidth } from "../segments.js";
import type { Token } from "../theme.js";

const DATE_WIDTH = 10;

/** Lines under the list describing the selected event; fewer on a short terminal. */
export function detailHeight(height: number): number {
  if (height >= 14) return 4;
  if (height >= 7) return 2;
  return 0;
}

export function eventRow(e: TimelineEntry, selected: boolean, width: number, query: string): Segment[] {
  const id = sanitizeLine(e.briefingId);
  const idWidth = Math.min(displayWidth(id), Math.max(0, Math.floor(width / 4)));
  const fixed: Segment[] = [
    { text: selected ? "› " : "  ", token: "accent" },
    { text: e.date.padEnd(DATE_WIDTH), token: "date" },
    { text: " " },
    { text: e.conflict ? "! " : "  ", token: "warning" },
  ];
  const used = 2 + DATE_WIDTH + 1 + 2;
  const room = width - used - (idWidth > 0 ? idWidth + 2 : 0);
  const sentence = truncate(sanitizeLine(e.text), Math.max(0, room));
  const pad = " ".repeat(Math.max(0, room - textWidth(sentence)));
  const tail: Segment[] =
    idWidth > 0 ? [{ text: `${pad}  ` }, { text: truncate(id, idWidth), token: "muted" }] : [];
  return [...fixed, ...highlight(sentence, query), ...tail];
}

/** The lines under the list about the selected event (a rule, its briefing, conflicts, its sentence). */
export function detailLines(
  entry: TimelineEntry | undefined,
  model: TimelineRows,
  width: number,
): Segment[][] {
  const lines: Segment[][] = [[{ text: "─".repeat(width), token: "muted" }]];
  if (entry) {
    const title = sanitizeLine(model.titleOf(entry));
    lines.push([
      { text: " From: ", token: "muted" },
      { text: title, token: "title" },
      { text: ` [${sanitizeLine(entry.briefingId)}]`, token: "muted" },
    ]);
    if (entry.conflict) {
      // Only a few fit on a line anyway; a much-reported event can have hundreds.
      const others = entry.conflictWith
        .slice(0, 4)
        .map((c) => `${c.date} in ${sanitizeLine(c.briefingId)}`)
        .join(", ");
      lines.push([
        { text: ` ! Reports disagree on this event${others ? `: see ${others}` : ""}`, token: "warning" },
      ]);
    }
    for (const l of wrap(sanitizeLine(entry.text), Math.max(1, width - 2))) lines.push([{ text: ` ${l}` }]);
  }
  return lines;
}

/** Row `row` of the timeline list: a month heading or an event (painted whole when selected). */
export function timelineRow(
  model: TimelineRows,
  row: number,
  selected: boolean,
  width: number,
  query: string,
): { segments: Segment[]; fill?: Token } {
  const heading = model.headingAt(row);
  if (heading !== undefined) return { segments: [{ text: ` ${heading}`, token: "heading" }] };
  const e = model.entryAt(row);
  if (!e) return { segments: [] };
  return {
    segments: eventRow(e, selected, width, query),
    ...(selected ? { fill: "selection" as const } : {}),
  };
}
