// What the reader and the commands hold of a story. Briefings are summaries (no bodies: a briefing's
// file is parsed when it is opened) behind `Table`s. It is built by one code path, `buildStory`, from
// each briefing's digest (briefing/digest.ts): the store keeps one per file, and a story of briefings
// in memory (tests) is built from theirs.
import { type BriefingDigest, digestOf } from "../briefing/digest.js";
import type { Briefing, Problem, RegistryActor } from "../briefing/schema.js";
import { type ActorEntry, indexActors } from "./actors.js";
import { type AgendaItem, buildAgenda, digestAgenda } from "./agenda.js";
import { dateCode } from "./date-code.js";
import {
  collectTerms,
  type GlossaryTerm,
  sortTerms,
  type TermMerge,
  type TermSource,
  usedKeysOf,
} from "./glossary.js";
import { briefingText, memoryTextIndex, type TextIndex } from "./search.js";
import { buildTimeline, buildTimelineAsync, type TimelineEntry, type TimelineRows } from "./timeline.js";

export { codeDate, dateCode, groupStarts, UNKNOWN_YEAR } from "./date-code.js";

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

export type { TextIndex };

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
  /**
   * The glossary's first build in steps of a few tens of milliseconds (each `next` runs one), so a
   * reader can run them while idle and find the glossary ready; absent where it is cheap or must not
   * be built ahead (it would decode every digest).
   */
  prepareGlossary?: () => Iterator<void>;
  /** Matching in the briefings' whole text (filters, search). */
  text: TextIndex;
  /**
   * Each file's size, mtime and ctime as the store held them when the story was read: the check of
   * the folder compares every file with these, so the read state need not stat them all again.
   */
  stamps?: (relPath: string) => FileStamp | undefined;
}

export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
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

/** `usedIn`: the briefings using the term, by index in story order (the merge keeps them so). */
function storyTerm(g: GlossaryTerm, index: (id: string) => number, usedIn: ArrayLike<number>): StoryTerm {
  return {
    term: g.term,
    definition: g.definition,
    definitionCount: g.definitions.length,
    definedIn: Int32Array.from(g.briefingIds, index),
    usedIn: Int32Array.from(usedIn),
  };
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

/** A briefing as a story is built from it: its digest and its path. */
export interface StoryItem extends BriefingDigest {
  path: string;
}

/** What a story is built from: the one input of the one builder. */
export interface StoryInput {
  dir: string;
  registry: readonly RegistryActor[];
  problems: readonly Problem[];
  /** In story order (by date, undated last, then path), ids unique. */
  items: readonly StoryItem[];
  /** The keys (glossary.ts termKey) of the terms item `i` mentions or defines. */
  usedKeys(i: number): readonly string[];
  text: TextIndex;
  /** The whole briefing at an index, when the caller holds it. */
  body?: (i: number) => Briefing | undefined;
  /**
   * The store's derived timeline and the items' summaries as its rows have them: the story is then
   * built without decoding a digest or searching for conflicts, and the glossary, actor index and
   * agenda (which read the digests) are built when first asked for.
   */
  stored?: StoredParts;
}

/** What a story read from the store's rows is built from (see `StoryInput.stored`). */
export interface StoredParts {
  timeline: TimelineRows;
  /** Per item, in story order: its file's id in the store (`TimelineRows.file`). */
  fileIds: ArrayLike<number>;
  /** Per item, in story order: its summary row (ids made unique). */
  summaries: readonly Omit<Summary, "dateInferred" | "source">[];
  /** Per item, in story order: the glossary lines it defines, read without decoding its digest. */
  glossaries(): readonly TermSource["glossary"][];
  /** Per glossary term key, the items that use or define it (indexes, ascending): `usedKeys` by term. */
  termUses(): ReadonlyMap<string, ArrayLike<number>>;
  /** The reads of `glossaries` and `termUses`, in steps of about a millisecond. */
  glossaryReads(): Iterable<void>;
}

function summaryOfItem(d: StoryItem): Summary {
  return {
    id: d.id,
    path: d.path,
    relPath: d.relPath,
    title: d.title,
    date: d.date,
    dateInferred: d.dateInferred,
    source: d.source,
    actors: d.actors,
    tags: d.tags,
    story: d.story,
  };
}

/**
 * The story of a folder from its briefings' digests: the timeline (entries, expected events,
 * conflicts flagged), the merged glossary with its uses, the actor index, the agenda. The only
 * builder: the store's story and a story of loaded briefings (`buildStoryView`) both come from here.
 * With `stored`, the timeline is the store's (the same rule, kept up to date file by file).
 */
export function buildStory(input: StoryInput): StoryView {
  return assemble(
    input,
    input.stored ? storedEvents(input.stored) : builtEvents(input, buildTimeline(input.items)),
  );
}

/**
 * `buildStory` awaiting `pause` every few hundred timeline events when it returns a promise: the
 * conflict search is most of the work, and the reader must answer `q` meanwhile.
 */
export async function buildStoryAsync(
  input: StoryInput,
  pause: () => Promise<void> | undefined,
): Promise<StoryView> {
  if (input.stored) return buildStory(input);
  return assemble(input, builtEvents(input, await buildTimelineAsync(input.items, pause)));
}

interface Events {
  timeline: Table<StoryEvent>;
  eventDate: Int32Array;
  eventBriefing: Int32Array;
}

function builtEvents(input: StoryInput, entries: TimelineEntry[]): Events {
  const index = new Map<string, number>();
  input.items.forEach((d, i) => {
    index.set(d.id, i);
  });
  // The entries are this story's own: given their briefing's index in place, not copied.
  const events = entries as StoryEvent[];
  for (const e of events) e.briefing = index.get(e.briefingId) ?? -1;
  return {
    timeline: arrayTable(events),
    eventDate: Int32Array.from(events, (e) => dateCode(e.date)),
    eventBriefing: Int32Array.from(events, (e) => e.briefing),
  };
}

/**
 * Each file id's position in `fileIds` (-1: none). One array indexed by id when the ids are dense, as
 * the store's row ids are: a Map of 10,000 looked up for each of 123k events was a third of a story's
 * build after a live change.
 */
export function positionOf(fileIds: ArrayLike<number>): (file: number) => number {
  let max = 0;
  for (let i = 0; i < fileIds.length; i++) max = Math.max(max, fileIds[i]!);
  if (max > 4 * fileIds.length + 65536 || !Number.isInteger(max)) {
    const at = new Map<number, number>();
    for (let i = 0; i < fileIds.length; i++) at.set(fileIds[i]!, i);
    return (f) => at.get(f) ?? -1;
  }
  const at = new Int32Array(max + 1).fill(-1);
  for (let i = 0; i < fileIds.length; i++) if (fileIds[i]! >= 0) at[fileIds[i]!] = i;
  return (f) => (f >= 0 && f <= max ? at[f]! : -1);
}

/** The store's timeline rows as the story's: an event made when it is first asked for. */
function storedEvents(stored: StoredParts): Events {
  const { timeline: rows, summaries } = stored;
  const itemOf = positionOf(stored.fileIds);
  const eventBriefing = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) eventBriefing[i] = itemOf(rows.file[i]!);
  const eventDate = rows.code;
  const idOf = (file: number) => summaries[itemOf(file)]?.id ?? "";
  const made: (StoryEvent | undefined)[] = new Array(rows.length);
  const get = (i: number): StoryEvent | undefined => {
    const ready = made[i];
    if (ready !== undefined) return ready;
    const e = storedEvent(rows, i, eventBriefing[i]!, idOf);
    made[i] = e;
    return e;
  };
  return { timeline: { length: rows.length, get }, eventDate, eventBriefing };
}

/** The store's timeline row `i` as the story's event, its briefing at index `briefing`. */
export function storedEvent(
  rows: TimelineRows,
  i: number,
  briefing: number,
  idOf: (file: number) => string,
): StoryEvent | undefined {
  const fields = rows.fields(i);
  if (fields === undefined) return undefined;
  return {
    ...fields,
    briefingId: idOf(rows.file[i]!),
    briefing,
    conflict: fields.conflictWith.length > 0,
    conflictWith: fields.conflictWith.map((c) => ({ date: c.date, briefingId: idOf(c.file) })),
  };
}

/** A value made on first use. */
function once<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => {
    value ??= { v: make() };
    return value.v;
  };
}

function assemble(input: StoryInput, events: Events): StoryView {
  const items = () => input.items;
  // The store keeps each file's glossary lines apart: its glossary is built without the digests.
  const termSources = (): readonly TermSource[] => {
    const stored = input.stored;
    if (stored === undefined) return items();
    const lines = stored.glossaries();
    return stored.summaries.map((s, i) => ({ id: s.id, glossary: lines[i] ?? [] }));
  };
  // The merge, in slices of items: the reader runs them ahead between keys (prepareGlossary); a
  // first visit before they are done finishes the same merge.
  const stored = input.stored;
  const uses: TermUses = stored ? { byTerm: () => stored.termUses() } : { byItem: input.usedKeys };
  let build = glossaryBuild(termSources, uses);
  let built: StoryTerm[] | undefined;
  /** One slice of the merge; true once it is done. A failure (a store closed under it) starts it again. */
  const buildStep = (): boolean => {
    if (built !== undefined) return true;
    try {
      const step = build.next();
      if (step.done === true) built = step.value;
    } catch (err) {
      build = glossaryBuild(termSources, uses);
      throw err;
    }
    return built !== undefined;
  };
  const glossary = (): StoryTerm[] => {
    while (!buildStep());
    return built!;
  };
  const actors = once(() =>
    indexActors(
      items().map((d) => ({ id: d.id, actors: d.actors, details: () => d.learnt })),
      input.registry,
    ).map((a) => ({ name: a.name, kind: a.kind, aliases: a.aliases, count: a.briefingIds.length })),
  );
  const agenda = once(() => buildAgenda(items().map(digestAgenda)));
  const summaries: Summary[] = input.stored
    ? input.stored.summaries.map((row, i) => ({
        ...row,
        // Read from the digest, decoded only when one of these is asked for.
        get dateInferred() {
          return items()[i]?.dateInferred ?? false;
        },
        get source() {
          return items()[i]?.source ?? null;
        },
      }))
    : input.items.map(summaryOfItem);
  let terms: TermLists | undefined;
  return {
    dir: input.dir,
    registry: input.registry,
    problems: input.problems,
    briefings: arrayTable(summaries),
    newest: newestOrder(summaries),
    ...events,
    get glossary() {
      return glossary();
    },
    get actors() {
      return actors();
    },
    get agenda() {
      return agenda();
    },
    ...(input.body ? { body: input.body } : {}),
    text: input.text,
    termsOf(i) {
      terms ??= termIndexes(glossary());
      return (terms.get(i) ?? []).map((t) => glossary()[t]!.term);
    },
    ...(input.stored ? { prepareGlossary: () => glossarySteps(input.stored!, buildStep) } : {}),
  };
}

/** Items a slice of the glossary's merge takes: about a millisecond. */
const MERGE_SLICE = 250;

/** Where the merge finds each term's users: by term (the store's), or each item's keys. */
type TermUses = { byTerm: StoredParts["termUses"] } | { byItem: StoryInput["usedKeys"] };

/** The glossary's merge, a slice of items per step; its value is the glossary, sorted. */
function* glossaryBuild(
  termSources: () => readonly TermSource[],
  uses: TermUses,
): Generator<void, StoryTerm[]> {
  const sources = termSources();
  yield;
  const merge: TermMerge = { byKey: new Map(), keys: new Map() };
  for (let at = 0; at < sources.length; at += MERGE_SLICE) {
    collectTerms(sources.slice(at, at + MERGE_SLICE), merge);
    yield;
  }
  const { byKey } = merge;
  // Uses kept as indexes, in story order: tens of thousands, each an id looked up again before.
  const used = new Map<GlossaryTerm, ArrayLike<number>>();
  // The store gives them by term already (`termUses`: one row a term, not a list a briefing).
  if ("byTerm" in uses) {
    const byTerm = uses.byTerm();
    for (const [key, g] of byKey) {
      const items = byTerm.get(key);
      if (items !== undefined) used.set(g, items);
    }
  } else {
    yield* usesByItem(sources.length, uses.byItem, byKey, used);
  }
  const index = new Map<string, number>();
  sources.forEach((d, i) => {
    index.set(d.id, i);
  });
  yield;
  const at = (id: string) => index.get(id) ?? -1;
  const sorted = sortTerms(byKey.values());
  const terms: StoryTerm[] = [];
  for (const g of sorted) {
    terms.push(storyTerm(g, at, used.get(g) ?? []));
    if (terms.length % TERM_SLICE === 0) yield;
  }
  return terms;
}

/** Each term's users from every item's keys (`usedKeys`), in story order, a slice of items a step. */
function* usesByItem(
  count: number,
  usedKeys: StoryInput["usedKeys"],
  byKey: ReadonlyMap<string, GlossaryTerm>,
  used: Map<GlossaryTerm, ArrayLike<number>>,
): Generator<void> {
  const lists = used as Map<GlossaryTerm, number[]>;
  for (let i = 0; i < count; i++) {
    for (const key of usedKeys(i)) {
      const g = byKey.get(key);
      if (g === undefined) continue;
      let list = lists.get(g);
      if (list === undefined) {
        list = [];
        lists.set(g, list);
      }
      if (list.at(-1) !== i) list.push(i);
    }
    if ((i + 1) % MERGE_SLICE === 0) yield;
  }
}

/** Terms made a step at the end of the merge (each one's briefings by index). */
const TERM_SLICE = 16;

/**
 * The steps of a stored story's glossary: its reads of the store (each file's glossary lines, a range
 * of files a step, then the term uses by term), then the merge's slices (`glossary`'s own build, so a
 * visit meanwhile finishes it rather than starting again).
 */
function* glossarySteps(stored: StoredParts, buildStep: () => boolean): Generator<void> {
  yield* stored.glossaryReads();
  while (!buildStep()) yield;
}

/** The story of loaded briefings (tests, small folders): `buildStory` over their digests. */
export function buildStoryView(data: LoadedStory): StoryView {
  const { briefings, registry } = data;
  const items = briefings.map((b) => ({ ...digestOf(b, registry), path: b.path }));
  const keys = [...collectTerms(items).keys()];
  return buildStory({
    dir: data.dir,
    registry,
    problems: data.problems,
    items,
    usedKeys: (i) => usedKeysOf(briefingText(briefings[i]!), briefings[i]!.glossary, keys),
    text: memoryTextIndex(briefings),
    body: (i) => briefings[i],
  });
}
