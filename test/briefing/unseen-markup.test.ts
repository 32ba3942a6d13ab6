// Other markup languages a writer saves as `.md` or `.txt` (reStructuredText, Typst, BBCode): read as
// the Markdown they mean, with no markup left on screen.
import { describe, expect, it } from "vitest";
import { emailHeaders } from "../../src/briefing/email.js";
import { briefingLinks } from "../../src/briefing/links.js";
import { parseBriefing } from "../../src/briefing/parse.js";
import type { Briefing } from "../../src/briefing/schema.js";
import { briefingText } from "../../src/cli/render/briefing-text.js";
import { createStyle } from "../../src/cli/style.js";
import { unseen } from "./markdown-fixtures.js";

const text = (b: Briefing, width = 80) => briefingText(b, width, createStyle(false), null, false);
const parsed = (name: string, body: string): Briefing => {
  const r = parseBriefing(
    { path: `/x/${name}`, relPath: name, text: body, size: body.length, mtimeMs: 0 },
    [],
  );
  if (!("briefing" in r)) throw new Error(JSON.stringify(r.problems));
  return r.briefing;
};
const texts = (b: Briefing, key: keyof Briefing["sections"]) => b.sections[key].map((p) => p.text);

describe("reStructuredText saved as .md or .txt", () => {
  it("reads an overlined title, underlined sections, field lists, a note, a link and a definition list", () => {
    const b = unseen("rst-notes.md");
    expect(b.title).toBe("OECD updates its AI principles definitions");
    expect(b.date).toBe("2027-01-22");
    expect(b.dateInferred).toBe(false);
    expect(b.tags).toEqual(["oecd", "definitions"]);
    expect(texts(b, "whyItMatters")[0]).toMatch(/and Japan's AI Promotion Act\.$/);
    expect(briefingLinks(b).map((l) => l.url)).toEqual(["https://laws.example.jp/ai-promotion"]);
    expect(b.glossary.map((g) => [g.term, g.definition])).toEqual([
      ["AI system", "A machine-based system that infers how to generate outputs from its input."],
      ["Adherent", "A country that has signed up to an OECD recommendation."],
    ]);
    const out = text(b);
    expect(out).toContain("  │ Note\n");
    expect(out).toContain('  Example of the new wording:\n\n    "An AI system is a machine-based system');
    expect(out).not.toMatch(/={4}|\.\. note|:Date:|`_|::/);
  });

  it("reads a .txt written in rST as rST: directives, auto-numbered lists, targets, footnotes, comments", () => {
    const b = unseen("rst-sphinx.txt");
    expect(b.title).toBe("Japan's AI Promotion Act: first basic plan");
    expect(b.date).toBe("2026-12-23");
    expect(texts(b, "whatToWatch").slice(0, 2)).toEqual([
      "1. The Diet's budget vote in January 2027.",
      "2. Guidance for local governments, promised by spring.",
    ]);
    expect(briefingLinks(b).map((l) => l.url)).toEqual(["https://www.cao.go.jp/ai-hq/"]);
    const out = text(b);
    expect(out).toContain("sets targets for public compute¹.");
    expect(out).toContain("  │ Warning: Budget figures\n  │\n  │ The compute target depends");
    expect(out).toContain("\n    $ curl https://www8.cao.go.jp/cstp/ai/plan.pdf -o plan.pdf\n");
    expect(out).toContain("  ¹ A target of 10 exaflops of public compute by 2030.");
    expect(out).not.toMatch(/#{4}|\*{4}|\.\. |:local:|:class:|#\.|editors only|On this page/);
    expect(b.actors).toContain("AI Strategy Headquarters");
  });
});

describe("Typst saved as .md", () => {
  it("reads = headings, *strong*, #link, set rules and comments as the page shows them", () => {
    const b = unseen("typst-notes.md");
    expect(b.title).toBe("OpenAI and Anthropic sign EU GPAI code");
    expect(b.date).toBe("2026-12-04");
    expect(texts(b, "whatHappened")[0]).toMatch(/^Both companies signed .* See the Commission's page\.$/);
    expect(briefingLinks(b).map((l) => l.url)).toEqual([
      "https://digital-strategy.ec.europa.eu/en/policies/contents-code-gpai",
    ]);
    expect(text(b)).not.toMatch(/#set|#link|==|\(paper/);
    expect(briefingText(b, 80, createStyle(true), null, false)).toContain("\x1b[1mearly 2027\x1b[22m");
  });

  it("reads + numbered items, / term lists as the glossary, #strong[], #emph[] and labels", () => {
    const b = unseen("typst-report.md");
    expect(b.title).toBe("UK AI Security Institute publishes its first frontier trends report");
    expect(b.date).toBe("2026-12-18");
    expect(texts(b, "whyItMatters")).toEqual([
      "1. It is the first public baseline of cyber and bio capability across labs.",
      "2. It names the evaluation suites it used.",
    ]);
    expect(b.glossary.map((g) => g.term)).toEqual(["Uplift", "Safeguard"]);
    expect(text(b)).not.toMatch(/#import|#let|#strong|#emph|<title>|draft 3|^ *\+ /m);
  });
});

describe("BBCode saved as .md or .txt", () => {
  it("reads [b], [url=], [quote], [list][*] as bold, links, quotes and bullets", () => {
    const b = unseen("bbcode-forum.md");
    expect(b.title).toBe("Re: California AG opens probe into AI companion apps");
    expect(texts(b, "whyItMatters")).toEqual([
      "It is the first use of SB 243, the companion chatbot law that took effect on January 1, 2026.",
      "• Fines are up to $1,000 per violation.",
      "• Users can sue directly.",
    ]);
    expect(briefingLinks(b).map((l) => l.url)).toEqual([
      "https://oag.ca.gov/news/press-releases/companion-apps",
    ]);
    const out = text(b);
    expect(out).toContain("  │ Does anyone know which companies got letters?\n");
    expect(out).not.toMatch(/\[\/?(?:b|i|u|url|quote|list|size)\b|\[\*\]/);
  });

  it("reads a .txt forum post: [quote=name], [list=1], [url]…[/url], [code] and a bold line as its heading", () => {
    const b = unseen("bbcode-phpbb.txt");
    expect(b.title).toBe("Brussels publishes draft guidelines on AI Act prohibited practices");
    // `[b]Why it matters[/b]` alone on its line heads its section; it is not shown again.
    expect(texts(b, "whyItMatters")).toEqual([
      '1. It is the first text that says what "manipulative techniques" means in practice.',
      "2. Fines for prohibited practices reach 7% of worldwide turnover.",
    ]);
    expect(briefingLinks(b).map((l) => l.url)).toEqual([
      "https://digital-strategy.ec.europa.eu/en/library/draft-guidelines-prohibited-ai",
    ]);
    const out = text(b);
    expect(out).toContain("  │ eu_watcher wrote: Has anyone read the Commission draft yet?\n");
    expect(out).toContain("\n    GET /api/consultations/ai-act-art5 HTTP/1.1\n");
    expect(out).not.toMatch(/\[\/?(?:b|i|u|url|quote|list|size|color|code)\b|\[\*\]/);
  });
});

describe("a memo's header block", () => {
  it("reads TO/FROM/DATE/RE under MEMORANDUM as mail headers: RE the title, DATE the date, all to the source", () => {
    const b = unseen("rfc-memo.txt");
    expect(b.title).toBe("New York RAISE Act amendments");
    expect(b.date).toBe("2026-12-01");
    expect(b.dateInferred).toBe(false);
    expect(b.source).toBe(
      "MEMORANDUM TO: Board of Directors FROM: Office of Public Policy DATE: December 1, 2026 RE: New York RAISE Act amendments",
    );
    const all = Object.values(b.sections).flat();
    expect(all.some((p) => /MEMORANDUM|Board of Directors/.test(p.text))).toBe(false);
    // Its numbered headings in capitals name their sections.
    expect(texts(b, "whyItMatters")).toEqual([
      "We are below the revenue threshold. We are not covered, but two of our model suppliers are, and they will pass obligations down through contracts.",
    ]);
    expect(texts(b, "whatToWatch")).toEqual(["Legal will review supplier contracts by January 15, 2027."]);
    expect(b.actors).not.toContain("Board of Directors");
  });

  it("reads SUBJECT and CC set apart by blank lines in a Markdown memo", () => {
    const b = unseen("memo-headers.md");
    expect(b.title).toBe("Colorado AI Act takes effect on 30 June 2026, what changes for hiring tools");
    expect(b.date).toBe("2027-01-14");
    expect(b.source).toMatch(/^INTERNAL MEMO TO: All staff FROM: Legal and Compliance CC: Executive team/);
    expect(texts(b, "whatHappened")[0]).toMatch(/^Colorado's AI Act \(SB 24-205\) now applies/);
  });

  it("keeps a reply's RE inside its Subject", () => {
    expect(emailHeaders("From: Ana Ruiz To: Desk Subject: RE: Budget vote Date: 3 March 2027")).toEqual({
      subject: "Budget vote",
      date: "2027-03-03",
    });
  });
});

describe("a table row wider than its header", () => {
  it("keeps the cells past the header's, under columns with no name, on screen and in JSON", () => {
    const b = unseen("table-extra-cells.md");
    const table = b.sections.whatHappened.find((p) => p.block?.type === "table")?.block;
    expect(table?.type).toBe("table");
    if (table?.type !== "table") throw new Error("no table");
    expect(table.header.map((c) => c.length)).toEqual([1, 1, 0, 0]);
    expect(table.rows.map((r) => r.length)).toEqual([4, 4, 4]);
    expect(texts(b, "whatHappened")[1]).toContain(
      "Andorra | Ratified | 2026-11-20 | deposited in Strasbourg",
    );
    const out = text(b);
    expect(out).toContain("│ Andorra        │ Ratified │ 2026-11-20 │ deposited in Strasbourg │");
    expect(text(b, 40)).toContain("  Column 4: deposited in Strasbourg");
    expect(b.events.map((e) => e.date)).toEqual(expect.arrayContaining(["2026-10-14", "2026-11-20"]));
  });

  it("reads a pipe inside code the writer left unescaped as code when the row then fits its header", () => {
    expect(text(unseen("table-pipes.md"))).toContain(
      "  │ a || b           │          │        1 │                                │\n",
    );
  });
});

describe("actor names from roles, drafts and chat marks", () => {
  it("drops a leading Draft, keeps a ministry's listed portfolios, finds a person after 'Head of <Org>'", () => {
    const b = unseen("actor-roles.md");
    expect(b.actors).toEqual([
      "Council of Europe",
      "Israel Innovation Authority",
      "Ziv Katzir",
      "Audrey Tang",
      "Ministry of Information, Communications and the Digital Economy",
    ]);
    // Discord's spoiler bars show their text, no bars.
    expect(texts(b, "whyItMatters")[0]).toBe(
      "The Council of Europe AI convention needs two more ratifications the UK is expected to be one.",
    );
  });

  it("names no company 'Japan AI' in 'Japan AI guidelines', still 'Mistral AI'", () => {
    expect(
      parsed("j.md", "# Japan AI guidelines update\n\nThe founder of Mistral AI said so.\n").actors,
    ).toEqual(["Mistral AI"]);
  });

  it("shows a Discord export's ||spoiler|| as its text, leaves a table's empty cell and code alone", () => {
    expect(texts(unseen("discord-export.md"), "whatToWatch")[0]).toMatch(
      /vote was Nov 27 spoiler: Danish presidency wants it done before Christmas$/,
    );
    const b = parsed("s.md", "# T\n\n| a || b |\n|---|---|---|\n| x || y |\n\nUse `a||b` here.\n");
    const table = b.sections.whatHappened[0]!.block;
    expect(table?.type === "table" && table.rows[0]!.length).toBe(3);
    expect(texts(b, "whatHappened")[1]).toBe("Use a||b here.");
  });
});

describe("Jira's wiki markup, an HTML page and a Slack paste", () => {
  it("reads hN. headings, [text|url], nested * lists, # numbers, ||header|| tables and {code}/{quote}/{panel}", () => {
    const b = unseen("jira-wiki.md");
    expect(b.title).toBe("EU AI Act: GPAI obligations apply");
    expect(briefingLinks(b).map((l) => l.url)).toEqual([
      "https://digital-strategy.ec.europa.eu/en/library/guidelines-gpai",
    ]);
    expect(texts(b, "whatToWatch").slice(0, 2)).toEqual([
      "1. Enforcement powers start 2 August 2026.",
      "2. The code of practice review.",
    ]);
    const out = text(b);
    expect(out).toContain("    ◦ Systemic-risk models also need evaluations.\n");
    expect(out).toContain("  │ Training data summary │ 2 Aug 2025 │\n");
    expect(out).toContain("\n    curl -s https://example.eu/gpai.json\n");
    expect(out).toContain("  │ We will enforce from August 2026.\n");
    expect(out).toContain("  │ Note Signatories get a presumption of conformity.\n");
    expect(out).not.toMatch(/h[12]\.|\{code|\{quote|\{panel|\|\||\]\[|\|https/);
  });

  it("reads a page written in HTML with no blank lines: headings, paragraphs, both lists, a quote and a table", () => {
    const b = unseen("html-mostly.md");
    expect(b.title).toBe("Canada tables new AI bill");
    expect(texts(b, "whyItMatters")).toEqual(["Canada had no AI law after AIDA died in January 2025."]);
    const out = text(b);
    expect(out).toContain("What to watch\n  • Second reading in February 2027.\n  • Committee hearings.\n");
    expect(out).toContain("  │ We will not repeat AIDA's mistakes.\n");
    expect(out).toContain("  │ First reading │ 3 Dec 2026 │\n");
    expect(out).not.toMatch(/<\/?(?:p|h2|ul|li|blockquote|table|td)\b/);
  });

  it("reads Slack's *bold* line alone as its section's heading, <url|text> links and :emoji:", () => {
    const b = unseen("slack-mrkdwn.md");
    expect(texts(b, "whatToWatch")).toEqual(["Responses due mid-January 2027 👀 anyone on the Hill side?"]);
    expect(briefingLinks(b).map((l) => l.url)).toEqual([
      "https://www.ftc.gov/news-events/news/press-releases/2026/12/ftc-companion-study",
    ]);
  });
});
