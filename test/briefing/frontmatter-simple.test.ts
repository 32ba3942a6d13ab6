// The front matter read without the YAML library must be exactly what the library reads, or be left
// to it: generated front matter full of YAML's corner cases (indicators, quotes, comments, numbers,
// booleans, nulls, dates, nested and uneven lists, tabs, repeated and unknown keys).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { splitFrontMatter } from "../../src/briefing/frontmatter.js";
import { simpleFrontMatter } from "../../src/briefing/frontmatter-simple.js";
import { FRONT_MATTER_KEYS } from "../../src/briefing/schema.js";

const KNOWN = new Set<string>(FRONT_MATTER_KEYS);

/** What the front matter parser asks of the library, as JS values. */
function library(src: string): { values: Map<unknown, unknown> | null; clean: boolean } {
  const doc = parseDocument(src, { schema: "core", version: "1.2", uniqueKeys: true, merge: false });
  const clean = doc.errors.length === 0 && doc.warnings.length === 0;
  if (!clean) return { values: null, clean };
  const js = doc.toJS({ maxAliasCount: 50, mapAsMap: true }) as unknown;
  return { values: js instanceof Map ? js : null, clean };
}

const atoms = [
  "Port Board",
  "Ana Ruiz",
  "Harbour Post",
  "2026-03-04",
  "2031-04-02T08:15:00Z",
  "2026-3-4",
  "42",
  "3.5",
  "-1",
  "+7",
  ".5",
  "0x1F",
  "1e3",
  ".inf",
  "true",
  "False",
  "null",
  "NULL",
  "~",
  "yes",
  "a: b",
  "a:b",
  "x:",
  "a #c",
  "a#b",
  "Port, Board",
  "[x]",
  "{a: 1}",
  "&anchor",
  "*alias",
  "!tag",
  "|",
  ">",
  "%d",
  "@at",
  "`tick`",
  "- item",
  "-item",
  "? q",
  "café",
  "🙂 emoji",
  "a  b",
  "tab\there",
  "nbsp\u00a0",
  "\u3000ideographic",
  "thin\u2009space",
  'say "hi"',
  "it's",
  "back\\slash",
  "",
  " ",
];
/** Mostly ordinary text, so that whole front matters of the simple shape come up often. */
const atom = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "Port Board",
      "Ana Ruiz",
      "2026-03-04",
      "café",
      "Port, Board",
      "Ana\u00a0Ruiz",
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(...atoms) },
);
const quoted = fc
  .tuple(fc.constantFrom('"', "'"), atom)
  .map(([q, a]) => `${q}${a}${q}`)
  .chain((s) => fc.constantFrom(s, `${s} `, `${s} x`, `${s}# c`));
const scalar = fc.oneof(
  atom,
  quoted,
  atom.map((a) => `${a}   `),
);
const flow = fc
  .array(fc.oneof(atom, quoted), { maxLength: 4 })
  .chain((items) =>
    fc.constantFrom(
      `[${items.join(", ")}]`,
      `[${items.join(",")}]`,
      `[ ${items.join(" , ")} ]`,
      `[${items.join(", ")},]`,
    ),
  );
const indent = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom("", "  ") },
  { weight: 1, arbitrary: fc.constantFrom(" ", "    ", "\t") },
);
const block = fc
  .tuple(indent, fc.array(fc.tuple(fc.oneof(atom, quoted), fc.boolean()), { minLength: 1, maxLength: 4 }))
  .map(([ind, items]) =>
    items.map(([item, shift]) => `\n${shift && items.length > 2 ? `${ind} ` : ind}- ${item}`).join(""),
  );
const key = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FRONT_MATTER_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom("author", "Title", "__proto__") },
);
const sep = fc.oneof(
  { weight: 6, arbitrary: fc.constant(": ") },
  { weight: 1, arbitrary: fc.constantFrom(":", ":  ", " : ", ":\t") },
);
const line = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(key, sep, scalar).map(([k, s, v]) => `${k}${s}${v}`) },
  { weight: 2, arbitrary: fc.tuple(key, flow).map(([k, v]) => `${k}: ${v}`) },
  { weight: 2, arbitrary: fc.tuple(key, block).map(([k, v]) => `${k}:${v}`) },
  { weight: 1, arbitrary: key.map((k) => `${k}:`) },
  { weight: 1, arbitrary: fc.constantFrom("", "  ", "# a comment", "  continued text", "---", "...", "x") },
);
const frontMatter = fc.array(line, { minLength: 1, maxLength: 5 }).map((ls) => `${ls.join("\n")}\n`);

describe("front matter read without the YAML library", () => {
  it("is what the library reads, whenever it reads it at all", () => {
    let taken = 0;
    let runs = 0;
    fc.assert(
      fc.property(frontMatter, (src) => {
        runs++;
        const simple = simpleFrontMatter(src, KNOWN);
        if (simple === null) return;
        taken++;
        const lib = library(src);
        expect(lib.clean, src).toBe(true);
        expect(simple, src).toEqual(lib.values);
      }),
      { numRuns: 3000, seed: 11 },
    );
    // The path is really exercised, not left to the library every time.
    expect(taken / runs).toBeGreaterThan(0.1);
  });

  it("reads the shapes written by hand and by the bench", () => {
    const src = [
      'title: "Satellite moratorium gets a last-minute waiver"',
      "date: 2023-03-06",
      "source: Atlas Policy Notes",
      "actors:",
      "  - Zeno Ostrander",
      "  - Glenmoor Robotics Inc.",
      "tags: [minerals, trade]",
      "follows:",
      "- first-one",
      "",
    ].join("\n");
    const simple = simpleFrontMatter(src, KNOWN);
    expect(simple).not.toBeNull();
    expect(simple).toEqual(library(src).values);
    expect(simple?.get("actors")).toEqual(["Zeno Ostrander", "Glenmoor Robotics Inc."]);
  });

  it("leaves comments, numbers, unknown and repeated keys to the library, which still reports them", () => {
    for (const src of ["title: A # note\n", "id: 42\n", "author: Someone\n", "title: A\ntitle: B\n"])
      expect(simpleFrontMatter(src, KNOWN), src).toBeNull();
    const split = splitFrontMatter("---\ntitle: A\ntitle: B\n---\nBody\n", "a.md");
    expect(split.ok).toBe(false);
    const unknown = splitFrontMatter("---\ntitle: A\nauthor: Someone\n---\nBody\n", "a.md");
    expect(unknown).toMatchObject({ ok: true, warnings: [{ line: 3, severity: "warning" }] });
  });
});
