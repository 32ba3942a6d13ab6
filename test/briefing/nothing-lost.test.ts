// Nothing is lost: every paragraph of a body ends in exactly one place (title, key points, a section,
// the glossary or the source), and cutting the body into paragraphs drops no word. Checked over every
// fixture, every bundled briefing, the raw seed articles when ../shared/seeds exists, and random bodies.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../src/briefing/frontmatter.js";
import {
  type BodyParagraph,
  bodyParagraphs,
  isGlossaryHeading,
  isSourceHeading,
  type Normalised,
  normalise,
  sectionForHeading,
} from "../../src/briefing/normalise.js";
import { parseBriefing } from "../../src/briefing/parse.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const shapesDir = path.join(repoRoot, "test/fixtures/shapes");
const briefingsDir = path.join(repoRoot, "briefings");
const seedsDir = path.resolve(repoRoot, "../shared/seeds");

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const sorted = (ws: string[]) => [...ws].sort();

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(md|txt)$/.test(f) && !/README\.md$/i.test(f))
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

interface Placed {
  line: number;
  text: string;
  where: string;
}

/** Everything normalise produced that carries text, with the line it came from. */
function placements(n: Normalised): Placed[] {
  const out: Placed[] = [];
  if (n.titleLine !== null && n.title !== null)
    out.push({ line: n.titleLine, text: n.title, where: "title" });
  for (const p of n.keyPoints) out.push({ line: p.line, text: p.text, where: "key point" });
  for (const [key, ps] of Object.entries(n.sections))
    for (const p of ps) out.push({ line: p.line, text: p.text, where: key });
  for (const g of n.glossary)
    out.push({ line: g.line, text: `${g.term} ${g.definition}`, where: "glossary" });
  for (const s of n.sourceParts) out.push({ line: s.line, text: s.text, where: "source" });
  return out;
}

/** The output's words are the paragraph's, minus at most a short label in front (lead-in, `Source:`). */
function sameWords(paragraph: string, placed: string): boolean {
  const a = words(paragraph);
  const b = words(placed);
  if (b.length > a.length || a.length - b.length > 4) return false;
  return b.every((w, i) => w === a[a.length - b.length + i]);
}

/** A heading is a section start, a subsection name of what follows it, the title, or a paragraph. */
function headingAccountedFor(
  p: BodyParagraph,
  nextHeadingLine: number,
  n: Normalised,
  hits: Placed[],
): boolean {
  const labels = Object.values(n.sections)
    .flat()
    .some((q) => q.subsection === p.text && q.line > p.line && q.line < nextHeadingLine);
  if (hits.length === 1) return !labels;
  return (
    labels ||
    sectionForHeading(p.text)?.exact === true ||
    isGlossaryHeading(p.text) ||
    isSourceHeading(p.text)
  );
}

/** Asserts the nothing-lost property for one body; returns the paragraphs for further checks. */
function expectNothingLost(body: string, firstLine: number, title: string | undefined, label: string) {
  const paras = bodyParagraphs(body, firstLine);
  // Cutting into paragraphs keeps every word (markup such as `#`, bullets and rules has none).
  expect(sorted(paras.flatMap((p) => words(p.text))), `${label}: words`).toEqual(sorted(words(body)));

  const n = normalise(body, { firstLine, ...(title ? { title } : {}) });
  const placed = placements(n);
  const paraLines = new Set(paras.map((p) => p.line));
  for (const out of placed)
    expect(paraLines.has(out.line), `${label}: ${out.where} line ${out.line}`).toBe(true);

  for (const p of paras) {
    const hits = placed.filter((o) => o.line === p.line);
    const where = `${label}:${p.line} ${p.kind} "${p.text.slice(0, 50)}"`;
    if (p.kind === "heading") {
      expect(hits.length, where).toBeLessThanOrEqual(1);
      const next =
        paras.find((q) => q.kind === "heading" && q.line > p.line && q.line !== n.titleLine)?.line ??
        Number.POSITIVE_INFINITY;
      expect(headingAccountedFor(p, next, n, hits), where).toBe(true);
    } else {
      expect(
        hits.map((h) => h.where),
        where,
      ).toHaveLength(1);
      expect(sameWords(p.text, hits[0]!.text), `${where} -> ${hits[0]!.text.slice(0, 50)}`).toBe(true);
    }
  }
  return { paras, n };
}

function checkFile(file: string) {
  const text = readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n");
  const label = path.relative(repoRoot, file);
  const fm = splitFrontMatter(text, label);
  if (!fm.ok) throw new Error(`${label}: ${JSON.stringify(fm.problems)}`);
  const { n } = expectNothingLost(fm.body, fm.bodyLine, fm.data.title, label);

  // The loaded briefing carries exactly what normalise placed.
  const parsed = parseBriefing({ path: file, relPath: label, text, size: text.length, mtimeMs: 0 }, []);
  if (!("briefing" in parsed)) throw new Error(`${label}: ${JSON.stringify(parsed.problems)}`);
  expect(parsed.briefing.sections).toEqual(n.sections);
  expect(parsed.briefing.keyPoints).toEqual(n.keyPoints);
  expect(parsed.briefing.glossary).toEqual(n.glossary);
}

describe("nothing is lost", () => {
  const shapes = filesUnder(shapesDir);
  it("has fixtures of every shape to check", () => {
    expect(shapes.length).toBeGreaterThanOrEqual(6);
  });
  it.each(shapes.map((f) => [path.basename(f), f]))("in fixture %s", (_name, file) => checkFile(file));

  const bundled = filesUnder(briefingsDir);
  it.skipIf(bundled.length === 0).each(bundled.map((f) => [path.relative(briefingsDir, f), f]))(
    "in bundled briefing %s",
    (_name, file) => checkFile(file),
  );

  const seeds = filesUnder(seedsDir).filter((f) => f.endsWith(".txt"));
  it.skipIf(seeds.length === 0).each(seeds.map((f) => [path.basename(f), f]))(
    "in seed article %s",
    (_name, file) => checkFile(file),
  );

  it("in random bodies built from every kind of line", () => {
    const line = fc.oneof(
      fc.constantFrom(
        "",
        "",
        "What happened",
        "why it matters",
        "Looking Ahead: The Next Round",
        "Implications for the Valley",
        "Conclusion",
        "A Plain Title Case Heading",
        "## The Outlook",
        "### Notes From the Field",
        "# Big Title",
        "Glossary",
        "## Key terms",
        "Sources",
        "---",
        "===",
        "***",
        "- Term: a definition of it.",
        "- a lower case bullet",
        "  • Indented bullet point",
        "* Another Point: with a colon",
        "1. First item.",
        "Why it matters: it changes the rules.",
        "**The big picture:** prices could rise.",
        "Source: The Daily Wire",
        "Source assisted: found via a feed.",
        "Quay — a place to moor.",
        "  continued on an indented line",
        "short line without stop",
        "The board will vote next month and could delay the plan.",
        "The decision is significant because it sets a precedent.",
        "The U.S. Mint opened on May 3. It was busy.",
        "Officials met on June 12, 2026 to sign it.",
      ),
      fc.string({ maxLength: 40 }),
      fc
        .array(
          fc.constantFrom("The", "talks", "resumed", "on", "Monday", "after", "a", "long", "pause.", "Ahead"),
          {
            minLength: 12,
            maxLength: 30,
          },
        )
        .map((ws) => ws.join(" ")),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), fc.integer({ min: 1, max: 40 }), (ls, firstLine) => {
        const body = ls.join("\n").replace(/\r/g, "");
        expectNothingLost(body, firstLine, undefined, "random");
      }),
      { numRuns: 400 },
    );
  });
});
