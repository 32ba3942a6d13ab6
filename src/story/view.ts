// What the reader holds of a story. Briefings are summaries (no bodies: the reader parses a briefing's
// file when it is opened) and both they and the timeline sit behind `Table`s, so the same story can
// be held in memory (built from a load) or read row by row from a snapshot on disk (snapshot.ts):
// at 100k briefings the reader then starts without decoding a million timeline entries.
import type { Briefing, Problem, RegistryActor } from "../briefing/schema.js";
import { type ActorEntry, buildActorIndex } from "./actors.js";
import { type AgendaItem, agendaSource, buildAgenda } from "./agenda.js";
import { type GlossaryTerm, mergeGlossary } from "./glossary.js";
import { buildTimeline, buildTimelineAsync, type TimelineEntry } from "./timeline.js";

export interface Table<T> {
  readonly length: number;
  get(i: number): T | undefined;
}

export type Summary = Pick<
  Briefing,
  "id" | "path" | "relPath" | "title" | "date" | "dateInferred" | "source" | "actors" | "tags" | "story"
>;

/** A timeline entry and the index of its briefing in `StoryView.briefings`. */
export interface StoryEvent extends TimelineEntry {
  briefing: number;
}

export type { FileStamp } from "../briefing/read.js";

export interface StoryView {
  dir: string;
  registry: readonly RegistryActor[];
  problems: readonly Problem[];
  /** In the loader's order: by date, undated last, then path. */
  briefings: Table<Summary>;
  /** Indexes into `briefings`, newest first (the Briefings view's order). */
  newest: Int32Array;
  /** In date order (see timeline.ts). */
  timeline: Table<StoryEvent>;
  /** Per timeline entry: its date as a number (see `dateCode`) and its briefing's index. */
  eventDate: Int32Array;
  eventBriefing: Int32Array;
  /** `groupStarts(eventDate)`, when the story has it at hand (a snapshot saves it). */
  timelineHeads?: Int32Array;
  /** Sorted A–Z. */
  glossary: readonly StoryTerm[];
  /** Sorted A–Z. */
  actors: readonly StoryActor[];
  /** Every What-to-watch item, newest first, with its follow-ups (agenda.ts). */
  agenda: readonly AgendaItem[];
  /**
   * The whole briefing at an index, when the story holds it (built from a load); a story read from a
   * snapshot does not, and the reader parses the briefing's file instead.
   */
  body?: (i: number) => Briefing | undefined;
  /** Glossary terms the briefing at an index defines or uses (highlighted in the reader). */
  termsOf(i: number): string[];
}

/**
 * A glossary term as the reader holds it: briefings by index (typed arrays, not a million id strings
 * at 100k briefings), and only the number of definitions that differ.
 */
export interface StoryTerm {
  term: string;
  definition: string;
  definitionCount: number;
  /** Briefings that define the term. */
  definedIn: Int32Array;
  /** Briefings whose text mentions the term, defining ones included, in story order. */
  usedIn: Int32Array;
}

/** An actor as the reader's picker shows it. */
export interface StoryActor {
  name: string;
  kind: ActorEntry["kind"];
  aliases: string[];
  /** Briefings naming the actor. */
  count: number;
}

export interface TermLists {
  /** The glossary indexes of briefing `i`'s terms, ascending; undefined when it has none. */
  get(i: number): number[] | undefined;
}

/** For each briefing index, the indexes of the glossary terms it defines or uses. */
export function termIndexes(glossary: readonly StoryTerm[]): TermLists {
  // Two passes over flat columns: a map of 100k small arrays was 20 MB at 100k briefings, held
  // while a snapshot is written.
  let n = 0;
  for (const g of glossary)
    for (const list of [g.definedIn, g.usedIn]) for (const i of list) n = Math.max(n, i + 1);
  const last = new Int32Array(n).fill(-1);
  const starts = new Int32Array(n + 1);
  const each = (visit: (i: number, t: number) => void) => {
    last.fill(-1);
    glossary.forEach((g, t) => {
      for (const list of [g.definedIn, g.usedIn]) {
        for (const i of list) {
          if (last[i] === t) continue;
          last[i] = t;
          visit(i, t);
        }
      }
    });
  };
  each((i) => {
    starts[i + 1]!++;
  });
  for (let i = 0; i < n; i++) starts[i + 1]! += starts[i]!;
  const terms = new Int32Array(starts[n]!);
  const filled = starts.slice(0, n);
  each((i, t) => {
    terms[filled[i]!++] = t;
  });
  return {
    get(i) {
      if (!(i >= 0 && i < n) || starts[i] === starts[i + 1]) return undefined;
      return Array.from(terms.subarray(starts[i], starts[i + 1]));
    },
  };
}

function storyTerm(g: GlossaryTerm, index: (id: string) => number): StoryTerm {
  return {
    term: g.term,
    definition: g.definition,
    definitionCount: g.definitions.length,
    definedIn: Int32Array.from(g.briefingIds, index),
    usedIn: Int32Array.from(g.usedIn, index),
  };
}

/** The year a date code gives an event whose year is unknown: after every real one (1900–2100). */
export const UNKNOWN_YEAR = 9999;

/** The heading group of an event's date code: its year for a year-only date, else its month; one group for an unknown year. */
function monthGroup(code: number): number {
  if (Math.floor(code / 10000) === UNKNOWN_YEAR) return UNKNOWN_YEAR * 10000;
  return code % 10000 === 0 ? code : Math.floor(code / 100) * 100 + 1;
}

/** Positions in `dates` (a timeline's date codes, in order) where a new heading group starts. */
export function groupStarts(dates: ArrayLike<number>): Int32Array {
  const heads: number[] = [];
  let group = -1;
  for (let p = 0; p < dates.length; p++) {
    const g = monthGroup(dates[p]!);
    if (g !== group) {
      heads.push(p);
      group = g;
    }
  }
  return Int32Array.from(heads);
}

/**
 * "2026-06-12" -> 20260612, "2026-06" -> 20260600, "2026" -> 20260000, an unknown year "--06-12" ->
 * 99990612; anything else -> 0.
 */
export function dateCode(date: string): number {
  if (date.startsWith("--")) return dateCode(`${UNKNOWN_YEAR}${date.slice(1)}`);
  const y = Number(date.slice(0, 4));
  const m = date.length >= 7 ? Number(date.slice(5, 7)) : 0;
  const d = date.length >= 10 ? Number(date.slice(8, 10)) : 0;
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return 0;
  return y * 10000 + m * 100 + d;
}

/** The inverse of `dateCode`: the date at the precision it was written with. */
export function codeDate(code: number): string {
  const year = Math.floor(code / 10000);
  const y = year === UNKNOWN_YEAR ? "-" : String(year).padStart(4, "0");
  const m = Math.floor(code / 100) % 100;
  const d = code % 100;
  if (m === 0) return y;
  const mm = String(m).padStart(2, "0");
  return d === 0 ? `${y}-${mm}` : `${y}-${mm}-${String(d).padStart(2, "0")}`;
}

export function arrayTable<T>(rows: readonly T[]): Table<T> {
  return { length: rows.length, get: (i) => rows[i] };
}

export function summaryOf(b: Briefing): Summary {
  return {
    id: b.id,
    path: b.path,
    relPath: b.relPath,
    title: b.title,
    date: b.date,
    dateInferred: b.dateInferred,
    source: b.source,
    actors: b.actors,
    tags: b.tags,
    story: b.story,
  };
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Newest first; undated last; equal dates A–Z by title. */
export function newestOrder(summaries: readonly Pick<Summary, "date" | "title">[]): Int32Array {
  const order = summaries.map((_, i) => i);
  order.sort((i, j) => {
    const a = summaries[i]!;
    const b = summaries[j]!;
    if (a.date === b.date) return collator.compare(a.title, b.title);
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  });
  return Int32Array.from(order);
}

export interface LoadedStory {
  dir: string;
  briefings: readonly Briefing[];
  problems: readonly Problem[];
  registry: RegistryActor[];
}

function assemble(
  data: LoadedStory,
  merged: GlossaryTerm[],
  actorIndex: ActorEntry[],
  entries: TimelineEntry[],
): StoryView {
  const index = new Map<string, number>();
  data.briefings.forEach((b, i) => {
    index.set(b.id, i);
  });
  // The entries are this story's own: given their briefing's index in place, not copied (a million
  // of them at 100k briefings).
  const events = entries as StoryEvent[];
  for (const e of events) e.briefing = index.get(e.briefingId) ?? -1;
  const summaries = data.briefings.map(summaryOf);
  let terms: TermLists | undefined;
  const at = (id: string) => index.get(id) ?? -1;
  const glossary = merged.map((g) => storyTerm(g, at));
  const actors = actorIndex.map((a) => ({
    name: a.name,
    kind: a.kind,
    aliases: a.aliases,
    count: a.briefingIds.length,
  }));
  return {
    dir: data.dir,
    registry: data.registry,
    problems: data.problems,
    briefings: arrayTable(summaries),
    newest: newestOrder(summaries),
    timeline: arrayTable(events),
    eventDate: Int32Array.from(events, (e) => dateCode(e.date)),
    eventBriefing: Int32Array.from(events, (e) => e.briefing),
    glossary,
    actors,
    agenda: buildAgenda(data.briefings.map(agendaSource)),
    body: (i) => data.briefings[i],
    termsOf(i) {
      terms ??= termIndexes(glossary);
      return (terms.get(i) ?? []).map((t) => glossary[t]!.term);
    },
  };
}

/** The story of loaded briefings, in one go (tests, small folders). */
export function buildStoryView(data: LoadedStory): StoryView {
  return assemble(
    data,
    mergeGlossary(data.briefings),
    buildActorIndex(data.briefings, data.registry),
    buildTimeline(data.briefings),
  );
}

/**
 * The same, in steps, awaiting `pause` between them (and every few hundred timeline events) when it
 * returns a promise: at 100k briefings this is seconds of work that must not stop the reader from
 * answering `q` or Ctrl-C.
 */
export async function buildStoryViewAsync(
  data: LoadedStory,
  pause: () => Promise<void> | undefined,
): Promise<StoryView> {
  const step = async () => {
    const wait = pause();
    if (wait) await wait;
  };
  const glossary = mergeGlossary(data.briefings);
  await step();
  const actors = buildActorIndex(data.briefings, data.registry);
  await step();
  const entries = await buildTimelineAsync(data.briefings, pause);
  await step();
  return assemble(data, glossary, actors, entries);
}
