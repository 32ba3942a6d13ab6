// Each briefing's glossary terms (the reader's highlights, a snapshot's summary records) are found by
// inverting the terms' briefing lists: they must be exactly the terms that define or use the briefing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type StoryTerm, termIndexes } from "../../src/story/view.js";

const term = (definedIn: number[], usedIn: number[]): StoryTerm => ({
  term: "Lock",
  definition: "A chamber between water levels.",
  definitionCount: 1,
  definedIn: Int32Array.from(definedIn),
  usedIn: Int32Array.from(usedIn),
});

describe("termIndexes", () => {
  it("lists a briefing's terms once each, ascending, and nothing for a briefing with none", () => {
    const lists = termIndexes([term([0, 2], [0, 2, 3]), term([], [3]), term([2], [])]);
    expect(lists.get(0)).toEqual([0]);
    expect(lists.get(1)).toBeUndefined();
    expect(lists.get(2)).toEqual([0, 2]);
    expect(lists.get(3)).toEqual([0, 1]);
    expect(lists.get(4)).toBeUndefined();
    expect(lists.get(-1)).toBeUndefined();
  });

  it("equals the terms whose lists name the briefing, for any lists", () => {
    const lists = fc.uniqueArray(fc.nat(40), { maxLength: 12 }).map((a) => a.sort((x, y) => x - y));
    fc.assert(
      fc.property(fc.array(fc.tuple(lists, lists), { maxLength: 10 }), (pairs) => {
        const glossary = pairs.map(([d, u]) => term(d, u));
        const got = termIndexes(glossary);
        for (let i = 0; i <= 41; i++) {
          const want = glossary.flatMap((g, t) =>
            g.definedIn.includes(i) || g.usedIn.includes(i) ? [t] : [],
          );
          expect(got.get(i) ?? []).toEqual(want);
        }
      }),
    );
  });
});
