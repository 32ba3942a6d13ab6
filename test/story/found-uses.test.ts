// The glossary uses the second reading finds arrive by file, in any order, and a batch redone after a
// worker died arrives twice: each term must still list each briefing once, in story order.
import { describe, expect, it } from "vitest";
import { FoundUses } from "../../src/story/builder.js";

describe("FoundUses", () => {
  it("gives each term its briefings in story order, once each, whatever order files came in", () => {
    const found = new FoundUses(["export control", "chip", "licence"]);
    // Scan index -> place in the story; scan index 3 did not load.
    const rank = Int32Array.from([2, 0, 1, -1]);
    found.add(0, [0, 1]);
    found.add(2, [1]);
    found.add(1, [0]);
    found.add(3, [0, 2]);
    found.add(0, [0, 1]); // the same file again, from a redone batch
    const byKey = found.byKey(rank);
    expect([...byKey.keys()].sort()).toEqual(["chip", "export control"]);
    expect([...byKey.get("export control")!]).toEqual([0, 2]);
    expect([...byKey.get("chip")!]).toEqual([1, 2]);
    // Only the briefing that did not load used "licence".
    expect(byKey.has("licence")).toBe(false);
  });

  it("holds pairs past one chunk of its columns and sorts them as numbers, not as text", () => {
    const found = new FoundUses(["term"]);
    const n = 70_000;
    const rank = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
    for (let i = 0; i < n; i++) found.add(i, [0]);
    const list = found.byKey(rank).get("term")!;
    expect(Array.from(list)).toEqual(Array.from({ length: n }, (_, i) => i));
  });
});
