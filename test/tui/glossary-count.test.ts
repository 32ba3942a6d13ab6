// The count of briefings beside each glossary term: counted by a merge of the term's two lists, it must
// equal the number of distinct briefings that define or use it, whatever order or overlap they have.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { GlossaryItem } from "../../src/tui/model.js";
import { termBriefingCount, termBriefings } from "../../src/tui/views/Glossary.js";

const term = (definedIn: number[], usedIn: number[]): GlossaryItem => ({
  term: "Lock",
  definition: "A chamber between water levels.",
  definitionCount: 1,
  definedIn: Int32Array.from(definedIn),
  usedIn: Int32Array.from(usedIn),
});

describe("termBriefingCount", () => {
  it("counts defining and using briefings once each", () => {
    expect(termBriefingCount(term([2, 5], [1, 2, 5, 9]))).toBe(4);
    // Before the second reading a term is used nowhere yet: its definers alone count.
    expect(termBriefingCount(term([3, 4], []))).toBe(2);
    expect(termBriefingCount(term([], []))).toBe(0);
    expect(termBriefingCount(term([7], [1, 3]))).toBe(3);
  });

  it("equals the size of the set of both lists, sorted or not", () => {
    const ids = fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 40 });
    fc.assert(
      fc.property(ids, ids, fc.boolean(), (a, b, sort) => {
        const defined = sort ? [...new Set(a)].sort((x, y) => x - y) : a;
        const used = sort ? [...new Set(b)].sort((x, y) => x - y) : b;
        const g = term(defined, used);
        expect(termBriefingCount(g)).toBe(termBriefings(g).length);
      }),
    );
  });
});
