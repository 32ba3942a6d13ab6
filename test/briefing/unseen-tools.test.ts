// Briefings written in the tools people use (test/fixtures/unseen): Notion and Google Docs exports,
// Logseq and Bear notes, Obsidian with Dataview, Ghost, Hugo, Jekyll with kramdown, Pandoc, a README
// in HTML, a newsletter. What a reader would notice: the tool's own syntax read as the tool shows it,
// its metadata in the header, every part in its place.
import { describe, expect, it } from "vitest";
import { briefingLinks } from "../../src/briefing/links.js";
import type { Briefing } from "../../src/briefing/schema.js";
import { briefingText } from "../../src/cli/render/briefing-text.js";
import { createStyle } from "../../src/cli/style.js";
import { layoutBriefing } from "../../src/tui/readerLayout.js";
import { unseen } from "./markdown-fixtures.js";

const text = (b: Briefing, width = 80) => briefingText(b, width, createStyle(false), null, false);
const all = (b: Briefing) => Object.values(b.sections).flat();
const subsections = (b: Briefing) => all(b).flatMap((p) => (p.subsection ? [p.subsection] : []));

describe("briefings written in other tools", () => {
  it("reads Notion's property lines under the title as the page's date, tags and source, never a heading", () => {
    for (const name of ["notion-export.md", "notion-database.md"]) {
      const b = unseen(name);
      expect(
        subsections(b).some((s) => /^Created:/.test(s)),
        name,
      ).toBe(false);
      expect(
        all(b).some((p) => /Created:|Status:/.test(p.text)),
        name,
      ).toBe(false);
      expect(b.dateInferred, name).toBe(false);
    }
    const b = unseen("notion-database.md");
    expect([b.date, b.tags]).toEqual(["2027-11-04", ["EU", "Institutions", "Staffing"]]);
    expect(b.source).toMatch(/^Owner: Sofia Brandt · Created: November 4, 2027 3:41 PM · Last edited time/);
    expect(unseen("notion-export.md").tags).toEqual(["Policy", "EU", "UK"]);
  });

  it("reads Google Docs' bold labels ending in a space and its one-line properties", () => {
    const b = unseen("gdocs-export.md");
    expect(b.sections.whyItMatters.map((p) => p.text)).toContain(
      "the audit clause shifts cost to vendors, who will price it in.",
    );
    expect(text(b)).not.toContain("**");
    expect(b.date).toBe("2027-09-14");
    expect(b.source).toMatch(/^Date: 14 September 2027 · Author: Policy desk · Treasury Board/);
    expect(b.keyPoints).toHaveLength(3);
  });

  it("reads a Logseq outline: its properties, and each `- ## heading` item as the section it names", () => {
    const b = unseen("logseq-journal.md");
    expect([b.title, b.date, b.tags]).toEqual([
      "Seoul chip subsidy round two",
      "2027-10-21",
      ["semiconductors", "Korea", "industrial policy"],
    ]);
    expect(b.keyPoints).toEqual([]);
    expect(b.sections.whyItMatters[0]!.text).toBe(
      "• Packaging is where the bottleneck sits for AI accelerators.",
    );
    expect(b.sections.whatToWatch[0]!.text).toBe("• Applications open November 15, 2027.");
    expect(text(b)).toContain(
      "    ◦ Covers packaging plants, not only fabs.\n      ▪ HBM lines are named explicitly.\n        • First time",
    );
  });

  it("shows highlights as strong, hides Obsidian comments and shows an embed by its file name", () => {
    const b = unseen("obsidian-dataview.md");
    const out = text(b);
    expect(out).not.toMatch(/==|%%|!vote|private note/);
    expect(out).toContain("\n  vote-tally-2027-07-18.png\n");
    expect(briefingText(b, 140, createStyle(true), null, false)).toContain("\x1b[1mThe vote split\x1b[22m");
    expect(b.source).toBe("status: #in-progress · source: Senate Commerce Committee · reviewed: false");
    expect(text(unseen("bear-note.md"))).toContain("  The pledge is voluntary. No regulator can enforce it");
  });

  it("shows what a site generator would: a figure's caption, a notice's text, no shortcode or attribute list", () => {
    for (const name of ["hugo-shortcodes.md", "jekyll-kramdown.md", "pandoc-report.md"]) {
      const out = text(unseen(name));
      expect(out, name).not.toMatch(/\{\{[<%]|\{%|\{:|:::|TOC|\{-\}|\{#/);
    }
    const hugo = unseen("hugo-shortcodes.md");
    expect(hugo.sections.whatHappened.map((p) => p.text)).toEqual([
      "Government offices in Kasumigaseki",
      "The Cabinet Office published its first guidelines under the AI Promotion Act on May 29, 2027.",
      "These guidelines are non-binding. The Act itself has no penalties.",
      expect.stringMatching(/^The 62-page document/),
    ]);
    expect(unseen("jekyll-kramdown.md").keyPoints).toEqual([]);
  });

  it("takes Pandoc's title block as title, authors and date, and no later heading as the title", () => {
    const b = unseen("pandoc-report.md");
    expect([b.title, b.date, b.dateInferred]).toEqual([
      "Nordic data centres face a grid cap",
      "2027-11-02",
      false,
    ]);
    expect(b.source).toBe("Nordic data centres face a grid cap · Ingrid Halvorsen; Mikko Laine · 2027-11-02");
    // `# References {-}` heads the (empty) list of sources: no paragraph of any section.
    expect(all(b).map((p) => p.text)).not.toContain("References");
  });

  it("reads definition lists and abbreviations as glossary entries", () => {
    const terms = (name: string) => unseen(name).glossary.map((g) => `${g.term}: ${g.definition}`);
    expect(terms("definitions-longtable.md")).toEqual([
      "Deepfake fraud: Money or data obtained by impersonating a real person with generated audio or video.",
      "Privacy leak: Personal data disclosed by an AI system to someone not entitled to it.",
      "Security exploit: An attack that uses an AI system's tools or permissions to reach other systems.",
    ]);
    expect(terms("pandoc-report.md")).toEqual([
      "Grid connection: The right to draw a set amount of power from the transmission network.",
      "MW: Megawatt, a million watts.",
    ]);
    expect(terms("jekyll-kramdown.md")).toEqual([
      "AIDA: Artificial Intelligence and Data Act",
      "AI: artificial intelligence",
    ]);
  });

  it("numbers a footnote cited nowhere after the cited ones, never as ⁰", () => {
    const out = text(unseen("jekyll-kramdown.md"));
    expect(out).toContain("  ¹ The 2025 bill was C-27, part two.");
    expect(out).not.toContain("⁰");
  });

  it("reads a README in HTML: its <h1> the title, badges and HTML links numbered, emoji shortcodes shown", () => {
    const b = unseen("github-readme-html.md");
    expect(b.title).toBe("EvalKit 2.0 ships the public safety benchmark suite");
    const out = text(b);
    expect(out).toContain("  Build status[1] PyPI[2] License[3]\n");
    expect(out).toContain("pull request! contributors[4]");
    // Links to the page's own headings lead nowhere in a terminal: text only, no number.
    expect(out).toContain("  What happened • Why it matters • What's next\n");
    expect(briefingLinks(b).map((l) => l.url)).toEqual([
      "https://github.example.com/evalkit/actions",
      "https://pypi.example.org/project/evalkit",
      "LICENSE",
      "https://github.example.com/evalkit/graphs/contributors",
    ]);
    // `## :warning: Why it matters` names its section, and is not shown again as a subsection.
    expect(b.sections.whyItMatters[0]!.text).toMatch(/^Until now every lab wrote its own harness/);
    expect(subsections(b)).toEqual(["Contributors"]);
  });

  it("shows a Ghost card's lines apart and its bold, and a bookmark card as a link", () => {
    const b = unseen("ghost-export.md");
    expect(text(b)).toContain("  📌 The office can request safety test results but cannot block a release.");
    expect(briefingText(b, 80, createStyle(true), null, false)).toContain("\x1b[1mrequest\x1b[22m");
    expect(briefingLinks(b).map((l) => l.url)).toEqual(["https://leginfo.example.gov/sb1187"]);
  });

  it("right-aligns a numbered list's numbers, 9 under 10, in a file with a BOM, CRLF and tabs", () => {
    const b = unseen("emoji-setext-crlf.md");
    expect(b.title).toBe("🇮🇳 India's AI Safety Institute sets up shop");
    const out = text(b);
    expect(out).toContain(
      "   9. Shared evaluation datasets in Indian languages\n  10. A red-teaming network",
    );
    expect(out).toContain("   1. A consultation paper in October.\n   2. Bilateral");
    expect(out).toContain("   9. A second consultation.\n  10. Published benchmark results");
    expect(out).not.toMatch(/\r|\t/);
    // The reader lays the list out the same way.
    const reader = layoutBriefing(b, 80, []).lines.map((l) => l.text);
    expect(reader).toContain(" 9. Shared evaluation datasets in Indian languages");
    expect(reader).toContain("10. A red-teaming network of universities");
  });
});
