// Nothing is lost: every paragraph of a body ends in exactly one place (title, key points, a section,
// the glossary or the source), and cutting the body into paragraphs drops no word. Checked over every
// fixture, every bundled briefing, the raw seed articles when ../shared/seeds exists, and random bodies.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitFrontMatter } from "../../src/briefing/frontmatter.js";
import { isMarkdown, parseBriefing } from "../../src/briefing/parse.js";
import { expectNothingLost } from "./nothing-lost-check.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const shapesDir = path.join(repoRoot, "test/fixtures/shapes");
const markdownDir = path.join(repoRoot, "test/fixtures/markdown");
const unseenDir = path.join(repoRoot, "test/fixtures/unseen");
const briefingsDir = path.join(repoRoot, "briefings");
const seedsDir = path.resolve(repoRoot, "../shared/seeds");

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(md|txt)$/.test(f) && !/README\.md$/i.test(f))
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile())
    .sort();
}

function checkFile(file: string) {
  const text = readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n");
  const label = path.relative(repoRoot, file);
  const fm = splitFrontMatter(text, label);
  if (!fm.ok) throw new Error(`${label}: ${JSON.stringify(fm.problems)}`);
  const { n } = expectNothingLost(fm.body, fm.bodyLine, fm.data.title, label, isMarkdown(file, fm.body));

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
  it.each(filesUnder(markdownDir).map((f) => [path.basename(f), f]))(
    "in Markdown fixture %s",
    (_name, file) => checkFile(file),
  );
  // The hostile one has its own checks (test/hostile): its escapes are no words to count.
  it.each(
    filesUnder(unseenDir)
      .filter((f) => !/hostile/.test(f))
      .map((f) => [path.basename(f), f]),
  )("in the briefing nobody here wrote %s", (_name, file) => checkFile(file));

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
