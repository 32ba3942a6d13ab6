// A windowed list: only the rows that fit are mounted, whatever the length of the list.
import { Box } from "ink";
import { memo, type ReactNode } from "react";
import { visibleSlice } from "../windowing.js";
import { Line } from "./Line.js";

export interface ListProps {
  total: number;
  cursor: number;
  scrollTop: number;
  height: number;
  width: number;
  /**
   * Draws row `index`; `selected` is true for the cursor row. Rows are drawn again only when this
   * function, their index or their selection changes, so it should be memoised on what it reads.
   */
  renderRow: (index: number, selected: boolean) => ReactNode;
}

export function List({ total, cursor, scrollTop, height, width, renderRow }: ListProps): ReactNode {
  const slice = visibleSlice(total, cursor, height, scrollTop);
  const rows: ReactNode[] = [];
  // Keyed by row modulo the window's height: the rows on screen always hold every key once. A page
  // down gives every key a new row in the same place (the rows mounted already change their text,
  // none is unmounted and built again: nodes, layout nodes and all), and a step that scrolls by one
  // moves the one row that left to the other end for the row that came: the others keep their row
  // and are not drawn again. Each row is its <Line> alone, with no <Box> of its own: one layout node
  // fewer per row.
  const slots = Math.max(0, height);
  for (let slot = 0; slot < slots; slot++) {
    const i = slice.start + slot;
    const shown = i < slice.end;
    rows.push(
      <Row
        key={i % slots}
        index={shown ? i : -1}
        selected={shown && i === cursor}
        width={width}
        renderRow={renderRow}
      />,
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

interface RowProps {
  /** -1 for a blank line under the last row. */
  index: number;
  selected: boolean;
  width: number;
  renderRow: ListProps["renderRow"];
}

// A cursor move redraws the two rows whose selection changed, not the whole window.
const Row = memo(function Row({ index, selected, width, renderRow }: RowProps): ReactNode {
  return index >= 0 ? renderRow(index, selected) : <Line segments={[]} width={width} />;
});
