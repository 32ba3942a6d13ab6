// `s`: the stories of the folder with their number of briefings and the dates they span, and "All
// stories" first; Enter keeps to the one chosen, Esc closes.
import { Box } from "ink";
import { type Dispatch, type ReactNode, useMemo } from "react";
import { listStories, type StoryEntry } from "../../story/stories.js";
import type { Summary } from "../../story/view.js";
import { sanitizeLine } from "../../text/sanitize.js";
import { fit as fitText } from "../../text/width.js";
import { Line } from "../components/Line.js";
import { List } from "../components/List.js";
import { useLineInput } from "../hooks/useLineInput.js";
import { MOTIONS } from "../hooks/useListKeys.js";
import type { Action } from "../state.js";
import type { Motion, Position } from "../windowing.js";

export interface StoryPickerProps {
  width: number;
  height: number;
  summaries: readonly Summary[];
  current: string | undefined;
  pos: Position;
  active: boolean;
  dispatch: Dispatch<Action>;
}

const PICKER_MOTIONS: Record<string, Motion> = { "picker.down": "down", "picker.up": "up" };

/** `2026-06-16..2026-07-01`, one date when both are the same, `undated` when none. */
export function storySpan(s: Pick<StoryEntry, "first" | "last">): string {
  if (s.first === null || s.last === null) return "undated";
  return s.first === s.last ? s.first : `${s.first}..${s.last}`;
}

export function StoryPicker({
  width,
  height,
  summaries,
  current,
  pos,
  active,
  dispatch,
}: StoryPickerProps): ReactNode {
  // Only named stories can be chosen; the briefings of none are counted on the "All stories" row.
  const stories = useMemo(() => listStories(summaries).filter((s) => s.name !== null), [summaries]);
  const total = stories.length + 1;
  const listHeight = Math.max(0, height - 1);
  useLineInput(
    active,
    {
      text: "",
      onChange: () => {},
      onSubmit: () => {
        const s = pos.cursor === 0 ? null : stories[pos.cursor - 1];
        dispatch({ type: "setStory", story: s?.name ?? null });
      },
      onCancel: () => dispatch({ type: "promptCancel" }),
      onOther: (id) => {
        const motion = PICKER_MOTIONS[id] ?? MOTIONS[id];
        if (motion) dispatch({ type: "pickerMove", motion, total, page: listHeight });
      },
    },
    ["picker"],
  );
  const nameWidth = Math.max(8, Math.min(40, width - 40));
  return (
    <Box flexDirection="column" height={height} width={width}>
      <Line
        segments={[
          { text: " Stories", token: "title" },
          { text: ` · ${stories.length} · Enter keeps to one · Esc closes`, token: "muted" },
        ]}
        width={width}
      />
      <List
        total={total}
        cursor={pos.cursor}
        scrollTop={pos.scrollTop}
        height={listHeight}
        width={width}
        renderRow={(row, selected) => {
          const s = row === 0 ? null : stories[row - 1]!;
          const name = s ? sanitizeLine(s.name ?? "") : "All stories";
          const count = s ? s.briefingIds.length : summaries.length;
          const isCurrent = s ? s.name?.toLowerCase() === current?.toLowerCase() : current === undefined;
          return (
            <Line
              segments={[
                { text: selected ? "› " : "  ", token: "accent" },
                { text: isCurrent ? "✓ " : "  ", token: "accent" },
                { text: fitText(name, nameWidth), token: "title" },
                { text: `  ${String(count).padStart(5)} briefing${count === 1 ? " " : "s"}`, token: "muted" },
                { text: s ? `  ${storySpan(s)}` : "", token: "date" },
              ]}
              width={width}
              {...(selected ? { fill: "selection" as const } : {})}
            />
          );
        }}
      />
    </Box>
  );
}
