// The body of the screen for the state: the help, a picker, the open briefing, or the view's list (or
// the message that stands in for an empty one), with the position the footer shows for it.
import type { Dispatch, ReactNode } from "react";
import type { Problem } from "../../briefing/schema.js";
import { isEmptyFilter } from "../../story/filter.js";
import type { StoryView } from "../../story/view.js";
import { sanitizeLine } from "../../text/sanitize.js";
import { Message } from "../components/Message.js";
import type { Links } from "../hooks/useLinks.js";
import type { Search } from "../hooks/useSearch.js";
import type { ViewModel } from "../hooks/useViewModel.js";
import { type Focus, firstKey, type Keymap } from "../keymap.js";
import { failedText } from "../lines/header.js";
import { allSummaries, indexOfId, type TimelineEntry, tagItems } from "../model.js";
import type { ReaderLayout } from "../readerLayout.js";
import type { Action, State } from "../state.js";
import { clamp } from "../windowing.js";
import { ActorPicker } from "./ActorPicker.js";
import { ActorPageView, Actors } from "./Actors.js";
import { Agenda } from "./Agenda.js";
import { Briefings } from "./Briefings.js";
import { Glossary } from "./Glossary.js";
import { Help } from "./Help.js";
import { ItemPicker } from "./ItemPicker.js";
import { Problems } from "./Problems.js";
import { Reader } from "./Reader.js";
import { StoryPicker } from "./StoryPicker.js";
import { Timeline } from "./Timeline.js";

export interface MainContext {
  story: StoryView;
  state: State;
  focus: Focus;
  model: ViewModel;
  search: Search;
  links: Links;
  layout: ReaderLayout | null;
  /** The story's problems as the problems view lists them. */
  problems: readonly Problem[];
  columns: number;
  keymap: Keymap;
  /** Rows of the body, and of the prompt line under it (a picker takes both). */
  body: number;
  bottom: number;
  open: (index: number, event?: TimelineEntry) => void;
  dispatch: Dispatch<Action>;
  /** Read flags by briefing index (reading.ts); null while unknown. */
  flags: Uint8Array | null;
}

export interface MainView {
  main: ReactNode;
  /** Where the cursor is in the list ("3/40"), for the footer; "" where that means nothing. */
  status: string;
}

export function mainView(c: MainContext): MainView {
  const { story, state, focus, model, columns, keymap, body, bottom, dispatch, open } = c;
  const prompt = state.prompt;
  const { narrowed, agenda, filtered, todayIso } = model;
  const query = c.search.query;
  // What every list view is given alike: its box, the search query and whether the keys are its.
  const list = { width: columns, height: body, query, active: focus === "list", dispatch };
  if (state.help) {
    return {
      main: (
        <Help
          width={columns}
          height={body}
          scroll={state.help.scroll}
          active={focus === "help"}
          dispatch={dispatch}
        />
      ),
      status: "",
    };
  }
  if (state.problems) {
    return {
      main: (
        <Problems
          width={columns}
          height={body}
          story={story}
          rows={c.problems}
          view={state.problems}
          active={focus === "problems"}
          dispatch={dispatch}
        />
      ),
      status: "",
    };
  }
  if (prompt.kind === "actor") {
    return {
      main: (
        <ActorPicker
          width={columns}
          height={body + bottom}
          actors={story.actors}
          text={prompt.text}
          pos={prompt.pos}
          chosen={state.filter.actors}
          active={focus === "picker"}
          dispatch={dispatch}
        />
      ),
      status: "",
    };
  }
  if (prompt.kind === "tag") {
    const all = tagItems(story);
    const words = prompt.text.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = all.filter((t) => words.every((w) => t.tag.toLowerCase().includes(w)));
    const chosen = new Set(state.filter.tags.map((t) => t.toLowerCase()));
    return {
      main: (
        <ItemPicker
          width={columns}
          height={body + bottom}
          title="Filter by tag"
          label="Tag: "
          placeholder="type to narrow; Enter on a ticked tag removes it"
          items={shown.map((t) => ({
            label: t.tag,
            detail: `${t.count} briefing${t.count === 1 ? "" : "s"}`,
            chosen: chosen.has(t.tag.toLowerCase()),
          }))}
          of={all.length}
          empty="No tag matches what you typed."
          text={prompt.text}
          pos={prompt.pos}
          active={focus === "picker"}
          dispatch={dispatch}
          onPick={(i) => {
            const tag = shown[i]!.tag;
            const ticked = state.filter.tags.find((t) => t.toLowerCase() === tag.toLowerCase());
            dispatch({ type: "toggleTag", tag: ticked ?? tag });
          }}
        />
      ),
      status: "",
    };
  }
  if (prompt.kind === "links") {
    const { links, openLink } = c.links;
    const typed = prompt.text.trim();
    const shown = /^\d+$/.test(typed) ? links.filter((l) => String(l.n).startsWith(typed)) : links;
    return {
      main: (
        <ItemPicker
          width={columns}
          height={body + bottom}
          title="Open a link"
          label="Link number: "
          placeholder="type its number, or move to it; Enter opens"
          items={shown.map((l) => ({ label: `${l.n}. ${l.text}`, detail: l.url }))}
          of={links.length}
          empty="No link has that number."
          text={prompt.text}
          pos={prompt.pos}
          active={focus === "picker"}
          dispatch={dispatch}
          onPick={(i) => {
            const exact = links.find((l) => String(l.n) === typed);
            dispatch({ type: "promptCancel" });
            openLink((exact ?? shown[i]!).url);
          }}
        />
      ),
      status: "",
    };
  }
  if (prompt.kind === "story") {
    return {
      main: (
        <StoryPicker
          width={columns}
          height={body + bottom}
          summaries={allSummaries(story)}
          current={state.filter.story}
          pos={prompt.pos}
          active={focus === "picker"}
          dispatch={dispatch}
        />
      ),
      status: "",
    };
  }
  // Mounted while the text is still being read too: a key pressed meanwhile is not lost.
  if (state.reader) {
    return {
      main: (
        <Reader
          width={columns}
          height={body}
          briefingId={state.reader.briefingId}
          layout={c.layout}
          reader={state.reader}
          matches={c.search.matches}
          query={query}
          active={focus === "reader"}
          dispatch={dispatch}
        />
      ),
      status: "",
    };
  }
  const message = (lines: Parameters<typeof Message>[0]["lines"]) => (
    <Message width={columns} height={body} lines={lines} />
  );
  if (story.briefings.length === 0) {
    return {
      main: message([
        { text: `No briefings in ${sanitizeLine(story.dir)}.`, token: "title" },
        ...(failedText(story.problems) !== ""
          ? [
              {
                text: `${failedText(story.problems)}: ${firstKey("problems.open", keymap)} lists why.`,
                token: "warning" as const,
              },
            ]
          : []),
      ]),
      status: "",
    };
  }
  if (state.view === "actors") {
    const main =
      state.actorPage === null ? (
        <Actors actors={story.actors} chosen={state.filter.actors} pos={state.lists.actors} {...list} />
      ) : (
        <ActorPageView
          story={story}
          name={state.actorPage.name}
          pos={state.actorPage.pos}
          {...list}
          onOpen={(i, e) => open(i, e)}
        />
      );
    return { main, status: state.actorPage ? "" : `${state.lists.actors.cursor + 1}/${story.actors.length}` };
  }
  if (state.view !== "timeline" && narrowed.briefings.length === 0) {
    return {
      main: message(
        state.only && isEmptyFilter(state.filter) && !state.term
          ? [
              {
                text: state.only.kind === "new" ? "Nothing new since the last visit." : "Nothing unread.",
                token: "title",
              },
              { text: "Press c to show every briefing.", token: "muted" },
            ]
          : [
              { text: "No briefings match the filters.", token: "title" },
              { text: "Press c to clear them, or a / d to change them.", token: "muted" },
            ],
      ),
      status: "",
    };
  }
  if (state.view === "timeline") {
    const t = narrowed.timeline;
    const main =
      t.count === 0 ? (
        message([
          {
            text: state.upcoming
              ? `Nothing on the timeline is dated ${todayIso} or later.`
              : filtered
                ? "No events match the filters (on the timeline, dates are the events' own)."
                : "No dated events.",
            token: "title",
          },
          ...(filtered || state.upcoming
            ? [{ text: "Press c to clear the filters, or u to see everything.", token: "muted" as const }]
            : []),
        ])
      ) : (
        <Timeline
          model={t}
          pos={state.lists.timeline}
          {...list}
          onOpen={(e) => open(e.briefing, e.kind === "event" ? e : undefined)}
          flags={c.flags}
        />
      );
    const entry = t.positionAt(clamp(state.lists.timeline.cursor, 0, t.total - 1)) ?? 0;
    return { main, status: t.count > 0 ? `${Math.max(0, entry) + 1}/${t.count}` : "" };
  }
  if (state.view === "agenda") {
    const main =
      agenda.total === 0 ? (
        message([
          { text: "Nothing to watch: no matching briefing has a What to watch section.", token: "muted" },
        ])
      ) : (
        <Agenda
          story={story}
          model={agenda}
          pos={state.lists.agenda}
          {...list}
          onOpen={(id) => open(indexOfId(story, id))}
        />
      );
    const openItems = agenda.rows.filter((r) => r.follow === null && r.item.status === "open").length;
    const items = agenda.rows.filter((r) => r.follow === null).length;
    return { main, status: items > 0 ? `${openItems} open of ${items}` : "" };
  }
  if (state.view === "briefings") {
    return {
      main: (
        <Briefings
          story={story}
          order={narrowed.briefings}
          list={narrowed.briefingList}
          pos={state.lists.briefings}
          {...list}
          onOpen={(i) => open(i)}
          flags={c.flags}
        />
      ),
      status: `${state.lists.briefings.cursor + 1}/${narrowed.briefings.length}`,
    };
  }
  return {
    main:
      narrowed.glossary.length === 0 ? (
        message([{ text: "No glossary terms in the matching briefings.", token: "muted" }])
      ) : (
        <Glossary
          story={story}
          items={narrowed.glossary}
          list={narrowed.glossaryList}
          pos={state.lists.glossary}
          {...list}
        />
      ),
    status:
      narrowed.glossary.length > 0 ? `${state.lists.glossary.cursor + 1}/${narrowed.glossary.length}` : "",
  };
}
