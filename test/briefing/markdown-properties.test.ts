// Properties over generated Markdown: nothing is lost (every top-level block ends in exactly one
// place) and `print --format markdown` loads back to the same briefing, over paragraphs with inline
// styles, nested and numbered lists (tight, loose, side by side), tables, code and quotes under any
// headings.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseBriefing } from "../../src/briefing/parse.js";
import type { Briefing } from "../../src/briefing/schema.js";
import { briefingMarkdown } from "../../src/cli/render/briefing-markdown.js";
import { expectNothingLost } from "./nothing-lost-check.js";

const word = fc.constantFrom(
  "harbour",
  "tolls",
  "Northport",
  "vote",
  "board",
  "May",
  "2031",
  "lock",
  "said",
  "rate",
);
const words = (min: number, max: number) =>
  fc.array(word, { minLength: min, maxLength: max }).map((w) => w.join(" "));
const inline = fc.oneof(
  words(1, 4),
  words(1, 3).map((w) => `**${w}**`),
  words(1, 3).map((w) => `*${w}*`),
  words(1, 2).map((w) => `\`${w}\``),
  words(1, 2).map((w) => `~~${w}~~`),
  words(1, 3).map((w) => `[${w}](https://port.example/${w.length})`),
);
const sentence = fc.array(inline, { minLength: 1, maxLength: 5 }).map((p) => `${p.join(" ")}.`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join("\n"));
// Tight and loose lists, any marker (two lists side by side when markers differ), an item holding a
// nested list or a code block.
const list = fc
  .record({
    ordered: fc.boolean(),
    marker: fc.constantFrom("-", "*", "+"),
    delim: fc.constantFrom(".", ")"),
    loose: fc.boolean(),
    start: fc.integer({ min: 1, max: 9 }),
    items: fc.array(sentence, { minLength: 1, maxLength: 4 }),
    nested: fc.array(sentence, { maxLength: 2 }),
    code: fc.boolean(),
  })
  .map(({ ordered, marker, delim, loose, start, items, nested, code }) =>
    items
      .map(
        (t, i) =>
          `${ordered ? `${start + i}${delim}` : marker} ${t}${i === 0 && nested.length > 0 ? nested.map((n) => `\n    - ${n}`).join("") : ""}${i === 1 && code ? "\n    ```\n    lock 2031\n    ```" : ""}`,
      )
      .join(loose ? "\n\n" : "\n"),
  );
const table = fc
  .record({ cols: fc.integer({ min: 1, max: 3 }), rows: fc.integer({ min: 1, max: 3 }) })
  .chain(({ cols, rows }) =>
    fc
      .array(fc.array(inline, { minLength: cols, maxLength: cols }), {
        minLength: rows + 1,
        maxLength: rows + 1,
      })
      .map((cells) =>
        [
          `| ${cells[0]!.join(" | ")} |`,
          `| ${cells[0]!.map(() => "---").join(" | ")} |`,
          ...cells.slice(1).map((r) => `| ${r.join(" | ")} |`),
        ].join("\n"),
      ),
  );
const code = words(1, 6).map((w) => `\`\`\`text\n${w}\n  ${w} 2031-01-02\n\`\`\``);
const quote = paragraph.map((p) =>
  p
    .split("\n")
    .map((l) => `> ${l}`)
    .join("\n"),
);
const headingName = fc.constantFrom(
  "## What happened",
  "## Why it matters",
  "## What to watch",
  "## The Harbour Board",
  "### Tolls and Locks",
);
// A heading with nothing under it is a paragraph of its own (docs/format.md): each one here leads text.
const heading = (names: fc.Arbitrary<string>) => fc.tuple(names, paragraph).map(([h, p]) => `${h}\n\n${p}`);
// The written form names a subsection by its heading, and a section heading after it cannot close it:
// the round trip is over headings that name sections.
const sectionHeading = fc.constantFrom("## What happened", "## Why it matters", "## What to watch");
const blocks = (names: fc.Arbitrary<string>) =>
  fc
    .array(fc.oneof({ arbitrary: paragraph, weight: 3 }, list, table, code, quote, heading(names)), {
      minLength: 1,
      maxLength: 10,
    })
    .map((b) => `${b.join("\n\n")}\n`);
const body = blocks(headingName);
const sectioned = blocks(sectionHeading);

function load(text: string): Briefing {
  const r = parseBriefing({ path: "/g.md", relPath: "g.md", text, size: text.length, mtimeMs: 0 }, []);
  if (!("briefing" in r)) throw new Error(JSON.stringify(r.problems));
  return r.briefing;
}

const withoutLines = (b: Briefing) => ({
  title: b.title,
  keyPoints: b.keyPoints.map(({ line: _l, ...p }) => p),
  sections: Object.fromEntries(
    Object.entries(b.sections).map(([k, ps]) => [k, ps.map(({ line: _l, ...p }) => p)]),
  ),
  glossary: b.glossary.map(({ line: _l, ...g }) => g),
});

describe("generated Markdown", () => {
  it("loses nothing", () => {
    fc.assert(
      fc.property(body, (b) => {
        expectNothingLost(b, 4, "Generated", "generated", true);
      }),
      { numRuns: 150 },
    );
  });

  it("writes back as Markdown that loads to the same briefing", () => {
    fc.assert(
      fc.property(sectioned, (b) => {
        const first = load(`---\ntitle: Generated\n---\n${b}`);
        const again = load(briefingMarkdown(first, null));
        expect(withoutLines(again)).toEqual(withoutLines(first));
      }),
      { numRuns: 150 },
    );
  });
});
