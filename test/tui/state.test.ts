import { describe, expect, it } from "vitest";
import { type Action, initialState, reducer, type State } from "../../src/tui/state.js";

const start = () => initialState({ actors: [], tags: [] });
const run = (state: State, ...actions: Action[]) => actions.reduce(reducer, state);
const move = (motion: "down" | "up" | "bottom", total = 10, page = 5): Action => ({
  type: "move",
  motion,
  total,
  page,
});

describe("reducer", () => {
  it("opens on the timeline with nothing open", () => {
    const s = start();
    expect(s.view).toBe("timeline");
    expect(s.reader).toBeNull();
    expect(s.prompt.kind).toBe("none");
    expect(s.help).toBeNull();
  });

  it("keeps a cursor per view", () => {
    const s = run(start(), move("down"), move("down"), { type: "view", view: "briefings" }, move("down"));
    expect(s.lists.timeline.cursor).toBe(2);
    expect(s.lists.briefings.cursor).toBe(1);
    expect(run(s, { type: "view", view: "timeline" }).lists.timeline.cursor).toBe(2);
  });

  it("cycles views both ways and closes an open briefing when switching", () => {
    let s = run(start(), { type: "cycleView", dir: 1 });
    expect(s.view).toBe("briefings");
    s = run(s, { type: "cycleView", dir: -1 }, { type: "cycleView", dir: -1 });
    expect(s.view).toBe("actors");
    s = run(s, { type: "open", briefingId: "x", scroll: 0, mark: null }, { type: "view", view: "briefings" });
    expect(s.reader).toBeNull();
  });

  it("backs out of help, then a prompt, then the reader, then a term's list", () => {
    let s = run(
      start(),
      { type: "openTerm", term: "Aquifer", briefings: [0] },
      { type: "open", briefingId: "a", scroll: 3, mark: null },
      { type: "promptOpen", kind: "search" },
      { type: "helpToggle" },
    );
    s = reducer(s, { type: "back" });
    expect(s.help).toBeNull();
    expect(s.prompt.kind).toBe("search");
    s = reducer(s, { type: "back" });
    expect(s.prompt.kind).toBe("none");
    expect(s.reader?.briefingId).toBe("a");
    s = reducer(s, { type: "back" });
    expect(s.reader).toBeNull();
    expect(s.view).toBe("briefings");
    s = reducer(s, { type: "back" });
    expect(s.term).toBeNull();
    expect(s.view).toBe("glossary");
  });

  it("puts the cursor back where a cancelled search started", () => {
    let s = run(start(), move("down"), move("down"), { type: "promptOpen", kind: "search" });
    s = run(s, { type: "promptText", text: "pump" }, { type: "jump", row: 7, total: 10, page: 5 });
    expect(s.lists.timeline.cursor).toBe(7);
    s = reducer(s, { type: "promptCancel" });
    expect(s.lists.timeline.cursor).toBe(2);
    expect(s.query).toBe("");
  });

  it("keeps the search on Enter for n/N", () => {
    const s = run(
      start(),
      { type: "promptOpen", kind: "search" },
      { type: "promptText", text: "pump" },
      { type: "searchKeep" },
    );
    expect(s.query).toBe("pump");
    expect(s.prompt.kind).toBe("none");
  });

  it("adds an actor with the picker kept open and every list sent to the top; again removes it", () => {
    let s = run(
      start(),
      move("bottom"),
      { type: "promptOpen", kind: "actor" },
      { type: "toggleActor", name: "Mara Quell" },
    );
    expect(s.filter.actors).toEqual(["Mara Quell"]);
    // Tab in the actor picker: it stays open so the tick is seen to come and go.
    expect(s.prompt.kind).toBe("actor");
    expect(s.lists.timeline.cursor).toBe(0);
    s = run(s, { type: "promptCancel" });
    s = run(s, { type: "toggleTag", tag: "housing" }, { type: "setQuery", text: "vote" });
    s = run(s, { type: "promptOpen", kind: "actor" }, { type: "toggleActor", name: "Mara Quell" });
    expect(s.filter).toEqual({ actors: [], tags: ["housing"], query: "vote" });
    s = run(s, { type: "toggleTag", tag: "housing" });
    expect(s.filter).toEqual({ actors: [], tags: [], query: "vote" });
    s = run(s, { type: "setQuery", text: "  " });
    expect(s.filter).toEqual({ actors: [], tags: [] });
  });

  it("shows a notice until the next action", () => {
    let s = run(start(), { type: "notice", text: "search wrapped to the top" });
    expect(s.notice).toBe("search wrapped to the top");
    s = run(s, move("down"));
    expect(s.notice).toBeNull();
  });

  it("keeps the date prompt open with the reason when an entry is refused", () => {
    let s = run(start(), { type: "promptOpen", kind: "date" }, { type: "promptText", text: "2026-13" });
    s = reducer(s, { type: "dateError", error: "month 13 does not exist" });
    expect(s.prompt).toEqual({ kind: "date", text: "2026-13", error: "month 13 does not exist" });
    // Editing clears the complaint.
    s = reducer(s, { type: "promptText", text: "2026-1" });
    expect(s.prompt.kind === "date" && s.prompt.error).toBeNull();
    s = reducer(s, { type: "setDates", since: "2026-01-01", until: "2026-01-31" });
    expect(s.filter.since).toBe("2026-01-01");
    expect(s.filter.until).toBe("2026-01-31");
    expect(s.prompt.kind).toBe("none");
  });

  it("replaces both date bounds, dropping one that is not given", () => {
    const s = run(
      start(),
      { type: "setDates", since: "2026-01-01", until: "2026-01-31" },
      { type: "setDates", since: "2026-03-01", until: undefined },
    );
    expect(s.filter.since).toBe("2026-03-01");
    expect("until" in s.filter).toBe(false);
  });

  it("clears every filter, the term and the kept search with c", () => {
    const s = run(
      initialState({ actors: ["X"], tags: ["t"], since: "2026-01-01", query: "q" }),
      { type: "openTerm", term: "Aquifer", briefings: [0] },
      { type: "clearFilters" },
    );
    expect(s.filter).toEqual({ actors: [], tags: [] });
    expect(s.term).toBeNull();
  });

  it("moves in the actor picker only while it is open", () => {
    let s = reducer(start(), { type: "pickerMove", motion: "down", total: 5, page: 3 });
    expect(s.prompt.kind).toBe("none");
    s = run(
      s,
      { type: "promptOpen", kind: "actor" },
      { type: "pickerMove", motion: "down", total: 5, page: 3 },
    );
    expect(s.prompt.kind === "actor" && s.prompt.pos.cursor).toBe(1);
    // Typing narrows the list, so the highlight goes back to its top.
    s = reducer(s, { type: "promptText", text: "m" });
    expect(s.prompt.kind === "actor" && s.prompt.pos.cursor).toBe(0);
  });

  it("scrolls the reader within its text and remembers the current match", () => {
    let s = run(start(), { type: "open", briefingId: "a", scroll: 0, mark: null });
    s = run(s, { type: "readerScroll", motion: "pageDown", total: 30, page: 10 });
    expect(s.reader?.scroll).toBe(10);
    s = run(s, { type: "readerScroll", motion: "bottom", total: 30, page: 10 });
    expect(s.reader?.scroll).toBe(20);
    s = run(s, { type: "readerMatch", match: 2, scroll: 4 });
    expect(s.reader).toMatchObject({ match: 2, scroll: 4 });
  });

  it("keeps the reader's place when its text is read again: at the end after G, else on its lines", () => {
    const lines = (...texts: string[]) => texts.map((text) => ({ text, kind: "text" }));
    const before = lines("a", "b", "c", "d", "e", "f");
    const after = lines("new", "a", "b", "c", "d", "e", "f", "g", "h");
    const opened = run(start(), { type: "open", briefingId: "x", scroll: 0, mark: 4 });
    const text = { type: "readerText", briefingId: "x", before, after, page: 3 } as const;
    // G on the old text: the end of the new one, and a notice shown meanwhile stays (no key made it).
    let s = run(opened, { type: "readerScroll", motion: "bottom", total: 6, page: 3 });
    s = run(s, { type: "notice", text: "Edited x.md" }, text);
    expect(s.reader).toMatchObject({ scroll: 6, mark: 5 });
    expect(s.notice).toBe("Edited x.md");
    // Stepped down onto the last screen: the same.
    s = run(
      opened,
      ...Array.from(
        { length: 3 },
        () => ({ type: "readerScroll", motion: "down", total: 6, page: 3 }) as const,
      ),
    );
    expect(run(s, text).reader?.scroll).toBe(6);
    // Anywhere else: the same first line, moved with the line added above it.
    s = run(opened, { type: "readerScroll", motion: "down", total: 6, page: 3 });
    expect(run(s, text).reader?.scroll).toBe(2);
    // Another briefing's text read again moves nothing.
    expect(run(s, { ...text, briefingId: "y" }).reader?.scroll).toBe(1);
  });

  it("makes the moves pressed before the text was at hand on it once it is, in order", () => {
    const after = Array.from({ length: 20 }, (_, i) => ({ text: `line ${i}`, kind: "text" }));
    const opened = run(start(), { type: "open", briefingId: "x", scroll: 4, mark: null });
    const wait = (motion: "down" | "up" | "bottom" | "top") =>
      ({ type: "readerScroll", motion, total: null, page: 5 }) as const;
    const read = { type: "readerText", briefingId: "x", before: null, after, page: 5 } as const;
    // Nothing moves before the text is there.
    expect(run(opened, wait("down"), wait("down")).reader?.scroll).toBe(4);
    expect(run(opened, wait("down"), wait("down"), read).reader).toMatchObject({ scroll: 6, atEnd: false });
    expect(run(opened, wait("bottom"), read).reader).toMatchObject({ scroll: 15, atEnd: true });
    expect(run(opened, wait("bottom"), wait("up"), read).reader).toMatchObject({ scroll: 14, atEnd: false });
    expect(run(opened, wait("down"), wait("top"), read).reader?.scroll).toBe(0);
    // Made once: a later text read again makes none of them again.
    const s = run(opened, wait("down"), read);
    expect(s.reader?.waiting).toBeUndefined();
    expect(run(s, read).reader?.scroll).toBe(5);
  });
});
