// The front matter read from the YAML syntax tree must give what the document model gives, or step aside.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMap, LineCounter, parseDocument } from "yaml";
import { splitFrontMatter } from "../../src/briefing/frontmatter.js";
import { readPlainYaml } from "../../src/briefing/plain-yaml.js";

/** The library's reading, as the front matter code asks for it: values by key and each key's line. */
function library(src: string): { values: Map<unknown, unknown>; lines: Map<string, number> } | null {
  const lineCounter = new LineCounter();
  const doc = parseDocument(src, {
    schema: "core",
    version: "1.2",
    uniqueKeys: true,
    merge: false,
    lineCounter,
  });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return null;
  if (doc.contents === null) return { values: new Map(), lines: new Map() };
  if (!isMap(doc.contents)) return null;
  const lines = new Map<string, number>();
  for (const pair of doc.contents.items) {
    const key = pair.key as { value: unknown; range: number[] };
    lines.set(String(key.value), lineCounter.linePos(key.range[0]!).line - 1);
  }
  return { values: doc.toJS({ mapAsMap: true }) as Map<unknown, unknown>, lines };
}

const VALUES = [
  "Port deal signed",
  "2026-03-11",
  "Atlas Policy Notes, March 1, 2023",
  '"Quoted: with colon"',
  "'single # quoted'",
  '"with \\"escape\\""',
  "42",
  "0x1F",
  "1e3",
  ".5",
  "-",
  "true",
  "Null",
  "~",
  "yes",
  "C# and F#",
  "a # comment",
  "key: inside",
  "ends with:",
  "[a, b]",
  "[Acme Inc., 7]",
  "[a, ]",
  "[]",
  "[x: y]",
  "&anchor value",
  "*alias",
  "!tag value",
  "|",
  ">",
  "émigré's café",
  "'it''s'",
  'He said "hi"',
  "",
  "   ",
];
const KEYS = ["title", "date", "source", "actors", "tags", "id", "extra_key", "null", "True", "x1"];

const line = fc.oneof(
  fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES)).map(([k, v]) => `${k}: ${v}`),
  fc.tuple(fc.constantFrom("", "  ", "    "), fc.constantFrom(...VALUES)).map(([ind, v]) => `${ind}- ${v}`),
  fc.constantFrom(...KEYS).map((k) => `${k}:`),
  fc.constantFrom("", "# a comment", "  # indented comment", "\ttabbed: x", "  continued line", "---"),
);

describe("front matter read from the YAML syntax tree", () => {
  it("reads the common forms itself", () => {
    const src =
      'title: "Port deal"\ndate: 2026-03-11\nactors:\n  - Zeno Ostrander\n  - Acme Inc.\ntags: [minerals, trade]\nsource:\n';
    expect(readPlainYaml(src)).toEqual([
      { key: "title", value: "Port deal", line: 0 },
      { key: "date", value: "2026-03-11", line: 1 },
      { key: "actors", value: ["Zeno Ostrander", "Acme Inc."], line: 2 },
      { key: "tags", value: ["minerals", "trade"], line: 5 },
      { key: "source", value: null, line: 6 },
    ]);
  });

  it("leaves numbers, booleans, nulls and YAML syntax to the library", () => {
    for (const v of ["42", "true", "~", "1.5", "a # c", "&x y", "x: y", "[a, ]"])
      expect(readPlainYaml(`id: ${v}`)).toBeNull();
    expect(readPlainYaml("title: a\ntitle: b")).toBeNull();
    expect(readPlainYaml("Null: a")).toBeNull();
  });

  it("leaves a list line with no marker of its own to the library, which rejects it", () => {
    // Found by the property below: a quoted item, then a more-indented plain line.
    const src = 'title:\n- "Quoted: with colon"\n  continued line\n';
    expect(parseDocument(src).errors).not.toEqual([]);
    expect(readPlainYaml(src)).toBeNull();
    expect(readPlainYaml('tags:\n- "a"\n- b\n')).toEqual([{ key: "tags", value: ["a", "b"], line: 0 }]);
    // Found by the property below too: an indented key after a flow list.
    const indented = "title: []\n  continued line\n    - ends with:";
    expect(parseDocument(indented).errors).not.toEqual([]);
    expect(readPlainYaml(indented)).toBeNull();
  });

  it("gives the library's values and key lines whenever it reads a text itself", () => {
    let read = 0;
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const src = lines.join("\n");
        const plain = readPlainYaml(src);
        if (plain === null) return;
        read++;
        const lib = library(src);
        expect(lib).not.toBeNull();
        expect(new Map(plain.map((e) => [e.key, e.value]))).toEqual(lib!.values);
        expect(new Map(plain.map((e) => [e.key, e.line]))).toEqual(lib!.lines);
      }),
      { numRuns: 3000 },
    );
    // The comparison is over texts it did read, not only over ones it left alone.
    expect(read).toBeGreaterThan(300);
  });

  it("loads the same front matter either way, warnings and lines included", () => {
    const text = "---\ntitle: Port deal\nmood: calm\ntags: [trade]\n---\nBody\n";
    const r = splitFrontMatter(text, "a.md");
    expect(r).toMatchObject({
      ok: true,
      data: { title: "Port deal", tags: ["trade"] },
      warnings: [{ path: "a.md", line: 3, message: "unknown front matter key 'mood'", severity: "warning" }],
    });
    // The same text with a comment after a value goes through the library: same result.
    const viaLibrary = splitFrontMatter(text.replace("calm", "calm # how it felt"), "a.md");
    expect(viaLibrary).toEqual(r);
  });
});
