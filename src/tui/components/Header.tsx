// Product name, the three views as tabs, the active filters and how many briefings match.
import { Box } from "ink";
import type { ReactNode } from "react";
import { type CommandId, command } from "../keymap.js";
import { VIEW_TITLES, VIEWS, type ViewId } from "../state.js";
import { Line, type Segment, segmentsWidth, spread } from "./Line.js";

const VIEW_KEYS: Record<ViewId, CommandId> = {
  timeline: "view.timeline",
  briefings: "view.briefings",
  glossary: "view.glossary",
};

export interface HeaderProps {
  width: number;
  view: ViewId;
  /** Sanitised description of the active filters, "" when none. */
  filters: string;
  matching: number;
  total: number;
}

const firstKey = (id: CommandId) => command(id).keys[0]?.label ?? "";

function tabSegments(view: ViewId, short: boolean): Segment[] {
  const out: Segment[] = [];
  for (const v of VIEWS) {
    const key = firstKey(VIEW_KEYS[v]);
    // On a narrow terminal the other views are shown by their key alone.
    const label = short && v !== view ? key : `${key} ${VIEW_TITLES[v]}`;
    out.push(
      { text: " " },
      { text: v === view ? `[${label}]` : ` ${label} `, token: v === view ? "activeTab" : "tab" },
    );
  }
  return out;
}

export function Header({ width, view, filters, matching, total }: HeaderProps): ReactNode {
  const name: Segment = { text: " signaldesk ", token: "accent" };
  const count: Segment[] = [
    {
      text: matching === total ? `${total} briefings ` : `${matching} of ${total} briefings `,
      token: "muted",
    },
  ];
  const full = [name, ...tabSegments(view, false)];
  const tabs = segmentsWidth(full) <= width ? full : [name, ...tabSegments(view, true)];
  const filterLine: Segment[] =
    filters === ""
      ? [
          {
            text: ` No filters · ${firstKey("filter.actor")} actor · ${firstKey("filter.date")} date`,
            token: "muted",
          },
        ]
      : [
          { text: " Filter: ", token: "accent" },
          { text: filters, token: "warning" },
          { text: ` · ${firstKey("filter.clear")} clears`, token: "muted" },
        ];
  return (
    <Box flexDirection="column" height={2} width={width}>
      <Line segments={spread(tabs, count, width)} width={width} />
      <Line segments={filterLine} width={width} />
    </Box>
  );
}
