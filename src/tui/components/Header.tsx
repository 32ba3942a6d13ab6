// The header; its lines are laid out in lines/header.ts.
import { Box } from "ink";
import { memo, type ReactNode } from "react";
import { useKeymap } from "../hooks/useKeymap.js";
import { type HeaderProps, headerLines } from "../lines/header.js";
import { Line } from "./Line.js";

export type { HeaderProps } from "../lines/header.js";

// Its props are plain values that a move through a list leaves alone: then it is not drawn again.
export const Header = memo(function Header(props: HeaderProps): ReactNode {
  const keymap = useKeymap();
  const [tabs, filters] = headerLines({ ...props, keymap });
  return (
    <Box flexDirection="column" height={2} width={props.width}>
      <Line segments={tabs ?? []} width={props.width} />
      <Line segments={filters ?? []} width={props.width} />
    </Box>
  );
});
