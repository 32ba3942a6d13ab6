// Markdown briefings: one fixture per construct (test/fixtures/markdown), parsed with the library and
// placed by the format's rules on top of the tree.
import { describe, expect, it } from "vitest";
import { briefingLinks } from "../../src/briefing/links.js";
import { parseBriefing } from "../../src/briefing/parse.js";
import type { Block, Briefing } from "../../src/briefing/schema.js";
import { Briefing as BriefingSchema } from "../../src/briefing/schema.js";
import { briefingMarkdown } from "../../src/cli/render/briefing-markdown.js";
import { fixture } from "./markdown-fixtures.js";

const blocks = (b: Briefing) => Object.values(b.sections).flatMap((ps) => ps.map((p) => p.block));

describe("Markdown parsing", () => {
  it("keeps inline styles as spans and their plain text without markers", () => {
    const b = fixture("inline.md");
    const [p] = b.sections.whatHappened;
    expect(p!.text).toBe(
      "The board gave final approval, with one abstention, to the toll-2031 schedule and withdrew the old one.",
    );
    const spans = p!.block?.type === "paragraph" ? p!.block.children : [];
    expect(spans.map((s) => s.type)).toEqual([
      "text",
      "strong",
      "text",
      "emphasis",
      "text",
      "code",
      "text",
      "delete",
      "text",
    ]);
    expect(BriefingSchema.safeParse(b).success).toBe(true);
  });

  it("keeps link text in the text, the URL in the block, and numbers links in reading order", () => {
    const b = fixture("links.md");
    expect(b.sections.whatHappened[0]!.text).toMatch(/^The harbour notice and the board minutes agree\./);
    const links = briefingLinks(b);
    expect(links.map((l) => [l.n, l.url])).toEqual([
      [1, "https://port.example/notice"],
      [2, "https://port.example/minutes?id=7&x=1"],
      [3, "https://bare.example/page"],
      [4, "https://evil.example/\u202egnp.exe"],
    ]);
    expect(links[0]!.text).toBe("harbour notice");
  });

  it("reads a table as a block; a date in a row is an event with the row as its sentence", () => {
    const b = fixture("table.md");
    const t = b.sections.whatHappened[0]!.block as Extract<Block, { type: "table" }>;
    expect(t.type).toBe("table");
    expect(t.align).toEqual(["left", "right", "center"]);
    expect(t.rows).toHaveLength(2);
    expect(b.events.map((e) => [e.date, e.text, e.line])).toEqual([
      ["2031-04-10", "Northport | €12 | 2031-04-10", 10],
      ["2031-05-01", "Southbay harbour with a longer name | €9 | May 1, 2031", 11],
    ]);
  });

  it("keeps a code block verbatim with its language, and finds no event in it", () => {
    const b = fixture("code.md");
    const code = blocks(b).find((x) => x?.type === "code") as Extract<Block, { type: "code" }>;
    expect(code.lang).toBe("yaml");
    expect(code.text.split("\n")[1]).toBe("ports:   [Northport, Southbay]   # spaces kept");
    expect(b.events).toEqual([]);
    expect(b.sections.whatHappened.map((p) => p.text)).toHaveLength(3);
  });

  it("keeps a block quote with its nested quote", () => {
    const q = fixture("quote.md").sections.whatHappened[0]!.block as Extract<Block, { type: "quote" }>;
    expect(q.type).toBe("quote");
    expect(q.children.map((c) => c.type)).toEqual(["paragraph", "quote"]);
  });

  it("keeps nested and numbered lists: one paragraph per top-level item, numbers kept", () => {
    const b = fixture("lists.md");
    expect(b.sections.whatHappened.map((p) => p.text)).toEqual([
      "• Tolls frozen at the spring rate 1. for bulk carriers 2. for ferries",
      "• Repairs delayed",
    ]);
    const first = b.sections.whatHappened[0]!.block as Extract<Block, { type: "list" }>;
    const nested = first.items[0]![1] as Extract<Block, { type: "list" }>;
    expect(nested.type).toBe("list");
    expect((nested.items[0]![1] as Extract<Block, { type: "list" }>).ordered).toBe(true);
    const watch = b.sections.whatToWatch;
    expect(watch.map((p) => p.text)).toEqual(["3. The vote in June", "4. The audit in July"]);
    expect(watch.map((p) => (p.block as Extract<Block, { type: "list" }>).start)).toEqual([3, 4]);
  });

  it.each([72, 100, 140])("reads a paragraph hard-wrapped at %i columns as one paragraph", (width) => {
    const b = fixture(`wrapped-${width}.md`);
    expect(b.sections.whatHappened).toHaveLength(2);
    expect(b.sections.whatHappened[0]!.text).toMatch(/^The harbour authority voted .* rest of the year\.$/);
    expect(b.sections.whyItMatters).toEqual([]);
    expect(b.events.every((e) => e.text.startsWith("The harbour") || e.text.startsWith("A second"))).toBe(
      true,
    );
  });

  it("names sections by numbered and emoji headings, with no subsection title", () => {
    const b = fixture("headings.md");
    expect(b.sections.whatHappened).toEqual([expect.objectContaining({ text: "The vote passed." })]);
    expect(b.sections.whyItMatters).toEqual([expect.objectContaining({ text: "Repairs wait." })]);
    expect(b.sections.whatToWatch).toEqual([expect.objectContaining({ text: "The audit." })]);
    expect(
      Object.values(b.sections)
        .flat()
        .some((p) => p.subsection !== undefined),
    ).toBe(false);
  });

  it("takes the bullets under Key takeaways as the key points", () => {
    const b = fixture("takeaways.md");
    expect(b.title).toBe("Ports freeze tolls");
    expect(b.keyPoints.map((p) => p.text)).toEqual([
      "Tolls stay at the spring rate.",
      "Operators asked for it.",
    ]);
    expect(b.sections.whatHappened.map((p) => p.text)).toEqual([
      "Intro paragraph about the freeze.",
      "The board voted.",
    ]);
  });

  it("keeps key points' structure only where a bullet holds more than plain text", () => {
    const parse = (text: string) => {
      const r = parseBriefing({ path: "/k.md", relPath: "k.md", text, size: text.length, mtimeMs: 0 }, []);
      if (!("briefing" in r)) throw new Error(JSON.stringify(r.problems));
      return r.briefing.keyPoints;
    };
    const plain = parse(
      "# Tolls\n\n- Tolls stay *as* \\*written\\*.\n- Operators asked.\n\n## What happened\n\nA vote.\n",
    );
    expect(plain.map((p) => p.text)).toEqual(["Tolls stay as *written*.", "Operators asked."]);
    expect(plain[0]!.block?.type).toBe("list");
    const bare = parse("# Tolls\n\n- Tolls stay.\n\n• Operators asked.\n\n## What happened\n\nA vote.\n");
    expect(bare.map((p) => [p.text, p.block])).toEqual([
      ["Tolls stay.", undefined],
      ["Operators asked.", undefined],
    ]);
    // Written back with their text escaped, plain key points load back to the same text.
    const written = (text: string, relPath: string) => {
      const r = parseBriefing({ path: `/${relPath}`, relPath, text, size: text.length, mtimeMs: 0 }, []);
      if (!("briefing" in r)) throw new Error(JSON.stringify(r.problems));
      return briefingMarkdown(r.briefing, null);
    };
    const txt = "Tolls\n\n• Rates stay at *half* the [spring] level_2.\n\nWhat happened: a vote.\n";
    const again = written(txt, "k.txt");
    expect(parse(again).map((p) => p.text)).toEqual(["Rates stay at *half* the [spring] level_2."]);
    expect(parse(written(again, "k.md"))).toEqual(parse(again));
  });

  it("keeps the one-paragraph-per-line rule for .txt files only", () => {
    const long = "x".repeat(20);
    const text = `Title Line\n\n${Array.from({ length: 3 }, (_, i) => `Sentence ${i} ${long} ${long} ${long} ${long} ${long}.`).join("\n")}\n`;
    const asTxt = parseBriefing({ path: "/a.txt", relPath: "a.txt", text, size: 1, mtimeMs: 0 }, []);
    const asMd = parseBriefing({ path: "/a.md", relPath: "a.md", text, size: 1, mtimeMs: 0 }, []);
    if (!("briefing" in asTxt) || !("briefing" in asMd)) throw new Error("did not parse");
    const count = (b: Briefing) => Object.values(b.sections).flat().length;
    expect(count(asTxt.briefing)).toBe(3);
    expect(count(asMd.briefing)).toBe(1);
  });

  it("takes a bold lead-in off the paragraph's structure as well as its text", () => {
    const text = "# T\n\n**Why it matters:** The *vote* sets a precedent.\n";
    const r = parseBriefing({ path: "/a.md", relPath: "a.md", text, size: 1, mtimeMs: 0 }, []);
    if (!("briefing" in r)) throw new Error("did not parse");
    const [p] = r.briefing.sections.whyItMatters;
    expect(p!.text).toBe("The vote sets a precedent.");
    expect(p!.block).toEqual({
      type: "paragraph",
      children: [
        { type: "text", text: "The " },
        { type: "emphasis", children: [{ type: "text", text: "vote" }] },
        { type: "text", text: " sets a precedent." },
      ],
    });
  });
});

describe("names nobody here wrote", () => {
  it("finds people with particles, people introduced by multi-word or hyphenated roles, and organisations", () => {
    const b = fixture("particles.md");
    for (const name of [
      "Ursula von der Leyen",
      "Henna Virkkunen",
      "Francesco Bailo",
      "Luiz Inácio Lula da Silva",
      "Mohammed bin Salman",
      "European Parliament",
      "Council of the European Union",
      "Mistral AI",
      "Meta Platforms",
      "Anthropic Labs",
    ])
      expect(b.actors, name).toContain(name);
    expect(b.actors.some((a) => /^President (Ursula|Luiz)$/.test(a))).toBe(false);
  });
});

describe("a briefing forwarded by mail (plain text)", () => {
  it("takes the title from Subject and the date from Date; headers and signature go to the source", () => {
    const b = fixture("email.txt");
    expect(b.title).toBe("Ports agree a toll freeze");
    expect(b.date).toBe("2031-03-04");
    expect(b.source).toMatch(
      /^From: Harbour Desk <desk@port\.example> To: Readers .*Subject: Ports agree a toll freeze · Harbour Desk, Northport Gazette Unsubscribe at https:\/\/port\.example\/unsubscribe$/,
    );
    expect(b.sections.whatHappened.map((p) => p.text)).toEqual([
      "The harbour authority voted on March 3, 2031 to hold tolls at their spring level.",
    ]);
    expect(b.sections.whyItMatters.map((p) => p.text)).toEqual([
      "Tolls are a third of its income, so lock repairs wait.",
    ]);
    expect(b.glossary).toEqual([
      { term: "Lock", definition: "A chamber that lifts or lowers boats between water levels.", line: 10 },
    ]);
  });
});
