import { describe, expect, it } from "vitest";
import type { Briefing } from "../../src/briefing/schema.js";
import { buildStoryView, type StoryView } from "../../src/story/view.js";
import { narrow } from "../../src/tui/model.js";
import { initialState, reducer, type State } from "../../src/tui/state.js";
import { storySwap } from "../../src/tui/swap.js";
import { loadResult, many } from "./fixtures.js";

const storyOf = (briefings: Briefing[]): StoryView => buildStoryView(loadResult(briefings));

/** The id of the briefing under the briefings list's cursor. */
function briefingUnderCursor(story: StoryView, state: State): string | undefined {
  const n = narrow(story, state.filter, state.term, true);
  return story.briefings.get(n.briefings[state.lists.briefings.cursor] ?? -1)?.id;
}

function eventUnderCursor(story: StoryView, state: State): string | undefined {
  const t = narrow(story, state.filter, state.term, true).timeline;
  return t.entryAt(state.lists.timeline.cursor)?.briefingId;
}

describe("keeping the place across a story swap", () => {
  const all = many(40);
  const before = storyOf(all.slice(0, 30));

  function at(cursor: number, scrollTop: number): State {
    const s = initialState({ actors: [], tags: [] });
    return {
      ...s,
      view: "briefings",
      lists: { ...s.lists, briefings: { cursor, scrollTop }, timeline: { cursor: cursor + 2, scrollTop } },
    };
  }

  it("keeps each cursor on its briefing, at the same height, when briefings arrive above it", () => {
    const state = at(12, 5);
    const id = briefingUnderCursor(before, state);
    const event = eventUnderCursor(before, state);
    // Ten newer briefings: the list is newest first, so they all land above the cursor.
    const after = storyOf(all);
    const next = reducer(state, storySwap(before, after, state, null));
    expect(briefingUnderCursor(after, next)).toBe(id);
    expect(next.lists.briefings.cursor).toBe(22);
    expect(next.lists.briefings.cursor - next.lists.briefings.scrollTop).toBe(7);
    expect(eventUnderCursor(after, next)).toBe(event);
  });

  it("keeps a list shown from its top at its top, so the newest arrivals are seen", () => {
    const state = at(3, 0);
    const id = briefingUnderCursor(before, state);
    const next = reducer(state, storySwap(before, storyOf(all), state, null));
    expect(briefingUnderCursor(storyOf(all), next)).toBe(id);
    expect(next.lists.briefings).toEqual({ cursor: 13, scrollTop: 0 });
  });

  it("moves to the row that took its place when the briefing under the cursor is gone", () => {
    const state = at(12, 5);
    const id = briefingUnderCursor(before, state)!;
    const after = storyOf(all.slice(0, 30).filter((b) => b.id !== id));
    const next = reducer(state, storySwap(before, after, state, null));
    expect(next.lists.briefings.cursor).toBe(12);
    expect(briefingUnderCursor(after, next)).not.toBe(id);
    // Past the end of a shorter list: its last row.
    const short = storyOf(all.slice(0, 5));
    expect(reducer(state, storySwap(before, short, state, null)).lists.briefings.cursor).toBe(4);
  });

  it("keeps the chosen briefing and event through a first load's stories, each with more rows above and below", () => {
    // The order the files are parsed in is not the lists' order: every batch lands on both sides.
    const order = [...all].sort((a, b) => (a.id.slice(-1) < b.id.slice(-1) ? -1 : 1));
    let shown = storyOf(order.slice(0, 8));
    let state = at(3, 1);
    const id = briefingUnderCursor(shown, state);
    const event = eventUnderCursor(shown, state);
    for (const n of [16, 24, 32, 40]) {
      const next = storyOf(order.slice(0, n));
      state = reducer(state, storySwap(shown, next, state, null));
      shown = next;
      expect(briefingUnderCursor(shown, state)).toBe(id);
      expect(eventUnderCursor(shown, state)).toBe(event);
    }
    expect(state.lists.briefings.cursor).not.toBe(3);
  });

  it("keeps the open briefing open while it is in the story, and closes it when it leaves", () => {
    const open = reducer(at(0, 0), { type: "open", briefingId: all[3]!.id, scroll: 4, mark: null });
    const kept = storySwap(before, storyOf(all), open, null);
    expect(kept.readerGone).toBe(false);
    expect(reducer(open, kept).reader).toMatchObject({ briefingId: all[3]!.id, scroll: 4 });
    const gone = storySwap(before, storyOf(all.filter((b) => b.id !== all[3]!.id)), open, null);
    expect(gone.readerGone).toBe(true);
    const after = reducer(open, gone);
    expect(after.reader).toBeNull();
    expect(after.view).toBe("briefings");
  });

  it("keeps the filter, and a notice shown stays (a swap is no key press)", () => {
    const filtered = { ...at(0, 0), filter: { actors: [], tags: ["water"] }, notice: "search wrapped" };
    const next = reducer(filtered, storySwap(before, storyOf(all), filtered, null));
    expect(next.filter).toEqual({ actors: [], tags: ["water"] });
    expect(next.notice).toBe("search wrapped");
  });
});
