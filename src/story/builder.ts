// A story built from digests (briefing/digest.ts) as they arrive, in any order. Per briefing it holds
// an id and a date; the rest of the digest (summary fields, glossary lines, what its text says of
// unknown actors) is a record in a spill file (spill.ts), read back when needed. Per timeline event it
// holds a few numbers in typed columns, its sentence spilled too. At 100k briefings that is tens of
// megabytes where the briefings themselves were well over a gigabyte: the reader's first load of a
// large archive stays within the memory of a warm one, and no garbage collection has a large heap to
// walk while the reader waits for a frame.
//
// The result is the same story `buildStoryView` makes from whole briefings (the tests hold the two
// equal): the same order, ids, timeline, conflicts, glossary and actor index.
import type { IdIndexEntry } from "../briefing/cache.js";
import type { BriefingDigest, FileOutcome } from "../briefing/digest.js";
import { idFromPath, problemOrder, resolveDuplicateIds, storyOrder } from "../briefing/ids.js";
import type { FileEntry } from "../briefing/read.js";
import type { Precision, Problem, RegistryActor } from "../briefing/schema.js";
import { indexActors } from "./actors.js";
import { buildAgenda } from "./agenda.js";
import { collectTerms, type GlossaryTerm, sortTerms, termKey } from "./glossary.js";
import { TextSpill } from "./spill.js";
import {
  type ConflictInput,
  dayNumber,
  eventFlags,
  FLAG_ENTRY,
  findConflicts,
  flagFields,
  MAX_CONFLICT_WITH,
} from "./timeline.js";
import type { TextHead, UsesJob } from "./uses.js";
import {
  codeDate,
  dateCode,
  groupStarts,
  newestOrder,
  type StoryEvent,
  type StoryTerm,
  type StoryView,
  type Summary,
  type Table,
  type TermLists,
  termIndexes,
} from "./view.js";

const PRECISIONS: readonly Precision[] = ["day", "month", "year"];

const CHUNK_BITS = 16;
const CHUNK_MASK = (1 << CHUNK_BITS) - 1;

/**
 * A growable typed column in chunks of 64k values: no copy as it grows, and no room left over beyond
 * one chunk (a doubling array is a third empty on average, tens of megabytes at a million events).
 */
class Column<T extends Int32Array | Float64Array | Uint8Array> {
  length = 0;
  private chunks: T[] = [];
  constructor(private readonly make: (n: number) => T) {}
  clear(): void {
    this.chunks = [];
    this.length = 0;
  }
  push(v: number): void {
    const c = this.length >>> CHUNK_BITS;
    if (c === this.chunks.length) this.chunks.push(this.make(CHUNK_MASK + 1));
    this.chunks[c]![this.length & CHUNK_MASK] = v;
    this.length++;
  }
  get(i: number): number {
    return this.chunks[i >>> CHUNK_BITS]![i & CHUNK_MASK]!;
  }
}

const int32 = () => new Column((n) => new Int32Array(n));

/** The story built, and what the parsed-briefing cache needs of it. */
export interface BuiltStory {
  story: StoryView;
  /** id and the file it came from, for the parsed-briefing cache's id index (broken ids left out). */
  ids(): Generator<[string, IdIndexEntry & { index: number }]>;
  /** Frees the spilled sentences; the story's timeline cannot be read after. */
  close(): void;
}

/**
 * What the second reading found: (scan index, term) pairs, terms by their place in `keys`. Pairs
 * in two chunked columns: a hundred thousand small arrays held through the timeline step were
 * megabytes of objects for the collector to walk.
 */
export class FoundUses {
  private readonly at = int32();
  private readonly term = int32();
  constructor(readonly keys: readonly string[]) {}
  add(index: number, terms: readonly number[]): void {
    for (const t of terms) {
      this.at.push(index);
      this.term.push(t);
    }
  }
  /** Each key's briefings, mapped through `rank` (scan index -> place in the story; -1: none). */
  byKey(rank: Int32Array): Map<string, Int32Array> {
    const lists = new Map<string, number[]>();
    for (let i = 0; i < this.at.length; i++) {
      const r = rank[this.at.get(i)]!;
      const key = this.keys[this.term.get(i)];
      if (r < 0 || key === undefined) continue;
      const list = lists.get(key);
      if (list) list.push(r);
      else lists.set(key, [r]);
    }
    this.at.clear();
    this.term.clear();
    const out = new Map<string, Int32Array>();
    for (const [key, list] of lists) {
      // A batch redone after a worker died may name a briefing twice.
      const sorted = Int32Array.from(list).sort();
      out.set(
        key,
        sorted.filter((r, i) => i === 0 || r !== sorted[i - 1]),
      );
    }
    return out;
  }
}

/**
 * What a digest gives beyond its id and events, kept in the spill file as one JSON array: at 100k
 * briefings these were a hundred megabytes of small objects held through the whole load.
 */
type BriefingRecord = [
  title: string,
  date: string | null,
  dateInferred: boolean,
  source: string | null,
  actors: string[],
  tags: string[],
  glossary: BriefingDigest["glossary"],
  learnt: BriefingDigest["learnt"],
  story: string | null,
  follows: string[],
  watch: string[],
  words: string[],
];

export interface FinishOptions {
  /** How far the conflict search is, 0 to 1. */
  progress?: (fraction: number) => void;
  /** The glossary uses the second reading found; none: every term is used nowhere. */
  uses?: FoundUses | undefined;
  /** A full garbage collection, where one is allowed (see StoryLoadOptions). */
  collect?: (() => void) | undefined;
}

/** A briefing that loaded, by its place in the scan, while it is given its final id and place. */
interface Loaded {
  index: number;
  entry: FileEntry;
  id: string;
  date: string | null;
  relPath: string;
}

export class StoryBuilder {
  /** Per scan index: the briefing's id (null: it did not load), date, and where its record is. */
  private readonly ids: (string | null)[];
  private readonly dates: (string | null)[];
  private readonly recordAt: Float64Array;
  private readonly recordBytes: Int32Array;
  private readonly stamps: Float64Array;
  private readonly problems: Problem[];
  private readonly spill: TextSpill;
  // Events in arrival order.
  private readonly evDate = int32();
  private readonly evLine = int32();
  private readonly evFile = int32();
  private readonly evPrecision = new Column((n) => new Uint8Array(n));
  private readonly evFlags = new Column((n) => new Uint8Array(n));
  private readonly evAt = new Column((n) => new Float64Array(n));
  private readonly evBytes = int32();
  /** Per scan index: where its events start in arrival order, and how many. */
  private readonly evStart: Int32Array;
  private readonly evCount: Int32Array;
  /** Keys of the glossary terms met so far, for the second reading. */
  private readonly keySet = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly registry: RegistryActor[],
    private readonly entries: readonly FileEntry[],
    scanProblems: readonly Problem[],
    spillDir?: string,
  ) {
    this.ids = new Array(entries.length).fill(null);
    this.dates = new Array(entries.length).fill(null);
    this.recordAt = new Float64Array(entries.length);
    this.recordBytes = new Int32Array(entries.length);
    this.stamps = new Float64Array(entries.length * 2).fill(-1);
    this.problems = [...scanProblems];
    this.evStart = new Int32Array(entries.length);
    this.evCount = new Int32Array(entries.length);
    this.spill = new TextSpill(spillDir);
  }

  /** Size and mtime of the file at a scan index, as its outcome gave them (-1 when not seen). */
  stamp(index: number): { size: number; mtimeMs: number } {
    return { size: this.stamps[index * 2]!, mtimeMs: this.stamps[index * 2 + 1]! };
  }

  add(o: FileOutcome): void {
    this.stamps[o.index * 2] = o.size;
    this.stamps[o.index * 2 + 1] = o.mtimeMs;
    this.problems.push(...o.problems);
    const d = o.digest;
    if (d === null) return;
    this.evStart[o.index] = this.evDate.length;
    this.evCount[o.index] = d.events.length + (d.date === null ? 0 : 1);
    // The briefing's own entry first: it leads the events of its date (as timeline.ts orders them).
    const entry = d.date === null ? [] : [{ ...briefingEntryOf(d.date, d.title), kind: "entry" as const }];
    for (const e of [...entry, ...d.events.map((e) => ({ ...e, kind: "event" as const }))]) {
      this.evDate.push(dateCode(e.date));
      this.evLine.push(e.line);
      this.evFile.push(o.index);
      this.evPrecision.push(PRECISIONS.indexOf(e.precision));
      this.evFlags.push(eventFlags(e));
      const [at, bytes] = this.spill.append(e.text);
      this.evAt.push(at);
      this.evBytes.push(bytes);
    }
    const record: BriefingRecord = [
      d.title,
      d.date,
      d.dateInferred,
      d.source,
      d.actors,
      d.tags,
      d.glossary,
      d.learnt,
      d.story,
      d.follows,
      d.watch,
      d.words,
    ];
    [this.recordAt[o.index], this.recordBytes[o.index]] = this.spill.append(JSON.stringify(record));
    for (const g of d.glossary) {
      const key = termKey(g.term);
      if (key) this.keySet.add(key);
    }
    this.ids[o.index] = d.id;
    // Dates repeat across briefings: one copy of each is kept.
    this.dates[o.index] = d.date === null ? null : this.intern(d.date);
  }

  private record(index: number): BriefingRecord {
    return JSON.parse(this.spill.read(this.recordAt[index]!, this.recordBytes[index]!)) as BriefingRecord;
  }

  /** Keys of every glossary term the briefings define. */
  termKeys(): string[] {
    return [...this.keySet];
  }

  /** One job per briefing that loaded, for the second reading; its head is read from its record when sent. */
  usesJobs(): UsesJob[] {
    const jobs: UsesJob[] = [];
    this.ids.forEach((id, index) => {
      if (id !== null) jobs.push(new UsesRead(index, this.entries[index]!, (i) => this.record(i)));
    });
    return jobs;
  }

  private readonly strings = new Map<string, string>();
  private intern(v: string): string {
    const had = this.strings.get(v);
    if (had !== undefined) return had;
    this.strings.set(v, v);
    return v;
  }

  /**
   * Orders the briefings and events, finds conflicts (pausing as `pause` asks) and assembles the
   * story, with the glossary uses the second reading found (none: every term is used nowhere).
   */
  async finish(pause: () => Promise<void> | undefined, opts: FinishOptions = {}): Promise<BuiltStory> {
    const { progress, uses, collect } = opts;
    const step = async () => {
      const wait = pause();
      if (wait) await wait;
    };
    const { entries } = this;
    const loaded: Loaded[] = [];
    this.ids.forEach((id, index) => {
      if (id !== null) {
        const entry = entries[index]!;
        loaded.push({ index, entry, id, date: this.dates[index]!, relPath: entry.relPath });
      }
    });
    const problems = this.problems;
    resolveDuplicateIds(
      loaded,
      (l) => l.id,
      (l, id) => {
        l.id = id;
      },
      problems,
    );
    loaded.sort(storyOrder);
    problems.sort(problemOrder);
    const count = loaded.length;
    const rank = new Int32Array(entries.length).fill(-1);
    const scanIndex = new Int32Array(count);
    const idAt: string[] = new Array(count);
    loaded.forEach((l, r) => {
      rank[l.index] = r;
      scanIndex[r] = l.index;
      idAt[r] = l.id;
    });
    loaded.length = 0;
    const recordAt = (r: number) => this.record(scanIndex[r]!);
    const intern = (v: string) => this.intern(v);
    const summaryAt = (r: number): Summary => {
      const [title, date, dateInferred, source, actors, tags, , , story] = recordAt(r);
      const entry = entries[scanIndex[r]!]!;
      return {
        id: idAt[r]!,
        path: entry.path,
        relPath: entry.relPath,
        title,
        date,
        dateInferred,
        source,
        actors,
        tags,
        story,
      };
    };
    await step();

    // Records are read back one at a time, so nothing holds them all.
    const byKey = collectTerms(
      (function* () {
        for (let r = 0; r < count; r++) {
          // Every definition is kept, and lines repeat across briefings: one copy of each.
          const glossary = recordAt(r)[6].map((g) => ({
            term: intern(g.term),
            definition: intern(g.definition),
          }));
          yield { id: idAt[r]!, glossary };
        }
      })(),
    );
    await step();
    const actorIndex = indexActors(
      (function* () {
        for (let r = 0; r < count; r++) {
          const [, , , , actors, , , learnt] = recordAt(r);
          yield { id: idAt[r]!, actors, details: () => learnt };
        }
      })(),
      this.registry,
    );
    await step();
    // Only briefings with something to watch or a `follows` are items or explicit follow-ups; every
    // dated one may follow an item up by its words.
    const agenda = buildAgenda(
      Array.from({ length: count }, (_, r) => {
        const [, date, , , actors, , glossary, , , follows, watch, words] = recordAt(r);
        return { id: idAt[r]!, date, actors, terms: glossary.map((g) => g.term), watch, follows, words };
      }),
    );
    await step();
    const newest = newestOrder(
      Array.from({ length: count }, (_, r) => {
        const [title, date] = recordAt(r);
        return { title, date };
      }),
    );
    await step();

    const timeline = this.orderEvents(scanIndex, rank);
    // The events' columns in arrival order and the sort's keys are garbage now, as large as the
    // ordered columns: they go before the conflict search, the step's longest part.
    collect?.();
    await step();
    const conflicts = new Conflicts(timeline.length);
    const input: ConflictInput = {
      length: timeline.length,
      day: (p) =>
        timeline.precision[p] === 0 && (timeline.flags[p]! & FLAG_ENTRY) === 0
          ? dayNumber(codeDate(timeline.date[p]!))
          : Number.NaN,
      text: (p) => this.spill.read(timeline.textAt[p]!, timeline.textBytes[p]!),
      briefing: (p) => timeline.briefing[p]!,
    };
    let steps = 0;
    for (const _ of findConflicts(input, (a, b) => conflicts.link(a, b, timeline.date, timeline.briefing))) {
      // findConflicts yields every 256 events.
      if (progress && ++steps % 64 === 0) progress(Math.min(1, (steps * 256) / timeline.length));
      const wait = pause();
      if (wait) await wait;
    }

    const at = new Map<string, number>();
    idAt.forEach((id, r) => {
      at.set(id, r);
    });
    const index = (id: string) => at.get(id) ?? -1;
    const briefings: Table<Summary> = {
      length: count,
      get: (r) => (r >= 0 && r < count ? summaryAt(r) : undefined),
    };
    const events: Table<StoryEvent> = {
      length: timeline.length,
      get: (p) => {
        if (!(p >= 0 && p < timeline.length)) return undefined;
        const b = timeline.briefing[p]!;
        return {
          ...flagFields(timeline.flags[p]!),
          date: codeDate(timeline.date[p]!),
          precision: PRECISIONS[timeline.precision[p]!]!,
          text: this.spill.read(timeline.textAt[p]!, timeline.textBytes[p]!),
          line: timeline.line[p]!,
          briefingId: idAt[b] ?? "?",
          briefing: b,
          conflict: conflicts.flagged(p),
          conflictWith: conflicts.partners(p).map((q) => ({
            date: codeDate(timeline.date[q]!),
            briefingId: idAt[timeline.briefing[q]!] ?? "?",
          })),
        };
      },
    };
    const usedIn = uses?.byKey(rank) ?? new Map<string, Int32Array>();
    const keyOf = new Map<GlossaryTerm, string>();
    for (const [key, g] of byKey) keyOf.set(g, key);
    const glossary: StoryTerm[] = sortTerms(byKey.values()).map((g) => ({
      term: g.term,
      definition: g.definition,
      definitionCount: g.definitions.length,
      definedIn: Int32Array.from(g.briefingIds, index),
      usedIn: usedIn.get(keyOf.get(g)!) ?? new Int32Array(0),
    }));
    byKey.clear();
    usedIn.clear();
    const actors = actorIndex.map((a) => ({
      name: a.name,
      kind: a.kind,
      aliases: a.aliases,
      count: a.briefingIds.length,
    }));
    actorIndex.length = 0;
    let terms: TermLists | undefined;
    const story: StoryView = {
      dir: this.dir,
      registry: this.registry,
      problems,
      briefings,
      newest,
      timeline: events,
      eventDate: timeline.date,
      eventBriefing: timeline.briefing,
      timelineHeads: groupStarts(timeline.date),
      glossary,
      actors,
      agenda,
      termsOf(i) {
        terms ??= termIndexes(glossary);
        return (terms.get(i) ?? []).map((t) => glossary[t]!.term);
      },
    };
    return {
      story,
      ids: () => this.idIndex(idAt, rank),
      close: () => this.spill.close(),
    };
  }

  /**
   * For each place in date order, the arrival slot of the event there. Equal dates keep briefing
   * order, then the order in the briefing. The sort key packs the date code and the event's place in
   * that order into one float (exact below 2^53), so a million events sort natively rather than
   * through a comparison function.
   */
  private arrivalSlots(scanIndex: Int32Array): Int32Array {
    const n = this.evDate.length;
    const SHIFT = 2 ** 25;
    const slotOf = new Int32Array(n);
    const keys = new Float64Array(n);
    let ordinal = 0;
    for (const index of scanIndex) {
      const start = this.evStart[index]!;
      for (let k = 0; k < this.evCount[index]!; k++) {
        const slot = start + k;
        slotOf[ordinal] = slot;
        keys[ordinal] = this.evDate.get(slot) * SHIFT + ordinal;
        ordinal++;
      }
    }
    // from[p]: the arrival slot of the event at place p.
    const from = new Int32Array(ordinal);
    if (ordinal < SHIFT) {
      keys.sort();
      for (let p = 0; p < ordinal; p++) from[p] = slotOf[keys[p]! % SHIFT]!;
    } else {
      const dates = this.evDate;
      const order = Int32Array.from({ length: ordinal }, (_, i) => i).sort(
        (a, b) => dates.get(slotOf[a]!) - dates.get(slotOf[b]!) || a - b,
      );
      for (let p = 0; p < ordinal; p++) from[p] = slotOf[order[p]!]!;
    }
    return from;
  }

  /** The events' columns in date order. */
  private orderEvents(scanIndex: Int32Array, rank: Int32Array) {
    const from = this.arrivalSlots(scanIndex);
    const ordinal = from.length;
    // One column at a time, each arrival column let go once its ordered copy is made: the two full
    // sets never coexist (tens of megabytes at a million events).
    const ordered = <T extends Int32Array | Float64Array | Uint8Array>(
      column: Column<T>,
      out: T,
      map: (v: number) => number = (v) => v,
    ): T => {
      for (let p = 0; p < ordinal; p++) out[p] = map(column.get(from[p]!));
      column.clear();
      return out;
    };
    const briefing = ordered(this.evFile, new Int32Array(ordinal), (i) => rank[i]!);
    const line = ordered(this.evLine, new Int32Array(ordinal));
    const precision = ordered(this.evPrecision, new Uint8Array(ordinal));
    const flags = ordered(this.evFlags, new Uint8Array(ordinal));
    const textAt = ordered(this.evAt, new Float64Array(ordinal));
    const textBytes = ordered(this.evBytes, new Int32Array(ordinal));
    const date = ordered(this.evDate, new Int32Array(ordinal));
    return { length: ordinal, date, briefing, line, precision, flags, textAt, textBytes };
  }

  /**
   * Ids of briefings whose file is not also behind a broken id (see load.ts), in scan order. Made when
   * the cache's index is written, not held through the timeline step.
   */
  private *idIndex(
    idAt: readonly string[],
    rank: Int32Array,
  ): Generator<[string, IdIndexEntry & { index: number }]> {
    const broken = new Set<string>();
    this.entries.forEach((e, i) => {
      if (rank[i]! < 0) broken.add(idFromPath(e.relPath));
    });
    for (const p of this.problems) if (p.severity === "error") broken.add(idFromPath(p.path));
    for (let index = 0; index < this.entries.length; index++) {
      const r = rank[index]!;
      if (r < 0) continue;
      const id = idAt[r]!;
      const { size, mtimeMs } = this.stamp(index);
      if (size >= 0 && !broken.has(id))
        yield [id, { relPath: this.entries[index]!.relPath, size, mtimeMs, index }];
    }
  }
}

function briefingEntryOf(date: string, title: string) {
  return { date, precision: "day" as const, text: title, line: 1, expected: false, yearUnknown: false };
}

/** A file to read again for its glossary uses; the head comes from its record when it is sent. */
class UsesRead implements UsesJob {
  constructor(
    readonly index: number,
    readonly entry: FileEntry,
    private readonly recordOf: (index: number) => BriefingRecord,
  ) {}
  get head(): TextHead {
    const [title, , , source, actors, tags] = this.recordOf(this.index);
    return { title, source, actors, tags };
  }
}

/** Blocks of partners per chunk of the partner pool. */
const BLOCKS_PER_CHUNK = 8192;

/**
 * Conflicting pairs as columns: a flag per event, and for each linked event a block of
 * MAX_CONFLICT_WITH partners, given out only to events that have one. Half the events of a busy
 * archive have one: the blocks come in chunks, so the pool grows without copying itself.
 */
class Conflicts {
  private readonly count: Uint8Array;
  private readonly block: Int32Array;
  private readonly chunks: Int32Array[] = [];
  private blocks = 0;
  constructor(n: number) {
    this.count = new Uint8Array(n);
    this.block = new Int32Array(n).fill(-1);
  }

  link(a: number, b: number, date: Int32Array, briefing: Int32Array): void {
    this.name(a, b, date, briefing);
    this.name(b, a, date, briefing);
  }

  flagged(p: number): boolean {
    return this.block[p]! >= 0;
  }

  partners(p: number): number[] {
    const out: number[] = [];
    const b = this.block[p]!;
    if (b < 0) return out;
    const chunk = this.chunks[Math.floor(b / BLOCKS_PER_CHUNK)]!;
    const base = (b % BLOCKS_PER_CHUNK) * MAX_CONFLICT_WITH;
    for (let k = 0; k < this.count[p]!; k++) out.push(chunk[base + k]!);
    return out;
  }

  /** Names `to` in `from`'s list unless full or already named by date and briefing. */
  private name(from: number, to: number, date: Int32Array, briefing: Int32Array): void {
    let b = this.block[from]!;
    if (b < 0) {
      b = this.blocks++;
      if (b % BLOCKS_PER_CHUNK === 0) this.chunks.push(new Int32Array(BLOCKS_PER_CHUNK * MAX_CONFLICT_WITH));
      this.block[from] = b;
    }
    const n = this.count[from]!;
    if (n >= MAX_CONFLICT_WITH) return;
    const chunk = this.chunks[Math.floor(b / BLOCKS_PER_CHUNK)]!;
    const base = (b % BLOCKS_PER_CHUNK) * MAX_CONFLICT_WITH;
    for (let k = 0; k < n; k++) {
      const q = chunk[base + k]!;
      if (date[q] === date[to] && briefing[q] === briefing[to]) return;
    }
    chunk[base + n] = to;
    this.count[from] = n + 1;
  }
}
