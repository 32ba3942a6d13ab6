// Briefings in styles nobody here wrote (test/fixtures/unseen): a newsletter, a README, an Obsidian
// export, mail, tables, nested lists, footnotes, HTML. What a reader would notice: no markup left,
// nothing lost, every part in its place, and `print --format markdown` loading back the same.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { briefingLinks } from "../../src/briefing/links.js";
import { parseBriefing } from "../../src/briefing/parse.js";
import type { Briefing } from "../../src/briefing/schema.js";
import { briefingMarkdown } from "../../src/cli/render/briefing-markdown.js";
import { briefingText } from "../../src/cli/render/briefing-text.js";
import { createStyle } from "../../src/cli/style.js";
import { displayWidth } from "../../src/text/width.js";
import { unseen, unseenDir } from "./markdown-fixtures.js";

const NAMES = readdirSync(unseenDir).filter((f) => f.endsWith(".md"));
const text = (b: Briefing, width = 80) => briefingText(b, width, createStyle(false), null, false);
const all = (b: Briefing) => Object.values(b.sections).flat();

describe("briefings nobody here wrote", () => {
  it("are at least twelve, in different styles", () => {
    expect(NAMES.length).toBeGreaterThanOrEqual(12);
  });

  // The hostile file's link is no link to CommonMark (a control character in its URL): it stays as written.
  it.each(NAMES.filter((n) => !/hostile/.test(n)))(
    "%s shows no Markdown, HTML or footnote syntax at 40, 80 and 140 columns",
    (name) => {
      const b = unseen(name);
      for (const width of [40, 80, 140]) {
        const out = text(b, width);
        expect(out, name).not.toMatch(
          /\*\*|\]\(|\[\^|\[\[|\[!|\\\||&amp;|<br>|<\/?(?:sup|details|summary)>|~~/,
        );
      }
    },
  );

  it.each(NAMES.filter((n) => !/hostile|rtl/.test(n)))(
    "%s loads back the same from print --format markdown",
    (name) => {
      const b = unseen(name);
      const md = briefingMarkdown(b, null);
      const r = parseBriefing(
        { path: "/again.md", relPath: "again.md", text: md, size: md.length, mtimeMs: 0 },
        [],
      );
      if (!("briefing" in r)) throw new Error(JSON.stringify(r.problems));
      const again = r.briefing;
      expect(again.title).toBe(b.title);
      expect(again.keyPoints).toEqual(b.keyPoints.map((p) => ({ ...p, line: expect.any(Number) })));
      for (const [key, list] of Object.entries(b.sections))
        expect(
          again.sections[key as keyof Briefing["sections"]].map(({ line: _, ...p }) => p),
          key,
        ).toEqual(list.map(({ line: _, ...p }) => p));
      expect(briefingLinks(again)).toEqual(briefingLinks(b));
    },
  );

  it("shows a task list's box once, with its text on the same line", () => {
    const out = text(unseen("readme-style.md"));
    expect(out).toContain("  • [x] Registry launched\n  • [ ] First audit cycle (due June 30, 2027)");
  });

  it("numbers footnotes where they are cited and shows their text after the number", () => {
    const b = unseen("readme-style.md");
    const out = text(b);
    expect(out).toContain("with 41 entries¹.");
    expect(out).toContain("would be checked yearly².");
    expect(out).toContain("  ¹ Count taken on launch day from the public index.");
    expect(out).toContain("  ² Audits start after the first full year of filings.");
  });

  it("shows inline and block HTML as a browser would: a line break, superscripts, the text", () => {
    const out = text(unseen("readme-style.md"));
    expect(out).toContain(
      "This briefing tracks its\n  launch.\n  Maintained by the Digital Standards Institute.¹",
    );
    expect(out).toContain("  Entries by country\n\n  US 22, EU 11, UK 5, other 3.");
  });

  it("gives a badge (an image inside a link) one link and one number", () => {
    const b = unseen("readme-style.md");
    expect(text(b)).toContain("  build[1] Registry logo[2]");
    expect(
      briefingLinks(b)
        .slice(0, 2)
        .map((l) => l.url),
    ).toEqual(["https://ci.example.com/registry", "https://img.example.com/logo.png"]);
  });

  it("shows callouts by their kind and title, the body on the next line, and wiki links by their text", () => {
    const b = unseen("obsidian-export.md");
    const out = text(b);
    expect(out).toContain("  │ Note\n  │ This note was exported from Obsidian.");
    expect(out).toContain("  │ Warning: Contested\n  │ Germany abstained");
    expect(out).toContain("  │ Tip: Collapsed callout\n  │ The presumption applies");
    expect(b.keyPoints[0]!.text).toBe("Member states agreed a general approach on the AILD on 2026-10-07.");
    expect(b.sections.whyItMatters[0]!.text).toBe(
      "Victims of AI-caused harm get an easier path to compensation. See Notes/Liability timeline > 2026 for background.",
    );
    // A line of tags is text, not a subsection heading over what follows.
    expect(all(b).some((p) => p.subsection !== undefined)).toBe(false);
    // A line of tags tags the page (the front matter's tags win): the line goes to the source as
    // written, never to the story.
    expect(b.tags).toEqual(["ai-liability", "eu"]);
    expect(b.source).toContain("#eu #liability #status/final");
    expect(all(b).map((p) => p.text)).not.toContain("#eu #liability #status/final");
  });

  it("reads a forwarded mail saved as Markdown: Subject the title, headers and signature the source", () => {
    const b = unseen("forwarded-email.md");
    expect(b.title).toBe("Draft on the UK AI bill");
    expect(b.date).toBe("2026-10-15");
    expect(b.source).toMatch(
      /^From: Marta Jensen .*Subject: Fwd: Re: Draft on the UK AI bill · Marta Jensen \| Policy Shop$/,
    );
    expect(
      all(b)
        .map((p) => p.text)
        .join("\n"),
    ).not.toMatch(/From:|Subject:|Policy Shop/);
    expect(b.sections.whyItMatters.map((p) => p.text)).toEqual([
      "It is the first binding UK law aimed at frontier models.",
    ]);
  });

  it("takes 'Part 2 —' and '2)' off a heading that names a section, and shows it once", () => {
    const b = unseen("entities-numbered.md");
    expect(b.sections.whatToWatch[0]).toEqual({
      text: "A markup session is scheduled for June 3, 2026.",
      line: expect.any(Number),
    });
    expect(b.sections.whyItMatters[0]!.subsection).toBeUndefined();
  });

  it("finds the people and organisations a reader would name, and no others", () => {
    expect(unseen("obsidian-export.md").actors).toContain("Michael McGrath");
    expect(unseen("forwarded-email.md").actors).toEqual(["AI Security Institute"]);
    expect(unseen("rtl-arabic.md").actors).toEqual(["Mohammed bin Salman"]);
  });

  it("indents code blocks under the text, as written", () => {
    const out = text(unseen("code-heavy.md"));
    expect(out).toContain(
      "\n    Section 7.2 (Reporting). Licensees with more than 700,000,000 monthly\n    active users",
    );
    expect(out).toContain('\n    [license]\n    version = "3.0"\n');
  });

  it("keeps dates in code and URLs off the timeline, and a table row's date on it", () => {
    const code = unseen("code-heavy.md").events.map((e) => e.date);
    expect(code).not.toContain("2026-07-01");
    expect(code).not.toContain("2026-06-01");
    const news = unseen("substack-newsletter.md").events.map((e) => e.date);
    expect(news).not.toContain("2026-11-20");
    const tables = unseen("tables-heavy.md").events;
    expect(tables.find((e) => e.date === "2026-12-01")?.text).toBe("2026-12-01 | EU code of practice review");
  });

  it("reads a file with a byte-order mark and one with Windows line endings as any other", () => {
    expect(unseen("bom-korea.md").title).toBe("Korea publishes AI Basic Act decrees");
    const crlf = unseen("crlf-windows.md");
    expect(crlf.sections.whatHappened[0]!.text).toBe(
      "Brazil's Chamber of Deputies approved PL 2338 on June 2, 2026. The text now returns to the Senate.",
    );
    expect(text(crlf)).not.toContain("\r");
  });

  it("lets no escape sequence from a hostile briefing reach the terminal", () => {
    const out = text(unseen("hostile-controls.md"));
    expect(out).not.toMatch(/[\x1b\x07\u202e\u200b]/);
    expect(out).toContain("^[[31mred^[[0m");
    expect(out).toContain("<U+202E>right-to-left");
  });

  it("counts a CJK sentence as prose, never as a bare heading", () => {
    const t = "# T\n\n## What happened\n\n渡し船の運航は橋の再開まで続く予定である。\n\n次の段落。\n";
    const r = parseBriefing({ path: "/c.md", relPath: "c.md", text: t, size: 1, mtimeMs: 0 }, []);
    if (!("briefing" in r)) throw new Error("did not parse");
    expect(r.briefing.sections.whatHappened.map((p) => [p.text, p.subsection])).toEqual([
      ["渡し船の運航は橋の再開まで続く予定である。", undefined],
      ["次の段落。", undefined],
    ]);
  });

  it("sets a loose list's items and two lists side by side apart, and keeps a tight list tight", () => {
    const out = text(unseen("ordered-code.md"));
    expect(out).toContain(
      "   7. Contain the model.\n\n      Revoke the serving keys first:\n\n        kubectl delete secret",
    );
    expect(out).toContain("namespace prod\n\n   8. Notify the regulator within 72 hours.\n\n   9. Preserve");
    expect(out).toContain(
      "  10. Write the post-incident review.\n\n  • Owner: the security lead\n  • Deadline",
    );
    expect(out).toContain("  • Deadline: 30 days\n\n  • Template: appendix B\n  • Reviewer");
    expect(out).toContain("  1. Public comments close July 15, 2027.\n  2. A tabletop exercise");
  });

  it("sets a list in a quote apart from the text before it, at every depth", () => {
    const out = text(unseen("nested-quotes.md"));
    expect(out).toContain("It would cover:\n  │ │\n  │ │ • state safety laws,\n  │ │ • state disclosure");
    expect(out).toContain("  │ That list is exactly the problem. Consider:\n  │\n  │ 1. States have acted");
  });

  it("reads Hugo's TOML front matter and Jekyll's date with its time and offset", () => {
    const hugo = unseen("hugo-toml.md");
    expect([hugo.title, hugo.date, hugo.dateInferred, hugo.tags]).toEqual([
      "Chip export rules tighten again",
      "2027-02-14",
      false,
      ["export controls", "semiconductors"],
    ]);
    expect(text(hugo)).not.toContain("+++");
    const jekyll = unseen("jekyll-post.md");
    expect([jekyll.title, jekyll.date, jekyll.dateInferred]).toEqual([
      "Courts split on AI-generated evidence",
      "2027-02-03",
      false,
    ]);
  });

  it("names a briefing of only a table by its id, and puts every dated row on the timeline", () => {
    const b = unseen("only-table.md");
    expect(b.title).toBe("only-table");
    expect(b.sections.whatHappened.map((p) => p.block?.type)).toEqual(["table"]);
    expect(b.events.map((e) => e.date)).toEqual(["2027-05-01", "2027-06-15", "2027-09-01"]);
  });

  it("reads numeric dates: dotted ones day first, slashed ones when a number above 12 tells the order", () => {
    expect(unseen("footnotes-far.md").events.map((e) => e.date)).toEqual([
      "2027-03-25",
      "2027-06-01",
      "2027-03-26",
      "2027-04-09",
      "2027-03-12",
    ]);
  });

  it("shows the text of a Notion callout (an HTML block) with its Markdown read", () => {
    const out = text(unseen("notion-export.md"));
    expect(out).toContain("  💡 TL;DR — three regulators published guidance in one week.");
    expect(out).not.toMatch(/<\/?aside>/);
    expect(briefingText(unseen("notion-export.md"), 80, createStyle(true), null, false)).toContain(
      "\x1b[1mTL;DR\x1b[22m",
    );
  });

  it("keeps escaped markers, hard breaks and snake_case words as written", () => {
    const out = text(unseen("escapes-breaks.md"));
    expect(out).toContain(
      "Escaped markers stay as written: *not bold*, _not italic_, # not a heading, 2\n  * 3 = 6.",
    );
    expect(out).toContain(
      "now appear in the PDF as well.\n  The old form stays valid until 30 June 2027.\n  After that",
    );
    expect(out).toContain("Tools that validate_filings_automatically must change");
  });

  it("numbers reference links by their definitions and reads setext and closed ATX headings", () => {
    const b = unseen("setext-refs.md");
    expect(b.title).toBe("Ports agree a shared customs window");
    expect(b.sections.whyItMatters[0]!.text).toMatch(/^A carrier calling at two ports today files twice/);
    expect(b.sections.whatToWatch[0]!.text).toMatch(/^The pilot starts on 1 September 2027/);
    expect(briefingLinks(b).map((l) => l.url)).toEqual([
      "https://ports.example.org/mou-2027.pdf",
      "https://lloydslist.example.com/ports-window",
      "https://taxation-customs.example.eu/single window",
    ]);
  });

  it("aligns table cells holding emoji, CJK and escaped pipes in code", () => {
    const lines = text(unseen("table-pipes.md"))
      .split("\n")
      .filter((l) => l.startsWith("  │"));
    expect(lines).toContain("  │ a | b            │   yes    │        3 │ pipe into an unchecked command │");
    expect(lines).toContain("  │ 🔥 rm -rf        │   yes    │       10 │ 危険な操作 — always flagged    │");
    expect(new Set(lines.map((l) => displayWidth(l))).size).toBe(1);
  });

  it("reads every unseen file without a problem but the front matter keys it does not know", () => {
    for (const name of NAMES) {
      const t = readFileSync(path.join(unseenDir, name), "utf8").replace(/^\uFEFF/, "");
      const r = parseBriefing({ path: name, relPath: name, text: t, size: t.length, mtimeMs: 0 }, []);
      expect("briefing" in r, name).toBe(true);
      const warnings = "briefing" in r ? r.briefing.warnings : [];
      // A mail reply whose lead-ins are all in the quoted mail below it: placed by the prose rule, and
      // `check` says so, as it should.
      const allowed =
        name === "mail-reply-quotes.md" || name === "nested-forward.md"
          ? /^unknown front matter key|^no heading or lead-in/
          : /^unknown front matter key/;
      for (const p of warnings) expect(p.message, name).toMatch(allowed);
    }
  });
});
