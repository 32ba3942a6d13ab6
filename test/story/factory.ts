// Builds Briefing values for story tests: only what a test cares about needs saying.
import type { Briefing, DatedEvent, GlossaryEntry, Paragraph } from "../../src/briefing/schema.js";

export interface BriefingSpec {
  id: string;
  title?: string;
  date?: string | null;
  actors?: string[];
  tags?: string[];
  /** Paragraphs of "what happened". */
  text?: string[];
  events?: Partial<DatedEvent>[];
  glossary?: [term: string, definition: string][];
  story?: string | null;
  follows?: string[];
  /** Paragraphs of "what to watch". */
  watch?: string[];
}

function paragraphs(texts: string[]): Paragraph[] {
  return texts.map((text, i) => ({ text, line: i * 2 + 3 }));
}

export function makeBriefing(spec: BriefingSpec): Briefing {
  const glossary: GlossaryEntry[] = (spec.glossary ?? []).map(([term, definition], i) => ({
    term,
    definition,
    line: 40 + i,
  }));
  const events: DatedEvent[] = (spec.events ?? []).map((e, i) => ({
    date: e.date ?? "2026-06-12",
    precision: e.precision ?? "day",
    text: e.text ?? `Event ${i}`,
    line: e.line ?? i + 3,
    yearInferred: e.yearInferred ?? false,
    yearUnknown: e.yearUnknown ?? false,
    expected: e.expected ?? false,
  }));
  return {
    id: spec.id,
    path: `/briefings/${spec.id}.md`,
    relPath: `${spec.id}.md`,
    title: spec.title ?? `Briefing ${spec.id}`,
    date: spec.date === undefined ? "2026-06-20" : spec.date,
    dateInferred: false,
    dateNote: null,
    source: null,
    actors: spec.actors ?? [],
    tags: spec.tags ?? [],
    keyPoints: [],
    sections: {
      whatHappened: paragraphs(spec.text ?? []),
      whyItMatters: [],
      whatToWatch: paragraphs(spec.watch ?? []),
    },
    glossary,
    events,
    warnings: [],
    story: spec.story ?? null,
    follows: spec.follows ?? [],
  };
}
