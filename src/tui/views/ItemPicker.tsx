// A list to pick from with a one-line entry under it: the tag filter (`t`) and the links of a
// briefing (`o`). Typing narrows (the caller narrows), ↑/↓ move, Enter picks, Esc cancels.
import { Box } from "ink";
import type { Dispatch, ReactNode } from "react";
import { sanitizeLine } from "../../text/sanitize.js";
import { fit as fitText } from "../../text/width.js";
import { Line } from "../components/Line.js";
import { List } from "../components/List.js";
import { PromptLine } from "../components/PromptLine.js";
import { useLineInput } from "../hooks/useLineInput.js";
import { MOTIONS } from "../hooks/useListKeys.js";
import type { Action } from "../state.js";
import type { Motion, Position } from "../windowing.js";

export interface PickerItem {
  /** Untrusted text: sanitised here. */
  label: string;
  detail: string;
  chosen?: boolean;
}

export interface ItemPickerProps {
  width: number;
  /** Rows for the list and the entry line together. */
  height: number;
  title: string;
  /** The entry's label: "Tag: ". */
  label: string;
  placeholder: string;
  items: readonly PickerItem[];
  /** How many there are before narrowing. */
  of: number;
  empty: string;
  text: string;
  pos: Position;
  active: boolean;
  dispatch: Dispatch<Action>;
  /** Enter: the highlighted item's index in `items`. */
  onPick: (index: number) => void;
}

const PICKER_MOTIONS: Record<string, Motion> = { "picker.down": "down", "picker.up": "up" };

export function pickerListHeight(height: number): number {
  return Math.max(0, height - 2);
}

export function ItemPicker(p: ItemPickerProps): ReactNode {
  const listHeight = pickerListHeight(p.height);
  useLineInput(
    p.active,
    {
      text: p.text,
      onChange: (t) => p.dispatch({ type: "promptText", text: t }),
      onSubmit: () => {
        if (p.items[p.pos.cursor]) p.onPick(p.pos.cursor);
      },
      onCancel: () => p.dispatch({ type: "promptCancel" }),
      onOther: (id) => {
        const motion = PICKER_MOTIONS[id] ?? MOTIONS[id];
        if (motion) p.dispatch({ type: "pickerMove", motion, total: p.items.length, page: listHeight });
      },
    },
    ["picker"],
  );
  const labelWidth = Math.max(8, Math.min(48, p.width - 20));
  return (
    <Box flexDirection="column" height={p.height} width={p.width}>
      <Line
        segments={[
          { text: ` ${p.title}`, token: "title" },
          { text: ` · ${p.items.length} of ${p.of}`, token: "muted" },
        ]}
        width={p.width}
      />
      {p.items.length === 0 ? (
        <Box flexDirection="column" height={listHeight}>
          <Line segments={[{ text: ` ${p.empty}`, token: "muted" }]} width={p.width} />
        </Box>
      ) : (
        <List
          total={p.items.length}
          cursor={p.pos.cursor}
          scrollTop={p.pos.scrollTop}
          height={listHeight}
          width={p.width}
          renderRow={(row, selected) => {
            const item = p.items[row]!;
            return (
              <Line
                segments={[
                  { text: selected ? "› " : "  ", token: "accent" },
                  { text: item.chosen ? "✓ " : "  ", token: "accent" },
                  { text: fitText(sanitizeLine(item.label), labelWidth), token: "title" },
                  { text: `  ${sanitizeLine(item.detail)}`, token: "muted" },
                ]}
                width={p.width}
                {...(selected ? { fill: "selection" as const } : {})}
              />
            );
          }}
        />
      )}
      <PromptLine width={p.width} label={p.label} text={p.text} placeholder={p.placeholder} />
    </Box>
  );
}
