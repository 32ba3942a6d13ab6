// What the last pass over unseen briefings left damaged (test/fixtures/unseen): actor names with a
// comma or a role's field before them, laws taken for actors, Pandoc citations and Liquid output
// shown raw, Logseq's task markers, lines of tags read as the story, a newsletter's footer landing
// in What to watch.
import { describe, expect, it } from "vitest";
import type { Briefing } from "../../src/briefing/schema.js";
import { briefingText } from "../../src/cli/render/briefing-text.js";
import { createStyle } from "../../src/cli/style.js";
import { unseen } from "./markdown-fixtures.js";

const text = (b: Briefing, width = 80) => briefingText(b, width, createStyle(false), null, false);
const all = (b: Briefing) => Object.values(b.sections).flat();

describe("unseen briefings the last pass left damaged", () => {
  it("names officials without their role's field, organisations whole across commas, and no law", () => {
    const b = unseen("eu-officials.md");
    expect(b.actors).toEqual([
      "Henna Virkkunen",
      "Yoo Sang-im",
      "AI Office",
      "Ministry of Science and ICT",
      "Ministry of Trade, Industry and Energy",
      "Jared Kaplan",
      "Skadden, Arps, Slate, Meagher & Flom LLP",
      "University of California, Berkeley",
      "Samsung Electronics Co.",
      "Johnson & Johnson Inc.",
    ]);
    // A name with a comma of its own: the header sets the names apart with semicolons.
    expect(text(b)).toContain("Actors   Henna Virkkunen; Yoo Sang-im; AI Office;");
  });

  it("shows Pandoc citations as their keys in parentheses and Liquid output as the code it is", () => {
    const b = unseen("pandoc-citations.md");
    const [opening, studies, inText, mail] = b.sections.whatHappened.map((p) => p.text);
    expect(studies).toBe(
      "Three studies this spring measured how often injured users win claims against software vendors (kovacs2026, pp. 12-15; moreau2027). Courts rarely reached the question of fault (see lindqvist2025, ch. 3).",
    );
    // An in-text citation stays as written; a bracket that cites no key, and a mail address, too.
    expect(inText).toBe(
      "@moreau2027 finds the burden of proof decides most cases, as earlier work suggested (tanaka2019).",
    );
    expect(mail).toBe("Write to the organisers at reading-group@example.org [or ask in the channel].");
    expect(opening).toBe(
      '{{ page.title }} is a short review for the reading group, built with Jekyll on {{ site.time | date: "%B %Y" }}.',
    );
    const liquid = b.sections.whatHappened[0]!.block;
    expect(liquid?.type === "paragraph" ? liquid.children[0] : null).toEqual({
      type: "code",
      text: "{{ page.title }}",
    });
    expect(text(b)).not.toMatch(/\[@|\[-@|\[see @/);
  });

  it("shows Logseq's TODO and DONE as task boxes and its block properties as the page's", () => {
    const b = unseen("logseq-journal.md");
    const out = text(b);
    expect(out).toContain("  • [x] Read the ministry's press release\n  • [ ] Find the English summary");
    expect(out).not.toMatch(/TODO|DONE|id::/);
    expect(b.source).toContain("id: 6530f2c1-9a7e-4c1b-8b2e-2f6d0a1e9b44");
    expect(b.actors).toContain("Ministry of Trade, Industry and Energy");
    expect(b.actors).toContain("Ahn Duk-geun");
  });

  it("takes lines of tags for the page's tags, never for the story, wherever they stand", () => {
    const b = unseen("newsletter-footer.md");
    expect(b.tags).toEqual(["chips", "export-controls", "policy"]);
    expect(all(b).some((p) => /#chips|Tags:/.test(p.text))).toBe(false);
    expect(b.source).toMatch(/^#chips #export-controls #policy · .* · Tags: semiconductors, cloud · /);
  });

  it("sends a newsletter's footer to the source, with its sign-off, its profiles and its copyright", () => {
    const b = unseen("newsletter-footer.md");
    expect(b.sections.whatToWatch.map((p) => p.text)).toEqual([
      "Comments on the rule close on April 18, 2027.",
    ]);
    for (const part of [
      "Thanks for reading!",
      "Unsubscribe",
      "View in browser",
      "Forwarded this email?",
      "RSS",
      "© 2027",
    ])
      expect(b.source).toContain(part);
    // Its links lead nowhere a reader of the briefing needs: no number in the text, none at the end.
    expect(text(b)).not.toContain("unsubscribe?u=1");
  });
});
