// Product name, the three views as tabs, the active filters and how many briefings match.
import { Box } from "ink";
import type { ReactNode } from "react";
import { type CommandId, command } from "../keymap.js";
import { VIEW_TITLES, VIEWS, type ViewId } from "../state.js";
import { Line, type Segment, spread } from "./Line.js";

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

export function Header({ width, view, filters, matching, total }: HeaderProps): ReactNode {
  const tabs: Segment[] = [{ text: " signaldesk ", token: "accent" }];
  for (const v of VIEWS) {
    tabs.push({ text: " " });
    const label = ` ${firstKey(VIEW_KEYS[v])} ${VIEW_TITLES[v]} `;
    tabs.push({ text: v === view ? `[${label.trim()}]` : label, token: v === view ? "activeTab" : "tab" });
  }
  const count: Segment[] = [
    {
      text: matching === total ? `${total} briefings ` : `${matching} of ${total} briefings `,
      token: "muted",
    },
  ];
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
