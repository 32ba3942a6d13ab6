// A heading's key: what the section, glossary and source rules compare. Plain words take a short
// path; the same words dressed in emphasis, numbering or closing punctuation take the long one, and
// both must give one key.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { headingKey, sectionForHeading } from "../../src/briefing/headings.js";

const word = fc.constantFrom(
  "What",
  "happened",
  "why",
  "It",
  "MATTERS",
  "to",
  "watch",
  "next",
  "2026",
  "What's",
  "iv",
);

describe("heading keys", () => {
  it("are the same for plain words and the same words marked up", () => {
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 6 }), (words) => {
        const plain = words.join(" ");
        const key = headingKey(plain);
        expect(key).toBe(plain.toLowerCase());
        for (const dressed of [
          `**${plain}**`,
          `${plain}:`,
          `${plain}?`,
          `_${plain}_`,
          `1. ${plain}`,
          `📌 ${plain}`,
          `${words.join("  ")} `,
          `${words.join("\t")}`,
        ])
          expect(headingKey(dressed)).toBe(key);
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });

  it("are the same with a comma, colon or semicolon inside, numbered or not, as when marked up", () => {
    const inside = fc.tuple(word, fc.constantFrom("", ",", ":", ";")).map(([w, p]) => `${w}${p}`);
    const first = fc.constantFrom("1:", "a:", "iv:", "Part 2:", "B;", "The Backstory:", "Between");
    fc.assert(
      fc.property(first, fc.array(inside, { maxLength: 5 }), word, (head, middle, last) => {
        const text = [head, ...middle, last].join(" ");
        const key = headingKey(text);
        for (const dressed of [
          `**${text}**`,
          `${text}:`,
          `_${text}_`,
          `${text} `,
          `${text.replace(/ /g, "  ")}`,
        ])
          expect(headingKey(dressed)).toBe(key);
      }),
      { seed: 20261203, numRuns: 500 },
    );
    expect(headingKey("The Backstory: A Quiet Reversal")).toBe("the backstory: a quiet reversal");
    expect(headingKey("Part 2: What happened")).toBe("what happened");
  });

  it("name a section however the heading is dressed", () => {
    for (const h of ["What happened", "**What happened**", "1. What happened:", "WHAT HAPPENED"])
      expect(sectionForHeading(h)).toEqual({ key: "whatHappened", exact: true });
  });
});
