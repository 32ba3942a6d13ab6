// Keeping the reader's place when the story under it is replaced (a live update, a reload, `r`):
// every cursor stays on the same briefing, event, term or actor, not on the same row, at the same
// height on screen; the open briefing stays open unless it left the folder. Pure: the caller hands in
// both stories and the state; the answer is the reducer action that puts the state on the new story.
import type { StoryView } from "../story/view.js";
import { indexOfId, type Narrowed, narrow } from "./model.js";
import { type Action, hasFilter, type OnlyScope, type State, type TermScope, type ViewId } from "./state.js";
import { termBriefings } from "./views/Glossary.js";
import type { Position } from "./windowing.js";
import { settle } from "./windowing.js";

/** Views whose list the story builds from the digests when it is first asked for (story/view.ts). */
const LAZY = new Set<ViewId>(["glossary", "actors", "agenda"]);

/** What a cursor rests on, told apart from its row. */
type Anchor =
  | { kind: "briefing"; id: string }
  | { kind: "event"; id: string; date: string }
  | { kind: "term"; term: string }
  | { kind: "actor"; name: string }
  | { kind: "row" };

export type SwapAction = Extract<Action, { type: "storySwapped" }>;

interface Lists {
  story: StoryView;
  narrowed: Narrowed;
}

/** The term's briefings in `story`, or null when the story no longer has the term. */
function termIn(story: StoryView, term: TermScope | null): TermScope | null {
  if (term === null) return null;
  const g = story.glossary.find((t) => t.term.toLowerCase() === term.term.toLowerCase());
  return g ? { term: term.term, briefings: termBriefings(g) } : null;
}

function listsOf(
  story: StoryView,
  state: State,
  term: TermScope | null,
  upcoming: string | null,
  only: OnlyScope | null,
): Lists {
  const everything = !hasFilter({ filter: state.filter, term, only });
  return { story, narrowed: narrow(story, state.filter, term, everything, upcoming, only) };
}

/** `U` and `w` keep the same briefings (by id) in the new story; one that left the folder leaves it. */
function onlyIn(before: StoryView, after: StoryView, only: OnlyScope | null): OnlyScope | null {
  if (only === null) return null;
  const briefings: number[] = [];
  for (const i of only.briefings) {
    const id = before.briefings.get(i)?.id;
    const j = id === undefined ? -1 : indexOfId(after, id);
    if (j >= 0) briefings.push(j);
  }
  return { kind: only.kind, briefings: briefings.sort((a, b) => a - b) };
}

function anchorAt(view: ViewId, row: number, { story, narrowed }: Lists): Anchor {
  switch (view) {
    case "timeline": {
      const t = narrowed.timeline;
      const e = t.entryAt(settle(row, t.total, t.selectable));
      return e ? { kind: "event", id: e.briefingId, date: e.date } : { kind: "row" };
    }
    case "briefings": {
      const s = story.briefings.get(narrowed.briefings[row] ?? -1);
      return s ? { kind: "briefing", id: s.id } : { kind: "row" };
    }
    case "glossary": {
      const g = narrowed.glossary[row];
      return g ? { kind: "term", term: g.term } : { kind: "row" };
    }
    case "actors": {
      const a = story.actors[row];
      return a ? { kind: "actor", name: a.name } : { kind: "row" };
    }
    case "agenda":
      return { kind: "row" };
    default: {
      const never: never = view;
      return never;
    }
  }
}

/** The anchor's row in the new lists; -1 when it is not there. */
function rowOf(anchor: Anchor, { story, narrowed }: Lists): number {
  switch (anchor.kind) {
    case "event": {
      const i = indexOfId(story, anchor.id);
      return i < 0 ? -1 : narrowed.timeline.rowOf(i, anchor.date);
    }
    case "briefing": {
      const i = indexOfId(story, anchor.id);
      return i < 0 ? -1 : narrowed.briefings.indexOf(i);
    }
    case "term":
      return narrowed.glossary.findIndex((g) => g.term === anchor.term);
    case "actor":
      return story.actors.findIndex((a) => a.name === anchor.name);
    case "row":
      return -1;
    default: {
      const never: never = anchor;
      return never;
    }
  }
}

function totalOf(view: ViewId, { story, narrowed }: Lists): number {
  if (view === "timeline") return narrowed.timeline.total;
  if (view === "briefings") return narrowed.briefings.length;
  if (view === "glossary") return narrowed.glossary.length;
  if (view === "actors") return story.actors.length;
  return story.agenda.length;
}

/**
 * Where one list's cursor goes: onto the same thing, at the same height on screen; when that thing
 * is gone, the same row (the next one down takes its place), within the new list. A list shown from
 * its top stays at its top, so what arrives there (the newest briefings) is seen: the view then keeps
 * the cursor in sight (windowing.ts `visibleSlice`).
 */
export function keptPosition(view: ViewId, pos: Position, before: Lists, after: Lists): Position {
  const found = rowOf(anchorAt(view, pos.cursor, before), after);
  const total = totalOf(view, after);
  const cursor = Math.max(0, Math.min(found >= 0 ? found : pos.cursor, total - 1));
  if (pos.scrollTop === 0) return { cursor, scrollTop: 0 };
  const height = pos.cursor - pos.scrollTop;
  return { cursor, scrollTop: Math.max(0, cursor - Math.max(0, height)) };
}

/**
 * The action that moves `state` from story `before` to story `after`. `upcoming` is today's date when
 * the timeline shows only what is ahead (the state's `upcoming`), else null.
 */
export function storySwap(
  before: StoryView,
  after: StoryView,
  state: State,
  upcoming: string | null,
): SwapAction {
  const term = termIn(after, state.term);
  const only = onlyIn(before, after, state.only);
  const old = listsOf(before, state, state.term, upcoming, state.only);
  const next = listsOf(after, state, term, upcoming, only);
  const lists = { ...state.lists };
  for (const view of Object.keys(lists) as ViewId[]) {
    // A list built on first use (glossary, actors, agenda) never moved in stays at its top, unbuilt.
    const pos = state.lists[view];
    if (LAZY.has(view) && view !== state.view && pos.cursor === 0 && pos.scrollTop === 0) continue;
    lists[view] = keptPosition(view, pos, old, next);
  }
  const readerGone = state.reader !== null && indexOfId(after, state.reader.briefingId) < 0;
  const page = state.actorPage;
  const actorGone = page !== null && !after.actors.some((a) => a.name === page.name);
  return { type: "storySwapped", lists, term, only, readerGone, actorGone };
}
