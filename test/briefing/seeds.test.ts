// The source articles in ../shared/seeds, read raw: the loader must handle their shapes as they are.
// Expected values are derived from the raw text at run time so no seed sentence is copied here.
// A clone without ../shared skips this file cleanly.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseBriefing } from "../../src/briefing/parse.js";
import type { Briefing, Paragraph, SourceFile } from "../../src/briefing/schema.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = path.resolve(repoRoot, "../shared/seeds");

function seedFile(prefix: string): SourceFile {
  const name = readdirSync(dir).find((f) => f.startsWith(prefix) && f.endsWith(".txt"));
  if (!name) throw new Error(`no seed ${prefix}* in ${dir}`);
  const full = path.join(dir, name);
  const text = readFileSync(full, "utf8");
  return { path: full, relPath: name, text, size: Buffer.byteLength(text), mtimeMs: statSync(full).mtimeMs };
}

function parse(prefix: string): { briefing: Briefing; raw: string[] } {
  const file = seedFile(prefix);
  const result = parseBriefing(file, []);
  if (!("briefing" in result))
    throw new Error(`seed ${prefix} did not parse: ${JSON.stringify(result.problems)}`);
  return { briefing: result.briefing, raw: file.text.split(/\r?\n/).map((l) => l.trim()) };
}

const texts = (paras: Paragraph[]) => paras.map((p) => p.text.trim());
const allParagraphs = (b: Briefing) => [b.keyPoints, ...Object.values(b.sections)].flat();

/** `- Term: definition` lines as written at the end of a seed. */
function rawGlossary(raw: string[]): { term: string; definition: string }[] {
  return raw.flatMap((l) => {
    const m = /^- ([^:]{2,40}): (.+)$/.exec(l);
    return m ? [{ term: m[1]!, definition: m[2]! }] : [];
  });
}

describe.skipIf(!existsSync(dir))("seed articles read raw from ../shared/seeds", () => {
  it("reads the structured seed's key points, three sections and source line", () => {
    const { briefing: b, raw } = parse("001_");
    expect(b.keyPoints).toHaveLength(3);
    for (const point of b.keyPoints) expect(point.text).not.toMatch(/^[•*-]/);

    const happened = texts(b.sections.whatHappened).join("\n");
    const matters = texts(b.sections.whyItMatters).join("\n");
    const watch = texts(b.sections.whatToWatch).join("\n");
    expect(happened).toMatch(/June 12/);
    expect(happened).toMatch(/Washington, DC/);
    expect(matters).toMatch(/IPO/);
    expect(matters).not.toMatch(/June 12/);
    expect(watch).toMatch(/negotiations/);
    expect(watch).not.toMatch(/IPO/);
    // Each section holds exactly the paragraphs printed under its heading.
    const under = (heading: string) => {
      const i = raw.indexOf(heading);
      return raw
        .slice(i + 1)
        .filter(Boolean)
        .slice(0, 2);
    };
    expect(texts(b.sections.whyItMatters)).toEqual(under("Why it matters"));
    expect(texts(b.sections.whatToWatch).slice(0, 2)).toEqual(under("What to watch next"));

    expect(b.source).toMatch(/The Verge Policy/);
    for (const para of allParagraphs(b)) expect(para.text).not.toMatch(/^Source assisted:/);
  });

  it("extracts every glossary term of the prose seeds with its definition", () => {
    for (const prefix of ["000_", "002_"]) {
      const { briefing: b, raw } = parse(prefix);
      const expected = rawGlossary(raw);
      expect(expected.length, prefix).toBeGreaterThanOrEqual(2);
      expect(b.glossary.map(({ term, definition }) => ({ term, definition }))).toEqual(expected);
      // Glossary lines are not also body text.
      for (const para of allParagraphs(b)) expect(para.text, prefix).not.toMatch(/^- /);
    }
  });

  it("infers the first prose seed's date from the first full date in its text", () => {
    const { briefing: b } = parse("000_");
    expect(b.date).toBe("2026-06-13");
    expect(b.dateInferred).toBe(true);
    expect(b.events).toContainEqual(expect.objectContaining({ date: "2026-06-13", precision: "day" }));
    expect(b.events).toContainEqual(expect.objectContaining({ date: "2025", precision: "year" }));
  });

  it("turns the headed seed's headings into sections and subsections, losing nothing", () => {
    const { briefing: b, raw } = parse("003_");
    const after = (prefix: string) => {
      const i = raw.findIndex((l) => l.startsWith(prefix));
      expect(i, prefix).toBeGreaterThan(0);
      return { heading: raw[i]!, next: raw[i + 1]! };
    };
    // Canonical headings with subtitles open their sections.
    expect(texts(b.sections.whatHappened)).toContain(after("The Backstory:").next);
    expect(texts(b.sections.whyItMatters)).toContain(after("Implications for").next);
    expect(texts(b.sections.whatToWatch)).toContain(after("Looking Ahead:").next);
    // Other headings name the subsection their paragraphs sit under.
    const paras = Object.values(b.sections).flat();
    for (const prefix of ["What This Means for", "Conclusion"]) {
      const { heading, next } = after(prefix);
      const para = paras.find((p) => p.text.trim() === next);
      expect(para?.subsection, prefix).toBe(heading);
    }
    // Nothing lost: every long line is exactly one paragraph; every short non-canonical line is a
    // subsection name or a paragraph.
    const bodyTexts = texts(allParagraphs(b));
    const subsections = new Set(paras.map((p) => p.subsection).filter(Boolean));
    for (const line of raw.filter(Boolean)) {
      if (line.length > 80) {
        expect(
          bodyTexts.filter((t) => t === line),
          line.slice(0, 40),
        ).toHaveLength(1);
      } else if (!/^(The Backstory|Implications for|Looking Ahead)/.test(line)) {
        expect(subsections.has(line) || bodyTexts.includes(line), line).toBe(true);
      }
    }
  });

  it("takes the last seed's title from its first line and its source from the closing line", () => {
    const { briefing: b, raw } = parse("004_");
    const nonEmpty = raw.filter(Boolean);
    expect(b.title).toBe(nonEmpty[0]);
    expect(b.title).toMatch(/Export Controls$/);
    expect(b.source).toBe(nonEmpty.at(-1)!.replace(/^Source:\s*/, ""));
    for (const para of allParagraphs(b)) expect(para.text).not.toBe(nonEmpty[0]);
  });
});
