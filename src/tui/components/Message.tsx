// A few wrapped lines of plain text filling a fixed area: empty states and "terminal too small".
import { Box } from "ink";
import type { ReactNode } from "react";
import { wrap } from "../../text/width.js";
import type { Token } from "../theme.js";
import { Line } from "./Line.js";

export interface MessageProps {
  width: number;
  height: number;
  lines: readonly { text: string; token?: Token }[];
}

export function Message({ width, height, lines }: MessageProps): ReactNode {
  const rows: { text: string; token?: Token }[] = [{ text: "" }];
  for (const l of lines) {
    for (const w of wrap(l.text, Math.max(1, width - 2)))
      rows.push({ text: ` ${w}`, ...(l.token ? { token: l.token } : {}) });
  }
  const shown = rows.slice(0, Math.max(0, height));
  return (
    <Box flexDirection="column" height={Math.max(0, height)} width={width}>
      {shown.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed slots
        <Line key={i} segments={[r]} width={width} />
      ))}
    </Box>
  );
}
