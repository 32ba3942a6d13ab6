// The most useful keys for what has focus, read from the keymap, and where the cursor is.
import { Box } from "ink";
import type { ReactNode } from "react";
import { displayWidth } from "../../text/width.js";
import { type Focus, footerItems } from "../keymap.js";
import { Line, type Segment, spread } from "./Line.js";

export interface FooterProps {
  width: number;
  focus: Focus;
  /** Right-hand status such as "12/340". */
  status?: string;
}

export function Footer({ width, focus, status = "" }: FooterProps): ReactNode {
  const right: Segment[] = status ? [{ text: `${status} `, token: "muted" }] : [];
  const room = width - (status ? displayWidth(status) + 2 : 0);
  // Whole items only: a key cut in half is worse than one not shown.
  const left: Segment[] = [];
  let used = 0;
  for (const item of footerItems(focus)) {
    const w = 1 + displayWidth(item.keys) + 1 + displayWidth(item.label);
    if (used + w > room) break;
    left.push(
      { text: " " },
      { text: item.keys, token: "accent" },
      { text: ` ${item.label}`, token: "muted" },
    );
    used += w;
  }
  return (
    <Box height={1} width={width}>
      <Line segments={spread(left, right, width)} width={width} />
    </Box>
  );
}
