// Briefings written in tools and languages the earlier passes did not cover (test/fixtures/unseen):
// Roam, Joplin, Typora, Word through Pandoc, Slack, a feed item pasted as HTML, French and German,
// Apple Notes, a written-out table of contents. What a reader would notice: each part in its
// section, the tool's syntax read as the tool shows it, nothing run together.
import { describe, expect, it } from "vitest";
import { briefingLinks } from "../../src/briefing/links.js";
import type { Briefing } from "../../src/briefing/schema.js";
import { briefingText } from "../../src/cli/render/briefing-text.js";
import { createStyle } from "../../src/cli/style.js";
import { unseen } from "./markdown-fixtures.js";

const text = (b: Briefing, width = 80) => briefingText(b, width, createStyle(false), null, false);
const texts = (b: Briefing, key: keyof Briefing["sections"]) => b.sections[key].map((p) => p.text);

describe("briefings from tools and languages not covered before", () => {
  it("reads Roam's outline: bold branches as sections, its attributes as the page's, TODO as a box", () => {
    const b = unseen("roam-export.md");
    expect([b.title, b.date, b.tags]).toEqual([
      "Port of Rotterdam cyber incident",
      "2027-03-03",
      ["cyber security", "shipping", "Netherlands"],
    ]);
    expect(b.keyPoints).toEqual([]);
    expect(texts(b, "whatHappened")).toContain("• [ ] Confirm which terminal operator was hit");
    expect(texts(b, "whyItMatters")).toHaveLength(1);
    expect(texts(b, "whatToWatch")).toHaveLength(2);
    expect(b.actors).toContain("Port of Rotterdam Authority");
  });

  it("reads a feed item pasted as HTML as its title, sections and bullets", () => {
    const b = unseen("rss-item-html.md");
    expect(b.title).toBe("Chile approves national lithium company");
    expect(texts(b, "whyItMatters")).toEqual([
      "Chile holds the largest lithium reserves in the world; the company will take majority stakes in new projects.",
      "• Codelco keeps its existing agreements.",
      "• Private miners get minority stakes.",
    ]);
    expect(texts(b, "whatToWatch")).toEqual(["The first contracts are due in the second half of 2027."]);
    expect(text(b)).toContain(
      "  • Codelco keeps its existing agreements.\n  • Private miners get minority stakes.",
    );
  });

  it("reads Slack's links and mentions as Slack shows them", () => {
    const b = unseen("slack-paste.md");
    const out = text(b);
    expect(out).toContain("per Reuters[1].");
    expect(briefingLinks(b).map((l) => l.url)).toEqual(["https://www.example.com/reuters-duv"]);
    expect(out).toContain("cc @U024BE7LH @channel");
    expect(texts(b, "whatToWatch")[0]).toBe("• Cabinet decision expected before the summer recess");
  });

  it("shows Typora's maths as code, its raised and lowered digits, and no [TOC]", () => {
    const b = unseen("typora-doc.md");
    const out = text(b);
    expect(out).toContain("9.5 x 10³ USD/t, and H₂O use");
    expect(out).toContain("    cost_{t} = \\frac{opex + royalties}{tonnes}");
    expect(out).not.toContain("[TOC]");
    expect(out).not.toContain("$$");
  });

  it("keeps a Word table converted by Pandoc as a grid, and its spans as their text", () => {
    const out = text(unseen("word-pandoc.md"));
    expect(out).toContain(
      "    | Customer group  | Current tariff | Proposed tariff |\n    +=================+================+=================+",
    );
    expect(out).toContain("published its draft decision on April 19, 2027. Household");
    expect(out).not.toMatch(/\{\.underline\}|\{\.mark\}|custom-style/);
  });

  it("shows Joplin's attachments by their names, with no number for a link that leads nowhere", () => {
    const b = unseen("joplin-note.md");
    expect(briefingLinks(b)).toEqual([]);
    expect(text(b)).toContain("  transformer-yard.jpg\n");
    expect(text(b)).not.toContain(":/");
  });

  it("reads French and German section names, key points, glossary and source", () => {
    const fr = unseen("french-briefing.md");
    expect(fr.keyPoints.map((p) => p.text)).toEqual([
      "Commande de 30 rames pour les lignes non électrifiées.",
      "Livraison à partir de 2029.",
    ]);
    expect(texts(fr, "whyItMatters")).toHaveLength(1);
    expect(texts(fr, "whatToWatch")).toEqual([
      "Les régions doivent voter leur part du financement d'ici juin 2027.",
    ]);
    expect(fr.source).toBe("Le Rail Quotidien");
    const de = unseen("german-briefing.md");
    expect(texts(de, "whyItMatters")).toHaveLength(1);
    expect(texts(de, "whatToWatch")).toEqual([
      "• Baubeginn im Herbst 2027",
      "• Klagen von Anwohnern in Thüringen",
    ]);
    expect(de.glossary.map((g) => g.term)).toEqual(["HGÜ"]);
    expect(
      Object.values(de.sections)
        .flat()
        .some((p) => p.subsection !== undefined),
    ).toBe(false);
  });

  it("reads a note with no blank lines: a section's name on its own line heads its section", () => {
    const b = unseen("apple-notes.md");
    expect(b.keyPoints).toHaveLength(2);
    expect(texts(b, "whyItMatters")).toEqual([
      "Geothermal is Kenya's largest power source; cheaper tenders lower the average tariff.",
    ]);
    expect(texts(b, "whatToWatch")).toHaveLength(1);
  });

  it("shows nothing of a written-out table of contents or of HTML comments", () => {
    const b = unseen("toc-images-comments.md");
    expect(b.keyPoints).toEqual([]);
    const out = text(b);
    expect(out).not.toMatch(/TOC|Draft|check figure/);
    expect(out).toContain("  Chart of the carbon tax path[1]");
  });

  it("reads sections under H3 headings only and under headings in capitals", () => {
    const h3 = unseen("h3-only.md");
    expect(texts(h3, "whatToWatch")).toEqual([
      "The port authority decides on the Europa Terminal extension on September 9, 2027.",
    ]);
    const caps = unseen("all-caps.md");
    expect(caps.title).toBe("ICELAND EXTENDS GEOTHERMAL DRILLING LICENCES");
    expect(caps.source).toBe("RUV ENGLISH");
    for (const key of ["whatHappened", "whyItMatters", "whatToWatch"] as const)
      expect(texts(caps, key)).toHaveLength(1);
  });

  it("keeps a mail reply's quoted history as nested quotes, the headers and signature in the source", () => {
    const b = unseen("mail-reply-quotes.md");
    expect(b.title).toBe("Baltic cable damage, update");
    expect(b.source).toContain("Energy desk");
    expect(text(b)).toContain("  │ │ What to watch: Repairs need a cable ship; the nearest is in Rotterdam.");
  });

  it("cuts a very long URL and a long code span to the width, losing none of it", () => {
    const b = unseen("long-lines.md");
    for (const width of [40, 80, 140]) {
      const out = text(b, width);
      for (const line of out.split("\n")) expect(line.length, `${width}: ${line}`).toBeLessThanOrEqual(width);
      expect(out.replace(/\n\s*/g, "")).toContain("redacted-final-version-for-publication.pdf");
    }
  });
});
