import { describe, expect, it } from "vitest";
import { focusOf, liveScopes } from "../../src/tui/focus.js";
import { FOCUS_SCOPES } from "../../src/tui/keymap.js";
import { emptyFilter, initialState, reducer } from "../../src/tui/state.js";

const start = initialState(emptyFilter());

describe("focus", () => {
  it("follows what is on screen: the list, an open briefing, the help, a prompt, a picker", () => {
    expect(focusOf(start)).toBe("list");
    const reading = reducer(start, { type: "open", briefingId: "a", scroll: 0, mark: null });
    expect(focusOf(reading)).toBe("reader");
    expect(focusOf(reducer(reading, { type: "helpToggle" }))).toBe("help");
    expect(focusOf(reducer(reading, { type: "promptOpen", kind: "search" }))).toBe("prompt");
    expect(focusOf(reducer(start, { type: "promptOpen", kind: "date" }))).toBe("prompt");
    for (const kind of ["actor", "tag", "story"] as const)
      expect(focusOf(reducer(start, { type: "promptOpen", kind }))).toBe("picker");
  });

  it("is the too-small screen's whatever else is open, so only the ways out answer", () => {
    const typing = reducer(start, { type: "promptOpen", kind: "search" });
    expect(focusOf(typing, true)).toBe("small");
    expect(liveScopes("small", ["always", "exit", "global", "prompt"])).toEqual(["always", "exit"]);
  });

  it("routes a handler's scopes through the one table", () => {
    // q quits from the list and the help, but is a letter in a prompt.
    expect(liveScopes("list", ["exit", "global"])).toEqual(["exit", "global"]);
    expect(liveScopes("help", ["exit", "global"])).toEqual(["exit"]);
    expect(liveScopes("prompt", ["exit", "global"])).toEqual([]);
    // The timeline's keys only on a list; the links key only in a briefing.
    expect(liveScopes("reader", ["timeline"])).toEqual([]);
    expect(liveScopes("list", ["reader"])).toEqual([]);
    for (const focus of Object.keys(FOCUS_SCOPES) as (keyof typeof FOCUS_SCOPES)[])
      expect(liveScopes(focus, ["always"])).toEqual(["always"]);
  });
});
