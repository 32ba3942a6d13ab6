import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sanitize } from "../../src/text/sanitize.js";
import {
  displayWidth,
  fit as fitCell,
  padEnd,
  padStart,
  TOO_WIDE,
  truncate,
  wrap,
} from "../../src/text/width.js";

describe("displayWidth", () => {
  it("counts ASCII by length", () => {
    expect(displayWidth("")).toBe(0);
    expect(displayWidth("hello world")).toBe(11);
  });

  it("counts CJK and emoji as two columns", () => {
    expect(displayWidth("出口管制")).toBe(8);
    expect(displayWidth("😀")).toBe(2);
    expect(displayWidth("🇺🇸")).toBe(2);
  });

  it("counts an emoji sequence at the widest a terminal draws it", () => {
    // xterm.js (VS Code) draws a ZWJ sequence a code point at a time: 2 + 0 + 2 + 0 + 2.
    expect(displayWidth("👨\u200d👩\u200d👧")).toBe(6);
    // tmux draws the skin tone modifier as a character of its own.
    expect(displayWidth("👍🏽")).toBe(4);
    // VS16 asks for emoji presentation: two columns in most terminals, one in some.
    expect(displayWidth("\u2764\ufe0f")).toBe(2);
    expect(displayWidth("🏳\ufe0f\u200d🌈")).toBeGreaterThanOrEqual(3);
    expect(displayWidth(`a👍🏽b`)).toBe(6);
  });

  it("counts combining marks as zero", () => {
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth(`a${"\u0301".repeat(500)}`)).toBe(1);
  });

  it("counts a tab as one column", () => {
    expect(displayWidth("a\tb")).toBe(3);
    expect(displayWidth("é\t")).toBe(2);
  });
});

describe("truncate", () => {
  it("leaves text that fits alone", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("exactly10!", 10)).toBe("exactly10!");
  });

  it("cuts to the width including the ellipsis", () => {
    expect(truncate("The export order was reversed", 12)).toBe("The export…");
    expect(displayWidth(truncate("The export order was reversed", 12))).toBeLessThanOrEqual(12);
  });

  it("never splits a wide character across the edge", () => {
    const out = truncate("出口管制", 6);
    expect(out).toBe("出口…");
    expect(displayWidth(truncate("出口管制", 4))).toBeLessThanOrEqual(4);
    expect(truncate("出口管制", 4)).toBe("出…");
  });

  it("keeps combining marks with their letter", () => {
    expect(truncate("e\u0301e\u0301e\u0301e\u0301", 3)).toBe("e\u0301e\u0301…");
  });

  it("handles widths smaller than the ellipsis and custom ellipses", () => {
    expect(truncate("abcdef", 0)).toBe("");
    expect(truncate("abcdef", 1)).toBe("…");
    expect(truncate("abcdef", 2, "...")).toBe("ab");
    expect(truncate("abcdef", 5, "...")).toBe("ab...");
  });

  it("writes tabs as spaces", () => {
    expect(truncate("a\tb", 10)).toBe("a b");
  });
});

describe("padding", () => {
  it("pads by display width, not string length", () => {
    expect(padEnd("出口", 6)).toBe("出口  ");
    expect(padStart("7", 3)).toBe("  7");
    expect(padEnd("toolong", 3)).toBe("toolong");
  });

  it("fit gives exactly the width", () => {
    expect(fitCell("The export order", 8)).toBe("The exp…");
    expect(displayWidth(fitCell("出口管制出口管制", 7))).toBe(7);
    expect(fitCell("ok", 4)).toBe("ok  ");
  });
});

describe("wrap", () => {
  it("wraps words greedily and drops spaces at the break", () => {
    expect(wrap("the quick brown fox jumps over the lazy dog", 10)).toEqual([
      "the quick",
      "brown fox",
      "jumps over",
      "the lazy",
      "dog",
    ]);
  });

  it("keeps existing newlines and blank lines", () => {
    expect(wrap("one\n\ntwo three", 5)).toEqual(["one", "", "two", "three"]);
    expect(wrap("", 5)).toEqual([""]);
  });

  it("keeps leading indentation on the first line", () => {
    expect(wrap("  - a bullet point", 10)).toEqual(["  - a", "bullet", "point"]);
  });

  it("breaks a long URL hard at the width", () => {
    const url = "https://example.test/a/very/long/path/that/keeps/going";
    expect(wrap(`see ${url} now`, 20)).toEqual([
      "see",
      "https://example.test",
      "/a/very/long/path/th",
      "at/keeps/going now",
    ]);
  });

  it("breaks CJK text between characters by width", () => {
    expect(wrap("出口管制出口管制", 5)).toEqual(["出口", "管制", "出口", "管制"]);
  });

  it("keeps emoji sequences and combining marks whole", () => {
    const fam = "👨\u200d👩\u200d👧";
    expect(wrap(`${fam}${fam}${fam}`, 12)).toEqual([`${fam}${fam}`, fam]);
    expect(wrap("e\u0301e\u0301e\u0301", 2)).toEqual(["e\u0301e\u0301", "e\u0301"]);
  });

  it("shows a character wider than the whole width as a placeholder", () => {
    expect(wrap("出口 a", 1)).toEqual([TOO_WIDE, TOO_WIDE, "a"]);
  });

  it("treats width below 1 as 1", () => {
    expect(wrap("ab", 0)).toEqual(["a", "b"]);
  });

  it("never returns a line wider than the width, and loses no visible text", () => {
    const text = fc.array(
      fc.oneof(
        fc.constantFrom(
          " ",
          "  ",
          "\n",
          "\t",
          "出",
          "😀",
          "e\u0301",
          "👨\u200d👩\u200d👧",
          "https://x.test/abc",
        ),
        fc.string(),
      ),
    );
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 30 }), (parts, width) => {
        const input = sanitize(parts.join(""));
        const lines = wrap(input, width);
        for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
        // Every grapheme fits from 6 columns (the ZWJ family is the widest here); below, one wider
        // than the line is shown as TOO_WIDE.
        if (width >= 6) {
          const squash = (s: string) => s.replace(/[\s]/g, "");
          expect(squash(lines.join(""))).toBe(squash(input));
        }
      }),
      { numRuns: 1000 },
    );
  });
});
