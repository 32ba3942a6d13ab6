// Rendering Markdown blocks: the shared renderer through both sinks (print's text and the reader's
// layout), at 40, 80 and 140 columns, with and without colour.
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import type { Block } from "../../src/briefing/schema.js";
import { briefingText } from "../../src/cli/render/briefing-text.js";
import { createStyle } from "../../src/cli/style.js";
import { continuesList, fitColumns, LinkNumbers, numberWidths, renderBlock } from "../../src/text/blocks.js";
import { layoutBriefing } from "../../src/tui/readerLayout.js";
import { lineSegments, linkRuns, markRuns } from "../../src/tui/views/Reader.js";
import { fixture } from "../briefing/markdown-fixtures.js";

const ANSI = /\x1b\[[0-9;]*m|\x1b\]8;;[^\x1b]*\x1b\\/g;
const plain = (s: string) => s.replace(ANSI, "");
const print = (name: string, width: number, color = false, links = false) =>
  briefingText(fixture(name), width, createStyle(color), null, links);

const FIXTURES = [
  "inline.md",
  "links.md",
  "table.md",
  "table-wide.md",
  "code.md",
  "quote.md",
  "lists.md",
  "wrapped-140.md",
];

describe("rendering Markdown", () => {
  for (const width of [40, 80, 140])
    for (const color of [false, true])
      it(`keeps every line within ${width} columns ${color ? "with" : "without"} colour`, () => {
        for (const name of FIXTURES) {
          const out = print(name, width, color);
          for (const line of out.split("\n"))
            expect(stringWidth(plain(line)), `${name}: ${line}`).toBeLessThanOrEqual(width);
          if (!color) expect(out).not.toMatch(/\x1b/);
          // No markup shows: no emphasis markers, backticks or link syntax.
          expect(out, name).not.toMatch(/\*\*|`|\]\(|~~/);
        }
      });

  it("styles strong, emphasis, code and strikethrough on a colour terminal", () => {
    const out = print("inline.md", 80, true);
    expect(out).toContain("\x1b[1mfinal approval\x1b[22m");
    expect(out).toContain("\x1b[3mone abstention\x1b[23m");
    expect(out).toContain("\x1b[33mtoll-2031\x1b[39m");
    expect(out).toContain("\x1b[9mwithdrew\x1b[29m");
    expect(print("inline.md", 80, false)).toContain(
      "gave final approval, with one abstention, to the toll-2031",
    );
  });

  it("numbers links in the text and lists their URLs at the end, sanitised", () => {
    const out = print("links.md", 80);
    expect(out).toContain("The harbour notice[1] and the board minutes[2] agree.");
    expect(out).toContain("https://port.example/notice[1]");
    const list = out.slice(out.indexOf("\nLinks\n"));
    expect(list).toContain("[1] https://port.example/notice");
    expect(list).toContain("[2] https://port.example/minutes?id=7&x=1");
    expect(list).toContain("[4] https://evil.example/<U+202E>gnp.exe");
    expect(out).toContain("an escape ^[]52;c;eA== in text");
    expect(out).not.toMatch(/\x1b/);
  });

  it("makes link text an OSC 8 hyperlink only where allowed, and never for a URL with controls", () => {
    const out = print("links.md", 100, true, true);
    expect(out).toContain("\x1b]8;;https://port.example/notice\x1b\\");
    expect(out).not.toContain("\x1b]8;;https://evil");
    expect(out).not.toContain("\x1b]52");
    expect(print("links.md", 100, true, false)).not.toContain("\x1b]8;;");
  });

  it("draws a table with box-drawing rules, aligned, cells wrapped inside their column", () => {
    const lines = print("table.md", 40).split("\n");
    const top = lines.findIndex((l) => l.includes("┌"));
    expect(lines[top]).toMatch(/^ {2}┌─+┬─+┬─+┐$/);
    expect(lines[top + 1]).toMatch(/│ Port +│ Toll │ +Effective +│/);
    expect(lines.some((l) => /│ +€12 │/.test(l))).toBe(true);
    // The long cell wraps inside its column: the rows keep their borders.
    const body = lines.slice(top, lines.findIndex((l) => l.includes("└")) + 1);
    expect(body.length).toBeGreaterThan(6);
    for (const l of body) expect(stringWidth(l)).toBe(stringWidth(body[0]!));
    expect(body.join("\n")).toContain("Southbay");
  });

  it("falls back to one record per row when a table is too wide, never cutting a cell", () => {
    const out = print("table-wide.md", 40);
    expect(out).not.toContain("┌");
    expect(out).toContain("Operator: Northport Shipping");
    expect(out).toMatch(/Comment from the operator: Considers/);
    expect(print("table-wide.md", 140)).toContain("┌");
  });

  it("keeps code verbatim and indented, cutting a too-wide line with a marker", () => {
    const out = print("code.md", 60);
    expect(out).toContain("  ports:   [Northport, Southbay]   # spaces kept");
    const long = out.split("\n").find((l) => l.includes("note:"))!;
    expect(long.endsWith("…")).toBe(true);
    expect(stringWidth(long)).toBe(60);
  });

  it("draws block quotes with a bar, nested quotes with two", () => {
    const out = print("quote.md", 80);
    expect(out).toContain("  │ We needed this freeze, said the harbour master.");
    expect(out).toContain("  │ │ Nested reply from the board.");
  });

  it("indents nested and numbered lists with their markers", () => {
    const out = print("lists.md", 80);
    expect(out).toContain(
      "  • Tolls frozen\n    ◦ at the spring rate\n      1. for bulk carriers\n      2. for ferries\n  • Repairs delayed",
    );
    expect(out).toContain("  3. The vote in June\n  4. The audit in July");
  });

  it("lays the reader out at a reading measure of 100 columns on a wider screen", () => {
    const layout = layoutBriefing(fixture("wrapped-140.md"), 140, []);
    expect(layout.width).toBe(100);
    expect(Math.max(...layout.lines.map((l) => stringWidth(l.text)))).toBeLessThanOrEqual(100);
    expect(layoutBriefing(fixture("wrapped-140.md"), 60, []).width).toBe(60);
  });

  it("gives the reader the same lines and link numbers as print, with styles as tokens", () => {
    const layout = layoutBriefing(fixture("links.md"), 80, []);
    const line = layout.lines.find((l) => l.text.includes("harbour notice[1]"))!;
    const runs = markRuns(line.marks);
    const at = line.text.indexOf("harbour notice");
    expect(runs).toContainEqual({ start: at, end: at + "harbour notice".length, token: "link" });
    expect(runs).toContainEqual({ start: at + 14, end: at + 17, token: "muted" });
    expect(layout.lines.some((l) => l.text === "[4] https://evil.example/<U+202E>gnp.exe")).toBe(true);
  });

  it("gives the reader's link text and listed URLs their URL for a hyperlink, never a hostile one", () => {
    const layout = layoutBriefing(fixture("links.md"), 80, []);
    const line = layout.lines.find((l) => l.text.includes("harbour notice[1]"))!;
    const at = line.text.indexOf("harbour notice");
    const segments = lineSegments(line, 80, [], undefined);
    const linked = segments.filter((s) => s.url !== undefined);
    expect(linked.map((s) => [s.text, s.url])).toEqual([
      ["harbour notice", "https://port.example/notice"],
      ["board minutes", "https://port.example/minutes?id=7&x=1"],
    ]);
    expect(segments.map((s) => s.text).join("")).toBe(line.text);
    expect(linkRuns(line.marks)[0]).toEqual({
      start: at,
      end: at + "harbour notice".length,
      url: "https://port.example/notice",
    });
    const listed = (n: number) => layout.lines.find((l) => l.text.startsWith(`[${n}] `))!;
    expect(lineSegments(listed(1), 80, [], undefined).find((s) => s.url)?.text).toBe(
      "https://port.example/notice",
    );
    const hostile = listed(4);
    expect(hostile.text).toBe("[4] https://evil.example/<U+202E>gnp.exe");
    expect(lineSegments(hostile, 80, [], undefined).some((s) => s.url !== undefined)).toBe(false);
    const warning = layout.lines.find((l) => l.text.includes("hostile link"))!;
    expect(lineSegments(warning, 80, [], undefined).some((s) => s.url !== undefined)).toBe(false);
  });

  it("keeps a link's hyperlink under a search match that covers part of it", () => {
    const layout = layoutBriefing(fixture("links.md"), 80, []);
    const i = layout.lines.findIndex((l) => l.text.includes("harbour notice[1]"));
    const line = layout.lines[i]!;
    const at = line.text.indexOf("notice");
    const match = { line: i, start: at, end: at + 6 };
    const segments = lineSegments(line, 80, [match], match);
    expect(segments.find((s) => s.text === "notice")).toEqual({
      text: "notice",
      token: "currentMatch",
      url: "https://port.example/notice",
    });
    expect(segments.find((s) => s.text === "harbour ")?.url).toBe("https://port.example/notice");
  });

  it("shares out column widths fairly when the natural widths do not fit", () => {
    expect(fitColumns([10, 10], [3, 3], 30)).toEqual([10, 10]);
    const w = fitColumns([40, 10], [5, 5], 30);
    expect(w.reduce((a, b) => a + b)).toBe(30);
    expect(w[0]).toBeGreaterThan(w[1]!);
  });
});

describe("lists as glow spaces them", () => {
  const item = (text: string): Block[] => [{ type: "paragraph", children: [{ type: "text", text }] }];
  const lines = (b: Block) => renderBlock(b, 40, new LinkNumbers()).map((l) => l.text);

  it("puts a blank line between a loose list's items and none between a tight list's", () => {
    const list: Block = { type: "list", ordered: false, start: 1, items: [item("one"), item("two")] };
    expect(lines({ ...list, loose: true })).toEqual(["• one", "", "• two"]);
    expect(lines(list)).toEqual(["• one", "• two"]);
  });

  it("sets a list in a quote apart from the text before it; in a tight item it follows on", () => {
    const nested: Block = { type: "list", ordered: true, start: 1, items: [item("a"), item("b")] };
    expect(lines({ type: "quote", children: [...item("Consider:"), nested] })).toEqual([
      "│ Consider:",
      "│ ",
      "│ 1. a",
      "│ 2. b",
    ]);
    expect(
      lines({ type: "list", ordered: false, start: 1, items: [[...item("Consider:"), nested]] }),
    ).toEqual(["• Consider:", "  1. a", "  2. b"]);
  });

  it("right-aligns a list's numbers when each item is a paragraph of its own, 9 under 10 as glow does", () => {
    const one = (n: number): Extract<Block, { type: "list" }> => ({
      type: "list",
      ordered: true,
      start: n,
      items: [item(`item ${n}`)],
    });
    const list = [8, 9, 10].map(one);
    const widths = numberWidths(list);
    expect(widths).toEqual([4, 4, 4]);
    expect(
      list.flatMap((b, i) => renderBlock(b, 40, new LinkNumbers(), 0, widths[i]).map((l) => l.text)),
    ).toEqual([" 8. item 8", " 9. item 9", "10. item 10"]);
    // Another list, or text between, starts its own numbers.
    expect(numberWidths([one(9), { ...one(10), newList: true }])).toEqual([3, 4]);
    expect(numberWidths([one(9), item("x")[0], one(10)])).toEqual([3, 0, 4]);
  });

  it("runs a paragraph's items on only while they are one tight list", () => {
    const one: Block = { type: "list", ordered: false, start: 1, items: [item("x")] };
    expect(continuesList(one, one)).toBe(true);
    expect(continuesList(one, { ...one, newList: true })).toBe(false);
    expect(continuesList(one, { ...one, loose: true })).toBe(false);
    expect(continuesList(item("x")[0], one)).toBe(false);
  });
});
