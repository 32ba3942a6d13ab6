// `5`: every actor A–Z with its kind and number of briefings; Enter opens the actor's page: who it
// is, its briefings, its events in date order, the actors it appears with most and the glossary
// terms of its briefings. On the page Enter opens a briefing (at an event) or another actor's page,
// `+` filters by the actor.
import { Box } from "ink";
import { type Dispatch, type ReactNode, useCallback, useMemo } from "react";
import { type ActorPage, actorPage } from "../../story/actor-page.js";
import type { StoryEvent, StoryView } from "../../story/view.js";
import { sanitizeLine } from "../../text/sanitize.js";
import { fit as fitText, truncate, wrap } from "../../text/width.js";
import { highlight } from "../components/highlight.js";
import { Line, type Segment } from "../components/Line.js";
import { List } from "../components/List.js";
import { Message } from "../components/Message.js";
import { useListKeys } from "../hooks/useListKeys.js";
import type { Searchable } from "../listSearch.js";
import type { ActorItem } from "../model.js";
import type { Action } from "../state.js";
import { type Position, settle } from "../windowing.js";

const KIND_WIDTH = 11;

export function actorsList(actors: readonly ActorItem[]): Searchable {
  return {
    total: actors.length,
    text: (row) => {
      const a = actors[row];
      return a ? `${a.name} ${a.aliases.join(" ")} ${a.kind}` : "";
    },
  };
}

export interface ActorsProps {
  width: number;
  height: number;
  actors: readonly ActorItem[];
  chosen: readonly string[];
  pos: Position;
  query: string;
  active: boolean;
  dispatch: Dispatch<Action>;
}

export function Actors({
  width,
  height,
  actors,
  chosen,
  pos,
  query,
  active,
  dispatch,
}: ActorsProps): ReactNode {
  const list = useMemo(() => actorsList(actors), [actors]);
  useListKeys({
    active,
    list,
    page: height,
    cursor: pos.cursor,
    query,
    dispatch,
    onOpen: (row) => {
      const a = actors[row];
      if (a) dispatch({ type: "openActor", name: a.name });
    },
  });
  const nameWidth = Math.max(8, Math.min(40, width - 4 - 2 - KIND_WIDTH - 13));
  const renderRow = useCallback(
    (row: number, selected: boolean) => {
      const a = actors[row];
      if (!a) return <Line segments={[]} width={width} />;
      return (
        <Line
          segments={[
            { text: selected ? "› " : "  ", token: "accent" },
            { text: chosen.includes(a.name) ? "✓ " : "  ", token: "accent" },
            ...highlight(fitText(sanitizeLine(a.name), nameWidth), query, "title"),
            { text: `  ${a.kind.padEnd(KIND_WIDTH)}`, token: "muted" },
            { text: `${a.count} briefing${a.count === 1 ? "" : "s"}` },
          ]}
          width={width}
          {...(selected ? { fill: "selection" as const } : {})}
        />
      );
    },
    [actors, chosen, width, nameWidth, query],
  );
  if (actors.length === 0) {
    return (
      <Message
        width={width}
        height={height}
        lines={[{ text: "No actors in the briefings.", token: "muted" }]}
      />
    );
  }
  return (
    <List
      total={actors.length}
      cursor={pos.cursor}
      scrollTop={pos.scrollTop}
      height={height}
      width={width}
      renderRow={renderRow}
    />
  );
}

/** A row of an actor's page: text, or something Enter opens. */
export type PageRow =
  | { kind: "text"; segments: Segment[] }
  | { kind: "briefing"; index: number; segments: Segment[] }
  | { kind: "event"; event: StoryEvent; segments: Segment[] }
  | { kind: "actor"; name: string; segments: Segment[] };

const DATE_WIDTH = 10;

/** The page as rows for `width` columns. */
export function pageRows(story: StoryView, page: ActorPage, width: number): PageRow[] {
  const a = page.actor;
  const rows: PageRow[] = [];
  const text = (segments: Segment[]) => rows.push({ kind: "text", segments });
  const heading = (t: string) => {
    text([]);
    text([{ text: ` ${t}`, token: "heading" }]);
  };
  text([
    { text: ` ${sanitizeLine(a.name)}`, token: "title" },
    { text: `  ${a.kind}`, token: "muted" },
  ]);
  for (const l of wrap(
    `Aliases: ${a.aliases.length > 0 ? sanitizeLine(a.aliases.join(", ")) : "none"}`,
    width - 2,
  ))
    text([{ text: ` ${l}`, token: "muted" }]);
  const dated = (date: string | null, body: string): Segment[] => [
    { text: (date ?? "undated").padEnd(DATE_WIDTH), token: "date" },
    { text: "  " },
    { text: truncate(sanitizeLine(body), Math.max(0, width - DATE_WIDTH - 4)) },
  ];
  heading(`Briefings (${page.briefings.length})`);
  for (const i of page.briefings) {
    const s = story.briefings.get(i);
    rows.push({ kind: "briefing", index: i, segments: dated(s?.date ?? null, s?.title ?? "") });
  }
  heading(`Events (${page.events.length})`);
  if (page.events.length === 0) text([{ text: "   none", token: "muted" }]);
  for (const e of page.events) {
    rows.push({ kind: "event", event: e, segments: dated(e.date, `${e.expected ? "→ " : ""}${e.text}`) });
  }
  heading("Appears with");
  if (page.coActors.length === 0) text([{ text: "   nobody else", token: "muted" }]);
  for (const c of page.coActors) {
    rows.push({
      kind: "actor",
      name: c.name,
      segments: [
        { text: truncate(sanitizeLine(c.name), Math.max(0, width - 20)), token: "title" },
        { text: `  ${c.count} briefing${c.count === 1 ? "" : "s"} together`, token: "muted" },
      ],
    });
  }
  heading("Glossary terms");
  const terms = page.terms.length > 0 ? sanitizeLine(page.terms.join(", ")) : "none";
  for (const l of wrap(terms, Math.max(1, width - 3))) text([{ text: `   ${l}` }]);
  return rows;
}

export interface ActorPageProps {
  width: number;
  height: number;
  story: StoryView;
  name: string;
  pos: Position;
  query: string;
  active: boolean;
  dispatch: Dispatch<Action>;
  onOpen: (index: number, event?: StoryEvent) => void;
}

export function ActorPageView({
  width,
  height,
  story,
  name,
  pos,
  query,
  active,
  dispatch,
  onOpen,
}: ActorPageProps): ReactNode {
  const page = useMemo(() => actorPage(story, name), [story, name]);
  const rows = useMemo(() => (page ? pageRows(story, page, width) : []), [story, page, width]);
  const list = useMemo(
    () => ({
      total: rows.length,
      selectable: (row: number) => rows[row] !== undefined && rows[row]!.kind !== "text",
      text: (row: number) => rows[row]?.segments.map((s) => s.text).join("") ?? "",
    }),
    [rows],
  );
  const cursor = settle(pos.cursor, list.total, list.selectable);
  useListKeys({
    active,
    list,
    page: height,
    cursor,
    query,
    dispatch,
    onOpen: (row) => {
      const r = rows[row];
      if (r?.kind === "briefing") onOpen(r.index);
      else if (r?.kind === "event") onOpen(r.event.briefing, r.event);
      else if (r?.kind === "actor") dispatch({ type: "openActor", name: r.name });
    },
  });
  const renderRow = useCallback(
    (row: number, selected: boolean) => {
      const r = rows[row];
      if (!r) return <Line segments={[]} width={width} />;
      if (r.kind === "text") return <Line segments={r.segments} width={width} />;
      return (
        <Line
          segments={[{ text: selected ? " › " : "   ", token: "accent" }, ...r.segments]}
          width={width}
          {...(selected ? { fill: "selection" as const } : {})}
        />
      );
    },
    [rows, width],
  );
  if (!page) {
    return (
      <Message
        width={width}
        height={height}
        lines={[{ text: `No actor named ${sanitizeLine(name)}.`, token: "muted" }]}
      />
    );
  }
  return (
    <Box flexDirection="column" height={height} width={width}>
      <List
        total={rows.length}
        cursor={cursor}
        scrollTop={pos.scrollTop}
        height={height}
        width={width}
        renderRow={renderRow}
      />
    </Box>
  );
}
