// What the reader had shown as written: Markdown and other markup saved as `.txt`, reStructuredText's
// tables, an HTML page's numbered lists, a chat's message headers as its date. One row per fixture
// (test/briefing/unseen-case.ts says what each field checks); the rules no fixture shows, after it.
import { describe, expect, it } from "vitest";
import { chatDate } from "../../src/briefing/chat.js";
import { isMarkdown } from "../../src/briefing/parse.js";
import { isTxtMarkdown } from "../../src/briefing/txt-markdown.js";
import { checkUnseen, parsed, text, texts, type UnseenCase } from "./unseen-case.js";

const cases: UnseenCase[] = [
  {
    fixture: "chatbot-answer.txt",
    does: "reads a chatbot's Markdown answer saved as .txt: headings, bold, a table, nested bullets, a link, numbers",
    title: 'Denmark\'s EU presidency brokers deal on the AI Act "digital omnibus"',
    date: "2026-12-05",
    dateInferred: false,
    keyPoints: [
      "Council and Parliament agreed to delay high-risk obligations for Annex III systems to December 2027.",
      "The registration duty for exempted systems stays, against the Commission's proposal.",
      "Small mid-caps get the same simplified documentation as SMEs.",
    ],
    sections: {
      whatToWatch: [
        "1. Parliament's IMCO and LIBE committees vote on the text on 14 January 2027.",
        "2. The plenary vote is expected in February 2027.",
        "3. Publication in the Official Journal must come before 2 August 2026 lapses for the watermarking rule, or the old date applies.",
      ],
    },
    links: ["https://www.consilium.europa.eu/en/press/press-releases/2026/12/05/ai-omnibus/"],
    source:
      "Date: 5 December 2026 · Prepared by: Policy desk (draft generated with an assistant, checked by hand) · Council of the EU, Parliament press service",
    shows: [
      // A paragraph hard-wrapped past 100 columns is one paragraph: its sentence runs on in lower case.
      "What happened\n  Negotiators from the Council and the European Parliament reached a provisional\n  agreement on the night of 4 December 2026, after a third trilogue.",
      "  │ Annex III high-risk systems         │ 2 August 2026 │ 2 December 2027 │\n",
      "  • Providers of hiring, credit and education tools gain sixteen months.\n    ◦ Deployers in the public sector",
      "  See the Council's press release[1] for the full list.\n",
    ],
    hides: /\*\*|^ *#|\|---|\]\(|`/m,
    colour: ["\x1b[1msixteen months\x1b[22m"],
    more: (b) =>
      expect(b.events.map((e) => e.date)).toEqual(expect.arrayContaining(["2026-12-04", "2027-12-02"])),
  },
  {
    fixture: "pasted-notes-markdown.txt",
    does: "keeps a pasted .txt's one paragraph per line when it writes **lead-ins:**, a link and code",
    title: "Ofgem confirms price cap rise for January 2027",
    date: "2026-11-27",
    sections: {
      whatHappened: [
        "The energy regulator announced on 27 November 2026 that the default tariff cap will rise by 1.2% from 1 January 2027, to £1,758 a year for a typical dual-fuel household.",
      ],
      whyItMatters: [
        "Around 22 million households are on default tariffs, and the rise follows two quarters of falls; network charges, not wholesale prices, drive most of the increase.",
        "The regulator said the standing charge review would report in the spring, and that debt relief scheme consultations close on 19 December 2026.",
      ],
      whatToWatch: ["The next cap, for April to June 2027, is announced on 25 February 2027."],
    },
    source: "Ofgem press release, BBC News",
    links: ["https://www.ofgem.gov.uk/energy-policy-and-regulation/standing-charges"],
    hides: /\*\*|\]\(|`/,
    more: (b) =>
      // Each paragraph on the line it was written on.
      expect(Object.values(b.sections).flatMap((s) => s.map((p) => p.line))).toEqual([2, 3, 4, 5]),
  },
  {
    fixture: "org-journal.txt",
    does: "reads Org saved as .txt: keywords, headlines, drawers and comments hidden, a deadline, a link",
    title: "Chile's Senate approves AI bill in general vote",
    date: "2027-01-20",
    dateInferred: false,
    tags: ["chile", "legislation"],
    keyPoints: [
      "The bill passed its general vote 31 to 9 on 20 January 2027.",
      "A risk-based scheme modelled on the EU's, with a national AI agency to enforce it.",
    ],
    links: ["https://www.senado.cl/noticias/inteligencia-artificial"],
    shows: ["What to watch\n  TODO Amendments deadline\n\n  Deadline: 2027-03-02\n"],
    hides: /#\+|^\* |:PROPERTIES:|:END:|note to self|=conformity|\/national/m,
    more: (b) =>
      expect(texts(b, "whatHappened")[0]).toMatch(
        /^The Senate approved the idea .* amendments by article\.$/,
      ),
  },
  {
    fixture: "asciidoc-report.txt",
    does: "reads AsciiDoc saved as .txt: header, attributes, a |=== table, a NOTE, an ordered list",
    title: "Australia mandates guardrails for high-risk AI",
    date: "2027-02-11",
    tags: ["australia", "guardrails", "high-risk"],
    keyPoints: [
      "Ten mandatory guardrails apply to AI in high-risk settings from 1 July 2028.",
      "The government chose a framework act over amending existing laws.",
    ],
    sections: {
      whatToWatch: [
        "1. Comments close on 14 April 2027.",
        "2. The bill is expected in Parliament in the spring sittings.",
      ],
    },
    links: ["https://consult.industry.gov.au/ai-guardrails"],
    shows: [
      "  │ Before deployment │ Risk management, testing, data governance           │\n",
      "  │ Note: Australia had relied on voluntary standards since 2024;",
    ],
    hides: /^ *(?:==|\|===|\[cols|:toc:|:keywords:)/m,
  },
  {
    fixture: "wiki-talk.txt",
    does: "reads a wiki's source saved as .txt: headings, a captioned table, numbered and nested lists, a cite",
    date: "2027-02-02",
    sections: {
      whatToWatch: [
        "1. The office's first guidance on sandboxes, due in June 2027.",
        "2. A memorandum with the Data Protection Commission. Drafts are expected before the summer.",
      ],
    },
    links: ["https://enterprise.gov.ie/ai-office"],
    shows: ["  │ 2028 │ 75    │ 11 million   │\n", "     ◦ Drafts are expected before the summer.\n"],
    hides: /'''|''|==|\{\||\|\}|<ref|\{\{/,
    more: (b) =>
      expect(b.actors).toEqual(expect.arrayContaining(["Peter Burke", "Data Protection Commission"])),
  },
  {
    fixture: "rst-tables.txt",
    does: "draws rST grid and simple tables as tables: cells on several lines joined, rows' dates events",
    title: "South Korea's AI Basic Act: enforcement decree issued",
    date: "2026-12-16",
    links: ["https://www.msit.go.kr/eng/"],
    shows: [
      "  │ Labelling of generated content │ All providers of generative AI            │ 22 July 2026    │\n",
      "  │ Threshold      │ Value             │ Firms covered │\n  ├────────────────┼",
      "  │ Korean users   │ 1 million (daily) │ about 25      │\n",
    ],
    hides: /\+---|\+===|={4}|^ *\| /m,
    width: 100,
    more: (b) => {
      expect(b.events.find((e) => e.date === "2026-07-22")?.text).toBe(
        "Labelling of generated content | All providers of generative AI | 22 July 2026",
      );
      const tables = Object.values(b.sections)
        .flat()
        .filter((p) => p.block?.type === "table");
      expect(tables.map((p) => (p.block?.type === "table" ? p.block.rows.length : 0))).toEqual([3, 3]);
      // Too narrow for its columns: one record per row, never a cut cell.
      expect(text(b, 40)).toContain("  Who it covers: Foreign firms above\n    the revenue threshold\n");
    },
  },
  {
    fixture: "html-ordered-steps.md",
    does: "numbers an HTML page's <ol> items, from its start or an item's value; sets no space at an inline tag",
    sections: {
      whatToWatch: [
        "The proposal now follows the usual steps:",
        "1. Comments are due on January 12, 2027.",
        "2. Reply comments are due on February 10, 2027.",
        "3. The Commission votes on a final rule, possibly in spring 2027.",
        "Earlier actions in the docket:",
        "7. Declaratory ruling on AI voices under the TCPA (February 2024).",
        "8. Notice of inquiry on AI-generated calls (August 2024).",
      ],
      whyItMatters: [
        "• Voice-cloned calls rose sharply during the 2026 primaries.",
        "• States have passed a patchwork of rules.",
      ],
    },
    shows: ["  1. Comments are due on January 12, 2027.\n  2. Reply comments", "  7. Declaratory ruling"],
    hides: /<\/?(?:ol|li|p|h2)\b/,
    // An inline element's tags make no space: `<abbr>AI</abbr>-generated`.
    more: (b) => expect(texts(b, "whatHappened")[1]).toContain("when a call uses an AI-generated voice."),
  },
  {
    fixture: "whatsapp-desk.txt",
    does: "dates a WhatsApp export by its first message's header, the day first on a 24-hour clock",
    date: "2026-12-03",
    dateInferred: true,
  },
  {
    fixture: "discord-export.md",
    does: "dates a Discord export by its headers, month first on a 12-hour clock, and a day with no year by it",
    date: "2026-12-03",
    dateInferred: true,
    more: (b) => expect(b.events.map((e) => e.date)).toEqual(["2027-12", "2026-12-09", "2026-11-27"]),
  },
  {
    fixture: "reuters-wire.txt",
    does: "gives a wire story's closing credit line, (Reporting by …; Editing by …), to the source",
    title: "EU lawmakers back delay to AI rules for high-risk systems",
    source: "Reporting by Foo Yun Chee; Editing by Alexandra Hudson",
    sections: {
      whatToWatch: [
        "The full Parliament will vote on the text in January, after which negotiators will thrash out a final version with EU countries.",
      ],
    },
    hides: /\(Reporting by/,
  },
  {
    fixture: "linkedin-post.md",
    does: "sets a social post's keycap points apart, reads ➡️ as a bullet and 'What I'm watching:' as what to watch",
    sections: {
      whatHappened: [
        "The Colorado legislature just pushed the AI Act's start date to June 30, 2026 (SB25B-004, signed Aug 28, 2025).",
        "1️⃣ Nothing in the law's substance changed — only the date.",
        '2️⃣ Deployers still need impact assessments for "high-risk" systems.',
        "3️⃣ The AG keeps exclusive enforcement power.",
      ],
    },
    tags: ["AIPolicy", "Colorado", "Compliance"],
    shows: ["  Here's what you need to know 👇\n\n  1️⃣ Nothing in the law's substance changed"],
    more: (b) =>
      expect(texts(b, "whatToWatch").slice(0, 2)).toEqual([
        "• Whether the 2026 session amends the definitions",
        "• Whether Congress passes a federal moratorium",
      ]),
  },
  {
    fixture: "newsletter-dividers.txt",
    does: "draws nothing for a plain-text newsletter's row of = under its dateline",
    date: "2027-02-05",
    sections: { whatToWatch: ["Industry comments on the labelling rule close on 28 February 2027."] },
    shows: ["What happened\n  Friday 5 February 2027\n\n  TOP STORY\n"],
    hides: /={3}|-{3}/,
  },
];

describe("markup saved as .txt, rST tables, numbered HTML lists, chat dates: one row per fixture", () => {
  it.each(cases)("$fixture: $does", (c) => checkUnseen(c));
});

describe("what no fixture holds", () => {
  it("reads a .txt as Markdown only where it writes what plain prose never does", () => {
    expect(isTxtMarkdown("Title\n\nA line with **bold** in it.\n")).toBe(true);
    expect(isTxtMarkdown("Title\n\nSee [the page](https://example.org).\n")).toBe(true);
    expect(isTxtMarkdown("| a | b |\n|---|---|\n| 1 | 2 |\n")).toBe(true);
    expect(isTxtMarkdown("## Why\n\nIt is *very* late.\n")).toBe(true);
    // Pasted prose: bullets, glossary lines, a star for a footnote, snake_case, a pipe in a sentence.
    expect(isTxtMarkdown("Title\n\n- Term: definition\n- Other: one\n")).toBe(false);
    expect(isTxtMarkdown("Cost rose 5%* and then fell.\n* estimate\n")).toBe(false);
    expect(isTxtMarkdown("The field user_id_hash is a_b kept | or not.\n")).toBe(false);
    expect(isMarkdown("a.txt", "Plain prose.\n")).toBe(false);
    expect(isMarkdown("a.txt", "A **bold** claim.\n")).toBe("txt");
    expect(isMarkdown("a.md", "Plain prose.\n")).toBe(true);
  });

  it("keeps one paragraph per line in a Markdown .txt, a bullet list whole, a run-on sentence joined", () => {
    const b = parsed(
      "a.txt",
      "Budget Vote Passes in Assembly\nThe assembly passed the budget on 3 March 2027 after **two** days.\nWhy it matters: It funds the rail plan.\n- first point\n- second point\nWhat's next: A second vote on the `annex` is due.\n\nThe rail plan's first tenders open in June 2027 and the ministry\nexpects bids from four firms.\n",
    );
    expect(b.title).toBe("Budget Vote Passes in Assembly");
    expect(texts(b, "whatHappened")).toEqual([
      "The assembly passed the budget on 3 March 2027 after two days.",
    ]);
    expect(texts(b, "whyItMatters")).toEqual(["It funds the rail plan.", "• first point", "• second point"]);
    expect(texts(b, "whatToWatch")).toEqual([
      "A second vote on the annex is due.",
      "The rail plan's first tenders open in June 2027 and the ministry expects bids from four firms.",
    ]);
  });

  it("reads a Markdown .txt saved with Windows line ends as the same briefing", () => {
    const body =
      "Grid Levy Vote Delayed Again\n========\nThe council delayed the **levy** vote to 4 May 2027.\nWhy it matters: Bills rise by 3%.\n";
    const unix = parsed("a.txt", body);
    const windows = parsed("a.txt", body.replace(/\n/g, "\r\n"));
    expect(windows.title).toBe("Grid Levy Vote Delayed Again");
    expect([windows.keyPoints, windows.sections]).toEqual([unix.keyPoints, unix.sections]);
    expect(texts(windows, "whyItMatters")).toEqual(["Bills rise by 3%."]);
  });

  it("reads a chat header's day and month as the headers show them", () => {
    // A day over 12 shows the order, for every header.
    expect(chatDate("[03/12/2026, 09:14] A: x\n[13/12/2026, 10:00] B: y\n")).toBe("2026-12-03");
    expect(chatDate("[12/3/26, 9:14 AM] A: x\n[12/13/26, 9:20 AM] B: y\n")).toBe("2026-12-03");
    // Read in time order one way only: 05/11 then 04/12 is November 5 then December 4.
    expect(chatDate("05/11/2026, 21:00 - A: x\n04/12/2026, 08:00 - B: y\n")).toBe("2026-11-05");
    // Dots are day first; a lower-case am is a day-first place's 12-hour clock.
    expect(chatDate("A, [03.12.26 09:14]\nx\nB, [03.12.26 09:20]\ny\n")).toBe("2026-12-03");
    expect(chatDate("[03/12/2026, 9:14 am] A: x\n")).toBe("2026-12-03");
    // Headers that contradict each other, or no header: no date.
    expect(chatDate("[13/12/2026, 09:14] A: x\n[12/13/2026, 09:20] B: y\n")).toBeNull();
    expect(chatDate("The meeting moved to 12/03/2026 9:00 AM\n")).toBeNull();
    // One line of prose ending in a date and time is no chat: a name-first header counts in twos.
    expect(chatDate("Meeting moved to 12/03/2026 9:00 AM\n")).toBeNull();
  });

  it("lets any other date in the text date a chat before its headers", () => {
    const b = parsed(
      "c.md",
      "**A** — 12/03/2026 9:02 AM\nThe vote is on 20 January 2027.\n\n**B** — 12/03/2026 9:05 AM\nok\n",
    );
    expect(b.date).toBe("2027-01-20");
  });
});
