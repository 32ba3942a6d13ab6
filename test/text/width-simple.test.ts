// Text of Latin letters, punctuation, arrows, maths and box drawing is measured one character at a
// time, without a grapheme segmenter: that is right only if each such character is a grapheme of its
// own whatever stands beside it, and if the widths come out as string-width's.
import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { displayWidth, SIMPLE_TEXT, truncate, wrap } from "../../src/text/width.js";

const simpleChars: string[] = [];
for (let c = 0; c <= 0xffff; c++) {
  const ch = String.fromCharCode(c);
  if (SIMPLE_TEXT.test(ch)) simpleChars.push(ch);
}
const segmenter = new Intl.Segmenter();
const count = (s: string) => [...segmenter.segment(s)].length;

describe("SIMPLE_TEXT", () => {
  it("covers what briefings are mostly written in", () => {
    expect(SIMPLE_TEXT.test("Müller’s “plan” — 3 €, 5 × 2 → café… • ─ ›")).toBe(true);
    // Marks that join the letter before them, joiners, emoji and CJK are not in it.
    for (const s of ["e\u0301", "a\u200db", "👍", "中", "\u0915\u094d"])
      expect(SIMPLE_TEXT.test(s)).toBe(false);
  });

  it("holds only characters that stay a grapheme of their own beside any other", () => {
    const joins = simpleChars.filter(
      (ch) => count(`a${ch}`) !== 2 || count(`${ch}a`) !== 2 || count(`${ch}${ch}`) !== 2,
    );
    expect(joins).toEqual([]);
  });

  it("gives each such character the width string-width gives it", () => {
    const differ = simpleChars
      .filter((ch) => ch !== "\t" && ch !== "\n")
      .filter((ch) => displayWidth(ch) !== stringWidth(ch))
      .map((ch) => ch.charCodeAt(0).toString(16));
    expect(differ).toEqual([]);
  });

  it("measures as string-width does, tabs one column each", () => {
    const text = fc.array(fc.constantFrom(...simpleChars), { maxLength: 40 }).map((a) => a.join(""));
    fc.assert(
      fc.property(text, (s) => {
        for (const line of s.split("\n")) {
          const tabs = line.split("\t").length - 1;
          expect(displayWidth(line)).toBe(stringWidth(line) + tabs);
        }
      }),
    );
  });

  it("cuts and wraps such text within the width", () => {
    const text = fc.array(fc.constantFrom(...simpleChars.filter((c) => c !== "\n")), { maxLength: 60 });
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 30 }), (chars, width) => {
        const s = chars.join("");
        expect(displayWidth(truncate(s, width))).toBeLessThanOrEqual(width);
        for (const line of wrap(s, width)) expect(displayWidth(line)).toBeLessThanOrEqual(width);
      }),
    );
  });
});
