// The story's dated events in date order under month headings; Enter opens the briefing at the event.
import { Box } from "ink";
import type { Dispatch, ReactNode } from "react";
import { sanitizeLine } from "../../text/sanitize.js";
import { displayWidth, truncate, wrap } from "../../text/width.js";
import { highlight } from "../components/highlight.js";
import { Line, type Segment } from "../components/Line.js";
import { List } from "../components/List.js";
import { Pane } from "../components/Pane.js";
import { useListKeys } from "../hooks/useListKeys.js";
import type { TimelineEntry, TimelineRows } from "../model.js";
import type { Action } from "../state.js";
import { type Position, settle } from "../windowing.js";

export interface TimelineProps {
  width: number;
  height: number;
  model: TimelineRows;
  pos: Position;
  query: string;
  active: boolean;
  dispatch: Dispatch<Action>;
  onOpen: (entry: TimelineEntry) => void;
}

const DATE_WIDTH = 10;

/** Lines under the list describing the selected event; fewer on a short terminal. */
function detailHeight(height: number): number {
  if (height >= 14) return 4;
  if (height >= 7) return 2;
  return 0;
}

function eventRow(e: TimelineEntry, selected: boolean, width: number, query: string): Segment[] {
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
  const pad = " ".repeat(Math.max(0, room - displayWidth(sentence)));
  const tail: Segment[] =
    idWidth > 0 ? [{ text: `${pad}  ` }, { text: truncate(id, idWidth), token: "muted" }] : [];
  return [...fixed, ...highlight(sentence, query), ...tail];
}

function Detail({
  entry,
  model,
  width,
  height,
}: {
  entry: TimelineEntry | undefined;
  model: TimelineRows;
  width: number;
  height: number;
}): ReactNode {
  if (height <= 0) return null;
  const lines: Segment[][] = [[{ text: "─".repeat(width), token: "muted" }]];
  if (entry) {
    const title = sanitizeLine(model.titleOf(entry.briefingId));
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
  return <Pane lines={lines} width={width} height={height} />;
}

export function Timeline({
  width,
  height,
  model,
  pos,
  query,
  active,
  dispatch,
  onOpen,
}: TimelineProps): ReactNode {
  const detail = detailHeight(height);
  const listHeight = height - detail;
  const cursor = settle(pos.cursor, model.total, model.selectable);
  useListKeys({
    active,
    list: model,
    page: listHeight,
    cursor,
    query,
    dispatch,
    onOpen: (row) => {
      const e = model.entryAt(row);
      if (e) onOpen(e);
    },
  });
  return (
    <Box flexDirection="column" height={height} width={width}>
      <List
        total={model.total}
        cursor={cursor}
        scrollTop={pos.scrollTop}
        height={listHeight}
        width={width}
        renderRow={(row, selected) => {
          const heading = model.headingAt(row);
          if (heading !== undefined)
            return <Line segments={[{ text: ` ${heading}`, token: "heading" }]} width={width} />;
          const e = model.entryAt(row);
          if (!e) return <Line segments={[]} width={width} />;
          return (
            <Line
              segments={eventRow(e, selected, width, query)}
              width={width}
              {...(selected ? { fill: "selection" as const } : {})}
            />
          );
        }}
      />
      <Detail entry={model.entryAt(cursor)} model={model} width={width} height={detail} />
    </Box>
  );
}
