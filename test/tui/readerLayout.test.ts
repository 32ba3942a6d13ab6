import { describe, expect, it } from "vitest";
import { displayWidth } from "../../src/text/width.js";
import { layoutBriefing, lineOfEvent, termPattern, termSpans } from "../../src/tui/readerLayout.js";
import { firstMatchFrom, readerMatches, stepMatch } from "../../src/tui/readerSearch.js";
import { colorTheme, pickTheme, plainTheme } from "../../src/tui/theme.js";
import { briefing, para, pumpVote, tokyo } from "./fixtures.js";

const texts = (b = pumpVote, width = 60, terms: string[] = []) =>
  layoutBriefing(b, width, terms).lines.map((l) => l.text);

describe("reader layout", () => {
  it("puts the facts, key points, the three sections and the glossary in order", () => {
    const lines = texts();
    const at = (s: string) => lines.findIndex((l) => l.includes(s));
    expect(at("Council delays vote")).toBe(0);
    const order = [
      "Date",
      "Source",
      "Actors",
      "Key points",
      "What happened",
      "The survey",
      "Why it matters",
      "What to watch",
      "Glossary",
    ];
    const positions = order.map(at);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("says so when a section is empty instead of dropping its heading", () => {
    const b = briefing({
      id: "thin",
      title: "Thin",
      sections: { whatHappened: [para("Only this.", 3)], whyItMatters: [], whatToWatch: [] },
    });
    const lines = texts(b);
    expect(lines).toContain("Why it matters");
    expect(lines).toContain("What to watch");
    expect(lines.filter((l) => l === "Nothing in this briefing.")).toHaveLength(2);
  });

  it("wraps long URLs and CJK text to the width", () => {
    const url = `https://example.org/${"very-long-path-segment/".repeat(8)}`;
    const b = briefing({
      id: "u",
      title: "U",
      source: url,
      sections: { whatHappened: [para(url, 2)], whyItMatters: [], whatToWatch: [] },
    });
    for (const l of texts(b, 30)) expect(displayWidth(l)).toBeLessThanOrEqual(30);
    for (const l of texts(tokyo, 21)) expect(displayWidth(l)).toBeLessThanOrEqual(21);
    expect(texts(b, 30).join("")).toContain("very-long-path-segment/very-l");
  });

  it("shows control characters from a file as visible text", () => {
    const b = briefing({
      id: "x",
      title: "Evil \x1b]52;c;aGk=\x07 title",
      sections: { whatHappened: [para("a\x1b[31mred", 2)], whyItMatters: [], whatToWatch: [] },
    });
    const all = texts(b).join("\n");
    expect(all).not.toContain("\x1b");
    expect(all).toContain("^[]52");
  });

  it("marks glossary terms as whole words, plurals included, longest first", () => {
    const p = termPattern(["rate", "rate case", "Aquifer"]);
    const text = "A rate case about aquifers, not separate rates";
    const found = termSpans(text, p).map((s) => text.slice(s.start, s.end));
    expect(found).toEqual(["rate case", "aquifers", "rates"]);
    const layout = layoutBriefing(pumpVote, 80, ["Aquifer", "Rate case"]);
    const line = layout.lines.find((l) => l.text.includes("the aquifer survey"))!;
    expect(line.text.slice(line.terms[0]!.start, line.terms[0]!.end)).toBe("aquifer");
  });

  it("finds the line a timeline event sits on", () => {
    const layout = layoutBriefing(pumpVote, 60, []);
    const i = lineOfEvent(layout, 22, "A new vote is planned for March 17.");
    expect(layout.lines[i!]!.text).toContain("A new vote is planned");
  });

  it("finds search matches and steps through them, wrapping", () => {
    const layout = layoutBriefing(pumpVote, 60, []);
    const m = readerMatches(layout, "aquifer");
    expect(m.length).toBe(3);
    expect(firstMatchFrom(m, m[1]!.line)).toBe(1);
    expect(stepMatch(m, 2, 1, 0)).toBe(0);
    expect(stepMatch(m, 0, -1, 0)).toBe(2);
    expect(readerMatches(layout, "  ")).toEqual([]);
  });
});

describe("theme", () => {
  it("drops colour when asked or when NO_COLOR is set, keeping emphasis", () => {
    expect(pickTheme(true, {})).toBe(colorTheme);
    expect(pickTheme(false, {})).toBe(plainTheme);
    expect(pickTheme(true, { NO_COLOR: "1" })).toBe(plainTheme);
    expect(pickTheme(true, { NO_COLOR: "" })).toBe(colorTheme);
    for (const style of Object.values(plainTheme)) expect(style.color).toBeUndefined();
    expect(plainTheme.selection.inverse).toBe(true);
  });
});
