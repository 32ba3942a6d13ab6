// Briefings in shapes the earlier passes had not met: a wire press release, a chatbot's answer, a
// changelog, a link roundup, Medium and Mailchimp exports, WordPress's block editor, Docusaurus' MDX,
// Quarto, a notebook, a tracker with tabs, a transcript, a thread, a chat export, wikis, trackers,
// converters, Org, AsciiDoc, CJK. What a reader of each would notice first: one row per fixture
// (test/briefing/unseen-case.ts says what each field checks); what no fixture holds, after the table.
import { describe, expect, it } from "vitest";
import { extractActors } from "../../src/briefing/actors.js";
import { extractEvents, isDateLine } from "../../src/briefing/dates.js";
import { briefingLinks } from "../../src/briefing/links.js";
import { isTitleCase, looksLikeHeading } from "../../src/briefing/normalise.js";
import type { Briefing } from "../../src/briefing/schema.js";
import { briefingMarkdown } from "../../src/cli/render/briefing-markdown.js";
import { displayWidth, wrap } from "../../src/text/width.js";
import { unseen } from "./markdown-fixtures.js";
import { checkUnseen, parsed, text, texts, type UnseenCase } from "./unseen-case.js";

const subsections = (b: Briefing) =>
  Object.values(b.sections)
    .flat()
    .map((p) => p.subsection);

const cases: UnseenCase[] = [
  // Site tools' markup, as their pages show it.
  {
    fixture: "wordpress-gutenberg.md",
    does: "reads WordPress's block editor: <h2> between block comments heads its section, captions show their text",
    keyPoints: [],
    sections: {
      whyItMatters: [
        expect.stringMatching(/^Brazil would become the largest economy/),
        "Senator Eduardo Gomes after the vote.",
      ],
      whatToWatch: [
        "• The Chamber of Deputies must vote again on the Senate's changes.",
        "• President Lula has 15 working days to sign or veto.",
      ],
    },
    hides: /\[\/?caption|wp:|<h2>/,
    more: (b) => expect(b.warnings).toEqual([]),
  },
  {
    fixture: "docusaurus-mdx.md",
    does: "shows Docusaurus' admonitions by kind and title, and neither MDX imports nor component tags",
    shows: [
      "  Info: Effective date\n\n  Obligations for providers",
      "Why it matters\n  Tip\n\n  Signing the code of practice",
      "What to watch\n  Caution: Enforcement\n\n  The AI Office's fining powers",
      "Models placed on the market after the date must comply immediately.",
    ],
    hides: /import |<\/?Tab|@theme/,
    more: (b) => {
      // The text under the front matter's title repeats it: shown once.
      expect(text(b).match(/GPAI obligations start/g)).toHaveLength(1);
      expect(b.events.map((e) => e.text).join("\n")).not.toMatch(/</);
    },
  },
  {
    fixture: "quarto-report.md",
    does: "shows Quarto's callouts by their kind, and its table with the right-aligned column",
    shows: [
      "  Note\n\n  Delegated act\n\n  The change was made by delegated act",
      "  Warning\n\n  Contested estimate",
      // Its inline maths as the page shows it: `$10^{26}$` reads 10²⁶.
      "│ US (reporting) │             10²⁶ │ 2023-10-30 │",
    ],
  },
  // Links in headings.
  {
    fixture: "link-roundup.md",
    does: "numbers a roundup's linked headlines, in their sections, and lists every URL",
    shows: [
      "What happened\n  Five stories worth your time this week.\n\n  Ofcom opens first",
      "  Ofcom opens first investigation into an AI companion app[1] (3 minute read)",
      "Why it matters\n  Analysis: the end of voluntary commitments?[3] (8 minute read)",
      "What to watch\n  Public comments close on the FTC's AI disclosure rule[4]",
    ],
    links: [
      "https://ofcom.example/news/2027/companion-app",
      "https://imda.example/agentic-framework",
      "https://ledger.example/analysis/voluntary",
      "https://ftc.example/comments",
    ],
  },
  {
    fixture: "keep-changelog.md",
    does: "keeps a changelog's version links, sets a list apart from the subsection name over it, names no 'State AI'",
    shows: [
      "  2027.03[3] - 2027-03-01\n\n  Added\n\n  • Texas HB 1709",
      "  Changed\n\n  • California SB 53 effective date moved to January 1, 2028.",
    ],
    actors: ["House of Delegates"],
    more: (b) => expect(briefingLinks(b)).toHaveLength(4),
  },
  // Key points, sources and lead-ins.
  {
    fixture: "press-release.md",
    does: "keeps a press release's list under the sentence that introduces it, and its SOURCE line as the source",
    keyPoints: [],
    shows: [
      "  Key features of the registry include:\n\n  • Results published within 30 days of a model's release\n",
    ],
    source: "Halvorsen Institute for Machine Governance",
    more: (b) => {
      expect(b.actors.filter((a) => a.startsWith("SOURCE"))).toEqual([]);
      expect(b.actors).toEqual(expect.arrayContaining(["Ingrid Halvorsen", "Tessellate AI", "Corvid Labs"]));
    },
  },
  {
    fixture: "llm-answer.md",
    does: "reads a chatbot's 'Bottom line:' as what to watch, not a glossary entry; no company in 'Canadian AI'",
    glossary: ["AIA", "Human-in-the-loop"],
    // The Treasury Board is a body of its own.
    actors: ["Treasury Board of Canada"],
    more: (b) =>
      expect(texts(b, "whatToWatch")).toContain(
        "Canada is regulating AI through its purchasing power rather than through new law.",
      ),
  },
  // Dates and names.
  {
    fixture: "medium-export.md",
    does: "dates a Medium export by its reading-time dateline; finds a government's Headquarters",
    date: "2027-01-12",
    actors: ["Ministry of Economy, Trade and Industry", "AI Strategy Headquarters"],
  },
  {
    fixture: "html2text-mailchimp.md",
    does: "dates a newsletter by its issue line",
    date: "2027-02-04",
  },
  { fixture: "jupyter-export.md", does: "finds no company in 'Counting AI'", actors: [] },
  {
    fixture: "tracker-tabs.md",
    does: "finds no company in 'Public AI Incident Register' or 'State AI'",
    actors: [],
  },
  // A GitHub tracking issue and a preprint.
  {
    fixture: "github-issue-tables.md",
    does: "names sections by headings that end in an emoji, and shows an HTML table as a table",
    sections: {
      whatToWatch: [
        "• 2027-04-22: the network's Seoul meeting",
        "• 2027-06-30: Japan's first evaluation report",
      ],
    },
    shows: ["  │ Network meeting │ Host   │\n  ├─────────────────┼────────┤\n  │ 2027-04-22      │ Seoul  │"],
    hides: /<\/?t[rdh]>/,
    more: (b) => {
      expect(subsections(b).filter((s) => s !== undefined)).toEqual([]);
      expect(b.events.map((e) => e.text)).toContain("2027-09-15 | Ottawa");
    },
  },
  {
    fixture: "arxiv-abstract.md",
    does: "reads a preprint's bold Keywords line as its tags, set apart by semicolons, with no stray stars",
    tags: ["AI evaluation", "audit", "governance", "transparency"],
    more: (b) => {
      expect(b.source).toContain("Keywords: AI evaluation; audit");
      expect(b.source).not.toContain("*");
    },
  },
  {
    fixture: "substack-buttons.md",
    does: "raises a footnote's mark written as a link to the note ([1](#footnote-1)), never '2027.1'",
    shows: ["on 27 February 2027.¹", "  ¹\n\n  The figure includes C$900m"],
  },
  // Titles, tables and headings from wikis, trackers and converters.
  {
    fixture: "link-title.md",
    does: "keeps the URL of a title written as a link, as the source",
    title: "Brazil's Senate passes AI bill PL 2338 in final vote",
    source: "https://www.senado.example/noticias/2026/12/02/pl-2338-aprovado",
    shows: ["Source   https://www.senado.example/noticias/2026/12/02/pl-2338-aprovado\n"],
  },
  {
    fixture: "pandoc-grid-tables.md",
    does: "shows a Pandoc simple table row by row, never run together under a rule, and a table's caption under it",
    shows: [
      "    +----------------+----------------+----------------------------------+\n\n    New adherents in 2026\n",
      "Why it matters\n    Region          Adherents   Share\n    -------------- ----------- -------\n    Europe               38      76%\n    Americas              7      14%\n",
    ],
    hides: /: New adherents/,
    more: (b) => expect(b.events.map((e) => e.text)).not.toContain(expect.stringMatching(/New adherents/)),
  },
  {
    fixture: "wikipedia-copy.md",
    does: "reads a Wikipedia copy: no [edit] links, its citation marks raised, its references the source, no Council in a treaty's name",
    shows: [
      "of the Council of\n  Europe[1].¹ It was opened for signature in Vilnius[2] on 5 September 2024.²",
      "  History\n\n  The treaty was negotiated",
    ],
    hides: /edit\[|\[edit|\[\[\d|\]\(/,
    source: /^1\. \^ "The Framework Convention on Artificial Intelligence"\. Council of Europe\./,
    actors: ["Council of Europe", "Committee on Artificial Intelligence", "Committee of Ministers"],
    more: (b) =>
      expect(briefingLinks(b).map((l) => l.url)).not.toContain(expect.stringMatching(/action=edit/)),
  },
  {
    fixture: "confluence-export.md",
    does: "draws a Confluence properties table without an empty first row, gives its breadcrumbs and byline to the source, dates it by the byline",
    shows: [
      "  ┌──────────┬───────────────────┐\n  │ Owner    │ @Marta Kowalczyk  │\n  │ Status   │ IN REVIEW         │",
      "What happened\n  ┌──────────┬",
    ],
    source:
      "Policy Team › Policy Team Home › Weekly Briefings · Created by Marta Kowalczyk, last modified by Daniel Osei on Dec 03, 2026",
    date: "2026-12-03",
    dateInferred: false,
    actors: ["EU AI Office", "European Commission", "Henna Virkkunen"],
    more: (b) => expect(briefingLinks(b).map((l) => l.url)).not.toContain("index.html"),
  },
  {
    fixture: "confluence-export.md",
    does: "marks an icon with no alt text and no web address as [image], with no link number to a path",
    width: 100,
    shows: ["  [image] gpai-signatories-draft.pdf[1] (application/pdf)"],
    hides: /bullet_blue/,
  },
  {
    fixture: "jira-ticket.md",
    does: "reads a Jira ticket: its h3. heading, and its Created date written 01/Dec/26",
    date: "2026-12-01",
    dateInferred: false,
    tags: ["colorado", "ai-act", "hr-tech"],
    shows: ["  Background (pasted from the old wiki)\n\n  • Governor Jared Polis signed"],
    hides: /h3\./,
  },
  // Dates and sections in other writers' words.
  {
    fixture: "french-contexte.md",
    does: "names French sections Contexte, Enjeux and Prochaines étapes, and finds no 'La Commission'",
    sections: { whyItMatters: [expect.stringMatching(/^Les fiches précisent/)] },
    more: (b) => {
      expect(texts(b, "whatHappened")[1]).toMatch(/^La Commission nationale de l'informatique/);
      expect(texts(b, "whatToWatch").slice(0, 2)).toEqual([
        "• Consultation publique jusqu'au 31 janvier 2027.",
        "• Version définitive attendue au printemps 2027.",
      ]);
      expect(subsections(b)).not.toContain("Contexte");
      expect(b.actors).not.toContain("La Commission");
    },
  },
  {
    fixture: "dendron-note.md",
    does: "dates a Dendron note by its created time in milliseconds, with no warning; reads a role before a name as that name's",
    date: "2026-12-02",
    dateInferred: false,
    more: (b) => {
      expect(b.warnings.map((w) => w.message)).not.toContain(expect.stringMatching(/created/));
      expect(b.actors).toContain("Sanae Takaichi");
      expect(b.actors).not.toContain("Strategy Headquarters");
      expect(b.actors).toContain("AI Strategy Headquarters");
    },
  },
  {
    fixture: "csv-fenced.md",
    does: "gives a date without a year the year its sentence has just named",
    more: (b) => {
      expect(b.events.map((e) => e.date)).toEqual(["2027-01", "2027-01-13"]);
      expect(b.events[1]!.expected).toBe(true);
    },
  },
  {
    fixture: "congress-bill.md",
    does: "makes no event of a law's name, 'Act of 2026'; reads 'Sen. Hawley, Josh [R-MO]' as Josh Hawley",
    actors: [
      "Josh Hawley",
      "Committee on Commerce, Science, and Transportation",
      "Department of Commerce",
      "Richard Blumenthal",
      "Cynthia M. Lummis",
      "Peter Welch",
    ],
    shows: ["Actors   Josh Hawley; Committee on Commerce, Science, and Transportation;"],
    more: (b) => {
      expect(b.events.filter((e) => e.precision === "year")).toEqual([]);
      expect(b.events.map((e) => e.date)).toContain("2026-12-02");
    },
  },
  {
    fixture: "emoji-headings.md",
    does: "takes a newsletter's footer that opens with an emoji as the source",
    source: "🙏 Thanks for reading! ✉️ Forward to a colleague.",
    more: (b) => expect(texts(b, "whatToWatch").join("\n")).not.toContain("Thanks for reading"),
  },
  // Names that are no actor.
  {
    fixture: "title-and-bullets.md",
    does: "finds no company in 'High-impact AI'",
    actors: ["Ministry of Science and ICT"],
  },
  {
    fixture: "federal-register.md",
    does: "finds no person in a job title; dates a Federal Register notice by its 'Dated:' line, not by the comment deadline",
    width: 100,
    shows: ["Date     2026-12-01 (inferred from the text)"],
    more: (b) => {
      expect(b.actors).not.toContain("Information Officer");
      expect(b.actors).toContain("Office of the Federal Chief Information Officer");
      // The deadline is still an event, and one still to come.
      expect(b.events.find((e) => e.date === "2027-01-20")).toMatchObject({ expected: true });
    },
  },
  { fixture: "gdocs-export.md", does: "finds a Board as an organisation", actors: ["Treasury Board"] },
  {
    fixture: "notion-database.md",
    does: "lists the EU AI Office once where a briefing also calls it the AI Office",
    actors: ["EU AI Office", "Henna Virkkunen"],
  },
  {
    fixture: "latex-notes.md",
    does: "shows $…$ and \\(…\\) as the page would, money as written, and what it cannot set as TeX",
    shows: [
      "from\n  10²⁵ to 3 × 10²⁵ FLOP of training compute",
      "is estimated as C ≈ 6 N D, where N is the number of",
      "Costs of $5 to $10 million per\n  model",
      // Display maths stays verbatim, as code.
      "    C = 6 \\cdot N \\cdot D",
    ],
    more: (b) => {
      expect(texts(b, "whyItMatters")[0]).toMatch(/grow roughly as \\sqrt\{C\}\.$/);
      expect(b.sections.whyItMatters[0]!.block).toMatchObject({
        type: "paragraph",
        children: expect.arrayContaining([{ type: "code", text: "\\sqrt{C}" }]),
      });
    },
  },
  {
    fixture: "readwise-highlights.md",
    does: "gives a Readwise export's cover image and Metadata list to the source, never to what happened",
    width: 100,
    source:
      /^Cover: https:\/\/readwise-assets\.example\/\S+\.png · Author: OECD\.AI Policy Observatory · Full Title:/,
    hides: /rw-book-cover|Metadata|• Author:|• URL:/,
    // Its Highlights are the key points, the first of them the first thing under the title.
    keyPoints: [
      expect.stringMatching(/^An AI incident is an event/),
      expect.stringMatching(/^The G7 Hiroshima Process/),
      expect.stringMatching(/^Why it matters: common definitions/),
    ],
    links: [
      "https://read.readwise.io/read/01jf3x9q2k8m",
      "https://read.readwise.io/read/01jf3xa7ct0w",
      "https://read.readwise.io/read/01jf3xbr5d2n",
    ],
    more: (b) => expect(b.source).toContain("URL: https://oecd.ai/en/wonk/incident-definitions-2026"),
  },
  {
    fixture: "toc-images-comments.md",
    does: "keeps the number of an image on the web: the address is the only way to see it",
    shows: ["  image[2]\n"],
  },
  {
    fixture: "chatgpt-citations.md",
    does: "drops ChatGPT's citation marks (【4†source】, citeturn0search1), which point into its conversation",
    hides: /【|†|cite/,
    shows: ["  • The European Commission published the final code of practice on 10 July\n    2025.\n"],
    sections: {
      whyItMatters: ["Signatories get a presumption of conformity with the AI Act's GPAI obligations."],
    },
  },
  {
    fixture: "german-dezember.md",
    does: "reads a German briefing dated '3. Dezember 2026', its deadlines still to come",
    date: "2026-12-03",
    more: (b) => {
      expect(b.events.filter((e) => e.expected).map((e) => e.date)).toEqual(["2027-01-15", "2027-03"]);
      expect(texts(b, "whatToWatch")).toHaveLength(2);
    },
  },
  // Memos, channel posts, HTML images.
  {
    fixture: "rfc-memo.txt",
    does: "keeps a hard-wrapped sentence whole where its first line holds a full stop and Title Case words",
    shows: [
      "  The legislature passed the RAISE Act in June 2025. The Governor signed it in\n  December 2025 on condition of these amendments.\n",
    ],
  },
  {
    fixture: "telegram-post.md",
    does: "dates a channel post by its dateline behind a calendar emoji, not by the deadline after it",
    date: "2026-11-20",
    more: (b) => expect(b.events.filter((e) => e.expected).map((e) => e.date)).toEqual(["2027-02-20"]),
  },
  {
    fixture: "html-inline.md",
    does: "shows an HTML image standing alone by its alt text, numbered, and a <sup>[1]</sup> mark raised",
    shows: [
      "What to watch\n  Timeline chart[1]\n",
      "about 0.05% of GDP¹.",
      "  ¹ Treasury modelling, November 2026.",
    ],
    links: ["https://example.gov.au/chart.png"],
  },
  {
    fixture: "ghost-export.md",
    does: "shows no image beside a caption that says it",
    hides: /front desk/,
  },
  {
    fixture: "org-mode.md",
    does: "reads Org's #+TITLE, * headlines, emphasis, links, blocks and timestamps; a hard-wrapped sentence whole",
    title: "Singapore opens consultation on agentic AI liability",
    date: "2027-02-09",
    tags: ["singapore", "liability", "agents"],
    keyPoints: [
      "IMDA proposes that deployers, not model makers, answer first for harm done by AI agents.",
      "Comments close on 16 March 2027.",
    ],
    glossary: ["Deployer", "Safe harbour"],
    links: ["https://www.imda.gov.sg/consultations/agentic-ai-liability"],
    shows: [
      "  3. No new rule: leave it to the courts.\n",
      '  │ "We want firms to deploy agents',
      "What to watch\n  TODO Comments close\n\n  Deadline: 2027-03-16\n",
    ],
    hides: /#\+|\*\* |\/Model|=guidance=|\]\[/,
    colour: ["\x1b[1m16 March 2027\x1b[22m"],
    more: (b) => {
      expect(b.events.map((e) => e.date)).toContain("2027-03-16");
      expect(texts(b, "whatHappened")[0]).toMatch(
        /^Singapore's Infocomm Media Development Authority \(IMDA\) published a consultation paper on 9 February 2027/,
      );
    },
  },
  {
    fixture: "asciidoc.md",
    does: "reads AsciiDoc's = Title, == sections, a |=== table, admonitions, link:url[text], *bold* and a listing",
    title: "Brazil's Senate passes AI bill PL 2338",
    date: "2026-12-10",
    shows: [
      "  │ Excessive risk │ Banned (social scoring, subliminal manipulation) │\n",
      "  │ Note: The Senate version dropped the copyright remuneration clause that\n",
      "  See the bill's page[1] for the text.\n",
      "  2. President Lula has 15 working days to sign or veto.\n     1. Partial vetoes are common",
      "\n    curl https://api.senado.example/bills/2338 --output pl2338.json\n",
    ],
    hides: /^ *(?:==|\|===|\[source|:toc:|\.Obligations)|link:/m,
    colour: ["\x1b[1msymbolic vote\x1b[22m"],
    more: (b) => {
      expect(b.keyPoints).toHaveLength(2);
      expect(texts(b, "whatToWatch")[0]).toMatch(/^1\. The Chamber of Deputies votes/);
    },
  },
  {
    fixture: "underlined-plain.txt",
    does: "sets a .txt file's bullets as a list: wrapped under their text, none apart, and read back the same",
    shows: [
      "  • The AI Strategy Headquarters, chaired by the Prime Minister, will review it\n    each year.\n  • Companies are asked",
    ],
    more: (b) => {
      const again = parsed("again.md", briefingMarkdown(b, null));
      expect(again.sections.whatHappened.map(({ line: _, ...p }) => p)).toEqual(
        b.sections.whatHappened.map(({ line: _, ...p }) => p),
      );
    },
  },
  {
    fixture: "chinese-cjk.md",
    does: "dates a Chinese briefing and puts 2025年3月14日 on the timeline; a table of CJK cells keeps its columns",
    date: "2025-09-01",
    more: (b) => {
      expect(b.events.map((e) => [e.date, e.text])).toContainEqual([
        "2025-03-14",
        "国家互联网信息办公室（网信办）等四部门于2025年3月14日联合发布《人工智能生成合成内容标识办法》，自2025年9月1日起施行。",
      ]);
      // Each row as wide as the rule over it.
      const rows = text(b)
        .split("\n")
        .filter((l) => /^ {2}[│┌├└]/.test(l));
      expect(new Set(rows.map((l) => displayWidth(l))).size).toBe(1);
    },
  },
  {
    fixture: "gdocs-addon.md",
    does: "shows none of Docs to Markdown's alerts, reads the Date and Prepared by lines under the title as properties",
    hides: /gd2md|>>>>>|alt_text|Back to top/,
    date: "2026-12-02",
    dateInferred: false,
    source: "Date: 2 December 2026 · Prepared by: Regulatory team",
    // Its image placeholder points at a file beside the export: a mark, no link.
    links: [],
    more: (b) => {
      expect(texts(b, "whatHappened")[0]).toMatch(/^The Department for Science/);
      expect(texts(b, "whyItMatters")).toContain("[image]");
    },
  },
  {
    fixture: "mediawiki.md",
    does: "reads a wiki's == headings ==, '''bold''', a {| table |} with every cell, a cite template and # lists",
    shows: [
      "  │ Compute │ 2 billion    │ Konza Technopolis     │\n",
      "14 November 2026. (Kenya AI\n  Strategy[1], 14 November 2026)",
    ],
    sections: {
      whatToWatch: [
        "• Parliament's budget committee reviews the fund in February 2027.",
        "• A data protection amendment bill is expected by mid-2027.",
      ],
    },
    hides: /'''|''|==|\{\||\|\}|<ref|\{\{/,
    colour: ["\x1b[1mFebruary 2027\x1b[22m"],
    more: (b) =>
      expect(texts(b, "whatHappened")[1]).toMatch(/^The ministry added a chapter on data governance/),
  },
];

describe("briefings in shapes not met before, one row per fixture", () => {
  it.each(cases)("$fixture: $does", (c) => checkUnseen(c));
});

describe("what no fixture holds", () => {
  const names = (...texts: string[]) => extractActors(texts, [], []);

  it("reads an issue line and a dateline with a volume as datelines, not a sentence naming an issue", () => {
    expect(isDateLine("Issue #42 · Thursday, 4 February 2027")).toBe(true);
    expect(isDateLine("Vol. 3, No. 7 · March 2, 2027")).toBe(true);
    expect(isDateLine("Issue #42 of the brief came out on 4 February 2027")).toBe(false);
    expect(isDateLine("🗓 November 20, 2026")).toBe(true);
  });

  it("folds an office into the one a place's code qualifies, only the whole tail, only where one has it", () => {
    expect(names("The AI Office opened a call.", "The EU AI Office said so.")).toEqual(["EU AI Office"]);
    expect(names("The AI Safety Office met the EU AI Office.")).toEqual(["AI Safety Office", "EU AI Office"]);
    expect(names("The UK AI Office and the EU AI Office met; the AI Office chaired.")).toEqual([
      "UK AI Office",
      "EU AI Office",
      "AI Office",
    ]);
  });

  it("dates a briefing by a labelled dateline, not by a sentence opening with its word", () => {
    const dated = (body: string) => parsed("a.md", body).date;
    expect(dated("# T\n\nThe vote is due on March 3, 2027.\n\nPosted on 14 February 2027\n")).toBe(
      "2027-02-14",
    );
    expect(dated("# T\n\nThe vote is due on March 3, 2027.\n\n**Date:** 14 February 2027\n")).toBe(
      "2027-02-14",
    );
    expect(
      dated("# T\n\nThe vote is due on March 3, 2027.\n\nDated letters from May 2, 2026 were read.\n"),
    ).toBe("2027-03-03");
  });

  it("reads a legislature's surname list with the party as a name, without it as surnames", () => {
    expect(names("Rep. Jeffries, Hakeem [D-NY-8] spoke; later Rep. Jeffries left.")).toEqual([
      "Hakeem Jeffries",
    ]);
    expect(names("Sen. Hawley, Blumenthal and Lummis signed.")).toEqual(["Sen. Hawley"]);
  });

  it("finds a Secretariat, a Directorate and a Taskforce, and nothing in a keyword alone", () => {
    expect(names("The UN AI Secretariat and the Digital Directorate met the Cyber Taskforce.")).toEqual([
      "UN AI Secretariat",
      "Digital Directorate",
      "Cyber Taskforce",
    ]);
    expect(names("Board members and the Committee met.")).toEqual([]);
  });

  it("lists no base64 of an image written into the page as a link", () => {
    const b = parsed(
      "a.md",
      "# T\n\nA chart ![Tax path](data:image/png;base64,iVBORw0KGgo=) and ![](data:image/gif;base64,R0lG) here.\n",
    );
    expect(text(b)).toContain("  A chart Tax path and [image] here.\n");
    expect(briefingLinks(b)).toEqual([]);
  });

  it("keeps a hard-wrapped Markdown sentence whole; an abbreviation's stop ends no sentence", () => {
    const md = parsed(
      "a.md",
      "# T\n\nThe Senate passed the AI Bill in June 2025. The Governor\nsigned it in December.\n",
    );
    expect(texts(md, "whatHappened")).toEqual([
      "The Senate passed the AI Bill in June 2025. The Governor signed it in December.",
    ]);
    expect(looksLikeHeading("The legislature passed the RAISE Act in June 2025. The Governor")).toBe(false);
    expect(looksLikeHeading("U.S. Policy Outlook")).toBe(true);
  });

  it("reads a line ending on 'on' as a sentence's first, not Title Case", () => {
    expect(
      isTitleCase(
        "Singapore's Infocomm Media Development Authority (IMDA) published a consultation paper on",
      ),
    ).toBe(false);
    expect(isTitleCase("Conditions for Reinstatement")).toBe(true);
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
