// The story's dated events in date order under month headings; Enter opens the briefing at the event.
import { Box } from "ink";
import { type Dispatch, type ReactNode, useCallback } from "react";
import { Line } from "../components/Line.js";
import { List } from "../components/List.js";
import { Pane } from "../components/Pane.js";
import { useListKeys } from "../hooks/useListKeys.js";
import { detailHeight, detailLines, timelineRow } from "../lines/timeline.js";
import type { TimelineEntry, TimelineRows } from "../model.js";
import { rowMark } from "../reading.js";
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
  /** Read flags by briefing index (reading.ts); null while unknown. */
  flags: Uint8Array | null;
}

function Detail({
  entry,
  model,
  width,
  height,
  flags,
}: {
  entry: TimelineEntry | undefined;
  model: TimelineRows;
  width: number;
  height: number;
  flags: Uint8Array | null;
}): ReactNode {
  if (height <= 0) return null;
  const mark = entry ? rowMark(flags, entry.briefing) : undefined;
  return <Pane lines={detailLines(entry, model, width, height, mark)} width={width} height={height} />;
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
  flags,
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
  // Stable while the list and query are: a cursor move then redraws only the rows it changes.
  const renderRow = useCallback(
    (row: number, selected: boolean) => {
      const { segments, fill } = timelineRow(model, row, selected, width, query, flags);
      return <Line segments={segments} width={width} {...(fill ? { fill } : {})} />;
    },
    [model, width, query, flags],
  );
  return (
    <Box flexDirection="column" height={height} width={width}>
      <List
        total={model.total}
        cursor={cursor}
        scrollTop={pos.scrollTop}
        height={listHeight}
        width={width}
        renderRow={renderRow}
      />
      <Detail entry={model.entryAt(cursor)} model={model} width={width} height={detail} flags={flags} />
    </Box>
  );
}
