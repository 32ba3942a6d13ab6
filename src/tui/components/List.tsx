// A windowed list: only the rows that fit are mounted, whatever the length of the list.
import { Box } from "ink";
import type { ReactNode } from "react";
import { visibleSlice } from "../windowing.js";
import { Line } from "./Line.js";

export interface ListProps {
  total: number;
  cursor: number;
  scrollTop: number;
  height: number;
  width: number;
  /** Draws row `index`; `selected` is true for the cursor row. */
  renderRow: (index: number, selected: boolean) => ReactNode;
}

export function List({ total, cursor, scrollTop, height, width, renderRow }: ListProps): ReactNode {
  const slice = visibleSlice(total, cursor, height, scrollTop);
  const rows: ReactNode[] = [];
  for (let i = slice.start; i < slice.end; i++) {
    rows.push(<Box key={i}>{renderRow(i, i === cursor)}</Box>);
  }
  for (let i = rows.length; i < height; i++) {
    rows.push(
      <Box key={`blank-${i}`}>
        <Line segments={[]} width={width} />
      </Box>,
    );
  }
  return (
    // No overflow="hidden": every row is already cut to the width, and Ink's clipping re-slices every
    // line of every frame.
    <Box flexDirection="column" height={height} width={width}>
      {rows}
    </Box>
  );
}
