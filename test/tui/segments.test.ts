// The widths rows are cut and padded by: the shortcut for ASCII cut with an ellipsis must agree with the
// full measure, or rows come out a column short or long.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/text/width.js";
import { fitSegments, segmentsWidth, textWidth } from "../../src/tui/segments.js";

const pieces = fc.constantFrom(
  "a",
  "Z",
  " ",
  "~",
  "…",
  "›",
  "é",
  "e\u0301",
  "\u0301",
  "漢",
  "👍",
  "\t",
  "\u200b",
);

describe("textWidth", () => {
  it("equals displayWidth for any text", () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }), fc.string({ maxLength: 10 }), (ps, s) => {
        for (const text of [ps.join(""), `${ps.join("")}…`, `${s}…`, s]) {
          expect(textWidth(text)).toBe(displayWidth(text));
        }
      }),
    );
  });

  it("measures a cut row to the width it was cut to", () => {
    const segs = fitSegments([{ text: "Reports disagree on the quota for mineral exports" }], 20);
    expect(segs.map((s) => s.text).join("")).toBe("Reports disagree on…");
    expect(segmentsWidth(segs)).toBe(20);
  });
});
