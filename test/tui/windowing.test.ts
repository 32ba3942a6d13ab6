import { describe, expect, it } from "vitest";
import { moveCursor, scrollText, settle, visibleSlice } from "../../src/tui/windowing.js";

describe("visibleSlice", () => {
  it("keeps the scroll offset while the cursor stays in view", () => {
    expect(visibleSlice(100, 12, 10, 5)).toEqual({ start: 5, end: 15, scrollTop: 5 });
  });

  it("scrolls just enough to bring a cursor below the window into view", () => {
    expect(visibleSlice(100, 20, 10, 5)).toEqual({ start: 11, end: 21, scrollTop: 11 });
  });

  it("scrolls up to a cursor above the window", () => {
    expect(visibleSlice(100, 3, 10, 5)).toEqual({ start: 3, end: 13, scrollTop: 3 });
  });

  it("never leaves a blank tail after the list or the window shrank", () => {
    expect(visibleSlice(12, 11, 10, 8)).toEqual({ start: 2, end: 12, scrollTop: 2 });
  });

  it("shows a short list whole and an empty one not at all", () => {
    expect(visibleSlice(3, 2, 10, 0)).toEqual({ start: 0, end: 3, scrollTop: 0 });
    expect(visibleSlice(0, 0, 10, 4)).toEqual({ start: 0, end: 0, scrollTop: 0 });
    expect(visibleSlice(5, 0, 0, 0)).toEqual({ start: 0, end: 0, scrollTop: 0 });
  });

  it("mounts at most `height` rows of a 100k list", () => {
    const s = visibleSlice(100_000, 99_999, 20, 0);
    expect(s.end - s.start).toBe(20);
    expect(s.end).toBe(100_000);
  });
});

describe("moveCursor", () => {
  const at = (cursor: number, scrollTop = 0) => ({ cursor, scrollTop });

  it("moves one row and stops at both ends", () => {
    expect(moveCursor(at(0), "up", 5, 3).cursor).toBe(0);
    expect(moveCursor(at(4, 2), "down", 5, 3).cursor).toBe(4);
    expect(moveCursor(at(2), "down", 5, 3)).toEqual({ cursor: 3, scrollTop: 1 });
  });

  it("goes to the top and the bottom", () => {
    expect(moveCursor(at(50, 45), "top", 100, 10)).toEqual({ cursor: 0, scrollTop: 0 });
    expect(moveCursor(at(0), "bottom", 100, 10)).toEqual({ cursor: 99, scrollTop: 90 });
  });

  it("pages by the window height, moving the view with the cursor", () => {
    expect(moveCursor(at(3, 0), "pageDown", 100, 10)).toEqual({ cursor: 13, scrollTop: 10 });
    expect(moveCursor(at(13, 10), "pageUp", 100, 10)).toEqual({ cursor: 3, scrollTop: 0 });
    expect(moveCursor(at(95, 90), "pageDown", 100, 10)).toEqual({ cursor: 99, scrollTop: 90 });
  });

  it("steps over rows that cannot be selected (month headings)", () => {
    const headings = new Set([0, 3, 4, 8]);
    const selectable = (r: number) => !headings.has(r);
    expect(moveCursor(at(2), "down", 10, 5, selectable).cursor).toBe(5);
    expect(moveCursor(at(5), "up", 10, 5, selectable).cursor).toBe(2);
    expect(moveCursor(at(9), "top", 10, 5, selectable).cursor).toBe(1);
    expect(moveCursor(at(1), "up", 10, 5, selectable).cursor).toBe(1);
    // A cursor never placed (0, a heading) moves from the row it is shown on.
    expect(settle(0, 10, selectable)).toBe(1);
    expect(moveCursor(at(0), "down", 10, 5, selectable).cursor).toBe(2);
  });
});

describe("scrollText", () => {
  it("scrolls within the text and pages", () => {
    expect(scrollText(0, "up", 50, 10)).toBe(0);
    expect(scrollText(0, "pageDown", 50, 10)).toBe(10);
    expect(scrollText(38, "pageDown", 50, 10)).toBe(40);
    expect(scrollText(20, "bottom", 50, 10)).toBe(40);
    expect(scrollText(20, "top", 50, 10)).toBe(0);
    expect(scrollText(0, "down", 5, 10)).toBe(0);
  });
});
