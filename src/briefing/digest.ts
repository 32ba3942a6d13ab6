// One file -> what a story needs of it, and no more: its summary, its dated events, the terms it
// defines and what its text says about actors the registry does not know. A story of 100k briefings
// is built from these (story/view.ts buildStory) without ever holding the briefings, whose bodies are
// most of their size; the store (src/store) keeps one per file.
import { agendaSource } from "../story/agenda.js";
import { type FoundActor, unregisteredActors } from "./actors.js";
import type { Briefing, DatedEvent, GlossaryEntry, RegistryActor } from "./schema.js";

/** A briefing without its body. */
export interface BriefingDigest
  extends Pick<
    Briefing,
    "id" | "relPath" | "title" | "date" | "dateInferred" | "source" | "actors" | "tags" | "story" | "follows"
  > {
  events: Pick<DatedEvent, "date" | "precision" | "text" | "line" | "expected" | "yearUnknown">[];
  glossary: Pick<GlossaryEntry, "term" | "definition">[];
  /** See `unregisteredActors`. */
  learnt: FoundActor[];
  /** Its What to watch, one item per paragraph or bullet (story/agenda.ts). */
  watch: string[];
  /** The content words of its report, for the agenda's follow-ups (`reportWords`). */
  words: string[];
}

export function digestOf(b: Briefing, registry: readonly RegistryActor[]): BriefingDigest {
  // Lists pushed, not mapped: a `map`'s array has other V8 elements kinds than a literal's (and an
  // empty one others still), and each kind met made the digest's readers (the timeline's days, the
  // store's rows) compile again.
  const events: BriefingDigest["events"] = [];
  for (const { date, precision, text, line, expected, yearUnknown } of b.events)
    events.push({ date, precision, text, line, expected, yearUnknown });
  const glossary: BriefingDigest["glossary"] = [];
  for (const { term, definition } of b.glossary) glossary.push({ term, definition });
  const watch: string[] = [];
  for (const p of b.sections.whatToWatch) watch.push(p.text);
  return {
    id: b.id,
    relPath: b.relPath,
    title: b.title,
    date: b.date,
    dateInferred: b.dateInferred,
    source: b.source,
    actors: b.actors,
    tags: b.tags,
    events,
    glossary,
    learnt: unregisteredActors(b, registry),
    story: b.story,
    follows: b.follows,
    watch,
    words: [...agendaSource(b).words],
  };
}
