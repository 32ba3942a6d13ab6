// Other markup languages a writer saves as `.md` or `.txt` (reStructuredText, Typst, BBCode, Jira's, a
// memo's headers, HTML): read as the Markdown they mean, with no markup left on screen. One row per
// fixture (test/briefing/unseen-case.ts says what each field checks).
import { describe, expect, it } from "vitest";
import { emailHeaders } from "../../src/briefing/email.js";
import { checkUnseen, parsed, text, texts, type UnseenCase } from "./unseen-case.js";

const cases: UnseenCase[] = [
  {
    fixture: "rst-notes.md",
    does: "reads an rST overlined title, underlined sections, field lists, a note, a link and a definition list",
    title: "OECD updates its AI principles definitions",
    date: "2027-01-22",
    dateInferred: false,
    tags: ["oecd", "definitions"],
    links: ["https://laws.example.jp/ai-promotion"],
    shows: ["  │ Note\n", '  Example of the new wording:\n\n    "An AI system is a machine-based system'],
    hides: /={4}|\.\. note|:Date:|`_|::/,
    more: (b) => {
      expect(texts(b, "whyItMatters")[0]).toMatch(/and Japan's AI Promotion Act\.$/);
      expect(b.glossary.map((g) => [g.term, g.definition])).toEqual([
        ["AI system", "A machine-based system that infers how to generate outputs from its input."],
        ["Adherent", "A country that has signed up to an OECD recommendation."],
      ]);
    },
  },
  {
    fixture: "rst-sphinx.txt",
    does: "reads a .txt written in rST as rST: directives, auto-numbered lists, targets, footnotes, comments",
    title: "Japan's AI Promotion Act: first basic plan",
    date: "2026-12-23",
    links: ["https://www.cao.go.jp/ai-hq/"],
    shows: [
      "sets targets for public compute¹.",
      "  │ Warning: Budget figures\n  │\n  │ The compute target depends",
      "\n    $ curl https://www8.cao.go.jp/cstp/ai/plan.pdf -o plan.pdf\n",
      "  ¹ A target of 10 exaflops of public compute by 2030.",
    ],
    hides: /#{4}|\*{4}|\.\. |:local:|:class:|#\.|editors only|On this page/,
    more: (b) => {
      expect(texts(b, "whatToWatch").slice(0, 2)).toEqual([
        "1. The Diet's budget vote in January 2027.",
        "2. Guidance for local governments, promised by spring.",
      ]);
      expect(b.actors).toContain("AI Strategy Headquarters");
    },
  },
  {
    fixture: "typst-notes.md",
    does: "reads Typst's = headings, *strong*, #link, set rules and comments as the page shows them",
    title: "OpenAI and Anthropic sign EU GPAI code",
    date: "2026-12-04",
    links: ["https://digital-strategy.ec.europa.eu/en/policies/contents-code-gpai"],
    hides: /#set|#link|==|\(paper/,
    colour: ["\x1b[1mearly 2027\x1b[22m"],
    more: (b) =>
      expect(texts(b, "whatHappened")[0]).toMatch(/^Both companies signed .* See the Commission's page\.$/),
  },
  {
    fixture: "typst-report.md",
    does: "reads Typst's + numbered items, / term lists as the glossary, #strong[], #emph[] and labels",
    title: "UK AI Security Institute publishes its first frontier trends report",
    date: "2026-12-18",
    sections: {
      whyItMatters: [
        "1. It is the first public baseline of cyber and bio capability across labs.",
        "2. It names the evaluation suites it used.",
      ],
    },
    glossary: ["Uplift", "Safeguard"],
    hides: /#import|#let|#strong|#emph|<title>|draft 3|^ *\+ /m,
  },
  {
    fixture: "bbcode-forum.md",
    does: "reads BBCode's [b], [url=], [quote], [list][*] as bold, links, quotes and bullets",
    title: "Re: California AG opens probe into AI companion apps",
    sections: {
      whyItMatters: [
        "It is the first use of SB 243, the companion chatbot law that took effect on January 1, 2026.",
        "• Fines are up to $1,000 per violation.",
        "• Users can sue directly.",
      ],
    },
    links: ["https://oag.ca.gov/news/press-releases/companion-apps"],
    shows: ["  │ Does anyone know which companies got letters?\n"],
    hides: /\[\/?(?:b|i|u|url|quote|list|size)\b|\[\*\]/,
  },
  {
    fixture: "bbcode-phpbb.txt",
    does: "reads a .txt forum post: [quote=name], [list=1], [url]…[/url], [code] and a bold line as its heading",
    title: "Brussels publishes draft guidelines on AI Act prohibited practices",
    // `[b]Why it matters[/b]` alone on its line heads its section; it is not shown again.
    sections: {
      whyItMatters: [
        '1. It is the first text that says what "manipulative techniques" means in practice.',
        "2. Fines for prohibited practices reach 7% of worldwide turnover.",
      ],
    },
    links: ["https://digital-strategy.ec.europa.eu/en/library/draft-guidelines-prohibited-ai"],
    shows: [
      "  │ eu_watcher wrote: Has anyone read the Commission draft yet?\n",
      "\n    GET /api/consultations/ai-act-art5 HTTP/1.1\n",
    ],
    hides: /\[\/?(?:b|i|u|url|quote|list|size|color|code)\b|\[\*\]/,
  },
  {
    fixture: "rfc-memo.txt",
    does: "reads a memo's TO/FROM/DATE/RE under MEMORANDUM as mail headers: RE the title, DATE the date, all to the source",
    title: "New York RAISE Act amendments",
    date: "2026-12-01",
    dateInferred: false,
    source:
      "MEMORANDUM TO: Board of Directors FROM: Office of Public Policy DATE: December 1, 2026 RE: New York RAISE Act amendments",
    // Its numbered headings in capitals name their sections.
    sections: {
      whyItMatters: [
        "We are below the revenue threshold. We are not covered, but two of our model suppliers are, and they will pass obligations down through contracts.",
      ],
      whatToWatch: ["Legal will review supplier contracts by January 15, 2027."],
    },
    more: (b) => {
      const all = Object.values(b.sections).flat();
      expect(all.some((p) => /MEMORANDUM|Board of Directors/.test(p.text))).toBe(false);
      expect(b.actors).not.toContain("Board of Directors");
    },
  },
  {
    fixture: "memo-headers.md",
    does: "reads a memo's SUBJECT and CC set apart by blank lines in a Markdown memo",
    title: "Colorado AI Act takes effect on 30 June 2026, what changes for hiring tools",
    date: "2027-01-14",
    source: /^INTERNAL MEMO TO: All staff FROM: Legal and Compliance CC: Executive team/,
    more: (b) => expect(texts(b, "whatHappened")[0]).toMatch(/^Colorado's AI Act \(SB 24-205\) now applies/),
  },
  {
    fixture: "table-extra-cells.md",
    does: "keeps a table row's cells past its header's, under columns with no name, on screen and in JSON",
    shows: ["│ Andorra        │ Ratified │ 2026-11-20 │ deposited in Strasbourg │"],
    more: (b) => {
      const table = b.sections.whatHappened.find((p) => p.block?.type === "table")?.block;
      expect(table?.type).toBe("table");
      if (table?.type !== "table") throw new Error("no table");
      expect(table.header.map((c) => c.length)).toEqual([1, 1, 0, 0]);
      expect(table.rows.map((r) => r.length)).toEqual([4, 4, 4]);
      expect(texts(b, "whatHappened")[1]).toContain(
        "Andorra | Ratified | 2026-11-20 | deposited in Strasbourg",
      );
      expect(text(b, 40)).toContain("  Column 4: deposited in Strasbourg");
      expect(b.events.map((e) => e.date)).toEqual(expect.arrayContaining(["2026-10-14", "2026-11-20"]));
    },
  },
  {
    fixture: "table-pipes.md",
    does: "reads a pipe inside code the writer left unescaped as code when the row then fits its header",
    shows: ["  │ a || b           │          │        1 │                                │\n"],
  },
  {
    fixture: "actor-roles.md",
    does: "drops a leading Draft, keeps a ministry's listed portfolios, finds a person after 'Head of <Org>'",
    actors: [
      "Council of Europe",
      "Israel Innovation Authority",
      "Ziv Katzir",
      "Audrey Tang",
      "Ministry of Information, Communications and the Digital Economy",
    ],
    // Discord's spoiler bars show their text, no bars.
    more: (b) =>
      expect(texts(b, "whyItMatters")[0]).toBe(
        "The Council of Europe AI convention needs two more ratifications the UK is expected to be one.",
      ),
  },
  {
    fixture: "discord-export.md",
    does: "shows a Discord export's ||spoiler|| as its text",
    more: (b) =>
      expect(texts(b, "whatToWatch")[0]).toMatch(
        /vote was Nov 27 spoiler: Danish presidency wants it done before Christmas$/,
      ),
  },
  {
    fixture: "jira-wiki.md",
    does: "reads Jira's hN. headings, [text|url], nested * lists, # numbers, ||header|| tables and {code}/{quote}/{panel}",
    title: "EU AI Act: GPAI obligations apply",
    links: ["https://digital-strategy.ec.europa.eu/en/library/guidelines-gpai"],
    shows: [
      "    ◦ Systemic-risk models also need evaluations.\n",
      "  │ Training data summary │ 2 Aug 2025 │\n",
      "\n    curl -s https://example.eu/gpai.json\n",
      "  │ We will enforce from August 2026.\n",
      "  │ Note Signatories get a presumption of conformity.\n",
    ],
    hides: /h[12]\.|\{code|\{quote|\{panel|\|\||\]\[|\|https/,
    more: (b) =>
      expect(texts(b, "whatToWatch").slice(0, 2)).toEqual([
        "1. Enforcement powers start 2 August 2026.",
        "2. The code of practice review.",
      ]),
  },
  {
    fixture: "html-mostly.md",
    does: "reads a page written in HTML with no blank lines: headings, paragraphs, both lists (one numbered), a quote and a table",
    title: "Canada tables new AI bill",
    sections: {
      whyItMatters: ["Canada had no AI law after AIDA died in January 2025."],
      whatToWatch: [
        "1. Second reading in February 2027.",
        "2. Committee hearings.",
        "We will not repeat AIDA's mistakes.",
        "Stage | Date / First reading | 3 Dec 2026",
      ],
    },
    shows: [
      "  • High-impact systems need assessments.\n  • A new AI commissioner.\n",
      "What to watch\n  1. Second reading in February 2027.\n  2. Committee hearings.\n",
      "  │ We will not repeat AIDA's mistakes.\n",
      "  │ First reading │ 3 Dec 2026 │\n",
    ],
    hides: /<\/?(?:p|h2|ul|ol|li|blockquote|table|td)\b/,
  },
  {
    fixture: "slack-mrkdwn.md",
    does: "reads Slack's *bold* line alone as its section's heading, <url|text> links and :emoji:",
    sections: { whatToWatch: ["Responses due mid-January 2027 👀 anyone on the Hill side?"] },
    links: ["https://www.ftc.gov/news-events/news/press-releases/2026/12/ftc-companion-study"],
  },
];

describe("other markup saved as .md or .txt, one row per fixture", () => {
  it.each(cases)("$fixture: $does", (c) => checkUnseen(c));
});

describe("what no fixture holds", () => {
  it("keeps a reply's RE inside its Subject", () => {
    expect(emailHeaders("From: Ana Ruiz To: Desk Subject: RE: Budget vote Date: 3 March 2027")).toEqual({
      subject: "Budget vote",
      date: "2027-03-03",
    });
  });

  it("names no company 'Japan AI' in 'Japan AI guidelines', still 'Mistral AI'", () => {
    expect(
      parsed("j.md", "# Japan AI guidelines update\n\nThe founder of Mistral AI said so.\n").actors,
    ).toEqual(["Mistral AI"]);
  });

  it("leaves a table's empty cell and code with || alone", () => {
    const b = parsed("s.md", "# T\n\n| a || b |\n|---|---|---|\n| x || y |\n\nUse `a||b` here.\n");
    const table = b.sections.whatHappened[0]!.block;
    expect(table?.type === "table" && table.rows[0]!.length).toBe(3);
    expect(texts(b, "whatHappened")[1]).toBe("Use a||b here.");
  });
});
