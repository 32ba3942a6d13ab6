// A block of exactly `height` lines: the detail panes under the lists use it so the frame never
// changes height as the cursor moves.
import { Box } from "ink";
import type { ReactNode } from "react";
import { Line, type Segment } from "./Line.js";

export function Pane({
  lines,
  width,
  height,
}: {
  lines: Segment[][];
  width: number;
  height: number;
}): ReactNode {
  const shown = lines.slice(0, height);
  while (shown.length < height) shown.push([]);
  return (
    <Box flexDirection="column" height={height}>
      {shown.map((segs, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed slots
        <Line key={i} segments={segs} width={width} />
      ))}
    </Box>
  );
}
