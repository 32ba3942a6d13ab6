// The header: product name, the three views as tabs, the active filters and how many briefings
// match. Pure, so the first frame painted before Ink loads draws the same lines.
import type { Problem } from "../../briefing/schema.js";
import { type CommandId, DEFAULT_KEYMAP, type Keymap, firstKey as keyOf } from "../keymap.js";
import { type Segment, segmentsWidth, spread } from "../segments.js";
import { VIEW_TITLES, VIEWS, type ViewId } from "../state.js";

const VIEW_KEYS: Record<ViewId, CommandId> = {
  timeline: "view.timeline",
  briefings: "view.briefings",
  glossary: "view.glossary",
  agenda: "view.agenda",
  actors: "view.actors",
};

/** How many files failed to load: distinct paths with an error problem. */
export function failedFiles(problems: readonly Pick<Problem, "path" | "severity">[]): number {
  const paths = new Set<string>();
  for (const p of problems) if (p.severity === "error") paths.add(p.path);
  return paths.size;
}

/** The header's words for it: "2 files failed"; "" when none did. */
export function failedText(problems: readonly Pick<Problem, "path" | "severity">[]): string {
  const n = failedFiles(problems);
  return n === 0 ? "" : `${n} file${n === 1 ? "" : "s"} failed`;
}

export interface HeaderProps {
  width: number;
  view: ViewId;
  /** Sanitised description of the active filters, "" when none. */
  filters: string;
  matching: number;
  total: number;
  /** Status of the story itself ("checking files…"), at the right of the second line. */
  note?: string;
  /** "2 files failed", at the right of the second line with the key that lists them; "" when none did. */
  failed?: string;
  /** Read counts (`3 unread · 4 new since Mon 30 Nov`), at the right of the second line. */
  reading?: string;
  keymap?: Keymap;
}

function tabSegments(view: ViewId, short: boolean, keymap: Keymap): Segment[] {
  const out: Segment[] = [];
  for (const v of VIEWS) {
    const key = keyOf(VIEW_KEYS[v], keymap);
    // On a narrow terminal the other views are shown by their key alone.
    const label = short && v !== view ? key : `${key} ${VIEW_TITLES[v]}`;
    out.push(
      { text: " " },
      { text: v === view ? `[${label}]` : ` ${label} `, token: v === view ? "activeTab" : "tab" },
    );
  }
  return out;
}

/** The header's two lines. */
export function headerLines({
  width,
  view,
  filters,
  matching,
  total,
  note,
  failed = "",
  reading,
  keymap = DEFAULT_KEYMAP,
}: HeaderProps): Segment[][] {
  const firstKey = (id: CommandId) => keyOf(id, keymap);
  const name: Segment = { text: " signaldesk ", token: "accent" };
  const count: Segment[] = [
    {
      text: matching === total ? `${total} briefings ` : `${matching} of ${total} briefings `,
      token: "muted",
    },
  ];
  const full = [name, ...tabSegments(view, false, keymap)];
  const tabs = segmentsWidth(full) <= width ? full : [name, ...tabSegments(view, true, keymap)];
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
  const counts: Segment[] = [
    ...(failed
      ? [
          { text: `${failed} `, token: "error" as const },
          { text: `(${firstKey("problems.open")}) `, token: "muted" as const },
        ]
      : []),
    ...(reading ? [{ text: `${reading} `, token: "accent" as const }] : []),
  ];
  const right: Segment[] = [
    ...counts,
    ...(note ? [{ text: `${reading ? "· " : ""}${note} `, token: "muted" as const }] : []),
  ];
  if (right.length === 0) return [spread(tabs, count, width), filterLine];
  // A note that leaves no room for the counts gives way to them: they are what the header is for.
  const second = spread(filterLine, right, width);
  return [
    spread(tabs, count, width),
    second.length > filterLine.length || counts.length === 0 ? second : spread(filterLine, counts, width),
  ];
}

/** The view whose tab is drawn at column `x` of the header's first line, if any (a mouse click). */
export function tabAt(
  x: number,
  width: number,
  view: ViewId,
  keymap: Keymap = DEFAULT_KEYMAP,
): ViewId | null {
  const name = segmentsWidth([{ text: " signaldesk " }]);
  const full = tabSegments(view, false, keymap);
  const tabs = name + segmentsWidth(full) <= width ? full : tabSegments(view, true, keymap);
  let at = name;
  for (let i = 0; i < VIEWS.length; i++) {
    at += segmentsWidth([tabs[2 * i]!]);
    const w = segmentsWidth([tabs[2 * i + 1]!]);
    if (x >= at && x < at + w) return VIEWS[i]!;
    at += w;
  }
  return null;
}
