// The footer; its line is laid out in lines/footer.ts.
import { Box } from "ink";
import { memo, type ReactNode } from "react";
import { useKeymap } from "../hooks/useKeymap.js";
import type { Focus } from "../keymap.js";
import { footerLine } from "../lines/footer.js";
import { Line } from "./Line.js";

export interface FooterProps {
  width: number;
  focus: Focus;
  /** Right-hand status such as "12/340". */
  status?: string;
}

export const Footer = memo(function Footer({ width, focus, status = "" }: FooterProps): ReactNode {
  const keymap = useKeymap();
  return (
    <Box height={1} width={width}>
      <Line segments={footerLine(width, focus, status, keymap)} width={width} />
    </Box>
  );
});
