// The widths rows are cut and padded by: the shortcut for ASCII cut with an ellipsis must agree with the
// full measure, or rows come out a column short or long.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/text/width.js";
import { fitSegments, segmentsWidth, textWidth, withLinks } from "../../src/tui/segments.js";

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

describe("withLinks", () => {
  it("puts each link's URL on exactly the characters it covers, keeping text and tokens", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            text: fc.string({ minLength: 1, maxLength: 8 }),
            token: fc.constantFrom("plain", "link", "match") as fc.Arbitrary<"plain" | "link" | "match">,
          }),
          { maxLength: 6 },
        ),
        fc.array(fc.tuple(fc.nat(40), fc.nat(8)), { maxLength: 3 }),
        (segments, raw) => {
          const text = segments.map((s) => s.text).join("");
          // Links in order and apart, as a line's link marks are.
          const links: { start: number; end: number; url: string }[] = [];
          let from = 0;
          raw.forEach(([gap, len], i) => {
            const start = from + gap;
            const end = Math.min(text.length, start + len + 1);
            if (start >= end) return;
            links.push({ start, end, url: `https://x.example/${i}` });
            from = end;
          });
          const out = withLinks(segments, links);
          expect(out.map((s) => s.text).join("")).toBe(text);
          let at = 0;
          const tokenAt: (string | undefined)[] = [];
          for (const s of segments) for (let k = 0; k < s.text.length; k++) tokenAt.push(s.token);
          for (const s of out) {
            for (let k = 0; k < s.text.length; k++) {
              const link = links.find((l) => l.start <= at + k && at + k < l.end);
              expect(s.url).toBe(link?.url);
              expect(s.token).toBe(tokenAt[at + k]);
            }
            at += s.text.length;
          }
        },
      ),
    );
  });
});
