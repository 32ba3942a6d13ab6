import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  briefingText,
  findMatches,
  foldedWords,
  matchesQuery,
  matchesText,
  nextMatchIndex,
} from "../../src/story/search.js";
import { makeBriefing } from "./factory.js";

const briefing = makeBriefing({
  id: "order",
  title: "Washington halts foreign access",
  text: ["The Commerce Department told Anthropic to suspend access."],
  glossary: [["Deemed export", "Sharing controlled technology with a foreign national at home."]],
});

describe("briefing text", () => {
  it("holds the title, the sections and the glossary", () => {
    const text = briefingText(briefing);
    expect(text).toContain("Washington halts foreign access");
    expect(text).toContain("told Anthropic to suspend");
    expect(text).toContain("Deemed export: Sharing controlled technology");
  });
});

describe("query", () => {
  it("matches regardless of case", () => {
    expect(matchesQuery(briefing, "COMMERCE")).toBe(true);
  });

  it("needs every word", () => {
    expect([matchesQuery(briefing, "commerce anthropic"), matchesQuery(briefing, "commerce openai")]).toEqual(
      [true, false],
    );
  });

  it("treats quoted words as one phrase", () => {
    expect([matchesQuery(briefing, '"deemed export"'), matchesQuery(briefing, '"export deemed"')]).toEqual([
      true,
      false,
    ]);
  });

  it("finds a word in the glossary", () => {
    expect(matchesQuery(briefing, "national")).toBe(true);
  });

  it("lets an empty query match everything", () => {
    expect(matchesQuery(briefing, "  ")).toBe(true);
  });
});

describe("highlight ranges", () => {
  it("finds every occurrence of every word", () => {
    const text = "Export rules: export controls and EXPORT licences.";
    expect(findMatches(text, "export").map((m) => text.slice(m.start, m.end))).toEqual([
      "Export",
      "export",
      "EXPORT",
    ]);
  });

  it("merges overlapping words into one range", () => {
    expect(findMatches("export controls", 'export "export controls"')).toEqual([{ start: 0, end: 15 }]);
  });

  it("treats regex characters literally", () => {
    expect(findMatches("GPT-5.6 and GPT-516", "5.6")).toEqual([{ start: 4, end: 7 }]);
  });

  it("finds nothing for an empty query", () => {
    expect(findMatches("anything", "")).toEqual([]);
  });
});

describe("next match in a list", () => {
  const items = ["Export order", "Talks begin", "Talks stall", "Order lifted"];

  it("moves forward from the current item", () => {
    expect(nextMatchIndex(items, "talks", 1, 1)).toBe(2);
  });

  it("moves backward and wraps around", () => {
    expect(nextMatchIndex(items, "order", 0, -1)).toBe(3);
  });

  it("jumps to the first match from the top when started before it", () => {
    expect(nextMatchIndex(items, "talks", -1, 1)).toBe(1);
  });

  it("comes back to the current item when it is the only match", () => {
    expect(nextMatchIndex(items, "lifted", 3, 1)).toBe(3);
  });

  it("says -1 when nothing matches", () => {
    expect(nextMatchIndex(items, "tariff", 0, 1)).toBe(-1);
  });
});

describe("a text's words as the matcher reads them", () => {
  it("are the same for plain ASCII as for the text with an accented word added", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary-ascii", maxLength: 40 }), (s) => {
        const plain = foldedWords(s);
        expect(foldedWords(`${s} Été`)).toBe(plain === " " ? " ete " : `${plain}ete `);
      }),
    );
    expect(foldedWords("  U.S. export-CONTROLS, 2026!  ")).toBe(" u s export controls 2026 ");
    expect(foldedWords("-- ,, --")).toBe(" ");
    expect(matchesText("Port STRIKE at Kiel", "port st")).toBe(true);
    expect(matchesText("Sport", "port")).toBe(false);
  });
});
