// `a`: every actor with its kind and how many briefings name it; typing narrows, Enter opens the
// highlighted one's page, Tab adds it to the filter or takes it out again, Esc closes.
import { Box } from "ink";
import { type Dispatch, type ReactNode, useMemo } from "react";
import { sanitizeLine } from "../../text/sanitize.js";
import { fit as fitText } from "../../text/width.js";
import { Line } from "../components/Line.js";
import { List } from "../components/List.js";
import { PromptLine } from "../components/PromptLine.js";
import { useLineInput } from "../hooks/useLineInput.js";
import { MOTIONS } from "../hooks/useListKeys.js";
import type { ActorItem } from "../model.js";
import type { Action } from "../state.js";
import type { Motion, Position } from "../windowing.js";

export interface ActorPickerProps {
  width: number;
  /** Rows for the list and the entry line together. */
  height: number;
  actors: readonly ActorItem[];
  text: string;
  pos: Position;
  /** Actors already in the filter, ticked. */
  chosen: readonly string[];
  active: boolean;
  dispatch: Dispatch<Action>;
}

/** Actors whose name or an alias contains every typed word. */
export function narrowActors(actors: readonly ActorItem[], text: string): readonly ActorItem[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return actors;
  return actors.filter((a) => {
    const hay = [a.name, ...a.aliases].join(" ").toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

const KIND_WIDTH = 11;

const PICKER_MOTIONS: Record<string, Motion> = { "picker.down": "down", "picker.up": "up" };

export function ActorPicker({
  width,
  height,
  actors,
  text,
  pos,
  chosen,
  active,
  dispatch,
}: ActorPickerProps): ReactNode {
  const shown = useMemo(() => narrowActors(actors, text), [actors, text]);
  const listHeight = Math.max(0, height - 2);
  useLineInput(
    active,
    {
      text,
      onChange: (t) => dispatch({ type: "promptText", text: t }),
      onSubmit: () => {
        const a = shown[pos.cursor];
        if (a) dispatch({ type: "openActor", name: a.name });
      },
      onCancel: () => dispatch({ type: "promptCancel" }),
      onOther: (id) => {
        if (id === "picker.toggle") {
          const a = shown[pos.cursor];
          if (a) dispatch({ type: "toggleActor", name: a.name });
          return;
        }
        const motion = PICKER_MOTIONS[id] ?? MOTIONS[id];
        if (motion) dispatch({ type: "pickerMove", motion, total: shown.length, page: listHeight });
      },
    },
    ["picker"],
  );
  // Marker and tick, name, kind, count: the name gives way first on a narrow terminal.
  const nameWidth = Math.max(8, Math.min(32, width - 4 - 2 - KIND_WIDTH - 13));
  return (
    <Box flexDirection="column" height={height} width={width}>
      <Line
        segments={[
          { text: " Filter by actor", token: "title" },
          {
            text: ` · ${shown.length} of ${actors.length} · Enter: page · Tab: filter on/off`,
            token: "muted",
          },
        ]}
        width={width}
      />
      {shown.length === 0 ? (
        <Box flexDirection="column" height={listHeight}>
          <Line segments={[{ text: " No actor matches what you typed.", token: "muted" }]} width={width} />
        </Box>
      ) : (
        <List
          total={shown.length}
          cursor={pos.cursor}
          scrollTop={pos.scrollTop}
          height={listHeight}
          width={width}
          renderRow={(row, selected) => {
            const a = shown[row]!;
            const n = a.count;
            return (
              <Line
                segments={[
                  { text: selected ? "› " : "  ", token: "accent" },
                  { text: chosen.includes(a.name) ? "✓ " : "  ", token: "accent" },
                  { text: fitText(sanitizeLine(a.name), nameWidth), token: "title" },
                  { text: `  ${a.kind.padEnd(KIND_WIDTH)}`, token: "muted" },
                  { text: `${n} briefing${n === 1 ? "" : "s"}` },
                ]}
                width={width}
                {...(selected ? { fill: "selection" as const } : {})}
              />
            );
          }}
        />
      )}
      <PromptLine width={width} label="Actor: " text={text} placeholder="type to narrow" />
    </Box>
  );
}
