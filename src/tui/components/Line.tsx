// One screen line made of styled segments, cut to the width before Ink sees it: Ink would wrap a long
// line onto a second row and push the frame past the terminal's height.
import { Text } from "ink";
import type { ReactNode } from "react";
import { useTheme } from "../hooks/useTheme.js";
import { fitSegments, type Segment } from "../segments.js";
import type { Token } from "../theme.js";

export { fitSegments, type Segment, segmentsWidth, spanSegments, spread } from "../segments.js";

export interface LineProps {
  segments: readonly Segment[];
  width: number;
  /** Paint the whole row (the selected row of a list). */
  fill?: Token;
}

export function Line({ segments, width, fill }: LineProps): ReactNode {
  const theme = useTheme();
  const base = fill ? theme[fill] : {};
  const fitted = fitSegments(segments, width, fill !== undefined);
  // An empty <Text> takes no row; a space keeps the line.
  if (fitted.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end" {...base}>
      {fitted.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity beyond their place
        <Text key={i} {...(s.token ? theme[s.token] : {})}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}
