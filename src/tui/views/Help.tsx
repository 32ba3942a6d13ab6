// The `?` overlay: every command of the keymap, grouped by where it works.
import { Box } from "ink";
import { type Dispatch, type ReactNode, useMemo } from "react";
import { fit as fitText } from "../../text/width.js";
import { Line, type Segment } from "../components/Line.js";
import { useCommands } from "../hooks/useCommands.js";
import { useKeymap } from "../hooks/useKeymap.js";
import { MOTIONS } from "../hooks/useListKeys.js";
import { DEFAULT_KEYMAP, HELP_SECTIONS, type Keymap, keyLabels } from "../keymap.js";
import type { Action } from "../state.js";
import { clamp, maxScrollTop } from "../windowing.js";

const KEY_COLUMN = 28;

/** The overlay's lines; the same for every size, so it can be scrolled. */
export function helpLines(keymap: Keymap = DEFAULT_KEYMAP): Segment[][] {
  const lines: Segment[][] = [
    [
      { text: " Keys", token: "title" },
      { text: "  (Esc or ? closes)", token: "muted" },
    ],
  ];
  for (const section of HELP_SECTIONS) {
    lines.push([]);
    lines.push([{ text: ` ${section.title}`, token: "heading" }]);
    for (const c of keymap.commands) {
      if (!section.scopes.includes(c.scope)) continue;
      lines.push([
        { text: "   " },
        { text: fitText(keyLabels(c.id, keymap), KEY_COLUMN), token: "accent" },
        { text: " " },
        { text: c.help },
      ]);
    }
  }
  return lines;
}

export interface HelpProps {
  width: number;
  height: number;
  scroll: number;
  active: boolean;
  dispatch: Dispatch<Action>;
}

export function Help({ width, height, scroll, active, dispatch }: HelpProps): ReactNode {
  const keymap = useKeymap();
  const lines = useMemo(() => helpLines(keymap), [keymap]);
  const top = clamp(scroll, 0, maxScrollTop(lines.length, height));
  useCommands(
    ["help", "move"],
    {
      onCommand(id) {
        const motion = MOTIONS[id];
        if (motion) dispatch({ type: "helpScroll", motion, total: lines.length, page: height });
        else if (id === "help.close") dispatch({ type: "helpToggle" });
      },
    },
    active,
  );
  const shown = lines.slice(top, top + height);
  while (shown.length < height) shown.push([]);
  return (
    <Box flexDirection="column" height={height} width={width}>
      {shown.map((segs, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed slots
        <Line key={i} segments={segs} width={width} />
      ))}
    </Box>
  );
}
