// Briefings written in tools and languages the earlier passes did not cover (test/fixtures/unseen):
// Roam, Joplin, Typora, Word through Pandoc, Slack, a feed item pasted as HTML, French and German,
// Apple Notes, a written-out table of contents. What a reader would notice: each part in its
// section, the tool's syntax read as the tool shows it, nothing run together. One row per fixture
// (test/briefing/unseen-case.ts says what each field checks).
import { describe, expect, it } from "vitest";
import { checkUnseen, text, texts, type UnseenCase } from "./unseen-case.js";

const cases: UnseenCase[] = [
  {
    fixture: "roam-export.md",
    does: "reads Roam's outline: bold branches as sections, its attributes as the page's, TODO as a box",
    title: "Port of Rotterdam cyber incident",
    date: "2027-03-03",
    tags: ["cyber security", "shipping", "Netherlands"],
    keyPoints: [],
    more: (b) => {
      expect(texts(b, "whatHappened")).toContain("• [ ] Confirm which terminal operator was hit");
      expect(texts(b, "whyItMatters")).toHaveLength(1);
      expect(texts(b, "whatToWatch")).toHaveLength(2);
      expect(b.actors).toContain("Port of Rotterdam Authority");
    },
  },
  {
    fixture: "rss-item-html.md",
    does: "reads a feed item pasted as HTML as its title, sections and bullets",
    title: "Chile approves national lithium company",
    sections: {
      whyItMatters: [
        "Chile holds the largest lithium reserves in the world; the company will take majority stakes in new projects.",
        "• Codelco keeps its existing agreements.",
        "• Private miners get minority stakes.",
      ],
      whatToWatch: ["The first contracts are due in the second half of 2027."],
    },
    shows: ["  • Codelco keeps its existing agreements.\n  • Private miners get minority stakes."],
  },
  {
    fixture: "slack-paste.md",
    does: "reads Slack's links and mentions as Slack shows them",
    links: ["https://www.example.com/reuters-duv"],
    shows: ["per Reuters[1].", "cc @U024BE7LH @channel"],
    more: (b) =>
      expect(texts(b, "whatToWatch")[0]).toBe("• Cabinet decision expected before the summer recess"),
  },
  {
    fixture: "typora-doc.md",
    does: "shows Typora's maths as code, its raised and lowered digits, and no [TOC]",
    shows: ["9.5 x 10³ USD/t, and H₂O use", "    cost_{t} = \\frac{opex + royalties}{tonnes}"],
    hides: /\[TOC\]|\$\$/,
  },
  {
    fixture: "word-pandoc.md",
    does: "keeps a Word table converted by Pandoc as a grid, and its spans as their text",
    shows: [
      "    | Customer group  | Current tariff | Proposed tariff |\n    +=================+================+=================+",
      "published its draft decision on April 19, 2027. Household",
    ],
    hides: /\{\.underline\}|\{\.mark\}|custom-style/,
  },
  {
    fixture: "joplin-note.md",
    does: "shows Joplin's attachments by their names, with no number for a link that leads nowhere",
    links: [],
    shows: ["  transformer-yard.jpg\n"],
    hides: /:\//,
  },
  {
    fixture: "french-briefing.md",
    does: "reads French section names, key points and source",
    keyPoints: ["Commande de 30 rames pour les lignes non électrifiées.", "Livraison à partir de 2029."],
    sections: { whatToWatch: ["Les régions doivent voter leur part du financement d'ici juin 2027."] },
    source: "Le Rail Quotidien",
    more: (b) => expect(texts(b, "whyItMatters")).toHaveLength(1),
  },
  {
    fixture: "german-briefing.md",
    does: "reads German section names and glossary, with no subsection left over",
    sections: { whatToWatch: ["• Baubeginn im Herbst 2027", "• Klagen von Anwohnern in Thüringen"] },
    glossary: ["HGÜ"],
    more: (b) => {
      expect(texts(b, "whyItMatters")).toHaveLength(1);
      expect(
        Object.values(b.sections)
          .flat()
          .some((p) => p.subsection !== undefined),
      ).toBe(false);
    },
  },
  {
    fixture: "apple-notes.md",
    does: "reads a note with no blank lines: a section's name on its own line heads its section",
    sections: {
      whyItMatters: ["Geothermal is Kenya's largest power source; cheaper tenders lower the average tariff."],
    },
    more: (b) => {
      expect(b.keyPoints).toHaveLength(2);
      expect(texts(b, "whatToWatch")).toHaveLength(1);
    },
  },
  {
    fixture: "toc-images-comments.md",
    does: "shows nothing of a written-out table of contents or of HTML comments",
    keyPoints: [],
    shows: ["  Chart of the carbon tax path[1]"],
    hides: /TOC|Draft|check figure/,
  },
  {
    fixture: "h3-only.md",
    does: "reads sections under H3 headings only",
    sections: {
      whatToWatch: ["The port authority decides on the Europa Terminal extension on September 9, 2027."],
    },
  },
  {
    fixture: "all-caps.md",
    does: "reads sections under headings in capitals",
    title: "ICELAND EXTENDS GEOTHERMAL DRILLING LICENCES",
    source: "RUV ENGLISH",
    more: (b) => {
      for (const key of ["whatHappened", "whyItMatters", "whatToWatch"] as const)
        expect(texts(b, key)).toHaveLength(1);
    },
  },
  {
    fixture: "mail-reply-quotes.md",
    does: "keeps a mail reply's quoted history as nested quotes, the headers and signature in the source",
    title: "Baltic cable damage, update",
    shows: ["  │ │ What to watch: Repairs need a cable ship; the nearest is in Rotterdam."],
    more: (b) => expect(b.source).toContain("Energy desk"),
  },
  {
    fixture: "long-lines.md",
    does: "cuts a very long URL and a long code span to the width, losing none of it",
    more: (b) => {
      for (const width of [40, 80, 140]) {
        const out = text(b, width);
        for (const line of out.split("\n"))
          expect(line.length, `${width}: ${line}`).toBeLessThanOrEqual(width);
        expect(out.replace(/\n\s*/g, "")).toContain("redacted-final-version-for-publication.pdf");
      }
    },
  },
];

describe("briefings from tools and languages not covered before, one row per fixture", () => {
  it.each(cases)("$fixture: $does", (c) => checkUnseen(c));
});
