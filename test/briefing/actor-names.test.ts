// A name is tidied the same whether it takes the short way (already tidy) or the long one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tidy } from "../../src/briefing/actor-names.js";

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
