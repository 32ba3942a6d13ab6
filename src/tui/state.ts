// The reader's state and the one reducer that changes it. Pure: derived data (filtered lists, wrapped
// text, match positions) is computed by the caller and handed in with the action, so nothing here grows
// with the number of briefings.
import type { Problem } from "../briefing/schema.js";
import { type Filter, isEmptyFilter } from "../story/filter.js";
import {
  clamp,
  jumpTo,
  lineAcross,
  type Motion,
  maxScrollTop,
  moveCursor,
  type Position,
  scrollText,
  type TextLine,
} from "./windowing.js";

export const VIEWS = ["timeline", "briefings", "glossary", "agenda", "actors"] as const;
export type ViewId = (typeof VIEWS)[number];

export const VIEW_TITLES: Record<ViewId, string> = {
  timeline: "Timeline",
  briefings: "Briefings",
  glossary: "Glossary",
  agenda: "Agenda",
  actors: "Actors",
};

export interface ReaderState {
  briefingId: string;
  /** First laid-out line on screen. */
  scroll: number;
  /** Laid-out line of the timeline event the briefing was opened at, marked in the margin. */
  mark: number | null;
  /** Index of the current search match, -1 when none. */
  match: number;
  /**
   * The last move went to the end (G, End, or a step onto the last screen of a text longer than one):
   * when the text is read again (an edit), the reader shows the end of the new one.
   */
  atEnd: boolean;
  /**
   * Moves made while the text was not yet at hand (a place restored at the start, its file still
   * being read): made in order once it is, so no key pressed meanwhile is lost.
   */
  waiting?: readonly Motion[];
}

export type Prompt =
  | { kind: "none" }
  /** `origin` is where the search started: restored on Esc. */
  | { kind: "search"; text: string; origin: Position }
  | { kind: "actor"; text: string; pos: Position }
  | { kind: "tag"; text: string; pos: Position }
  /** `o` with several links: type a number, or move to one. */
  | { kind: "links"; text: string; pos: Position }
  /** `&`: the text filter, starting from the one in effect. */
  | { kind: "text"; text: string }
  | { kind: "date"; text: string; error: string | null }
  | { kind: "story"; pos: Position }
  /** `M`: mark these briefings (indexes) read, once the person says yes. */
  | { kind: "confirm"; question: string; briefings: readonly number[] };

/** Prompts that pick from a list (↑/↓ move in it). */
export type PickerKind = "actor" | "tag" | "links";

export type PromptKind = Exclude<Prompt["kind"], "none">;

/** The problems view (`!`): its list's cursor, and the problem whose file's lines are shown. */
export interface ProblemsState {
  pos: Position;
  /**
   * The problem shown in context, with the first line of its file on screen (null until a scroll: then
   * the lines are placed around the problem's line); null: the list.
   */
  context: { problem: Problem; scroll: number | null } | null;
}

/**
 * `U` and `w`: only the briefings unread (or updated), or new since the last visit, as they were when
 * the key was pressed (indexes): a briefing read meanwhile stays in the list until the key is pressed
 * again, so the cursor never loses its row under the reader.
 */
export interface OnlyScope {
  kind: "unread" | "new";
  briefings: readonly number[];
}

/** A narrowing to the briefings that define or use one glossary term (Enter in the glossary). */
export interface TermScope {
  term: string;
  /** Indexes into the story's briefings. */
  briefings: readonly number[];
}

export interface State {
  view: ViewId;
  lists: Record<ViewId, Position>;
  reader: ReaderState | null;
  prompt: Prompt;
  filter: Filter;
  term: TermScope | null;
  /** The search kept with Enter; n/N look for it. */
  query: string;
  help: { scroll: number } | null;
  /** The timeline shows only what is dated today or later. */
  upcoming: boolean;
  /** The actor whose page the Actors view shows, and the page's cursor; null: the list of actors. */
  actorPage: { name: string; pos: Position } | null;
  /** A one-line message in the footer until the next key ("search wrapped to the top"). */
  notice: string | null;
  problems: ProblemsState | null;
  /** Only unread, or only new, briefings (see OnlyScope). */
  only: OnlyScope | null;
}

/** What a cursor move needs to know about the list it moves in. */
export interface ListGeometry {
  total: number;
  page: number;
  /** Rows the cursor may rest on (month headings may not). */
  selectable?: (row: number) => boolean;
}

export type Action =
  | { type: "view"; view: ViewId }
  | { type: "cycleView"; dir: 1 | -1 }
  | ({ type: "move"; motion: Motion } & ListGeometry)
  | { type: "jump"; row: number; total: number; page: number }
  | { type: "open"; briefingId: string; scroll: number; mark: number | null }
  /** `total` null: the text is not at hand yet, the move waits for it (ReaderState.waiting). */
  | { type: "readerScroll"; motion: Motion; total: number | null; page: number }
  | { type: "readerMatch"; match: number; scroll: number }
  /**
   * The open briefing's text was read (again): the place moved onto the new lines (`page`: rows
   * shown); `before` null when no text was on screen, the moves made meanwhile then made on it.
   */
  | {
      type: "readerText";
      briefingId: string;
      before: readonly TextLine[] | null;
      after: readonly TextLine[];
      page: number;
    }
  | { type: "back" }
  | { type: "helpToggle" }
  | { type: "helpScroll"; motion: Motion; total: number; page: number }
  | { type: "promptOpen"; kind: PromptKind }
  | { type: "promptText"; text: string }
  | { type: "promptCancel" }
  | { type: "searchKeep" }
  | ({ type: "pickerMove"; motion: Motion } & ListGeometry)
  | { type: "toggleActor"; name: string }
  | { type: "toggleTag"; tag: string }
  | { type: "setQuery"; text: string }
  | { type: "notice"; text: string }
  | { type: "setDates"; since: Filter["since"]; until: Filter["until"] }
  | { type: "dateError"; error: string }
  | { type: "clearFilters" }
  | { type: "openTerm"; term: string; briefings: readonly number[] }
  | { type: "toggleUpcoming" }
  | { type: "openActor"; name: string }
  | { type: "setStory"; story: string | null }
  | { type: "problemsOpen" }
  /** Esc in the problems view: from a problem's lines to the list, from the list out. */
  | { type: "problemsBack" }
  | ({ type: "problemsMove"; motion: Motion } & ListGeometry)
  | { type: "problemContext"; problem: Problem }
  /** `from`: the first line on screen now (placed around the problem's line until a first scroll). */
  | { type: "problemContextScroll"; motion: Motion; from: number; total: number; page: number }
  /** `U` / `w`: a scope to show only, or null for everything; the same kind again turns it off. */
  | { type: "toggleOnly"; only: OnlyScope }
  | { type: "confirm"; question: string; briefings: readonly number[] }
  /** The last place of a previous session, at start (the filter is absent when the command line gave one). */
  | { type: "restore"; place: RestoredPlace }
  /**
   * The story was replaced (a live update, `r`): each list's position as swap.ts keeps it, the term
   * scope's briefings in the new story (null: the term is gone), and whether the open briefing or the
   * actor whose page shows left the story.
   */
  | {
      type: "storySwapped";
      lists: Record<ViewId, Position>;
      term: TermScope | null;
      only: OnlyScope | null;
      readerGone: boolean;
      actorGone: boolean;
    };

/** What a start restores; rows are found by the caller from the briefing ids. */
export interface RestoredPlace {
  view: ViewId;
  filter?: Filter;
  upcoming: boolean;
  lists: Partial<Record<ViewId, Position>>;
  reader: { briefingId: string; scroll: number } | null;
}

const TOP: Position = { cursor: 0, scrollTop: 0 };

function freshLists(): Record<ViewId, Position> {
  return { timeline: TOP, briefings: TOP, glossary: TOP, agenda: TOP, actors: TOP };
}

export function initialState(filter: Filter): State {
  return {
    view: "timeline",
    lists: freshLists(),
    reader: null,
    prompt: { kind: "none" },
    filter,
    term: null,
    query: "",
    help: null,
    upcoming: false,
    actorPage: null,
    notice: null,
    problems: null,
    only: null,
  };
}

export function emptyFilter(): Filter {
  return { actors: [], tags: [] };
}

export function hasFilter(state: Pick<State, "filter" | "term" | "only">): boolean {
  return state.term !== null || state.only !== null || !isEmptyFilter(state.filter);
}

/** The cursor keys move: an actor's page's when one is shown, else the view's list's. */
function listPos(state: State): Position {
  return state.view === "actors" && state.actorPage ? state.actorPage.pos : state.lists[state.view];
}

function withList(state: State, pos: Position): State {
  if (state.view === "actors" && state.actorPage) return { ...state, actorPage: { ...state.actorPage, pos } };
  return { ...state, lists: { ...state.lists, [state.view]: pos } };
}

/** A new filter changes every list, so every cursor goes back to the top. */
function withFilter(state: State, filter: Filter): State {
  return { ...state, filter, lists: freshLists(), prompt: { kind: "none" } };
}

function switchTo(state: State, view: ViewId): State {
  if (state.view === view && state.reader === null)
    return { ...state, prompt: { kind: "none" }, actorPage: null };
  return { ...state, view, reader: null, prompt: { kind: "none" }, actorPage: null };
}

/** Any action but a notice clears the notice: it answers one key. */
export function reducer(state: State, action: Action): State {
  if (action.type === "notice") return { ...state, notice: action.text };
  // Restoring the last place, a story swap and a text read again answer no key: a notice shown
  // meanwhile stays.
  const keep =
    state.notice === null ||
    action.type === "restore" ||
    action.type === "storySwapped" ||
    action.type === "readerText";
  return step(keep ? state : { ...state, notice: null }, action);
}

const toggle = (list: readonly string[], item: string) =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

function step(state: State, action: Exclude<Action, { type: "notice" }>): State {
  switch (action.type) {
    case "view":
      return switchTo(state, action.view);
    case "cycleView": {
      const i = VIEWS.indexOf(state.view);
      const next = VIEWS[(i + action.dir + VIEWS.length) % VIEWS.length]!;
      return switchTo(state, next);
    }
    case "move":
      return withList(
        state,
        moveCursor(listPos(state), action.motion, action.total, action.page, action.selectable),
      );
    case "jump":
      return withList(state, jumpTo(listPos(state), action.row, action.total, action.page));
    case "open":
      return {
        ...state,
        reader: {
          briefingId: action.briefingId,
          scroll: action.scroll,
          mark: action.mark,
          match: -1,
          atEnd: false,
        },
        prompt: { kind: "none" },
      };
    case "readerScroll": {
      if (!state.reader) return state;
      if (action.total === null)
        return {
          ...state,
          reader: { ...state.reader, waiting: [...(state.reader.waiting ?? []), action.motion] },
        };
      return { ...state, reader: scrolled(state.reader, action.motion, action.total, action.page) };
    }
    case "readerMatch":
      if (!state.reader) return state;
      return {
        ...state,
        reader: { ...state.reader, match: action.match, scroll: action.scroll, atEnd: false },
      };
    case "readerText":
      return state.reader?.briefingId === action.briefingId
        ? { ...state, reader: textReadAgain(state.reader, action.before, action.after, action.page) }
        : state;
    case "back":
      if (state.help) return { ...state, help: null };
      if (state.prompt.kind !== "none") return step(state, { type: "promptCancel" });
      if (state.reader) return { ...state, reader: null };
      if (state.actorPage && state.view === "actors") return { ...state, actorPage: null };
      if (state.term && state.view === "briefings") {
        return { ...state, term: null, view: "glossary", lists: { ...state.lists, briefings: TOP } };
      }
      return state;
    case "helpToggle":
      return { ...state, help: state.help ? null : { scroll: 0 } };
    case "helpScroll":
      if (!state.help) return state;
      return {
        ...state,
        help: { scroll: scrollText(state.help.scroll, action.motion, action.total, action.page) },
      };
    case "promptOpen":
      return { ...state, prompt: openPrompt(state, action.kind) };
    case "promptText":
      if (state.prompt.kind === "none" || state.prompt.kind === "story" || state.prompt.kind === "confirm")
        return state;
      if (state.prompt.kind === "actor" || state.prompt.kind === "tag" || state.prompt.kind === "links")
        return { ...state, prompt: { ...state.prompt, text: action.text, pos: TOP } };
      if (state.prompt.kind === "date")
        return { ...state, prompt: { ...state.prompt, text: action.text, error: null } };
      return { ...state, prompt: { ...state.prompt, text: action.text } };
    case "promptCancel":
      return cancelPrompt(state);
    case "searchKeep":
      if (state.prompt.kind !== "search") return state;
      return { ...state, query: state.prompt.text, prompt: { kind: "none" } };
    case "pickerMove":
      if (
        state.prompt.kind !== "actor" &&
        state.prompt.kind !== "tag" &&
        state.prompt.kind !== "links" &&
        state.prompt.kind !== "story"
      )
        return state;
      return {
        ...state,
        prompt: {
          ...state.prompt,
          pos: moveCursor(state.prompt.pos, action.motion, action.total, action.page),
        },
      };
    case "toggleActor":
      // Tab in the actor picker: the picker stays open, so the tick is seen to come or go.
      return {
        ...withFilter(state, { ...state.filter, actors: toggle(state.filter.actors, action.name) }),
        prompt: state.prompt,
      };
    case "toggleTag":
      return withFilter(state, { ...state.filter, tags: toggle(state.filter.tags, action.tag) });
    case "setQuery": {
      const { query: _query, ...rest } = state.filter;
      const text = action.text.trim();
      return withFilter(state, text === "" ? rest : { ...rest, query: text });
    }
    case "setDates": {
      const { since: _since, until: _until, ...rest } = state.filter;
      const filter: Filter = { ...rest };
      if (action.since !== undefined) filter.since = action.since;
      if (action.until !== undefined) filter.until = action.until;
      return withFilter(state, filter);
    }
    case "dateError":
      if (state.prompt.kind !== "date") return state;
      return { ...state, prompt: { ...state.prompt, error: action.error } };
    case "clearFilters":
      return { ...withFilter(state, emptyFilter()), term: null, query: "", upcoming: false, only: null };
    case "toggleOnly":
      return {
        ...state,
        only: state.only?.kind === action.only.kind ? null : action.only,
        lists: freshLists(),
        reader: null,
        prompt: { kind: "none" },
        view: state.view === "timeline" ? "timeline" : "briefings",
        actorPage: null,
      };
    case "confirm":
      return {
        ...state,
        prompt: { kind: "confirm", question: action.question, briefings: action.briefings },
      };
    case "restore": {
      const { place } = action;
      return {
        ...state,
        view: place.view,
        ...(place.filter ? { filter: place.filter } : {}),
        upcoming: place.upcoming,
        lists: { ...state.lists, ...place.lists },
        reader: place.reader ? { ...place.reader, mark: null, match: -1, atEnd: false } : null,
      };
    }
    case "toggleUpcoming":
      return { ...state, upcoming: !state.upcoming, lists: { ...state.lists, timeline: TOP } };
    case "openActor":
      return {
        ...state,
        view: "actors",
        reader: null,
        prompt: { kind: "none" },
        actorPage: { name: action.name, pos: TOP },
      };
    case "setStory": {
      const { story: _story, ...rest } = state.filter;
      return withFilter(state, action.story === null ? rest : { ...rest, story: action.story });
    }
    case "storySwapped": {
      const gone = action.readerGone && state.reader !== null;
      return {
        ...state,
        lists: action.lists,
        term: action.term,
        only: action.only,
        view:
          state.term !== null && action.term === null && state.view === "briefings" ? "glossary" : state.view,
        reader: gone ? null : state.reader,
        // A search typed in the reader searched the briefing that went.
        prompt: gone && state.prompt.kind === "search" ? { kind: "none" } : state.prompt,
        actorPage: action.actorGone ? null : state.actorPage,
      };
    }
    case "openTerm":
      return {
        ...state,
        term: { term: action.term, briefings: action.briefings },
        view: "briefings",
        reader: null,
        prompt: { kind: "none" },
        lists: { ...state.lists, briefings: TOP },
      };
    case "problemsOpen":
      return { ...state, problems: { pos: TOP, context: null }, prompt: { kind: "none" } };
    case "problemsBack":
      if (!state.problems) return state;
      return { ...state, problems: state.problems.context ? { ...state.problems, context: null } : null };
    case "problemsMove":
      if (!state.problems) return state;
      return {
        ...state,
        problems: {
          ...state.problems,
          pos: moveCursor(state.problems.pos, action.motion, action.total, action.page),
        },
      };
    case "problemContext":
      if (!state.problems) return state;
      return {
        ...state,
        problems: { ...state.problems, context: { problem: action.problem, scroll: null } },
      };
    case "problemContextScroll": {
      const context = state.problems?.context;
      if (!state.problems || !context) return state;
      const scroll = scrollText(action.from, action.motion, action.total, action.page);
      return { ...state, problems: { ...state.problems, context: { ...context, scroll } } };
    }
    default: {
      const never: never = action;
      return never;
    }
  }
}

function openPrompt(state: State, kind: PromptKind): Prompt {
  switch (kind) {
    case "search": {
      const origin = state.reader
        ? { cursor: state.reader.scroll, scrollTop: state.reader.scroll }
        : state.lists[state.view];
      return { kind: "search", text: "", origin };
    }
    case "actor":
    case "tag":
    case "links":
      return { kind, text: "", pos: TOP };
    case "text":
      return { kind: "text", text: state.filter.query ?? "" };
    case "date":
      return { kind: "date", text: "", error: null };
    case "story":
      return { kind: "story", pos: TOP };
    case "confirm":
      return { kind: "none" };
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/**
 * The reader's place in a text read again: at the end when the last move went there (a G pressed
 * while the new text was being read ends at its end), else on the same lines where they are still.
 */
function textReadAgain(
  reader: ReaderState,
  before: readonly TextLine[] | null,
  after: readonly TextLine[],
  page: number,
): ReaderState {
  const { waiting = [], ...rest } = reader;
  const max = maxScrollTop(after.length, page);
  if (before === null)
    return waiting.reduce((r, motion) => scrolled(r, motion, after.length, page), {
      ...rest,
      scroll: clamp(reader.scroll, 0, max),
    });
  const scroll = reader.atEnd ? max : clamp(lineAcross(before, after, reader.scroll), 0, max);
  const mark = reader.mark === null ? null : lineAcross(before, after, reader.mark);
  return { ...rest, scroll, mark };
}

/** The reader after one move in a text of `total` lines, `page` of them on screen. */
function scrolled(reader: ReaderState, motion: Motion, total: number, page: number): ReaderState {
  const scroll = scrollText(reader.scroll, motion, total, page);
  const max = maxScrollTop(total, page);
  const atEnd = motion === "bottom" || (max > 0 && scroll === max);
  return { ...reader, scroll, atEnd };
}

/** Esc in a search puts the cursor (or the reader) back where the search started. */
function cancelPrompt(state: State): State {
  const prompt = state.prompt;
  const closed: State = { ...state, prompt: { kind: "none" } };
  if (prompt.kind !== "search") return closed;
  if (state.reader)
    return { ...closed, query: "", reader: { ...state.reader, scroll: prompt.origin.cursor, match: -1 } };
  return { ...withList(closed, prompt.origin), query: "" };
}
