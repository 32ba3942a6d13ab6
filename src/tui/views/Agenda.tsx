// `4`: every What-to-watch item, newest first, open or followed up; under a followed item, a row per
// briefing that followed it up. Enter opens the item's briefing, or the follow-up's.
import { Box } from "ink";
import { type Dispatch, type ReactNode, useCallback } from "react";
import type { AgendaItem } from "../../story/agenda.js";
import type { StoryView } from "../../story/view.js";
import { sanitizeLine } from "../../text/sanitize.js";
import { displayWidth, truncate, wrap } from "../../text/width.js";
import { highlight } from "../components/highlight.js";
import { Line, type Segment } from "../components/Line.js";
import { List } from "../components/List.js";
import { Pane } from "../components/Pane.js";
import { useListKeys } from "../hooks/useListKeys.js";
import type { Searchable } from "../listSearch.js";
import { indexOfId } from "../model.js";
import type { Action } from "../state.js";
import { type Position, settle } from "../windowing.js";

/** A row of the agenda: an item, or one briefing that followed it up. */
export type AgendaRow = { item: AgendaItem; follow: null } | { item: AgendaItem; follow: string };

export interface AgendaRows extends Searchable {
  rows: readonly AgendaRow[];
  selectable: (row: number) => boolean;
}

/** The agenda's rows for the items whose briefing `keep` lets through (by index). */
export function agendaRows(story: StoryView, keep: (briefing: number) => boolean): AgendaRows {
  // Made when first read: the story builds its agenda only when it is shown.
  let made: AgendaRow[] | undefined;
  const all = () => {
    if (made === undefined) {
      made = [];
      for (const item of story.agenda) {
        if (!keep(indexOfId(story, item.briefingId))) continue;
        made.push({ item, follow: null });
        for (const id of item.followedBy) made.push({ item, follow: id });
      }
    }
    return made;
  };
  const titleOf = (id: string) => story.briefings.get(indexOfId(story, id))?.title ?? id;
  return {
    get rows() {
      return all();
    },
    get total() {
      return all().length;
    },
    selectable: (row) => row >= 0 && row < all().length,
    text: (row) => {
      const r = all()[row];
      if (!r) return "";
      return r.follow === null
        ? `${r.item.date ?? ""} ${r.item.text} ${r.item.briefingId} ${titleOf(r.item.briefingId)}`
        : `${r.follow} ${titleOf(r.follow)}`;
    },
  };
}

const DATE_WIDTH = 10;

function rowSegments(
  story: StoryView,
  r: AgendaRow,
  selected: boolean,
  width: number,
  query: string,
): Segment[] {
  const lead: Segment = { text: selected ? "› " : "  ", token: "accent" };
  if (r.follow !== null) {
    const b = story.briefings.get(indexOfId(story, r.follow));
    const text = `↳ ${b?.date ?? "undated"}  ${sanitizeLine(b?.title ?? r.follow)}`;
    return [
      lead,
      { text: " ".repeat(DATE_WIDTH + 3) },
      ...highlight(truncate(text, Math.max(0, width - DATE_WIDTH - 5)), query, "muted"),
    ];
  }
  const id = sanitizeLine(r.item.briefingId);
  const idWidth = Math.min(displayWidth(id), Math.max(0, Math.floor(width / 4)));
  const mark: Segment =
    r.item.status === "open" ? { text: "○ ", token: "warning" } : { text: "✓ ", token: "accent" };
  const room = Math.max(0, width - 2 - DATE_WIDTH - 1 - 2 - (idWidth > 0 ? idWidth + 2 : 0));
  const text = truncate(sanitizeLine(r.item.text), room);
  const pad = " ".repeat(Math.max(0, room - displayWidth(text)));
  return [
    lead,
    { text: (r.item.date ?? "undated").padEnd(DATE_WIDTH), token: "date" },
    { text: " " },
    mark,
    ...highlight(text, query),
    ...(idWidth > 0 ? [{ text: `${pad}  ` }, { text: truncate(id, idWidth), token: "muted" as const }] : []),
  ];
}

/** The selected item in full: its briefing, whether it was followed up, its whole text wrapped. */
function detailLines(story: StoryView, r: AgendaRow | undefined, width: number, height: number): Segment[][] {
  const lines: Segment[][] = [[{ text: "─".repeat(width), token: "muted" }]];
  if (!r) return lines;
  const title = story.briefings.get(indexOfId(story, r.item.briefingId))?.title ?? r.item.briefingId;
  lines.push([
    { text: " From: ", token: "muted" },
    { text: sanitizeLine(title), token: "title" },
    { text: ` [${sanitizeLine(r.item.briefingId)}]`, token: "muted" },
  ]);
  const n = r.item.followedBy.length;
  lines.push(
    n === 0
      ? [{ text: " ○ Open: no later briefing has followed it up yet", token: "warning" }]
      : [{ text: ` ✓ Followed up by ${n} later briefing${n === 1 ? "" : "s"}`, token: "accent" }],
  );
  const room = Math.max(0, height - lines.length);
  const text = wrap(sanitizeLine(r.item.text), Math.max(1, width - 2));
  const shown = text.slice(0, room);
  if (text.length > room && room > 0)
    shown[room - 1] = `${truncate(shown[room - 1]!, Math.max(1, width - 3), "")}…`;
  for (const l of shown) lines.push([{ text: ` ${l}` }]);
  return lines;
}

export function agendaDetailHeight(height: number): number {
  if (height >= 14) return Math.min(9, Math.max(4, Math.floor((height * 2) / 5)));
  return 0;
}

export interface AgendaProps {
  width: number;
  height: number;
  story: StoryView;
  model: AgendaRows;
  pos: Position;
  query: string;
  active: boolean;
  dispatch: Dispatch<Action>;
  /** Opens the briefing with this id. */
  onOpen: (briefingId: string) => void;
}

export function Agenda({
  width,
  height,
  story,
  model,
  pos,
  query,
  active,
  dispatch,
  onOpen,
}: AgendaProps): ReactNode {
  const detail = agendaDetailHeight(height);
  const listHeight = height - detail;
  const cursor = settle(pos.cursor, model.total, model.selectable);
  useListKeys({
    active,
    list: model,
    page: listHeight,
    cursor,
    query,
    dispatch,
    onOpen: (row) => {
      const r = model.rows[row];
      if (r) onOpen(r.follow ?? r.item.briefingId);
    },
  });
  const renderRow = useCallback(
    (row: number, selected: boolean) => {
      const r = model.rows[row];
      if (!r) return <Line segments={[]} width={width} />;
      return (
        <Line
          segments={rowSegments(story, r, selected, width, query)}
          width={width}
          {...(selected ? { fill: "selection" as const } : {})}
        />
      );
    },
    [model, story, width, query],
  );
  return (
    <Box flexDirection="column" height={height} width={width}>
      <List
        total={model.total}
        cursor={cursor}
        scrollTop={pos.scrollTop}
        height={listHeight}
        width={width}
        renderRow={renderRow}
      />
      {detail > 0 ? (
        <Pane lines={detailLines(story, model.rows[cursor], width, detail)} width={width} height={detail} />
      ) : null}
    </Box>
  );
}
