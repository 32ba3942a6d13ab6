// Briefings in shapes the earlier passes had not met: a wire press release, a chatbot's answer, a
// changelog, a link roundup, Medium and Mailchimp exports, WordPress's block editor, Docusaurus' MDX,
// Quarto, a notebook, a tracker with tabs, a transcript, a thread, a chat export. What a reader of
// each would notice first.
import { describe, expect, it } from "vitest";
import { extractActors } from "../../src/briefing/actors.js";
import { extractEvents, isDateLine } from "../../src/briefing/dates.js";
import { briefingLinks } from "../../src/briefing/links.js";
import { isTitleCase, looksLikeHeading } from "../../src/briefing/normalise.js";
import { parseBriefing } from "../../src/briefing/parse.js";
import type { Briefing } from "../../src/briefing/schema.js";
import { briefingMarkdown } from "../../src/cli/render/briefing-markdown.js";
import { briefingText } from "../../src/cli/render/briefing-text.js";
import { createStyle } from "../../src/cli/style.js";
import { displayWidth, wrap } from "../../src/text/width.js";
import { unseen } from "./markdown-fixtures.js";

const text = (b: Briefing, width = 80) => briefingText(b, width, createStyle(false), null, false);
const texts = (b: Briefing, key: keyof Briefing["sections"]) => b.sections[key].map((p) => p.text);

describe("site tools' markup, as their pages show it", () => {
  it("reads WordPress's block editor: <h2> between block comments heads its section, captions show their text", () => {
    const b = unseen("wordpress-gutenberg.md");
    expect(b.keyPoints).toEqual([]);
    expect(texts(b, "whyItMatters")).toEqual([
      expect.stringMatching(/^Brazil would become the largest economy/),
      "Senator Eduardo Gomes after the vote.",
    ]);
    expect(texts(b, "whatToWatch")).toEqual([
      "• The Chamber of Deputies must vote again on the Senate's changes.",
      "• President Lula has 15 working days to sign or veto.",
    ]);
    expect(text(b)).not.toMatch(/\[\/?caption|wp:|<h2>/);
    expect(b.warnings).toEqual([]);
  });

  it("shows Docusaurus' admonitions by kind and title, and neither MDX imports nor component tags", () => {
    const b = unseen("docusaurus-mdx.md");
    const out = text(b);
    expect(out).toContain("  Info: Effective date\n\n  Obligations for providers");
    expect(out).toContain("Why it matters\n  Tip\n\n  Signing the code of practice");
    expect(out).toContain("What to watch\n  Caution: Enforcement\n\n  The AI Office's fining powers");
    expect(out).toContain("Models placed on the market after the date must comply immediately.");
    expect(out).not.toMatch(/import |<\/?Tab|@theme/);
    // The text under the front matter's title repeats it: shown once.
    expect(out.match(/GPAI obligations start/g)).toHaveLength(1);
    expect(b.events.map((e) => e.text).join("\n")).not.toMatch(/</);
  });

  it("shows Quarto's callouts by their kind, and its table with the right-aligned column", () => {
    const out = text(unseen("quarto-report.md"));
    expect(out).toContain("  Note\n\n  Delegated act\n\n  The change was made by delegated act");
    expect(out).toContain("  Warning\n\n  Contested estimate");
    // Its inline maths as the page shows it: `$10^{26}$` reads 10²⁶.
    expect(out).toContain("│ US (reporting) │             10²⁶ │ 2023-10-30 │");
  });
});

describe("links in headings", () => {
  it("numbers a roundup's linked headlines, in their sections, and lists every URL", () => {
    const b = unseen("link-roundup.md");
    const out = text(b);
    expect(out).toContain("What happened\n  Five stories worth your time this week.\n\n  Ofcom opens first");
    expect(out).toContain("  Ofcom opens first investigation into an AI companion app[1] (3 minute read)");
    expect(out).toContain("Why it matters\n  Analysis: the end of voluntary commitments?[3] (8 minute read)");
    expect(out).toContain("What to watch\n  Public comments close on the FTC's AI disclosure rule[4]");
    expect(briefingLinks(b).map((l) => l.url)).toEqual([
      "https://ofcom.example/news/2027/companion-app",
      "https://imda.example/agentic-framework",
      "https://ledger.example/analysis/voluntary",
      "https://ftc.example/comments",
    ]);
  });

  it("keeps a changelog's version links, and sets a list apart from the subsection name over it", () => {
    const b = unseen("keep-changelog.md");
    const out = text(b);
    expect(out).toContain("  2027.03[3] - 2027-03-01\n\n  Added\n\n  • Texas HB 1709");
    expect(out).toContain("  Changed\n\n  • California SB 53 effective date moved to January 1, 2028.");
    expect(briefingLinks(b)).toHaveLength(4);
  });
});

describe("key points, sources and lead-ins", () => {
  it("keeps a press release's list under the sentence that introduces it, and its SOURCE line as the source", () => {
    const b = unseen("press-release.md");
    expect(b.keyPoints).toEqual([]);
    expect(text(b)).toContain(
      "  Key features of the registry include:\n\n  • Results published within 30 days of a model's release\n",
    );
    expect(b.source).toBe("Halvorsen Institute for Machine Governance");
    expect(b.actors.filter((a) => a.startsWith("SOURCE"))).toEqual([]);
    expect(b.actors).toEqual(expect.arrayContaining(["Ingrid Halvorsen", "Tessellate AI", "Corvid Labs"]));
  });

  it("reads a chatbot's 'Bottom line:' as what to watch, not as a glossary entry", () => {
    const b = unseen("llm-answer.md");
    expect(b.glossary.map((g) => g.term)).toEqual(["AIA", "Human-in-the-loop"]);
    expect(texts(b, "whatToWatch")).toContain(
      "Canada is regulating AI through its purchasing power rather than through new law.",
    );
  });
});

describe("dates and names", () => {
  it("dates a Medium export by its reading-time dateline, a newsletter by its issue line", () => {
    expect(unseen("medium-export.md").date).toBe("2027-01-12");
    expect(unseen("html2text-mailchimp.md").date).toBe("2027-02-04");
    expect(isDateLine("Issue #42 · Thursday, 4 February 2027")).toBe(true);
    expect(isDateLine("Vol. 3, No. 7 · March 2, 2027")).toBe(true);
    expect(isDateLine("Issue #42 of the brief came out on 4 February 2027")).toBe(false);
  });

  it("finds no company in 'Canadian AI', 'Counting AI', 'Public AI Incident Register' or 'State AI'", () => {
    // The Treasury Board is a body of its own.
    expect(unseen("llm-answer.md").actors).toEqual(["Treasury Board of Canada"]);
    expect(unseen("jupyter-export.md").actors).toEqual([]);
    expect(unseen("keep-changelog.md").actors).toEqual(["House of Delegates"]);
    expect(unseen("tracker-tabs.md").actors).toEqual([]);
  });
});

describe("a GitHub tracking issue and a preprint", () => {
  it("names sections by headings that end in an emoji, and shows an HTML table as a table", () => {
    const b = unseen("github-issue-tables.md");
    expect(
      Object.values(b.sections)
        .flat()
        .filter((p) => p.subsection !== undefined),
    ).toEqual([]);
    expect(texts(b, "whatToWatch")).toEqual([
      "• 2027-04-22: the network's Seoul meeting",
      "• 2027-06-30: Japan's first evaluation report",
    ]);
    const out = text(b);
    expect(out).toContain(
      "  │ Network meeting │ Host   │\n  ├─────────────────┼────────┤\n  │ 2027-04-22      │ Seoul  │",
    );
    expect(out).not.toMatch(/<\/?t[rdh]>/);
    expect(b.events.map((e) => e.text)).toContain("2027-09-15 | Ottawa");
  });

  it("reads a preprint's bold Keywords line as its tags, set apart by semicolons, with no stray stars", () => {
    const b = unseen("arxiv-abstract.md");
    expect(b.tags).toEqual(["AI evaluation", "audit", "governance", "transparency"]);
    expect(b.source).toContain("Keywords: AI evaluation; audit");
    expect(b.source).not.toContain("*");
  });
});

describe("Substack's footnotes", () => {
  it("raises a footnote's mark written as a link to the note ([1](#footnote-1)), never '2027.1'", () => {
    const out = text(unseen("substack-buttons.md"));
    expect(out).toContain("on 27 February 2027.¹");
    expect(out).toContain("  ¹\n\n  The figure includes C$900m");
  });
});

// Round four: a Confluence page, a Jira ticket, a Dendron note, a feed reader's saved article, a
// Wikipedia copy, Pandoc's simple tables, a French news site, US legislative pages.
describe("titles, tables and headings from wikis, trackers and converters", () => {
  it("keeps the URL of a title written as a link, as the source", () => {
    const b = unseen("link-title.md");
    expect(b.title).toBe("Brazil's Senate passes AI bill PL 2338 in final vote");
    expect(b.source).toBe("https://www.senado.example/noticias/2026/12/02/pl-2338-aprovado");
    expect(text(b)).toContain("Source   https://www.senado.example/noticias/2026/12/02/pl-2338-aprovado\n");
  });

  it("shows a Pandoc simple table row by row, never run together under a rule, and a table's caption under it", () => {
    const b = unseen("pandoc-grid-tables.md");
    const out = text(b);
    expect(out).toContain(
      "    +----------------+----------------+----------------------------------+\n\n    New adherents in 2026\n",
    );
    expect(out).not.toContain(": New adherents");
    expect(b.events.map((e) => e.text)).not.toContain(expect.stringMatching(/New adherents/));
    expect(out).toContain(
      "Why it matters\n    Region          Adherents   Share\n    -------------- ----------- -------\n    Europe               38      76%\n    Americas              7      14%\n",
    );
  });

  it("reads a Wikipedia copy: no [edit] links, its citation marks raised, its references the source", () => {
    const b = unseen("wikipedia-copy.md");
    const out = text(b);
    expect(out).toContain(
      "of the Council of\n  Europe[1].¹ It was opened for signature in Vilnius[2] on 5 September 2024.²",
    );
    expect(out).toContain("  History\n\n  The treaty was negotiated");
    expect(out).not.toMatch(/edit\[|\[edit|\[\[\d|\]\(/);
    expect(b.source).toMatch(
      /^1\. \^ "The Framework Convention on Artificial Intelligence"\. Council of Europe\./,
    );
    expect(briefingLinks(b).map((l) => l.url)).not.toContain(expect.stringMatching(/action=edit/));
  });

  it("draws a Confluence properties table, whose header is empty, without an empty first row", () => {
    const out = text(unseen("confluence-export.md"));
    expect(out).toContain(
      "  ┌──────────┬───────────────────┐\n  │ Owner    │ @Marta Kowalczyk  │\n  │ Status   │ IN REVIEW         │",
    );
  });

  it("gives a Confluence page's breadcrumbs and byline to the source, and dates it by the byline", () => {
    const b = unseen("confluence-export.md");
    expect(b.source).toBe(
      "Policy Team › Policy Team Home › Weekly Briefings · Created by Marta Kowalczyk, last modified by Daniel Osei on Dec 03, 2026",
    );
    expect(b.date).toBe("2026-12-03");
    expect(b.dateInferred).toBe(false);
    expect(text(b)).toContain("What happened\n  ┌──────────┬");
    expect(briefingLinks(b).map((l) => l.url)).not.toContain("index.html");
  });

  it("reads a Jira ticket: its h3. heading, and its Created date written 01/Dec/26", () => {
    const b = unseen("jira-ticket.md");
    expect(b.date).toBe("2026-12-01");
    expect(b.dateInferred).toBe(false);
    expect(b.tags).toEqual(["colorado", "ai-act", "hr-tech"]);
    const out = text(b);
    expect(out).toContain("  Background (pasted from the old wiki)\n\n  • Governor Jared Polis signed");
    expect(out).not.toContain("h3.");
  });
});

describe("dates and sections in other writers' words", () => {
  it("names French sections Contexte, Enjeux and Prochaines étapes, and finds no 'La Commission'", () => {
    const b = unseen("french-contexte.md");
    expect(texts(b, "whatHappened")[1]).toMatch(/^La Commission nationale de l'informatique/);
    expect(texts(b, "whyItMatters")).toEqual([expect.stringMatching(/^Les fiches précisent/)]);
    expect(texts(b, "whatToWatch").slice(0, 2)).toEqual([
      "• Consultation publique jusqu'au 31 janvier 2027.",
      "• Version définitive attendue au printemps 2027.",
    ]);
    expect(
      Object.values(b.sections)
        .flat()
        .map((p) => p.subsection),
    ).not.toContain("Contexte");
    expect(b.actors).not.toContain("La Commission");
  });

  it("dates a Dendron note by its created time in milliseconds, with no warning for it", () => {
    const b = unseen("dendron-note.md");
    expect(b.date).toBe("2026-12-02");
    expect(b.dateInferred).toBe(false);
    expect(b.warnings.map((w) => w.message)).not.toContain(expect.stringMatching(/created/));
  });

  it("gives a date without a year the year its sentence has just named", () => {
    const b = unseen("csv-fenced.md");
    expect(b.events.map((e) => e.date)).toEqual(["2027-01", "2027-01-13"]);
    expect(b.events[1]!.expected).toBe(true);
  });

  it("makes no event of a law's name, 'Act of 2026'", () => {
    const b = unseen("congress-bill.md");
    expect(b.events.filter((e) => e.precision === "year")).toEqual([]);
    expect(b.events.map((e) => e.date)).toContain("2026-12-02");
  });

  it("takes a newsletter's footer that opens with an emoji as the source", () => {
    const b = unseen("emoji-headings.md");
    expect(b.source).toBe("🙏 Thanks for reading! ✉️ Forward to a colleague.");
    expect(texts(b, "whatToWatch").join("\n")).not.toContain("Thanks for reading");
  });
});

describe("names that are no actor", () => {
  it("finds no company in 'High-impact AI', no person in a job title, no Council in a treaty's name", () => {
    expect(unseen("title-and-bullets.md").actors).toEqual(["Ministry of Science and ICT"]);
    expect(unseen("federal-register.md").actors).not.toContain("Information Officer");
    expect(unseen("federal-register.md").actors).toContain("Office of the Federal Chief Information Officer");
    expect(unseen("wikipedia-copy.md").actors).toEqual([
      "Council of Europe",
      "Committee on Artificial Intelligence",
      "Committee of Ministers",
    ]);
  });

  it("reads a role before a name as that name's, not as the apposition of the words before", () => {
    const b = unseen("dendron-note.md");
    expect(b.actors).toContain("Sanae Takaichi");
    expect(b.actors).not.toContain("Strategy Headquarters");
  });
});

describe("inline maths", () => {
  it("shows $…$ and \\(…\\) as the page would, money as written, and what it cannot set as TeX", () => {
    const b = unseen("latex-notes.md");
    const out = text(b);
    expect(out).toContain("from\n  10²⁵ to 3 × 10²⁵ FLOP of training compute");
    expect(out).toContain("is estimated as C ≈ 6 N D, where N is the number of");
    expect(out).toContain("Costs of $5 to $10 million per\n  model");
    expect(texts(b, "whyItMatters")[0]).toMatch(/grow roughly as \\sqrt\{C\}\.$/);
    expect(b.sections.whyItMatters[0]!.block).toMatchObject({
      type: "paragraph",
      children: expect.arrayContaining([{ type: "code", text: "\\sqrt{C}" }]),
    });
    // Display maths stays verbatim, as code.
    expect(out).toContain("    C = 6 \\cdot N \\cdot D");
  });
});

describe("round five: a page's properties, names, datelines", () => {
  it("gives a Readwise export's cover image and Metadata list to the source, never to what happened", () => {
    const b = unseen("readwise-highlights.md");
    const out = text(b, 100);
    expect(b.source).toMatch(
      /^Cover: https:\/\/readwise-assets\.example\/\S+\.png · Author: OECD\.AI Policy Observatory · Full Title:/,
    );
    expect(b.source).toContain("URL: https://oecd.ai/en/wonk/incident-definitions-2026");
    expect(out).not.toMatch(/rw-book-cover|Metadata|• Author:|• URL:/);
    // Its Highlights are the key points, the first of them the first thing under the title.
    expect(b.keyPoints.map((p) => p.text)).toEqual([
      expect.stringMatching(/^An AI incident is an event/),
      expect.stringMatching(/^The G7 Hiroshima Process/),
      expect.stringMatching(/^Why it matters: common definitions/),
    ]);
    expect(briefingLinks(b).map((l) => l.url)).toEqual([
      "https://read.readwise.io/read/01jf3x9q2k8m",
      "https://read.readwise.io/read/01jf3xa7ct0w",
      "https://read.readwise.io/read/01jf3xbr5d2n",
    ]);
  });

  it("lists the EU AI Office once where a briefing also calls it the AI Office, and no other office with it", () => {
    expect(unseen("notion-database.md").actors).toEqual(["EU AI Office", "Henna Virkkunen"]);
    expect(unseen("confluence-export.md").actors).toEqual([
      "EU AI Office",
      "European Commission",
      "Henna Virkkunen",
    ]);
    const names = (...texts: string[]) => extractActors(texts, [], []);
    expect(names("The AI Office opened a call.", "The EU AI Office said so.")).toEqual(["EU AI Office"]);
    // Only the whole tail, after a place's code, and only where one qualified name has it.
    expect(names("The AI Safety Office met the EU AI Office.")).toEqual(["AI Safety Office", "EU AI Office"]);
    expect(names("The UK AI Office and the EU AI Office met; the AI Office chaired.")).toEqual([
      "UK AI Office",
      "EU AI Office",
      "AI Office",
    ]);
  });

  it("dates a Federal Register notice by its 'Dated:' line, not by the comment deadline written first", () => {
    const b = unseen("federal-register.md");
    expect(text(b, 100)).toContain("Date     2026-12-01 (inferred from the text)");
    // The deadline is still an event, and one still to come.
    expect(b.events.find((e) => e.date === "2027-01-20")).toMatchObject({ expected: true });
    const dated = (body: string) => {
      const r = parseBriefing(
        { path: "/x/a.md", relPath: "a.md", text: body, size: body.length, mtimeMs: 0 },
        [],
      );
      return "briefing" in r ? r.briefing.date : r.problems;
    };
    expect(dated("# T\n\nThe vote is due on March 3, 2027.\n\nPosted on 14 February 2027\n")).toBe(
      "2027-02-14",
    );
    expect(dated("# T\n\nThe vote is due on March 3, 2027.\n\n**Date:** 14 February 2027\n")).toBe(
      "2027-02-14",
    );
    // A sentence that opens with the word is prose, not a dateline.
    expect(
      dated("# T\n\nThe vote is due on March 3, 2027.\n\nDated letters from May 2, 2026 were read.\n"),
    ).toBe("2027-03-03");
  });

  it("reads Congress.gov's 'Sen. Hawley, Josh [R-MO]' as Josh Hawley, a middle initial kept", () => {
    const b = unseen("congress-bill.md");
    expect(b.actors).toEqual([
      "Josh Hawley",
      "Committee on Commerce, Science, and Transportation",
      "Department of Commerce",
      "Richard Blumenthal",
      "Cynthia M. Lummis",
      "Peter Welch",
    ]);
    expect(text(b)).toContain("Actors   Josh Hawley; Committee on Commerce, Science, and Transportation;");
    const names = (...texts: string[]) => extractActors(texts, [], []);
    expect(names("Rep. Jeffries, Hakeem [D-NY-8] spoke; later Rep. Jeffries left.")).toEqual([
      "Hakeem Jeffries",
    ]);
    // Without the party after them, the names are a list of surnames.
    expect(names("Sen. Hawley, Blumenthal and Lummis signed.")).toEqual(["Sen. Hawley"]);
  });

  it("finds a government's Headquarters, Secretariat, Board and Committee as organisations", () => {
    expect(unseen("dendron-note.md").actors).toContain("AI Strategy Headquarters");
    expect(unseen("medium-export.md").actors).toEqual([
      "Ministry of Economy, Trade and Industry",
      "AI Strategy Headquarters",
    ]);
    expect(unseen("gdocs-export.md").actors).toEqual(["Treasury Board"]);
    const names = (...texts: string[]) => extractActors(texts, [], []);
    expect(names("The UN AI Secretariat and the Digital Directorate met the Cyber Taskforce.")).toEqual([
      "UN AI Secretariat",
      "Digital Directorate",
      "Cyber Taskforce",
    ]);
    // A keyword alone names nothing.
    expect(names("Board members and the Committee met.")).toEqual([]);
  });

  it("marks an icon with no alt text and no web address as [image], with no link number to a path", () => {
    const b = unseen("confluence-export.md");
    const out = text(b, 100);
    expect(out).toContain("  [image] gpai-signatories-draft.pdf[1] (application/pdf)");
    expect(out).not.toContain("bullet_blue");
    // One on the web keeps its number: the address is the only way to see it.
    expect(text(unseen("toc-images-comments.md"))).toContain("  image[2]\n");
    const body =
      "# T\n\nA chart ![Tax path](data:image/png;base64,iVBORw0KGgo=) and ![](data:image/gif;base64,R0lG) here.\n";
    const r = parseBriefing(
      { path: "/x/a.md", relPath: "a.md", text: body, size: body.length, mtimeMs: 0 },
      [],
    );
    if (!("briefing" in r)) throw new Error("no briefing");
    // An image written into the page lists no base64 as a link.
    expect(text(r.briefing)).toContain("  A chart Tax path and [image] here.\n");
    expect(briefingLinks(r.briefing)).toEqual([]);
  });

  it("drops ChatGPT's citation marks (【4†source】, citeturn0search1), which point into its conversation", () => {
    const b = unseen("chatgpt-citations.md");
    const out = text(b);
    expect(out).not.toMatch(/【|†|cite/);
    expect(out).toContain(
      "  • The European Commission published the final code of practice on 10 July\n    2025.\n",
    );
    expect(texts(b, "whyItMatters")).toEqual([
      "Signatories get a presumption of conformity with the AI Act's GPAI obligations.",
    ]);
  });

  it("reads a German briefing dated '3. Dezember 2026', its deadlines still to come", () => {
    const b = unseen("german-dezember.md");
    expect(b.date).toBe("2026-12-03");
    expect(b.events.filter((e) => e.expected).map((e) => e.date)).toEqual(["2027-01-15", "2027-03"]);
    expect(texts(b, "whatToWatch")).toHaveLength(2);
  });
});

describe("round six: memos, channel posts, HTML images", () => {
  const parsed = (name: string, body: string) => {
    const r = parseBriefing(
      { path: `/x/${name}`, relPath: name, text: body, size: body.length, mtimeMs: 0 },
      [],
    );
    if (!("briefing" in r)) throw new Error("no briefing");
    return r.briefing;
  };

  it("keeps a hard-wrapped sentence whole where its first line holds a full stop and Title Case words", () => {
    const b = unseen("rfc-memo.txt");
    expect(text(b)).toContain(
      "  The legislature passed the RAISE Act in June 2025. The Governor signed it in\n  December 2025 on condition of these amendments.\n",
    );
    // The same in Markdown: one paragraph, as CommonMark says.
    const md = parsed(
      "a.md",
      "# T\n\nThe Senate passed the AI Bill in June 2025. The Governor\nsigned it in December.\n",
    );
    expect(texts(md, "whatHappened")).toEqual([
      "The Senate passed the AI Bill in June 2025. The Governor signed it in December.",
    ]);
    expect(looksLikeHeading("The legislature passed the RAISE Act in June 2025. The Governor")).toBe(false);
    // An abbreviation's stop is no sentence's end.
    expect(looksLikeHeading("U.S. Policy Outlook")).toBe(true);
  });

  it("dates a channel post by its dateline behind a calendar emoji, not by the deadline after it", () => {
    const b = unseen("telegram-post.md");
    expect(b.date).toBe("2026-11-20");
    expect(b.events.filter((e) => e.expected).map((e) => e.date)).toEqual(["2027-02-20"]);
    expect(isDateLine("🗓 November 20, 2026")).toBe(true);
  });

  it("shows an HTML image standing alone by its alt text, numbered, and a <sup>[1]</sup> mark raised", () => {
    const b = unseen("html-inline.md");
    const out = text(b);
    expect(out).toContain("What to watch\n  Timeline chart[1]\n");
    expect(briefingLinks(b).map((l) => l.url)).toEqual(["https://example.gov.au/chart.png"]);
    expect(out).toContain("about 0.05% of GDP¹.");
    expect(out).toContain("  ¹ Treasury modelling, November 2026.");
    // Beside a caption the caption says it: no image shown twice.
    expect(text(unseen("ghost-export.md"))).not.toContain("front desk");
  });
});

describe("Org-mode saved as .md", () => {
  it("reads #+TITLE, * headlines, Org's emphasis, links, blocks and timestamps as the Markdown they mean", () => {
    const b = unseen("org-mode.md");
    expect(b.title).toBe("Singapore opens consultation on agentic AI liability");
    expect(b.date).toBe("2027-02-09");
    expect(b.tags).toEqual(["singapore", "liability", "agents"]);
    expect(b.keyPoints.map((p) => p.text)).toEqual([
      "IMDA proposes that deployers, not model makers, answer first for harm done by AI agents.",
      "Comments close on 16 March 2027.",
    ]);
    expect(b.glossary.map((g) => g.term)).toEqual(["Deployer", "Safe harbour"]);
    expect(briefingLinks(b).map((l) => l.url)).toEqual([
      "https://www.imda.gov.sg/consultations/agentic-ai-liability",
    ]);
    const out = text(b);
    expect(out).toContain("  3. No new rule: leave it to the courts.\n");
    expect(out).toContain('  │ "We want firms to deploy agents');
    expect(out).toContain("What to watch\n  TODO Comments close\n\n  Deadline: 2027-03-16\n");
    expect(out).not.toMatch(/#\+|\*\* |\/Model|=guidance=|\]\[/);
    expect(briefingText(b, 80, createStyle(true), null, false)).toContain("\x1b[1m16 March 2027\x1b[22m");
    expect(b.events.map((e) => e.date)).toContain("2027-03-16");
  });

  it("keeps a hard-wrapped sentence whole where its first line, many words capitalised, ends on 'on'", () => {
    expect(texts(unseen("org-mode.md"), "whatHappened")[0]).toMatch(
      /^Singapore's Infocomm Media Development Authority \(IMDA\) published a consultation paper on 9 February 2027/,
    );
    expect(
      isTitleCase(
        "Singapore's Infocomm Media Development Authority (IMDA) published a consultation paper on",
      ),
    ).toBe(false);
    expect(isTitleCase("Conditions for Reinstatement")).toBe(true);
  });
});

describe("AsciiDoc saved as .md", () => {
  it("reads = Title, == sections, a |=== table, admonitions, link:url[text], *bold* and a listing", () => {
    const b = unseen("asciidoc.md");
    expect(b.title).toBe("Brazil's Senate passes AI bill PL 2338");
    expect(b.date).toBe("2026-12-10");
    expect(b.keyPoints).toHaveLength(2);
    const out = text(b);
    expect(out).toContain("  │ Excessive risk │ Banned (social scoring, subliminal manipulation) │\n");
    expect(out).toContain("  │ Note: The Senate version dropped the copyright remuneration clause that\n");
    expect(out).toContain("  See the bill's page[1] for the text.\n");
    expect(out).toContain(
      "  2. President Lula has 15 working days to sign or veto.\n     1. Partial vetoes are common",
    );
    expect(out).toContain("\n    curl https://api.senado.example/bills/2338 --output pl2338.json\n");
    expect(out).not.toMatch(/^ *(?:==|\|===|\[source|:toc:|\.Obligations)|link:/m);
    expect(briefingText(b, 80, createStyle(true), null, false)).toContain("\x1b[1msymbolic vote\x1b[22m");
    expect(texts(b, "whatToWatch")[0]).toMatch(/^1\. The Chamber of Deputies votes/);
  });
});

describe("plain text bullets", () => {
  it("sets a .txt file's bullets as a list: wrapped under their text, none apart, and read back the same", () => {
    const b = unseen("underlined-plain.txt");
    expect(text(b)).toContain(
      "  • The AI Strategy Headquarters, chaired by the Prime Minister, will review it\n    each year.\n  • Companies are asked",
    );
    const md = briefingMarkdown(b, null);
    const r = parseBriefing(
      { path: "/x/again.md", relPath: "again.md", text: md, size: md.length, mtimeMs: 0 },
      [],
    );
    if (!("briefing" in r)) throw new Error("no briefing");
    expect(r.briefing.sections.whatHappened.map(({ line: _, ...p }) => p)).toEqual(
      b.sections.whatHappened.map(({ line: _, ...p }) => p),
    );
  });
});

describe("Chinese, Japanese and Korean dates", () => {
  it("dates a Chinese briefing and puts 2025年3月14日 on the timeline, each in its own sentence", () => {
    const b = unseen("chinese-cjk.md");
    expect(b.date).toBe("2025-09-01");
    const events = b.events.map((e) => [e.date, e.text]);
    expect(events).toContainEqual([
      "2025-03-14",
      "国家互联网信息办公室（网信办）等四部门于2025年3月14日联合发布《人工智能生成合成内容标识办法》，自2025年9月1日起施行。",
    ]);
    // A table of CJK cells keeps its columns: each row as wide as the rule over it.
    const rows = text(b)
      .split("\n")
      .filter((l) => /^ {2}[│┌├└]/.test(l));
    expect(new Set(rows.map((l) => displayWidth(l))).size).toBe(1);
  });

  it("reads 2026년 1월 22일, 2027年6月 and a day without its year", () => {
    const events = (body: string) =>
      extractEvents([{ text: body, line: 1 }], "2026-12-01").map((e) => `${e.date} ${e.precision}`);
    expect(events("과학기술정보통신부는 2026년 1월 22일 시행령을 발표했다.")).toEqual(["2026-01-22 day"]);
    expect(events("2027年6月に施行される。3月14日に発表された。")).toEqual([
      "2027-06 month",
      "2026-03-14 day",
    ]);
    // A count of months is no date.
    expect(events("施行まで6か月、12月です。")).toEqual([]);
  });
});

describe("Google Docs' Docs to Markdown add-on", () => {
  it("shows none of its alerts to the writer, reads the Date and Prepared by lines under the title as properties", () => {
    const b = unseen("gdocs-addon.md");
    const out = text(b);
    expect(out).not.toMatch(/gd2md|>>>>>|alt_text|Back to top/);
    expect(b.date).toBe("2026-12-02");
    expect(b.dateInferred).toBe(false);
    expect(b.source).toBe("Date: 2 December 2026 · Prepared by: Regulatory team");
    expect(texts(b, "whatHappened")[0]).toMatch(/^The Department for Science/);
    // Its image placeholder points at a file beside the export: a mark, no link.
    expect(texts(b, "whyItMatters")).toContain("[image]");
    expect(briefingLinks(b)).toEqual([]);
  });
});

describe("a wiki page's source saved as .md", () => {
  it("reads == headings ==, '''bold''', a {| table |} with every cell, a cite template and # lists", () => {
    const b = unseen("mediawiki.md");
    const out = text(b);
    expect(texts(b, "whatHappened")[1]).toMatch(/^The ministry added a chapter on data governance/);
    expect(out).toContain("  │ Compute │ 2 billion    │ Konza Technopolis     │\n");
    expect(out).toContain("14 November 2026. (Kenya AI\n  Strategy[1], 14 November 2026)");
    expect(texts(b, "whatToWatch")).toEqual([
      "• Parliament's budget committee reviews the fund in February 2027.",
      "• A data protection amendment bill is expected by mid-2027.",
    ]);
    expect(out).not.toMatch(/'''|''|==|\{\||\|\}|<ref|\{\{/);
    expect(briefingText(b, 80, createStyle(true), null, false)).toContain("\x1b[1mFebruary 2027\x1b[22m");
  });
});

describe("wrapping CJK text", () => {
  it("never breaks a number or a Latin word inside Chinese text (自2 / 025年), at any width", () => {
    // Its Chinese sentence: no space in it, so every break is one wrap made.
    const para = `${texts(unseen("chinese-cjk.md"), "whatHappened")[1]!.split("。")[0]}。`;
    for (let width = 8; width <= 100; width++) {
      const lines = wrap(para, width);
      lines.forEach((l, i) => {
        const next = lines[i + 1] ?? "";
        expect(/[A-Za-z0-9]$/.test(l) && /^[A-Za-z0-9]/.test(next), `${width}: ${l} / ${next}`).toBe(false);
        expect(displayWidth(l)).toBeLessThanOrEqual(width);
      });
      expect(lines.join("").replace(/\s/g, "")).toBe(para.replace(/\s/g, ""));
    }
  });
});
