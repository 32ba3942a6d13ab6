// One row of the unseen briefings' tables (unseen-markup, unseen-writers, unseen-shapes and
// unseen-txt): a fixture and what a reader of it would notice, each field checked exactly as written
// (`toBe`, `toEqual`, a RegExp `toMatch`); what no field says, in `more`.
import { expect } from "vitest";
import { briefingLinks } from "../../src/briefing/links.js";
import { parseBriefing } from "../../src/briefing/parse.js";
import type { Briefing } from "../../src/briefing/schema.js";
import { briefingText } from "../../src/cli/render/briefing-text.js";
import { createStyle } from "../../src/cli/style.js";
import { unseen } from "./markdown-fixtures.js";

type SectionKey = keyof Briefing["sections"];

export interface UnseenCase {
  /** The file in test/fixtures/unseen. */
  fixture: string;
  /** What is checked, as the test's name. */
  does: string;
  title?: string;
  date?: string | null;
  dateInferred?: boolean;
  tags?: string[];
  /** The source, exactly, or matching. */
  source?: string | RegExp;
  /** The key points' texts. */
  keyPoints?: unknown[];
  /** Each section's paragraphs' texts, whole. */
  sections?: Partial<Record<SectionKey, unknown[]>>;
  /** The glossary's terms, in order. */
  glossary?: string[];
  /** The numbered links' URLs, in order. */
  links?: string[];
  /** The actors, in order. */
  actors?: string[];
  /** Text `print` shows without colour (at `width`, 80 by default), each found as written. */
  shows?: string[];
  /** What it never shows (markup left over). */
  hides?: RegExp;
  width?: number;
  /** Text shown on a colour terminal, each found as written. */
  colour?: string[];
  more?: (b: Briefing) => void;
}

/** A briefing parsed from `body` as a file named `name` would be, with no registry; a problem fails the test. */
export const parsed = (name: string, body: string): Briefing => {
  const r = parseBriefing(
    { path: `/x/${name}`, relPath: name, text: body, size: body.length, mtimeMs: 0 },
    [],
  );
  if (!("briefing" in r)) throw new Error(JSON.stringify(r.problems));
  return r.briefing;
};

export const text = (b: Briefing, width = 80) => briefingText(b, width, createStyle(false), null, false);
export const texts = (b: Briefing, key: SectionKey) => b.sections[key].map((p) => p.text);

/** The fields a case names, read off the briefing: compared whole, so no field is checked on a condition. */
const FIELDS = {
  title: (b: Briefing) => b.title,
  date: (b: Briefing) => b.date,
  dateInferred: (b: Briefing) => b.dateInferred,
  tags: (b: Briefing) => b.tags,
  source: (b: Briefing) => b.source,
  keyPoints: (b: Briefing) => b.keyPoints.map((p) => p.text),
  glossary: (b: Briefing) => b.glossary.map((g) => g.term),
  links: (b: Briefing) => briefingLinks(b).map((l) => l.url),
  actors: (b: Briefing) => b.actors,
  sections: (b: Briefing) => b.sections,
} satisfies Partial<Record<keyof UnseenCase, (b: Briefing) => unknown>>;

export function checkUnseen(c: UnseenCase): void {
  const b = unseen(c.fixture);
  const named = (Object.keys(FIELDS) as (keyof typeof FIELDS)[]).filter((k) => c[k] !== undefined);
  const checks =
    named.length + (c.shows?.length ?? 0) + (c.hides ? 1 : 0) + (c.colour?.length ?? 0) + (c.more ? 1 : 0);
  expect(checks, `${c.fixture}: a case that checks nothing`).toBeGreaterThan(0);
  const want: Record<string, unknown> = {};
  const got: Record<string, unknown> = {};
  for (const k of named) {
    const value = c[k];
    want[k] = value instanceof RegExp ? expect.stringMatching(value) : value;
    // Only the sections a case names: the others are another case's to say.
    got[k] =
      k === "sections"
        ? Object.fromEntries(Object.keys(value as object).map((s) => [s, texts(b, s as SectionKey)]))
        : FIELDS[k](b);
  }
  expect(got).toEqual(want);
  const out = text(b, c.width);
  for (const s of c.shows ?? []) expect(out).toContain(s);
  for (const re of c.hides ? [c.hides] : []) expect(out).not.toMatch(re);
  const coloured = briefingText(b, 80, createStyle(true), null, false);
  for (const s of c.colour ?? []) expect(coloured).toContain(s);
  c.more?.(b);
}
