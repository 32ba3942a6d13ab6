// Briefings with the habits of newsletters and pasted notes: a dateline under the title, a reading
// time beside it, a list whose last items look like glossary lines, a newsletter's name before `AI`,
// members of parliament and councillors named by their seat, bullets drawn with emoji.
import { describe, expect, it } from "vitest";
import { extractEvents, isDateLine } from "../../src/briefing/dates.js";
import type { Briefing } from "../../src/briefing/schema.js";
import { unseen } from "./markdown-fixtures.js";

const texts = (b: Briefing, key: keyof Briefing["sections"]) => b.sections[key].map((p) => p.text);

describe("datelines", () => {
  it("tells a line that is only a date from a sentence that has one", () => {
    for (const line of [
      "3 Nov 2026",
      "Posted Monday, 14 October 2026 · 4 min read",
      "2026-11-03",
      "Updated: June 2, 2026",
      "Last updated 2 December 2026, 14:05 GMT",
    ])
      expect([line, isDateLine(line)]).toEqual([line, true]);
    for (const line of ["Talks resume on 3 Nov 2026 in Geneva", "3 Nov", "November 2026", "Week 47"])
      expect([line, isDateLine(line)]).toEqual([line, false]);
  });

  it("keeps a plain-text title apart from the date line under it, and the lede after it", () => {
    const b = unseen("dateline-plain.txt");
    expect([b.title, b.date]).toEqual(["Northwind Labs board names new chair", "2026-11-03"]);
    expect(texts(b, "whatHappened")[0]).toBe("3 Nov 2026");
    expect(texts(b, "whatHappened")[1]).toMatch(/^Northwind Labs said on Monday/);
    expect(texts(b, "whyItMatters")).toEqual([expect.stringMatching(/^It matters because/)]);
    expect(texts(b, "whatToWatch")).toEqual([expect.stringMatching(/^Next: the Delaware attorney general/)]);
    expect(b.events.filter((e) => e.text.includes("board names"))).toEqual([]);
  });

  it("dates a Markdown briefing by the byline under its title, not by the first date of its text", () => {
    const b = unseen("byline-footnotes.md");
    expect(b.date).toBe("2026-10-14");
    expect(b.actors).toContain("Jordan Pell");
  });
});

describe("lists and names in newsletters", () => {
  it("keeps the last `TBD: ...` item of a watch list in that list, not in the glossary", () => {
    const b = unseen("weekly-roundup.md");
    expect(b.glossary).toEqual([]);
    expect(texts(b, "whatToWatch")).toEqual([
      "• 2026-12-09 — G7 digital ministers meet in Rome.",
      "• TBD: the EU AI Office's code of practice update.",
    ]);
  });

  it("finds no company in a newsletter's name before `AI`, and people by their seat or title", () => {
    const b = unseen("weekly-roundup.md");
    expect(b.actors).not.toContain("Weekly AI");
    expect(b.actors).toEqual(
      expect.arrayContaining(["UK AI Security Institute", "Miriam Okafor", "Dale Brooks"]),
    );
    expect(unseen("trilogue-tasks.md").actors).toContain("Ilse Marten");
  });
});

describe("emoji bullets and seats on a council", () => {
  it("reads each emoji-led line as an item, placed by its lead-in, and the sign-off as the source", () => {
    const b = unseen("emoji-bullets.md");
    expect(b.keyPoints).toEqual([]);
    expect(texts(b, "whatHappened")).toEqual([expect.stringMatching(/^• The story: Lumen Grid Co\. said/)]);
    expect(texts(b, "whyItMatters")).toEqual([expect.stringMatching(/^• Why it's big: The plant/)]);
    expect(texts(b, "whatToWatch")).toEqual([expect.stringMatching(/^• Watch: The state utilities board/)]);
    expect(b.source).toMatch(/Reply to this email with tips/);
  });

  it("finds councillors and a mayor as people", () => {
    expect(unseen("council-roman.md").actors).toEqual(["Maya Chen", "Luis Ortega", "Ben Adler"]);
  });
});

describe("dates written in French, German and Spanish", () => {
  it("reads day-month-year and month-year in the three languages, and never the planet Mars", () => {
    const events = (text: string) =>
      extractEvents([{ text, line: 1 }], "2026-11-01").map((e) => [e.date, e.precision]);
    expect(events("Le vote aura lieu le 1er mars 2027.")).toEqual([["2027-03-01", "day"]]);
    expect(events("Am 3. November 2026 hat die Kommission entschieden.")).toEqual([["2026-11-03", "day"]]);
    expect(events("El 3 de marzo de 2027 se vota.")).toEqual([["2027-03-03", "day"]]);
    expect(events("Die Frist endet im März 2027.")).toEqual([["2027-03", "month"]]);
    expect(events("El plazo vence en mayo de 2027.")).toEqual([["2027-05", "month"]]);
    expect(events("The Mars 2030 mission and the 3 Mars rovers.")).toEqual([]);
  });

  it("puts a French briefing's dates on the timeline, the deadline as expected", () => {
    const fr = unseen("french-briefing.md");
    expect(fr.events.map((e) => [e.date, e.expected])).toEqual([
      ["2027-03-17", false],
      ["2027-06", true],
    ]);
  });
});

describe("a live blog", () => {
  it("is dated by its 'Last updated' line, not by the deadline it ends with", () => {
    const b = unseen("live-blog.md");
    expect(b.date).toBe("2026-12-02");
    expect(b.events.find((e) => e.date === "2026-12-03")?.expected).toBe(true);
  });
});
