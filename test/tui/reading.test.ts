import { describe, expect, it } from "vitest";
import { buildStoryView } from "../../src/story/view.js";
import { parsePlace, placeOf, restoredPlace } from "../../src/tui/place.js";
import {
  briefingsWith,
  markSegment,
  NEW,
  nextUnreadRow,
  READ,
  readingText,
  rowMark,
  UPDATED,
} from "../../src/tui/reading.js";
import { type Action, initialState, reducer, type State } from "../../src/tui/state.js";
import { loadResult } from "./fixtures.js";

const today = new Date(2026, 11, 2);

describe("read flags as the reader shows them", () => {
  const flags = Uint8Array.from([READ, 0, UPDATED | NEW, READ | NEW, NEW]);

  it("marks unread and updated rows, and nothing before the state is known", () => {
    expect([0, 1, 2].map((i) => rowMark(flags, i))).toEqual(["read", "unread", "updated"]);
    expect(rowMark(null, 1)).toBeUndefined();
    expect(markSegment("unread").text).toBe("● ");
    expect(markSegment("updated").text).toBe("↻ ");
    expect(markSegment("read").text).toBe("  ");
    expect(markSegment(undefined).text).toBe("  ");
  });

  it("counts unread, updated and new since the last visit for the header", () => {
    const lastVisit = new Date(2026, 10, 30, 18).getTime();
    expect(readingText({ flags, lastVisit }, today)).toBe("2 unread · 1 updated · 3 new since Mon 30 Nov");
    expect(readingText({ flags, lastVisit: null }, today)).toBe("2 unread · 1 updated");
    expect(readingText({ flags, lastVisit: new Date(2025, 10, 30).getTime() }, today)).toContain(
      "new since Sun 30 Nov 2025",
    );
    expect(readingText({ flags: null, lastVisit }, today)).toBe("");
    expect(briefingsWith(flags, "unread")).toEqual([1, 2, 4]);
    expect(briefingsWith(flags, "new")).toEqual([2, 3, 4]);
  });

  it("finds the next and previous unread row, wrapping, skipping headings, never the row it starts on", () => {
    // Rows: a heading, then briefings 0..4 in order.
    const at = (row: number) => (row === 0 ? undefined : row - 1);
    expect(nextUnreadRow(6, 1, 1, at, flags)).toBe(2);
    expect(nextUnreadRow(6, 2, 1, at, flags)).toBe(3);
    expect(nextUnreadRow(6, 5, 1, at, flags)).toBe(2);
    expect(nextUnreadRow(6, 2, -1, at, flags)).toBe(5);
    expect(nextUnreadRow(6, -1, 1, at, flags)).toBe(2);
    const onlyOne = Uint8Array.from([READ, 0, READ]);
    expect(nextUnreadRow(3, 1, 1, (r) => r, onlyOne)).toBe(-1);
    expect(nextUnreadRow(3, 0, -1, (r) => r, onlyOne)).toBe(1);
    expect(nextUnreadRow(3, 0, 1, (r) => r, null)).toBe(-1);
  });
});

const run = (state: State, ...actions: Action[]) => actions.reduce(reducer, state);

describe("the reducer's read-state actions", () => {
  it("shows only a scope, and the same key again shows everything", () => {
    const s = run(
      initialState({ actors: [], tags: [] }),
      { type: "view", view: "glossary" },
      { type: "toggleOnly", only: { kind: "unread", briefings: [1, 2] } },
    );
    expect(s.only).toEqual({ kind: "unread", briefings: [1, 2] });
    expect(s.view).toBe("briefings");
    const other = run(s, { type: "toggleOnly", only: { kind: "new", briefings: [2] } });
    expect(other.only?.kind).toBe("new");
    expect(run(other, { type: "toggleOnly", only: { kind: "new", briefings: [2] } }).only).toBeNull();
    expect(run(s, { type: "clearFilters" }).only).toBeNull();
  });

  it("asks, and Esc-like cancelling closes the question", () => {
    const s = run(initialState({ actors: [], tags: [] }), {
      type: "confirm",
      question: "Mark the 2 briefings unread read? (y/n)",
      briefings: [0, 1],
    });
    expect(s.prompt).toMatchObject({ kind: "confirm", briefings: [0, 1] });
    expect(run(s, { type: "promptCancel" }).prompt.kind).toBe("none");
  });
});

describe("the last place", () => {
  const story = buildStoryView(loadResult());
  const ids = [0, 1, 2].map((i) => story.briefings.get(i)!.id);

  it("refuses a saved value that is not a place, and keeps what it can of one", () => {
    for (const bad of [null, 3, "x", { v: 2 }, { v: 1, view: "nowhere", filter: { actors: [], tags: [] } }])
      expect(parsePlace(bad)).toBeNull();
    expect(parsePlace({ v: 1, view: "briefings", filter: { actors: [1], tags: [] } })).toBeNull();
    expect(
      parsePlace({ v: 1, view: "briefings", filter: { actors: [], tags: [], since: "soon" } }),
    ).toBeNull();
    expect(
      parsePlace({
        v: 1,
        view: "briefings",
        filter: { actors: [], tags: [] },
        reader: { briefingId: "x", scroll: -4 },
        briefings: 7,
      }),
    ).toMatchObject({ view: "briefings", reader: null, briefings: null, timeline: null });
  });

  it("puts the cursor back on its briefing, reopens it, and lets a command-line filter win", () => {
    const state = run(initialState({ actors: [], tags: [] }), { type: "view", view: "briefings" });
    const saved = parsePlace(
      JSON.parse(
        JSON.stringify(
          placeOf(
            {
              ...state,
              filter: { actors: [], tags: ["water"] },
              reader: { briefingId: ids[1]!, scroll: 3, mark: null, match: -1, atEnd: false },
            },
            { timeline: null, briefings: ids[2]! },
          ),
        ),
      ),
    )!;
    const back = restoredPlace(
      saved,
      story,
      { actors: [], tags: [] },
      { timeline: 10, briefings: 10 },
      "2026-12-02",
    );
    expect(back.view).toBe("briefings");
    expect(back.filter).toEqual({ actors: [], tags: ["water"] });
    expect(back.reader).toEqual({ briefingId: ids[1], scroll: 3 });
    const cli = restoredPlace(
      saved,
      story,
      { actors: [], tags: [], since: "2020-01-01" },
      { timeline: 10, briefings: 10 },
      "2026-12-02",
    );
    expect(cli.filter).toBeUndefined();
    const gone = restoredPlace(
      { ...saved, reader: { briefingId: "no-such-briefing", scroll: 0 }, filter: { actors: [], tags: [] } },
      story,
      { actors: [], tags: [] },
      { timeline: 10, briefings: 10 },
      "2026-12-02",
    );
    expect(gone.reader).toBeNull();
    const row = Array.from(story.newest).indexOf(2);
    expect(gone.lists.briefings?.cursor).toBe(row);
  });
});
