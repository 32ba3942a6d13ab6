// The briefings matching the filters, newest first: date, title, actors.
import { Box } from "ink";
import { type Dispatch, type ReactNode, useCallback } from "react";
import type { StoryView, Summary } from "../../story/view.js";
import { sanitizeLine } from "../../text/sanitize.js";
import { displayWidth, truncate } from "../../text/width.js";
import { highlight } from "../components/highlight.js";
import { Line, type Segment } from "../components/Line.js";
import { List } from "../components/List.js";
import { useListKeys } from "../hooks/useListKeys.js";
import type { Searchable } from "../listSearch.js";
import { markSegment, type RowMark, rowMark } from "../reading.js";
import type { Action } from "../state.js";
import type { Position } from "../windowing.js";

export interface BriefingsProps {
  width: number;
  height: number;
  story: StoryView;
  /** Indexes into the story's briefings, in the order shown. */
  order: Int32Array;
  list: Searchable;
  pos: Position;
  query: string;
  active: boolean;
  dispatch: Dispatch<Action>;
  onOpen: (index: number) => void;
  /** Read flags by briefing index (reading.ts); null while unknown. */
  flags: Uint8Array | null;
}

const DATE_WIDTH = 10;

/** A row; `mark` (read state) puts `●`/`↻` before an unread/updated one and sets its title's weight. */
export function briefingRow(
  b: Summary,
  selected: boolean,
  width: number,
  query: string,
  mark?: RowMark,
): Segment[] {
  const actors = sanitizeLine(b.actors.join(", "));
  const actorsWidth = Math.min(displayWidth(actors), Math.floor(width / 3));
  const used = 2 + DATE_WIDTH + 2;
  const room = Math.max(0, width - used - (actorsWidth > 0 ? actorsWidth + 2 : 0));
  const title = truncate(sanitizeLine(b.title), room);
  const pad = " ".repeat(Math.max(0, room - displayWidth(title)));
  return [
    selected ? { text: "› ", token: "accent" } : markSegment(mark),
    { text: (b.date ?? "undated").padEnd(DATE_WIDTH), token: "date" },
    { text: "  " },
    ...highlight(title, query, mark === "read" ? "readTitle" : "title"),
    ...(actorsWidth > 0
      ? [{ text: `${pad}  ` }, ...highlight(truncate(actors, actorsWidth), query, "muted")]
      : []),
  ];
}

export function Briefings({
  width,
  height,
  story,
  order,
  list,
  pos,
  query,
  active,
  dispatch,
  onOpen,
  flags,
}: BriefingsProps): ReactNode {
  useListKeys({
    active,
    list,
    page: height,
    cursor: pos.cursor,
    query,
    dispatch,
    onOpen: (row) => {
      const i = order[row];
      if (i !== undefined) onOpen(i);
    },
  });
  // Stable while the list and query are: a cursor move then redraws only the rows it changes.
  const renderRow = useCallback(
    (row: number, selected: boolean) => {
      const i = order[row] ?? -1;
      const b = story.briefings.get(i);
      if (!b) return <Line segments={[]} width={width} />;
      return (
        <Line
          segments={briefingRow(b, selected, width, query, rowMark(flags, i))}
          width={width}
          {...(selected ? { fill: "selection" as const } : {})}
        />
      );
    },
    [story, order, width, query, flags],
  );
  return (
    <Box flexDirection="column" height={height} width={width}>
      <List
        total={order.length}
        cursor={pos.cursor}
        scrollTop={pos.scrollTop}
        height={height}
        width={width}
        renderRow={renderRow}
      />
    </Box>
  );
}
