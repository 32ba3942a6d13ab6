// One test per normalisation rule of docs/format.md. Bodies are short made-up briefings.
import { describe, expect, it } from "vitest";
import { bodyParagraphs, normalise, sectionForHeading } from "../../src/briefing/normalise.js";
import type { Paragraph } from "../../src/briefing/schema.js";

const texts = (ps: Paragraph[]) => ps.map((p) => p.text);
const lines = (...ls: string[]) => ls.join("\n");
/** A paragraph line long enough to count as a whole paragraph of its own. */
const long = (s: string) =>
  `${s} The rest of this paragraph only adds length to it, so that it reads as a whole paragraph.`;

describe("title", () => {
  it("uses the given title and drops a first line that repeats it", () => {
    const r = normalise(lines("# Bridge Repairs Begin", "", "Crews arrived on Monday."), {
      title: "Bridge repairs begin",
    });
    expect(r.title).toBe("Bridge repairs begin");
    expect(r.titleLine).toBe(1);
    expect(texts(r.sections.whatHappened)).toEqual(["Crews arrived on Monday."]);
  });

  it("takes the first `#` heading as the title and does not repeat it in a section", () => {
    const r = normalise(
      lines("Intro line about the market.", "", "# Market Hall Reopens", "", "The doors opened at nine."),
    );
    expect(r.title).toBe("Market Hall Reopens");
    expect(r.titleLine).toBe(3);
    expect(texts(r.sections.whatHappened)).toEqual([
      "Intro line about the market.",
      "The doors opened at nine.",
    ]);
  });

  it("does not take a `#` heading that names a section as the title", () => {
    const r = normalise(lines("# What happened", "", "The vote passed."));
    expect(r.title).toBe("The vote passed");
    expect(texts(r.sections.whatHappened)).toEqual(["The vote passed."]);
  });

  it("consumes a short first line as the title", () => {
    const r = normalise(
      lines("Harbour Dredging Delayed", long("The dredging contract was paused on Friday.")),
    );
    expect(r.title).toBe("Harbour Dredging Delayed");
    expect(r.titleLine).toBe(1);
    expect(
      Object.values(r.sections)
        .flat()
        .map((p) => p.text),
    ).not.toContain("Harbour Dredging Delayed");
  });

  it("takes the first sentence of a prose opening as the title and keeps the paragraph", () => {
    const first = "The U.S. Mint said on Tuesday that it will stop making a coin. Collectors were surprised.";
    const r = normalise(lines(first, "", "More details followed."));
    expect(r.title).toBe("The U.S. Mint said on Tuesday that it will stop making a coin");
    expect(r.titleLine).toBeNull();
    expect(texts(r.sections.whatHappened)[0]).toBe(first);
  });

  it("shortens a very long first sentence at a word", () => {
    const r = normalise(`${"word ".repeat(60).trim()}.`);
    expect(r.title?.length).toBeLessThanOrEqual(120);
    expect(r.title).toMatch(/word…$/);
  });
});

describe("paragraphs", () => {
  it("joins hard-wrapped lines and splits at blank lines", () => {
    const ps = bodyParagraphs(lines("The ferry left", "on time today.", "", "Then it rained."));
    expect(ps.map((p) => [p.text, p.line])).toEqual([
      ["The ferry left on time today.", 1],
      ["Then it rained.", 4],
    ]);
  });

  it("treats each line as a paragraph when the lines are whole paragraphs", () => {
    const a = long("First report about the ferry.");
    const b = long("Second report about the ferry.");
    expect(bodyParagraphs(lines(a, b, "Short closing line.")).map((p) => p.text)).toEqual([
      a,
      b,
      "Short closing line.",
    ]);
  });

  it("counts lines from the given first line of the body", () => {
    const r = normalise(lines("Title Here", "", "Body."), { firstLine: 7 });
    expect(r.titleLine).toBe(7);
    expect(r.sections.whatHappened[0]?.line).toBe(9);
  });

  it("ignores horizontal rules and reads setext headings", () => {
    const r = normalise(
      lines("Title", "", "Why it matters", "---", "", "It sets a precedent.", "", "***", "", "More."),
    );
    expect(texts(r.sections.whyItMatters)).toEqual(["It sets a precedent.", "More."]);
  });

  it("keeps a numbered list as one paragraph per item", () => {
    const r = normalise(lines("Title", "", "## What happened", "", "1. The board met.", "2. It voted."));
    expect(texts(r.sections.whatHappened)).toEqual(["1. The board met.", "2. It voted."]);
  });
});

describe("key points", () => {
  it("takes bullets before the first section as key points, without their markers", () => {
    const r = normalise(
      lines(
        "Title",
        "",
        "- One point",
        "* Two point",
        "  • Three point",
        "",
        "## What happened",
        "",
        "- A listed fact",
      ),
    );
    expect(texts(r.keyPoints)).toEqual(["One point", "Two point", "Three point"]);
    expect(texts(r.sections.whatHappened)).toEqual(["• A listed fact"]);
  });

  it("joins an indented continuation line to its bullet", () => {
    const r = normalise(lines("Title", "", "- A key point that is", "  wrapped onto a second line"));
    expect(texts(r.keyPoints)).toEqual(["A key point that is wrapped onto a second line"]);
  });
});

describe("section headings", () => {
  it("starts sections at markdown headings of any level, matching aliases case-insensitively", () => {
    const r = normalise(
      lines(
        "# T",
        "",
        "###### DRIVING THE NEWS",
        "",
        "a.",
        "",
        "## The Big Picture",
        "",
        "b.",
        "",
        "#### What's Next",
        "",
        "c.",
      ),
    );
    expect(texts(r.sections.whatHappened)).toEqual(["a."]);
    expect(texts(r.sections.whyItMatters)).toEqual(["b."]);
    expect(texts(r.sections.whatToWatch)).toEqual(["c."]);
  });

  it("knows every alias of the format", () => {
    const cases: [string, string][] = [
      ["what happened", "whatHappened"],
      ["Driving the news", "whatHappened"],
      ["The news", "whatHappened"],
      ["The Backstory", "whatHappened"],
      ["Background", "whatHappened"],
      ["What we know", "whatHappened"],
      ["Why it matters", "whyItMatters"],
      ["Why this matters", "whyItMatters"],
      ["The big picture", "whyItMatters"],
      ["Implications", "whyItMatters"],
      ["The stakes", "whyItMatters"],
      ["Between the lines", "whyItMatters"],
      ["What to watch", "whatToWatch"],
      ["What to watch next", "whatToWatch"],
      ["What’s next?", "whatToWatch"],
      ["Looking ahead", "whatToWatch"],
      ["What comes next", "whatToWatch"],
      ["The outlook", "whatToWatch"],
    ];
    for (const [heading, key] of cases)
      expect(sectionForHeading(heading), heading).toEqual({ key, exact: true });
  });

  it("matches a heading with a subtitle or a linking word, and keeps it as the subsection name", () => {
    expect(sectionForHeading("The Backstory: How It Started")).toEqual({ key: "whatHappened", exact: false });
    expect(sectionForHeading("Looking Ahead — Next Year")).toEqual({ key: "whatToWatch", exact: false });
    expect(sectionForHeading("Implications for Small Ports")).toEqual({ key: "whyItMatters", exact: false });
    expect(sectionForHeading("Background checks for buyers")).toBeNull();
    expect(sectionForHeading("The Newsroom Moves")).toBeNull();
    const r = normalise(lines("T", "", "## The Stakes for Farmers", "", "Prices could fall."));
    expect(r.sections.whyItMatters).toEqual([
      { text: "Prices could fall.", line: 5, subsection: "The Stakes for Farmers" },
    ]);
  });

  it("reads a bare heading line standing alone between blank lines", () => {
    const r = normalise(lines("Title", "", "what to watch next", "", "A vote in June."));
    expect(texts(r.sections.whatToWatch)).toEqual(["A vote in June."]);
  });

  it("reads a bare Title Case line between one-line paragraphs as a heading", () => {
    const r = normalise(
      lines(
        "Canal Tolls Frozen",
        long("The board froze tolls."),
        "Looking Ahead: The Winter Meeting",
        long("The board meets again in December."),
        "Funding Questions Remain",
        long("Nobody has said how the repairs will be paid for."),
      ),
    );
    expect(r.title).toBe("Canal Tolls Frozen");
    expect(texts(r.sections.whatHappened)).toEqual([long("The board froze tolls.")]);
    expect(r.sections.whatToWatch.map((p) => p.subsection)).toEqual([
      "Looking Ahead: The Winter Meeting",
      "Funding Questions Remain",
    ]);
  });

  it("does not take a short sentence-case line inside a paragraph for a heading", () => {
    const r = normalise(lines("Title", "", "The council said the new", "bus lanes open in May."));
    expect(texts(r.sections.whatHappened)).toEqual(["The council said the new bus lanes open in May."]);
  });

  it("starts a section at a lead-in and removes the lead-in from the text", () => {
    const r = normalise(
      lines(
        "Title",
        "",
        "**Driving the news:** The mill closed.",
        "",
        "Why it matters: It was the last one.",
        "",
        "The outlook: a buyer may step in.",
      ),
    );
    expect(r.sections.whatHappened).toEqual([{ text: "The mill closed.", line: 3 }]);
    expect(r.sections.whyItMatters).toEqual([{ text: "It was the last one.", line: 5 }]);
    expect(r.sections.whatToWatch).toEqual([{ text: "a buyer may step in.", line: 7 }]);
  });

  it("keeps paragraphs before the first heading in what happened", () => {
    const r = normalise(lines("Title", "", "An opening paragraph.", "", "## Why it matters", "", "Because."));
    expect(texts(r.sections.whatHappened)).toEqual(["An opening paragraph."]);
  });
});

describe("other headings", () => {
  it("become subsections of the section in force", () => {
    const r = normalise(
      lines(
        "T",
        "",
        "## Why it matters",
        "",
        "a.",
        "",
        "## Who Pays",
        "",
        "b.",
        "",
        "## A Quieter Street",
        "",
        "c.",
      ),
    );
    expect(r.sections.whyItMatters.map((p) => [p.text, p.subsection])).toEqual([
      ["a.", undefined],
      ["b.", "Who Pays"],
      ["c.", "A Quieter Street"],
    ]);
  });

  it("go to the section their keywords name, and that section stays in force", () => {
    const r = normalise(
      lines(
        "T",
        "",
        "## The Vote",
        "",
        "a.",
        "",
        "## What This Means for Tenants",
        "",
        "b.",
        "",
        "## Rents",
        "",
        "c.",
        "",
        "## Conclusion",
        "",
        "d.",
      ),
    );
    expect(r.sections.whatHappened.map((p) => p.subsection)).toEqual(["The Vote"]);
    expect(r.sections.whyItMatters.map((p) => p.subsection)).toEqual([
      "What This Means for Tenants",
      "Rents",
    ]);
    expect(r.sections.whatToWatch.map((p) => p.subsection)).toEqual(["Conclusion"]);
  });

  it("with nothing under them are kept as a paragraph", () => {
    const r = normalise(
      lines("T", "", "## What happened", "", "a.", "", "## Photo Gallery", "", "## What to watch", "", "b."),
    );
    expect(texts(r.sections.whatHappened)).toEqual(["a.", "Photo Gallery"]);
    expect(texts(r.sections.whatToWatch)).toEqual(["b."]);
  });
});

describe("prose without headings", () => {
  it("puts the opening in what happened, significance in why it matters, the forward look in what to watch", () => {
    const r = normalise(
      lines(
        "The reservoir reopened to boats on Saturday.",
        "",
        "Rowing clubs had been waiting since the spring.",
        "",
        "The move matters because the lake is the only training water nearby, and it is significant for the region's clubs.",
        "",
        "Officials said they will review the rules next year and could add a second launch site.",
      ),
    );
    expect(r.structured).toBe(false);
    expect(r.sections.whatHappened.map((p) => p.line)).toEqual([1, 3]);
    expect(r.sections.whyItMatters.map((p) => p.line)).toEqual([5]);
    expect(r.sections.whatToWatch.map((p) => p.line)).toEqual([7]);
  });

  it("never moves a later paragraph back to an earlier section", () => {
    const r = normalise(
      lines("A start.", "", "It will likely pass and could come soon.", "", "A plain closing fact."),
    );
    expect(r.sections.whatToWatch.map((p) => p.line)).toEqual([3, 5]);
  });

  it("does not read the month May as a forward-looking word", () => {
    const r = normalise(lines("A start.", "", "The lease was signed in May and renewed in May."));
    expect(r.sections.whatHappened.map((p) => p.line)).toEqual([1, 3]);
  });
});

describe("glossary", () => {
  it("reads a Glossary section with colon and dash forms", () => {
    const r = normalise(
      lines(
        "T",
        "",
        "## Key terms",
        "",
        "- Quay: A platform where ships load.",
        "Berth — a ship's place at a quay.",
        "**Tug**: a small powerful boat.",
      ),
    );
    expect(r.glossary).toEqual([
      { term: "Quay", definition: "A platform where ships load.", line: 5 },
      { term: "Berth", definition: "a ship's place at a quay.", line: 6 },
      { term: "Tug", definition: "a small powerful boat.", line: 7 },
    ]);
  });

  it("reads trailing `- Term: definition` lines as the glossary", () => {
    const r = normalise(
      lines(
        "Title",
        "",
        "Some prose here.",
        "- Ballast: Weight carried low in a ship.",
        "- Keel: The spine of a hull.",
      ),
    );
    expect(r.glossary.map((g) => g.term)).toEqual(["Ballast", "Keel"]);
    expect(r.keyPoints).toEqual([]);
  });

  it("keeps a list straight under a section heading in that section", () => {
    const r = normalise(lines("T", "", "## What to watch", "", "- Deadline: June 30.", "- Vote: in July."));
    expect(r.glossary).toEqual([]);
    expect(texts(r.sections.whatToWatch)).toEqual(["• Deadline: June 30.", "• Vote: in July."]);
  });

  it("keeps a glossary-section line that is not an entry in the body", () => {
    const r = normalise(
      lines("T", "", "## What happened", "", "a.", "", "## Glossary", "", "these terms appear above"),
    );
    expect(r.sections.whatHappened.at(-1)).toEqual({
      text: "these terms appear above",
      line: 9,
      subsection: "Glossary",
    });
  });
});

describe("source", () => {
  it("takes `Source:` and `Source assisted:` lines as the source, not section text", () => {
    const r = normalise(
      lines("T", "", "A fact.", "", "Source: Town Crier", "", "Source assisted: the Harbour Log."),
    );
    expect(r.source).toBe("Town Crier · the Harbour Log.");
    expect(texts(r.sections.whatHappened)).toEqual(["A fact."]);
  });

  it("adds the footer after the last source line to the source", () => {
    const r = normalise(
      lines(
        "T",
        "",
        "A fact.",
        "",
        "Source: Town Crier",
        "Our standards: we check twice.",
        "",
        "More stories",
      ),
    );
    expect(r.source).toBe("Town Crier · Our standards: we check twice. · More stories");
    expect(texts(r.sections.whatHappened)).toEqual(["A fact."]);
  });

  it("does not swallow text after a source line when a heading follows", () => {
    const r = normalise(lines("T", "", "Source: Town Crier", "", "## What to watch", "", "A vote."));
    expect(r.source).toBe("Town Crier");
    expect(texts(r.sections.whatToWatch)).toEqual(["A vote."]);
  });
});

describe("hostile shapes", () => {
  // Each of these made an earlier, backtracking version of the rules take minutes.
  const gap = " ".repeat(100_000);
  it("reads a heading with a huge gap inside", () => {
    const r = normalise(`# a${gap}b\n\nText.`);
    expect(r.title).toBe(`a${gap}b`);
  });

  it("reads a would-be lead-in or source line with a huge gap as plain text", () => {
    const r = normalise(`Opening.\n\nWhy it matters${gap}x.\n\nSource: a${gap}*b`);
    expect(r.sections.whatHappened.map((p) => p.text)).toEqual(["Opening.", `Why it matters${gap}x.`]);
    expect(r.source).toBe(`a${gap}*b`);
  });

  it("reads a glossary line with a huge gap", () => {
    const r = normalise(`## Glossary\n\nTerm${gap}b${gap}- c`);
    expect(r.glossary).toEqual([]);
    expect(r.sections.whatHappened).toHaveLength(1);
  });
});
