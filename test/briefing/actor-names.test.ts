// A name is tidied the same whether it takes the short way (already tidy) or the long one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ActorMatcher } from "../../src/briefing/actor-matcher.js";
import { indexImages, indexOf, keepIndex, tidy } from "../../src/briefing/actor-names.js";

/** The rule, spelt out in full: spaces folded and trimmed, a leading "the" and a possessive dropped. */
const tidied = (name: string) =>
  name
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^the\s+/i, "")
    .replace(/['’]s$/, "");

describe("tidy", () => {
  it("gives what the full rule gives, for tidy names and untidy ones alike", () => {
    const piece = fc.constantFrom(
      "The",
      "the",
      "THE",
      "Fed",
      "a",
      " ",
      "  ",
      "\t",
      "\n",
      "\u00a0",
      "'s",
      "’s",
      "'S",
      "s",
      ".",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (ps) => {
        const name = ps.join("");
        expect(tidy(name)).toBe(tidied(name));
      }),
      { seed: 20261203, numRuns: 2000 },
    );
  });

  it("drops a leading article and a possessive, and folds white space", () => {
    expect(tidy("the  Federal\tReserve’s")).toBe("Federal Reserve");
    expect(tidy("Bank of England")).toBe("Bank of England");
  });
});

describe("a registry's index made from its matchers' images", () => {
  const registry = (names: string[]) =>
    names.map((name) => ({ name, kind: "company" as const, aliases: [] }));
  const text = "The Bureau of Industry and the BIS met Valley Rail.";
  const found = (r: ReturnType<typeof registry>) =>
    ActorMatcher.findEach(indexOf(r).matchers, text).map((m) => m.map((x) => x.text));

  it("finds the names a built index finds", () => {
    const names = ["Bureau of Industry", "BIS", "Valley Rail"];
    const kept = registry(names);
    expect(keepIndex(kept, indexImages(registry(names)))).toBe(true);
    expect(found(kept)).toEqual([["Bureau of Industry", "Valley Rail"], ["BIS"]]);
    expect(found(kept)).toEqual(found(registry(names)));
  });

  it("is not made from the images of a registry whose matchers differ in number or kind", () => {
    const wordsOnly = indexImages(registry(["Bureau of Industry"]));
    const both = registry(["Bureau of Industry", "BIS"]);
    expect(keepIndex(both, wordsOnly)).toBe(false);
    expect(keepIndex(registry(["BIS"]), wordsOnly)).toBe(false);
    // Not kept, so built: it still finds both kinds of name.
    expect(found(both)).toEqual([["Bureau of Industry"], ["BIS"]]);
  });
});
