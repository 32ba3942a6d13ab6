// The row fast path patched into Ink's Output (scripts/patches/ink-output-rows.js) must write exactly
// the bytes Ink's own re-encoding writes, for any styles and any text, or the screen changes.
import { readFileSync } from "node:fs";
import { styledCharsFromTokens, styledCharsToString, tokenize } from "@alcalzone/ansi-tokenize";
import fc from "fast-check";
import { describe, expect, it } from "vitest";

const PATCH = new URL("../../scripts/patches/ink-output-rows.js", import.meta.url);

// The patch is appended to Ink's output.js, where these three are imported; here they are handed in.
const { sdStyledLine } = new Function(
  "styledCharsFromTokens",
  "styledCharsToString",
  "tokenize",
  `${readFileSync(PATCH, "utf8")}\nreturn { sdStyledLine };`,
)(styledCharsFromTokens, styledCharsToString, tokenize) as {
  sdStyledLine: (line: string) => string | null;
};

const inks = (line: string) => styledCharsToString(styledCharsFromTokens(tokenize(line))).trimEnd();

// What chalk writes for the theme's tokens, and codes it would not write but a line might hold.
const CODES = [
  "\x1b[36m",
  "\x1b[39m",
  "\x1b[32m",
  "\x1b[33m",
  "\x1b[90m",
  "\x1b[30m",
  "\x1b[35m",
  "\x1b[1m",
  "\x1b[2m",
  "\x1b[22m",
  "\x1b[4m",
  "\x1b[24m",
  "\x1b[7m",
  "\x1b[27m",
  "\x1b[0m",
  "\x1b[m",
  "\x1b[1;31m",
  "\x1b[38;5;208m",
  "\x1b[38;2;1;2;3m",
  "\x1b[49m",
];
// Text as it reaches Ink after the sanitiser, and the graphemes that behave oddly next to a code.
const TEXTS = [
  "a",
  "Reports disagree",
  " ",
  "   ",
  "…",
  "›",
  "─",
  "é",
  "e\u0301",
  "\u0301",
  "\u200d",
  "👩\u200d💻",
  "🇫🇷",
  "漢字",
  "ｶﾞ",
  "^[[31m",
  "<U+009B>",
  "\u0600",
];
const ODD = ["\x1b", "\x1b[", "\x1b[3", "\x1b]8;;https://x\x07", "\x9b31m", "\x1bc"];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...CODES) },
  { weight: 4, arbitrary: fc.constantFrom(...TEXTS) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }) },
);

describe("the row fast path in Ink's Output", () => {
  it("writes what Ink writes for any mix of codes and text", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), (pieces) => {
        const line = pieces.join("");
        const fast = sdStyledLine(line);
        if (fast !== null) expect(fast).toBe(inks(line));
      }),
      { numRuns: 3000 },
    );
  });

  it("takes the fast path for the rows the reader draws", () => {
    // A selected timeline row as chalk writes it: inverse around the whole, a colour per segment.
    const row =
      "\x1b[7m\x1b[36m› \x1b[39m\x1b[32m2026-01-02\x1b[39m \x1b[33m! \x1b[39mBCP narrowed the quota for…" +
      "     \x1b[90m2026-01-02-a\x1b[39m\x1b[27m";
    const plain = "  2026-01-02    Quarry questioned a framework   ";
    for (const line of [row, plain, `\x1b[1m\x1b[33m June 2026\x1b[39m\x1b[22m`, ""]) {
      expect(sdStyledLine(line)).toBe(inks(line));
    }
  });

  it("leaves to Ink what it cannot read as runs between codes", () => {
    for (const line of ["\x1b[36m\u0301a\x1b[39m", "a\x1bb", "\x9b31mx", "\x1b]8;;u\x07a\x1b]8;;\x07"]) {
      expect(sdStyledLine(line)).toBeNull();
    }
  });
});
