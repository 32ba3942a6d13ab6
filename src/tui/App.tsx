// The reader: lays out header, body and footer for the terminal's size, decides which part has the
// keyboard, and turns keys into reducer actions.
import { format } from "date-fns";
import { Box, useApp } from "ink";
import type React from "react";
import { type Dispatch, useEffect, useMemo, useReducer, useRef, useState } from "react";
import { openableLinks } from "../briefing/links.js";
import type { Briefing } from "../briefing/schema.js";
import { describeFilter, type Filter } from "../story/filter.js";
import type { StoryView } from "../story/view.js";
import { sanitizeLine } from "../text/sanitize.js";
import { wrap } from "../text/width.js";
import { loadBody } from "./bodies.js";
import { Footer } from "./components/Footer.js";
import { Header } from "./components/Header.js";
import { Line } from "./components/Line.js";
import { Message } from "./components/Message.js";
import { promptHeight } from "./components/PromptLine.js";
import { useCommands } from "./hooks/useCommands.js";
import { KeymapContext } from "./hooks/useKeymap.js";
import { useMouse } from "./hooks/useMouse.js";
import { BODY_CHANGED, useStorySwap } from "./hooks/useStorySwap.js";
import { useTerminalSize } from "./hooks/useTerminalSize.js";
import { ThemeContext } from "./hooks/useTheme.js";
import { DEFAULT_KEYMAP, type Focus, type Keymap, type Scope } from "./keymap.js";
import { bodyHeight, frameHeight, HEADER_HEIGHT, MIN_COLUMNS, MIN_ROWS } from "./layout.js";
import { tabAt } from "./lines/header.js";
import { detailHeight as timelineDetailHeight } from "./lines/timeline.js";
import { countRows, searchRows } from "./listSearch.js";
import { allSummaries, indexOfId, narrow, type TimelineEntry, tagItems } from "./model.js";
import type { MouseEvents } from "./mouse.js";
import { openerCommand, openUrl } from "./opener.js";
import { cachedLayout, lineOfEvent } from "./readerLayout.js";
import { firstMatchFrom, readerMatches, scrollToLine } from "./readerSearch.js";
import { type Action, hasFilter, initialState, reducer, type State } from "./state.js";
import { pickTheme } from "./theme.js";
import { ActorPicker } from "./views/ActorPicker.js";
import { ActorPageView, Actors, actorsList } from "./views/Actors.js";
import { Agenda, agendaRows } from "./views/Agenda.js";
import { Briefings } from "./views/Briefings.js";
import { DatePrompt } from "./views/DatePrompt.js";
import { Glossary, glossaryDetailHeight, termBriefings } from "./views/Glossary.js";
import { Help, helpLines } from "./views/Help.js";
import { ItemPicker } from "./views/ItemPicker.js";
import { Reader } from "./views/Reader.js";
import { SearchPrompt } from "./views/SearchPrompt.js";
import { StoryPicker } from "./views/StoryPicker.js";
import { TextPrompt } from "./views/TextPrompt.js";
import { Timeline } from "./views/Timeline.js";
import { clamp, maxScrollTop, settle, visibleSlice } from "./windowing.js";

export { MIN_COLUMNS, MIN_ROWS } from "./layout.js";

/** How long the cursor rests on a briefing before it is read ahead: longer than a key repeat. */
const READ_AHEAD_MS = 30;

export interface AppProps {
  story: StoryView;
  /** Shown at the right of the header while the story is checked against the files, and the like. */
  note?: string;
  initialFilter: Filter;
  today: Date;
  color: boolean;
  /** The keys in effect (the config's rebinding); the defaults when not given. */
  keymap?: Keymap;
  /** Mouse events, when mouse reporting is on. */
  mouse?: MouseEvents;
  /** The reading measure: a briefing is wrapped to at most this many columns. */
  measure?: number;
  /** $BROWSER, for `o`; null or absent: the platform's opener. */
  browser?: string | null;
  /** `r`: check the folder for changes now (run.ts). */
  onRefresh?: () => void;
  /** A footer notice from outside (live updates off); each new `seq` is shown once. */
  message?: { text: string; seq: number };
}

export function App(props: AppProps): React.JSX.Element {
  const { columns, rows } = useTerminalSize();
  const theme = useMemo(() => pickTheme(props.color), [props.color]);
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  // State lives above the too-small switch so that shrinking the terminal and growing it back returns
  // to the same view, briefing and filters.
  const [state, dispatch] = useReducer(reducer, props.initialFilter, initialState);
  useStorySwap(props.story, state, dispatch, props.today);
  // The same message again (another seq) is said again: the object is new each time.
  const message = props.message;
  useEffect(() => {
    if (message !== undefined) dispatch({ type: "notice", text: message.text });
  }, [message]);
  useQuitKeys(tooSmall ? ["exit"] : []);
  return (
    <KeymapContext.Provider value={props.keymap ?? DEFAULT_KEYMAP}>
      <ThemeContext.Provider value={theme}>
        {tooSmall ? (
          <TooSmall columns={columns} rows={rows} />
        ) : (
          <Screen {...props} columns={columns} rows={rows} state={state} dispatch={dispatch} />
        )}
      </ThemeContext.Provider>
    </KeymapContext.Provider>
  );
}

/** Ctrl-C is handled here and only here, whatever has focus (prompts included); q too when too small. */
function useQuitKeys(scopes: readonly Scope[]): void {
  const { exit } = useApp();
  useCommands(["always", ...scopes], { onCommand: () => exit() }, true);
}

/** The search prompt's count: "3 matches", "no match", nothing before anything is typed. */
function matchCount(n: number, text: string): string {
  if (text.trim() === "") return "";
  return n === 0 ? "no match" : `${n} match${n === 1 ? "" : "es"}`;
}

function TooSmall({ columns, rows }: { columns: number; rows: number }): React.JSX.Element {
  const lines = wrap(
    `Terminal too small (${columns}×${rows}). Needs at least ${MIN_COLUMNS}×${MIN_ROWS}.`,
    columns,
  );
  const shown = lines.slice(0, Math.max(0, rows - 1));
  return (
    <Box flexDirection="column" width={columns} height={shown.length}>
      {shown.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed slots
        <Line key={i} segments={[{ text: l }]} width={columns} />
      ))}
    </Box>
  );
}

interface ScreenProps extends AppProps {
  columns: number;
  rows: number;
  state: State;
  dispatch: Dispatch<Action>;
}

function Screen({
  story,
  note,
  today,
  columns,
  rows,
  state,
  dispatch,
  mouse,
  measure,
  browser,
  onRefresh,
  keymap = DEFAULT_KEYMAP,
}: ScreenProps) {
  const { exit } = useApp();
  const filtered = hasFilter(state);
  const todayIso = format(today, "yyyy-MM-dd");
  const upcoming = state.upcoming ? todayIso : null;
  const narrowed = useMemo(
    () => narrow(story, state.filter, state.term, !filtered, upcoming),
    [story, state.filter, state.term, filtered, upcoming],
  );

  const prompt = state.prompt;
  const focus: Focus = state.help
    ? "help"
    : prompt.kind === "actor" || prompt.kind === "tag" || prompt.kind === "links" || prompt.kind === "story"
      ? "picker"
      : prompt.kind !== "none"
        ? "prompt"
        : state.reader
          ? "reader"
          : "list";

  const frame = frameHeight(rows);
  const bottom = prompt.kind === "date" ? promptHeight(prompt.error) : 1;
  const body = bodyHeight(rows, bottom);

  // q and the view/filter keys only where a letter is not text being typed (Ctrl-C is the App's).
  useCommands(
    focus === "help" ? ["exit"] : ["exit", "global"],
    {
      onCommand(id) {
        switch (id) {
          case "quit":
            exit();
            break;
          case "view.timeline":
            dispatch({ type: "view", view: "timeline" });
            break;
          case "view.briefings":
            dispatch({ type: "view", view: "briefings" });
            break;
          case "view.glossary":
            dispatch({ type: "view", view: "glossary" });
            break;
          case "view.agenda":
            dispatch({ type: "view", view: "agenda" });
            break;
          case "view.actors":
            dispatch({ type: "view", view: "actors" });
            break;
          case "story.pick":
            dispatch({ type: "promptOpen", kind: "story" });
            break;
          case "view.next":
            dispatch({ type: "cycleView", dir: 1 });
            break;
          case "view.prev":
            dispatch({ type: "cycleView", dir: -1 });
            break;
          case "back":
            dispatch({ type: "back" });
            break;
          case "filter.actor":
            dispatch({ type: "promptOpen", kind: "actor" });
            break;
          case "filter.date":
            dispatch({ type: "promptOpen", kind: "date" });
            break;
          case "filter.tag":
            dispatch({ type: "promptOpen", kind: "tag" });
            break;
          case "filter.text":
            dispatch({ type: "promptOpen", kind: "text" });
            break;
          case "filter.clear":
            dispatch({ type: "clearFilters" });
            break;
          case "help.open":
            dispatch({ type: "helpToggle" });
            break;
          case "refresh":
            dispatch({ type: "notice", text: "Checking the folder for changes…" });
            onRefresh?.();
            break;
          default:
            break;
        }
      },
    },
    focus === "list" || focus === "reader" || focus === "help",
  );

  // Keys of the timeline: the other side of a conflict, and what is still ahead.
  useCommands(
    ["timeline"],
    {
      onCommand(id) {
        if (id === "timeline.upcoming") {
          dispatch({ type: "toggleUpcoming" });
          return;
        }
        if (id !== "timeline.conflict") return;
        const t = narrowed.timeline;
        const e = t.entryAt(settle(state.lists.timeline.cursor, t.total, t.selectable));
        if (!e?.conflict) {
          dispatch({ type: "notice", text: "No conflicting report here" });
          return;
        }
        for (const c of e.conflictWith) {
          const row = t.rowOf(indexOfId(story, c.briefingId), c.date);
          if (row >= 0) {
            dispatch({ type: "jump", row, total: t.total, page: body - timelineDetailHeight(body) });
            return;
          }
        }
        dispatch({ type: "notice", text: "The other report is hidden by the filters" });
      },
    },
    focus === "list" && state.view === "timeline",
  );

  // An actor's page: `+` puts the actor in the filter, or takes it out.
  const pageActor = state.view === "actors" && state.actorPage ? state.actorPage.name : null;
  useCommands(
    ["actor"],
    {
      onCommand(id) {
        if (id !== "actor.filter" || pageActor === null) return;
        const had = state.filter.actors.includes(pageActor);
        dispatch({ type: "toggleActor", name: pageActor });
        dispatch({
          type: "notice",
          text: had
            ? `${sanitizeLine(pageActor)} taken out of the filter`
            : `Filtering by ${sanitizeLine(pageActor)}`,
        });
      },
    },
    focus === "list" && pageActor !== null,
  );

  // The agenda's rows for the briefings the filter lets through (by their dates, as the list's).
  const agenda = useMemo(() => {
    if (!filtered) return agendaRows(story, () => true);
    const kept = new Set(narrowed.briefings);
    return agendaRows(story, (i) => kept.has(i));
  }, [story, narrowed, filtered]);

  // The open briefing, laid out for this width once; scrolling only slices it.
  const readerWidth = Math.min(columns - 2, measure ?? Number.POSITIVE_INFINITY);
  const readerText = Math.max(0, body - 1);
  // Bodies come from the story when it holds them, else from their files (asynchronously). The body
  // held was read for one story: once another replaces it (a live update), it is read again, and
  // shown meanwhile, so the reader neither blinks back to the list nor keeps stale text.
  const [opened, setOpened] = useState<{ briefing: Briefing; story: StoryView } | null>(null);
  const openIndex = state.reader ? indexOfId(story, state.reader.briefingId) : -1;
  const held = state.reader && opened?.briefing.id === state.reader.briefingId ? opened : null;
  const openBriefing = held ? held.briefing : state.reader ? story.body?.(openIndex) : undefined;
  const layout = useMemo(
    () => (openBriefing ? cachedLayout(openBriefing, readerWidth, story.termsOf(openIndex)) : null),
    [openBriefing, openIndex, readerWidth, story],
  );
  const query = prompt.kind === "search" ? prompt.text : state.query;
  const matches = useMemo(() => (layout ? readerMatches(layout, query) : []), [layout, query]);
  const links = useMemo(() => (openBriefing ? openableLinks(openBriefing) : []), [openBriefing]);
  const openLink = (url: string) => {
    void openUrl(openerCommand(browser ?? null, process.platform), url).then((error) =>
      dispatch({ type: "notice", text: error ?? `Opened ${sanitizeLine(url)}` }),
    );
  };
  useCommands(
    ["reader"],
    {
      onCommand(id) {
        if (id !== "link.open") return;
        if (links.length === 0) dispatch({ type: "notice", text: "No links in this briefing" });
        else if (links.length === 1) openLink(links[0]!.url);
        else dispatch({ type: "promptOpen", kind: "links" });
      },
    },
    focus === "reader",
  );

  // The latest open wins: a slow file must not open over a later choice.
  const opening = useRef(0);
  const show = (b: Briefing, index: number, event?: TimelineEntry) => {
    const l = cachedLayout(b, readerWidth, story.termsOf(index));
    const mark = event ? lineOfEvent(l, event.line, event.text) : null;
    const scroll = mark === null ? 0 : clamp(mark - 2, 0, maxScrollTop(l.lines.length, readerText));
    setOpened({ briefing: b, story });
    dispatch({ type: "open", briefingId: b.id, scroll, mark });
  };
  const open = (index: number, event?: TimelineEntry) => {
    const ticket = ++opening.current;
    const body = loadBody(story, index);
    if (body instanceof Promise) {
      void body.then((b) => {
        if (ticket === opening.current) show(b, index, event);
      });
    } else if (body) show(body, index, event);
  };

  // A reader whose briefing is not at hand (the screen was too small for a while) or was read for a
  // story since replaced reads it again, keeping its place; new text comes with a word that it changed.
  const missing = state.reader !== null && openIndex >= 0 && held?.story !== story ? openIndex : -1;
  const heldRef = useRef(held);
  heldRef.current = held;
  useEffect(() => {
    if (missing < 0) return;
    let live = true;
    const was = heldRef.current?.briefing;
    const take = (b: Briefing) => {
      if (!live) return;
      setOpened({ briefing: b, story });
      if (was && was.id === b.id && JSON.stringify(was) !== JSON.stringify(b))
        dispatch({ type: "notice", text: BODY_CHANGED });
    };
    const body = loadBody(story, missing);
    if (body instanceof Promise) void body.then(take);
    else if (body) take(body);
    return () => {
      live = false;
    };
  }, [missing, story, dispatch]);

  // Read-ahead: once the cursor rests, the briefing under it is read and parsed, so Enter shows it
  // without waiting for the file (only a story from a snapshot reads files; see bodies.ts).
  const resting =
    focus !== "list" || state.reader
      ? undefined
      : state.view === "timeline"
        ? narrowed.timeline.entryAt(
            settle(state.lists.timeline.cursor, narrowed.timeline.total, narrowed.timeline.selectable),
          )?.briefing
        : state.view === "briefings"
          ? narrowed.briefings[state.lists.briefings.cursor]
          : undefined;
  useEffect(() => {
    if (resting === undefined || story.body) return;
    const timer = setTimeout(() => void loadBody(story, resting), READ_AHEAD_MS);
    return () => clearTimeout(timer);
  }, [resting, story]);

  const list =
    state.view === "timeline"
      ? narrowed.timeline
      : state.view === "briefings"
        ? narrowed.briefingList
        : state.view === "agenda"
          ? agenda
          : state.view === "actors"
            ? pageActor === null
              ? actorsList(story.actors)
              : { total: 0, text: () => "" }
            : narrowed.glossaryList;
  const listPage = body;

  // Typing a search: jump to the first match at or after where the search started.
  const onSearchChange = (text: string) => {
    if (prompt.kind !== "search") return;
    dispatch({ type: "promptText", text });
    const origin = prompt.origin;
    if (layout) {
      const m = readerMatches(layout, text);
      const i = firstMatchFrom(m, origin.cursor);
      const hit = m[i];
      dispatch(
        hit
          ? {
              type: "readerMatch",
              match: i,
              scroll: scrollToLine(hit.line, origin.cursor, layout.lines.length, readerText),
            }
          : { type: "readerMatch", match: -1, scroll: origin.cursor },
      );
      return;
    }
    const row = searchRows(list, text, origin.cursor, 1, true);
    dispatch({ type: "jump", row: row >= 0 ? row : origin.cursor, total: list.total, page: listPage });
  };

  // The mouse: the wheel scrolls what is under it, a click moves the cursor to a row (and opens it
  // when it is already there), a click on a tab switches to that view.
  const wheelStep = 3;
  useMouse(mouse, (e) => {
    if (e.y === 0 && !state.help && prompt.kind === "none") {
      const view = tabAt(e.x, columns, state.view, keymap);
      if (view) dispatch({ type: "view", view });
      return;
    }
    const row = e.y - HEADER_HEIGHT;
    if (row < 0 || row >= body) return;
    const wheel = e.kind === "wheelUp" ? "up" : e.kind === "wheelDown" ? "down" : null;
    if (state.help) {
      if (wheel)
        for (let i = 0; i < wheelStep; i++)
          dispatch({ type: "helpScroll", motion: wheel, total: helpLines(keymap).length, page: body });
      return;
    }
    if (focus === "reader" && layout) {
      if (wheel)
        for (let i = 0; i < wheelStep; i++)
          dispatch({ type: "readerScroll", motion: wheel, total: layout.lines.length, page: readerText });
      return;
    }
    if (focus !== "list" || list.total === 0) return;
    const page =
      state.view === "timeline"
        ? body - timelineDetailHeight(body)
        : state.view === "glossary"
          ? body - glossaryDetailHeight(body)
          : body;
    const selectable = state.view === "timeline" ? narrowed.timeline.selectable : undefined;
    if (wheel) {
      for (let i = 0; i < wheelStep; i++) {
        const move: Action = { type: "move", motion: wheel, total: list.total, page };
        if (selectable) move.selectable = selectable;
        dispatch(move);
      }
      return;
    }
    if (row >= page) return;
    const pos = state.lists[state.view];
    const cursor = settle(pos.cursor, list.total, selectable);
    const target = visibleSlice(list.total, cursor, page, pos.scrollTop).start + row;
    if (target >= list.total || (selectable && !selectable(target))) return;
    if (target !== cursor) {
      dispatch({ type: "jump", row: target, total: list.total, page });
      return;
    }
    if (state.view === "timeline") {
      const entry = narrowed.timeline.entryAt(target);
      if (entry) open(entry.briefing, entry);
    } else if (state.view === "briefings") {
      const i = narrowed.briefings[target];
      if (i !== undefined) open(i);
    } else {
      const g = narrowed.glossary[target];
      if (g) dispatch({ type: "openTerm", term: sanitizeLine(g.term), briefings: termBriefings(g) });
    }
  });

  const filterText = [
    sanitizeLine(describeFilter(state.filter, state.view === "timeline" ? "events" : "briefings")),
    state.term ? `term "${sanitizeLine(state.term.term)}"` : "",
    state.upcoming && state.view === "timeline" ? `upcoming (dated ${todayIso} or later)` : "",
  ]
    .filter(Boolean)
    .join(" · ");

  let main: React.ReactNode;
  let status = "";
  const bodyActive = (f: Focus) => focus === f;
  if (state.help) {
    main = (
      <Help
        width={columns}
        height={body}
        scroll={state.help.scroll}
        active={focus === "help"}
        dispatch={dispatch}
      />
    );
  } else if (prompt.kind === "actor") {
    main = (
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
    );
  } else if (prompt.kind === "tag") {
    const all = tagItems(story);
    const words = prompt.text.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = all.filter((t) => words.every((w) => t.tag.toLowerCase().includes(w)));
    const chosen = new Set(state.filter.tags.map((t) => t.toLowerCase()));
    main = (
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
    );
  } else if (prompt.kind === "links") {
    const typed = prompt.text.trim();
    const shown = /^\d+$/.test(typed) ? links.filter((l) => String(l.n).startsWith(typed)) : links;
    main = (
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
    );
  } else if (prompt.kind === "story") {
    main = (
      <StoryPicker
        width={columns}
        height={body + bottom}
        summaries={allSummaries(story)}
        current={state.filter.story}
        pos={prompt.pos}
        active={focus === "picker"}
        dispatch={dispatch}
      />
    );
  } else if (state.reader && layout) {
    main = (
      <Reader
        width={columns}
        height={body}
        briefingId={state.reader.briefingId}
        layout={layout}
        reader={state.reader}
        matches={matches}
        query={query}
        active={bodyActive("reader")}
        dispatch={dispatch}
      />
    );
  } else if (story.briefings.length === 0) {
    main = (
      <Message
        width={columns}
        height={body}
        lines={[
          { text: `No briefings in ${sanitizeLine(story.dir)}.`, token: "title" },
          ...(story.problems.length > 0
            ? [
                {
                  text: `${story.problems.length} files could not be read; signaldesk check lists why.`,
                  token: "warning" as const,
                },
              ]
            : []),
        ]}
      />
    );
  } else if (state.view === "actors") {
    main =
      state.actorPage === null ? (
        <Actors
          width={columns}
          height={body}
          actors={story.actors}
          chosen={state.filter.actors}
          pos={state.lists.actors}
          query={query}
          active={bodyActive("list")}
          dispatch={dispatch}
        />
      ) : (
        <ActorPageView
          width={columns}
          height={body}
          story={story}
          name={state.actorPage.name}
          pos={state.actorPage.pos}
          query={query}
          active={bodyActive("list")}
          dispatch={dispatch}
          onOpen={(i, e) => open(i, e)}
        />
      );
    status = state.actorPage ? "" : `${state.lists.actors.cursor + 1}/${story.actors.length}`;
  } else if (state.view !== "timeline" && narrowed.briefings.length === 0) {
    main = (
      <Message
        width={columns}
        height={body}
        lines={[
          { text: "No briefings match the filters.", token: "title" },
          { text: "Press c to clear them, or a / d to change them.", token: "muted" },
        ]}
      />
    );
  } else if (state.view === "timeline") {
    const t = narrowed.timeline;
    main =
      t.count === 0 ? (
        <Message
          width={columns}
          height={body}
          lines={[
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
          ]}
        />
      ) : (
        <Timeline
          width={columns}
          height={body}
          model={t}
          pos={state.lists.timeline}
          query={query}
          active={bodyActive("list")}
          dispatch={dispatch}
          onOpen={(e) => open(e.briefing, e.kind === "event" ? e : undefined)}
        />
      );
    const entry = t.positionAt(clamp(state.lists.timeline.cursor, 0, t.total - 1)) ?? 0;
    status = t.count > 0 ? `${Math.max(0, entry) + 1}/${t.count}` : "";
  } else if (state.view === "agenda") {
    main =
      agenda.total === 0 ? (
        <Message
          width={columns}
          height={body}
          lines={[
            { text: "Nothing to watch: no matching briefing has a What to watch section.", token: "muted" },
          ]}
        />
      ) : (
        <Agenda
          width={columns}
          height={body}
          story={story}
          model={agenda}
          pos={state.lists.agenda}
          query={query}
          active={bodyActive("list")}
          dispatch={dispatch}
          onOpen={(id) => open(indexOfId(story, id))}
        />
      );
    const open_ = agenda.rows.filter((r) => r.follow === null && r.item.status === "open").length;
    const items = agenda.rows.filter((r) => r.follow === null).length;
    status = items > 0 ? `${open_} open of ${items}` : "";
  } else if (state.view === "briefings") {
    main = (
      <Briefings
        width={columns}
        height={body}
        story={story}
        order={narrowed.briefings}
        list={narrowed.briefingList}
        pos={state.lists.briefings}
        query={query}
        active={bodyActive("list")}
        dispatch={dispatch}
        onOpen={(i) => open(i)}
      />
    );
    status = `${state.lists.briefings.cursor + 1}/${narrowed.briefings.length}`;
  } else {
    main =
      narrowed.glossary.length === 0 ? (
        <Message
          width={columns}
          height={body}
          lines={[{ text: "No glossary terms in the matching briefings.", token: "muted" }]}
        />
      ) : (
        <Glossary
          story={story}
          width={columns}
          height={body}
          items={narrowed.glossary}
          list={narrowed.glossaryList}
          pos={state.lists.glossary}
          query={query}
          active={bodyActive("list")}
          dispatch={dispatch}
        />
      );
    status =
      narrowed.glossary.length > 0 ? `${state.lists.glossary.cursor + 1}/${narrowed.glossary.length}` : "";
  }

  let footer: React.ReactNode = null;
  if (prompt.kind === "search") {
    footer = (
      <SearchPrompt
        width={columns}
        text={prompt.text}
        status={matchCount(layout ? matches.length : countRows(list, prompt.text), prompt.text)}
        active={focus === "prompt"}
        onChange={onSearchChange}
        onSubmit={() => dispatch({ type: "searchKeep" })}
        onCancel={() => dispatch({ type: "promptCancel" })}
      />
    );
  } else if (prompt.kind === "text") {
    footer = (
      <TextPrompt
        width={columns}
        text={prompt.text}
        active={focus === "prompt"}
        onChange={(text) => dispatch({ type: "promptText", text })}
        onSubmit={() => dispatch({ type: "setQuery", text: prompt.text })}
        onCancel={() => dispatch({ type: "promptCancel" })}
      />
    );
  } else if (prompt.kind === "date") {
    footer = (
      <DatePrompt
        width={columns}
        text={prompt.text}
        error={prompt.error}
        today={today}
        active={focus === "prompt"}
        dispatch={dispatch}
      />
    );
  } else if (prompt.kind === "none") {
    footer = (
      <Footer
        width={columns}
        focus={focus}
        status={state.notice ?? (state.reader || state.help ? "" : status)}
      />
    );
  }

  return (
    <Box flexDirection="column" width={columns} height={frame}>
      <Header
        width={columns}
        view={state.view}
        filters={filterText}
        matching={state.view === "timeline" ? narrowed.timelineBriefings : narrowed.briefings.length}
        total={story.briefings.length}
        {...(note ? { note } : {})}
      />
      {main}
      {footer}
    </Box>
  );
}
