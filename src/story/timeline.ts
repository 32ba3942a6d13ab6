// All dated events across briefings, in date order, with conflicting reports flagged.
//
// Entries: every dated briefing is on the timeline on its own date as an entry of its own (kind
// "entry", its title as the text), before the events of that date its text reports; an entry never
// conflicts. Events whose year is unknown (`--06-12`) come after every dated one, in their own group.
//
// Order: by the date string, which puts a coarser date first within its period ("2026" before
// "2026-01-05", "2026-06" before "2026-06-01") and after everything earlier; equal dates keep the
// order of the briefings given and of the events inside each briefing (a stable sort).
//
// Conflict: two day-precision events from DIFFERENT briefings, 1–7 days apart, whose sentences
// evidently tell the same event: at least three shared content words (stop words, dates and numbers
// dropped, light stemming) covering at least 40% of the shorter sentence; names (capitalised words)
// that mostly agree, so "ordered OpenAI" is not "ordered Anthropic"; and no contradicting kind of act
// (order/directive/ban count as one act, lift/reverse/restore as another). Both entries are flagged
// and name each other. Candidates come from day buckets and a word index, so the work grows with the
// events near each date, never with the square of all events. Both are capped: an archive of
// near-identical sentences on the same days (a wire story syndicated hundreds of times) would
// otherwise compare every pair and list every copy against every other.
import type { Briefing, DatedEvent, Precision } from "../briefing/schema.js";

/** What the timeline reads of a briefing (a whole one, or its digest). */
export type TimelineSource = Pick<Briefing, "id" | "title" | "date"> & {
  events: readonly Pick<DatedEvent, "date" | "precision" | "text" | "line" | "expected" | "yearUnknown">[];
};

export type EntryKind = "event" | "entry";

export interface TimelineEntry {
  /** "entry": the briefing itself on its date; "event": a date its text reports. */
  kind: EntryKind;
  date: string;
  precision: Precision;
  text: string;
  line: number;
  briefingId: string;
  /** Dated after its briefing's date: something still to come when the briefing was written. */
  expected: boolean;
  /** The year was not written and the briefing has no date (`date` is `--MM-DD` or `--MM`). */
  yearUnknown: boolean;
  conflict: boolean;
  conflictWith: { date: string; briefingId: string }[];
}

/**
 * A timeline read back from stored rows (store/timeline.ts), in timeline order: the order, dates and
 * files at once, an entry's text only when it is asked for.
 */
export interface TimelineRows {
  readonly length: number;
  /** Per position: its date as a number (view.ts `dateCode`). */
  code: Int32Array;
  /** Per position: the file (the store's id) it is of. */
  file: Int32Array;
  fields(i: number):
    | (Pick<TimelineEntry, "kind" | "date" | "precision" | "text" | "line" | "expected" | "yearUnknown"> & {
        /** Who it conflicts with (`conflictPartners`): dates and files. */
        conflictWith: { date: string; file: number }[];
      })
    | undefined;
}

/** A stored timeline's order: per position the event's row id, its date code and its file. */
export interface TimelineOrder {
  id: Float64Array;
  code: Int32Array;
  file: Int32Array;
}

/**
 * The order after some files' events were replaced: the events of the files `gone` (changed or
 * removed) leave, those `added` (of the files written, each file's in its own order) are placed among
 * the rest. The rule is `entriesOf`'s: by date, then by the briefing's place in story order (`place`
 * of a file, in the new story), then by the event's place in its file; a date's code (`dateCode`)
 * orders as its sort key does. Null when the order kept does not follow that rule (a date with no
 * code, a path SQLite orders otherwise): the caller then reads the order whole.
 */
export function patchOrder(
  before: TimelineOrder,
  gone: ReadonlySet<number>,
  added: TimelineOrder,
  place: (file: number) => number,
): TimelineOrder | null {
  const n = before.code.length;
  const m = added.code.length;
  // The added events by date, then briefing; each file's own order kept (a stable sort).
  const addedPlace = Int32Array.from(added.file, place);
  const order = Array.from({ length: m }, (_, k) => k).sort(
    (a, b) => added.code[a]! - added.code[b]! || addedPlace[a]! - addedPlace[b]!,
  );
  for (let k = 0; k < m; k++) if (added.code[k]! <= 0 || addedPlace[k]! < 0) return null;
  const keptCount = n - countGone(before.file, gone);
  const out: TimelineOrder = {
    id: new Float64Array(keptCount + m),
    code: new Int32Array(keptCount + m),
    file: new Int32Array(keptCount + m),
  };
  let at = 0;
  let k = 0;
  let lastCode = 0;
  let lastPlace = -1;
  const put = (from: TimelineOrder, i: number) => {
    out.id[at] = from.id[i]!;
    out.code[at] = from.code[i]!;
    out.file[at] = from.file[i]!;
    at++;
  };
  for (let i = 0; i < n; i++) {
    const f = before.file[i]!;
    if (gone.has(f)) continue;
    const c = before.code[i]!;
    const p = place(f);
    if (c <= 0 || p < 0 || c < lastCode || (c === lastCode && p < lastPlace)) return null;
    lastCode = c;
    lastPlace = p;
    while (k < m) {
      const a = order[k]!;
      const ac = added.code[a]!;
      if (ac > c || (ac === c && addedPlace[a]! > p)) break;
      put(added, a);
      k++;
    }
    put(before, i);
  }
  for (; k < m; k++) put(added, order[k]!);
  return out;
}

function countGone(file: Int32Array, gone: ReadonlySet<number>): number {
  if (gone.size === 0) return 0;
  let n = 0;
  for (const f of file) if (gone.has(f)) n++;
  return n;
}

/** An event's flags as bits of one column: the briefing's own entry, expected, year unknown. */
export const FLAG_ENTRY = 1;
export const FLAG_EXPECTED = 2;
export const FLAG_YEAR_UNKNOWN = 4;

export function eventFlags(e: Pick<TimelineEntry, "kind" | "expected" | "yearUnknown">): number {
  return (
    (e.kind === "entry" ? FLAG_ENTRY : 0) |
    (e.expected ? FLAG_EXPECTED : 0) |
    (e.yearUnknown ? FLAG_YEAR_UNKNOWN : 0)
  );
}

export function flagFields(flags: number): Pick<TimelineEntry, "kind" | "expected" | "yearUnknown"> {
  return {
    kind: flags & FLAG_ENTRY ? "entry" : "event",
    expected: (flags & FLAG_EXPECTED) !== 0,
    yearUnknown: (flags & FLAG_YEAR_UNKNOWN) !== 0,
  };
}

/** The date as the timeline orders it: an unknown year after every known one. */
export function timelineSortKey(date: string): string {
  return date.startsWith("--") ? `9999${date.slice(1)}` : date;
}

/** The timeline entry standing for a dated briefing itself. */
export function briefingEntry(b: { id: string; title: string; date: string }): TimelineEntry {
  return {
    kind: "entry",
    date: b.date,
    precision: "day",
    text: b.title,
    line: 1,
    briefingId: b.id,
    expected: false,
    yearUnknown: false,
    conflict: false,
    conflictWith: [],
  };
}

/** Whether an entry's date (at its precision) is today or later; never for an unknown year. */
export function isUpcoming(e: Pick<TimelineEntry, "date" | "yearUnknown">, today: string): boolean {
  if (e.yearUnknown || e.date.startsWith("--")) return false;
  return e.date >= today.slice(0, e.date.length);
}

export const CONFLICT_WINDOW_DAYS = 7;
const MIN_SHARED = 3;
const MIN_OVERLAP = 0.4;
const MIN_NAME_OVERLAP = 0.5;
/** Other reports named per flagged entry; more say nothing a reader can use. */
export const MAX_CONFLICT_WITH = 8;
/**
 * Entries of one neighbouring day compared with an event; bounds the work on repetitive archives.
 * Candidates are gathered from the event's rarest words first, so the cap drops the weakest ones.
 */
export const MAX_CANDIDATES = 24;
/** Index entries read per event and neighbouring day while gathering candidates. */
export const MAX_VISITS = 512;

const STOP = new Set(
  `a an the and or but if of to in on at by for from with without into onto over under about after before since
  until during while as than then that this these those there here it its it's is are was were be been being
  has have had do does did will would could should may might must can shall not no nor so such also just only
  very more most much many some any each every all both either neither other another same which who whom whose
  what when where why how he she they them their his her we our you your i me my us one two three first
  second new said says say according reported reportedly report reports per via amid among against between
  through up down out off again further once later earlier early late mid day days week weeks month months year
  years today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january february march
  april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
  story began begin begins came come comes took take takes made make makes`.split(/\s+/),
);

// Words that name the same kind of act, so "issued an order" and "issued a directive" agree, and
// "ordered" and "lifted" never do.
const ACTS = new Map<string, string>(
  Object.entries({
    order: "order",
    directive: "order",
    mandate: "order",
    instruct: "order",
    instruction: "order",
    decree: "order",
    ban: "order",
    bar: "order",
    barr: "order",
    requir: "order",
    forc: "order",
    lift: "lift",
    revers: "lift",
    reversal: "lift",
    rescind: "lift",
    eas: "lift",
    restor: "lift",
    reinstat: "lift",
    suspend: "suspend",
    suspension: "suspend",
    disabl: "suspend",
    block: "suspend",
    shutdown: "suspend",
    offline: "suspend",
    sue: "sue",
    lawsuit: "sue",
    legal: "sue",
  }),
);
const ACT_NAMES = new Set(ACTS.values());

// A word: a letter, then letters, digits, apostrophes and hyphens (`/\p{L}[\p{L}\p{N}'’-]*/u`).
const LETTER = /^\p{L}$/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/** Whether the code point `cp` (past ASCII) is a letter, or (`inside`) a letter or digit. */
function wordPart(cp: number, inside: boolean): boolean {
  return (inside ? LETTER_OR_DIGIT : LETTER).test(String.fromCodePoint(cp));
}

function stem(w: string): string {
  if (w.length > 5 && w.endsWith("ing")) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith("ed")) return w.slice(0, -2);
  if (w.length > 4 && w.endsWith("es")) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss")) return w.slice(0, -1);
  return w;
}

/** What a sentence is about: its content words, its names, and the kinds of act it reports. */
export interface EventFeatures {
  words: Set<string>;
  /** Capitalised words after the first (names of actors, models, places). */
  names: Set<string>;
  acts: Set<string>;
}

export function eventFeatures(text: string): EventFeatures {
  const f: EventFeatures = { words: new Set(), names: new Set(), acts: new Set() };
  scanWords(text, f.words, f);
  return f;
}

/** Adds the content words of `text` to `words` (its `eventFeatures` words), and its names and acts to `more`. */
export function addContentWords(text: string, words: Set<string>, more?: Omit<EventFeatures, "words">): void {
  scanWords(text, words, more);
}

// Hot: runs over every word of every briefing (a cold load) and of every event (the conflict
// search), so words are found by character (the regex only past ASCII), and the possessive and the
// capital tested by character too.
function scanWords(text: string, words: Set<string>, more: Omit<EventFeatures, "words"> | undefined): void {
  let first = true;
  const n = text.length;
  let i = 0;
  while (i < n) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) < 0x61 || (c | 0x20) > 0x7a) {
        i++;
        continue;
      }
    } else {
      const cp = text.codePointAt(i) as number;
      if (!wordPart(cp, false)) {
        i += cp > 0xffff ? 2 : 1;
        continue;
      }
    }
    const start = i;
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c < 0x80) {
        // Letters, digits, ' and -.
        if (((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 39 || c === 45)
          i++;
        else break;
      } else if (c === 0x2019) i++;
      else {
        const cp = text.codePointAt(i) as number;
        if (!wordPart(cp, true)) break;
        i += cp > 0xffff ? 2 : 1;
      }
    }
    const t = text.slice(start, i);
    const len = t.length;
    // Without a possessive: /['’]s$/ (a word starts with a letter, so the quote is never its first).
    const q = len > 2 && t.charCodeAt(len - 1) === 115 ? t.charCodeAt(len - 2) : 0;
    const raw = q === 39 || q === 0x2019 ? t.slice(0, -2) : t;
    const w = raw.toLowerCase();
    const wasFirst = first;
    first = false;
    if (w.length < 2 || STOP.has(w)) continue;
    const s = stem(w);
    const act = ACTS.get(s) ?? ACTS.get(w);
    words.add(act ?? s);
    if (more === undefined) continue;
    if (act) more.acts.add(act);
    if (!wasFirst && startsUpper(raw)) more.names.add(s);
  }
}

function startsUpper(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 0x80 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(word);
}

function sharedCount(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n;
}

/**
 * The rule of `sameEvent`, on how many content words, names and kinds of act two sentences have (a,
 * b) and share: the one rule for sentences held as sets and for the search's numbered words.
 */
function agrees(
  shared: number,
  aWords: number,
  bWords: number,
  sharedNames: number,
  aNames: number,
  bNames: number,
  sharedActs: number,
  aActs: number,
  bActs: number,
): boolean {
  if (shared < MIN_SHARED || shared < MIN_OVERLAP * Math.min(aWords, bWords)) return false;
  if (aNames > 0 && bNames > 0 && sharedNames < MIN_NAME_OVERLAP * Math.min(aNames, bNames)) return false;
  if (aActs > 0 && bActs > 0 && sharedActs === 0) return false;
  return true;
}

/**
 * True when two sentences evidently report one event: enough shared content words, names that mostly
 * agree (a different actor or model means a different event), and no contradicting kind of act.
 */
export function sameEvent(a: EventFeatures, b: EventFeatures): boolean {
  return agrees(
    sharedCount(a.words, b.words),
    a.words.size,
    b.words.size,
    sharedCount(a.names, b.names),
    a.names.size,
    b.names.size,
    sharedCount(a.acts, b.acts),
    a.acts.size,
    b.acts.size,
  );
}

/** Convenience for callers holding two sentences. */
export function reportsSameEvent(a: string, b: string): boolean {
  return sameEvent(eventFeatures(a), eventFeatures(b));
}

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  const utc = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
  return Math.round(utc / 86_400_000);
}

/** Events handled between the points where an async caller may pause. */
const STEP = 256;

/** Days (`dayNumber`), both ends included. */
export interface DayRange {
  from: number;
  to: number;
}

/** What the conflict search reads of a timeline, in date order, one event at a time. */
export interface ConflictInput {
  readonly length: number;
  /** The day number (`dayNumber`) of a day-precision event; NaN for a month or a year. */
  day(i: number): number;
  text(i: number): string;
  /** Who told it: events of one briefing never conflict. */
  briefing(i: number): number | string;
}

/** A sentence's features as the search holds them: its words numbered (ids of one search's `Words`). */
interface Coded {
  /** Content words, in the order of `EventFeatures.words`. */
  words: Int32Array;
  names: Int32Array;
  /** Kinds of act, a bit each (ACT_BITS). */
  acts: number;
  /** How many kinds of act. */
  nActs: number;
}

/** A bit per kind of act (ACTS' values). */
const ACT_BITS = new Map([...ACT_NAMES].map((name, k) => [name, 1 << k]));

/**
 * The words of one search, numbered as they are first met, and a mark per word: the words of the
 * event being searched are marked, so another sentence's shared words are counted by reading its own
 * few numbers (comparing sets of strings was most of a dense archive's search).
 */
class Words {
  private readonly ids = new Map<string, number>();
  private wordMark = new Int32Array(1024);
  private nameMark = new Int32Array(1024);
  private stamp = 0;

  code(f: EventFeatures): Coded {
    let acts = 0;
    for (const a of f.acts) acts |= ACT_BITS.get(a) ?? 0;
    return { words: this.number(f.words), names: this.number(f.names), acts, nActs: f.acts.size };
  }

  private number(words: Set<string>): Int32Array {
    const out = new Int32Array(words.size);
    let k = 0;
    for (const w of words) {
      let id = this.ids.get(w);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(w, id);
      }
      out[k++] = id;
    }
    return out;
  }

  /** Makes `a` the sentence others are compared with (`sameAsMarked`). */
  mark(a: Coded): void {
    if (this.ids.size > this.wordMark.length) {
      const size = Math.max(this.ids.size, this.wordMark.length * 2);
      const grow = (old: Int32Array) => {
        const next = new Int32Array(size);
        next.set(old);
        return next;
      };
      this.wordMark = grow(this.wordMark);
      this.nameMark = grow(this.nameMark);
    }
    const stamp = ++this.stamp;
    for (const w of a.words) this.wordMark[w] = stamp;
    for (const w of a.names) this.nameMark[w] = stamp;
  }

  /** `sameEvent` of the marked sentence `a` and `b`. */
  sameAsMarked(a: Coded, b: Coded): boolean {
    const stamp = this.stamp;
    let shared = 0;
    for (const w of b.words) if (this.wordMark[w] === stamp) shared++;
    return this.agreesWithMarked(a, b, shared);
  }

  /** `sameAsMarked` of `a` (marked) and `b` when how many content words they share is known. */
  agreesWithMarked(a: Coded, b: Coded, shared: number): boolean {
    const stamp = this.stamp;
    let names = 0;
    for (const w of b.names) if (this.nameMark[w] === stamp) names++;
    return agrees(
      shared,
      a.words.length,
      b.words.length,
      names,
      a.names.length,
      b.names.length,
      (a.acts & b.acts) === 0 ? 0 : 1,
      a.nActs,
      b.nActs,
    );
  }
}

/** How many kinds of act two sentences both report (bits set in both). */
function actsInCommon(a: Coded, b: Coded): number {
  let n = 0;
  for (let bits = a.acts & b.acts; bits !== 0; bits &= bits - 1) n++;
  return n;
}

/**
 * Calls `link(i, j)` (i < j) for every pair of events that report one event on different days. Works
 * through the days in order, holding the sentences of a week at a time (their features and a
 * word -> events index per day), so a timeline of a million events is never in memory at once. Yields
 * every STEP events, so that `buildTimelineAsync` can let other work run.
 */
export function* findConflicts(
  src: ConflictInput,
  link: (i: number, j: number) => void,
  sources: DayRange = { from: -Infinity, to: Infinity },
  moot?: (i: number, j: number) => boolean,
): Generator<void> {
  const words = new Words();
  const buckets = new Map<number, Map<number, number[]>>();
  /** Per event: its place among the day's events, which seeds where its reads of a list begin. */
  const ordinal = new Int32Array(src.length);
  /** Per day held: the first and last event on it. */
  const spans = new Map<number, [number, number]>();
  /** Per event held: its features, numbered. */
  const coded: (Coded | undefined)[] = [];
  /** Per event held: who told it, numbered (read for every candidate: a column, not a call). */
  const owner = new Int32Array(src.length);
  const owners = new Map<number | string, number>();
  let built = 0;
  // Day events are in day order (a month or a year can sit between two days, never inside one).
  const buildThrough = (lastDay: number) => {
    for (; built < src.length; built++) {
      const day = src.day(built);
      if (Number.isNaN(day)) continue;
      if (day > lastDay) return;
      const f = eventFeatures(src.text(built));
      const c = words.code(f);
      coded[built] = c;
      const who = src.briefing(built);
      let o = owners.get(who);
      if (o === undefined) {
        o = owners.size;
        owners.set(who, o);
      }
      owner[built] = o;
      let bucket = buckets.get(day);
      if (!bucket) {
        bucket = new Map();
        buckets.set(day, bucket);
        spans.set(day, [built, built]);
      } else {
        const span = spans.get(day)!;
        ordinal[built] = ordinal[span[1]]! + 1;
        span[1] = built;
      }
      // Acts are too common to find candidates by, unless a sentence has nothing else.
      const byActs = f.acts.size === f.words.size;
      let k = 0;
      for (const w of f.words) {
        const id = c.words[k++]!;
        if (!byActs && ACT_NAMES.has(w)) continue;
        const list = bucket.get(id);
        if (list) list.push(built);
        else bucket.set(id, [built]);
      }
    }
  };
  const dropBefore = (day: number) => {
    for (const [d, [first, last]] of spans) {
      if (d >= day) return;
      for (let k = first; k <= last; k++) coded[k] = undefined;
      spans.delete(d);
      buckets.delete(d);
    }
  };
  // Shared words counted while gathering: when every list was read, the count is exact and most
  // candidates are dropped (fewer than MIN_SHARED words in common) without comparing anything. Counts
  // live in a column indexed by event and the candidates in the order first met (a million events
  // visit hundreds of candidates each: a Map here was most of the time of a large timeline).
  const counts = new Int32Array(src.length);
  const met = new Int32Array(MAX_VISITS);
  /** Per event: the last (event, day) read whose candidates it is among, when the caps cut in. */
  const seen = new Int32Array(src.length);
  let reads = 0;
  for (let i = 0; i < src.length; i++) {
    if (i % STEP === STEP - 1) yield;
    const day = src.day(i);
    if (Number.isNaN(day) || day < sources.from || day > sources.to) continue;
    buildThrough(day + CONFLICT_WINDOW_DAYS);
    dropBefore(day);
    const f = coded[i]!;
    words.mark(f);
    const who = owner[i]!;
    // Look forward only, so each pair is considered once.
    for (let off = 1; off <= CONFLICT_WINDOW_DAYS; off++) {
      const bucket = buckets.get(day + off);
      if (!bucket) continue;
      const lists: number[][] = [];
      let entries = 0;
      for (const w of f.words) {
        const list = bucket.get(w);
        if (list) {
          lists.push(list);
          entries += list.length;
        }
      }
      if (entries > MAX_VISITS) {
        capped(i, who, f, lists, ++reads);
        continue;
      }
      // Every list is read: the pairs are every candidate that agrees, in whatever order it is met.
      let found = 0;
      for (const list of lists)
        for (const j of list) {
          if (counts[j] === 0) met[found++] = j;
          counts[j] = counts[j]! + 1;
        }
      for (let k = 0; k < found; k++) {
        const j = met[k]!;
        const shared = counts[j]!;
        counts[j] = 0;
        // The count leaves out acts (indexed only for a sentence with no other word), so the words
        // shared are the count and the acts both report: not counted again, word by word.
        if (shared + f.nActs < MIN_SHARED || owner[j] === who || moot?.(i, j)) continue;
        const c = coded[j]!;
        const acts = c.nActs === c.words.length ? 0 : actsInCommon(f, c);
        if (words.agreesWithMarked(f, c, shared + acts)) link(i, j);
      }
    }
  }

  /**
   * The candidates of event `i` on one day when its lists hold more than MAX_VISITS entries: the
   * lists are read rarest first, MAX_VISITS entries in all, and the first MAX_CANDIDATES events met
   * (of other briefings) are compared. Counts from a partial read would be too low to drop any, so
   * none are kept, and the reading stops at the last candidate compared: at 100k briefings a day's
   * lists are long, and reading all MAX_VISITS entries was most of the search.
   */
  function capped(i: number, who: number, f: Coded, lists: number[][], read: number): void {
    lists.sort((a, b) => a.length - b.length);
    let budget = MAX_VISITS;
    let compared = 0;
    for (const list of lists) {
      // Each event starts at a different place in a list, so that when the caps cut in, every
      // copy of a repeated sentence is still found by some neighbour. The place depends on the
      // event's day alone (not on the whole timeline), so a change elsewhere never moves it.
      const n = list.length;
      const begin = (ordinal[i]! * 31) % n;
      const take = Math.min(n, budget);
      // From `begin` to the end, then from the start: `take` entries in all.
      for (let v = 0, k = begin; v < take; v++, k = k + 1 === n ? 0 : k + 1) {
        const j = list[k]!;
        if (seen[j] === read) continue;
        seen[j] = read;
        if (owner[j] === who) continue;
        // Compared or not, a candidate counts against the cap: the pairs are the same either way.
        if (!moot?.(i, j) && words.sameAsMarked(f, coded[j]!)) link(i, j);
        if (++compared === MAX_CANDIDATES) return;
      }
      budget -= take;
      if (take < n) return;
    }
  }
}

/**
 * Each event's conflicting partners, gathered as the pairs are found (positions in timeline order): in
 * timeline order, one per briefing and date (`key`), at most MAX_CONFLICT_WITH. The one rule for the
 * names shown, whether the pairs come from a whole build or from the store's search of a few days.
 * Only the names kept so far are held per event, never every pair: a dense archive (100k briefings
 * over six years) has millions of pairs in a few months of days.
 */
export class ConflictPartners {
  /** Per event (by position): its partners so far, by position ascending, each of another key. */
  private readonly named: (number[] | undefined)[] = [];

  /** `key`: equal for two positions of one briefing and date (a number is cheaper to compare). */
  constructor(private readonly key: (pos: number) => string | number) {}

  link(a: number, b: number): void {
    this.add(a, b);
    this.add(b, a);
  }

  /**
   * Whether `link(a, b)` would change nothing: both lists are full and each would be past the other's
   * last (`add`). The search skips comparing such a pair (most of a dense archive's, once the lists
   * have filled).
   */
  moot(a: number, b: number): boolean {
    const x = this.named[a];
    if (x === undefined || x.length < MAX_CONFLICT_WITH || b < x[MAX_CONFLICT_WITH - 1]!) return false;
    const y = this.named[b];
    return y !== undefined && y.length === MAX_CONFLICT_WITH && a > y[MAX_CONFLICT_WITH - 1]!;
  }

  /**
   * The partners named are, of each key, its first position, the first MAX_CONFLICT_WITH of those:
   * a later position of a key kept is never named, and a position past a full list's last never is.
   */
  private add(from: number, to: number): void {
    // Filled up to `from`, never with holes: an array indexed past its end turns into a dictionary.
    while (this.named.length <= from) this.named.push(undefined);
    const list = this.named[from];
    if (list === undefined) {
      this.named[from] = [to];
      return;
    }
    // Past a full list's last: named neither as a new key nor instead of a kept one (whose position
    // is before it). Most pairs of a dense archive end here, found in position order.
    if (list.length === MAX_CONFLICT_WITH && to > list[MAX_CONFLICT_WITH - 1]!) return;
    const k = this.key(to);
    let same = -1;
    for (let q = 0; q < list.length; q++)
      if (this.key(list[q]!) === k) {
        same = q;
        break;
      }
    if (same !== -1) {
      if (list[same]! <= to) return;
      list.splice(same, 1);
    }
    let at = list.length;
    while (at > 0 && list[at - 1]! > to) at--;
    list.splice(at, 0, to);
    if (list.length > MAX_CONFLICT_WITH) list.pop();
  }

  /**
   * The partners of `pos` so far, forgotten here: for a caller that writes each event's out once no
   * later pair can reach it, holding a few weeks of events instead of every one.
   */
  take(pos: number): number[] | undefined {
    const list = this.named[pos];
    if (list !== undefined) this.named[pos] = undefined;
    return list;
  }

  /** Each event with any partner, and its partners' positions in timeline order. */
  result(): Map<number, number[]> {
    const out = new Map<number, number[]>();
    this.named.forEach((list, pos) => {
      if (list !== undefined) out.set(pos, list);
    });
    return out;
  }
}

/** `ConflictPartners` of a list of pairs. */
export function conflictPartners(
  pairs: Iterable<readonly [number, number]>,
  key: (pos: number) => string | number,
): Map<number, number[]> {
  const partners = new ConflictPartners(key);
  for (const [a, b] of pairs) partners.link(a, b);
  return partners.result();
}

/** Source days whose conflicts may change when events on `days` come or go: each day and the week before. */
export function conflictRanges(days: Iterable<number>): DayRange[] {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  const out: DayRange[] = [];
  for (const d of sorted) {
    const from = d - CONFLICT_WINDOW_DAYS;
    const last = out.at(-1);
    if (last && from <= last.to + 1) last.to = d;
    else out.push({ from, to: d });
  }
  return out;
}

function markConflicts(entries: TimelineEntry[], pairs: readonly (readonly [number, number])[]): void {
  const partners = conflictPartners(pairs, (p) => `${entries[p]!.date}\u0000${entries[p]!.briefingId}`);
  for (const [pos, list] of partners) {
    const e = entries[pos]!;
    e.conflict = true;
    e.conflictWith = list.map((p) => ({ date: entries[p]!.date, briefingId: entries[p]!.briefingId }));
  }
}

/** The day number the conflict search compares an entry on; NaN for a briefing's own entry, a month or a year. */
export function conflictDay(e: Pick<TimelineEntry, "kind" | "precision" | "date">): number {
  return e.precision === "day" && e.kind === "event" ? dayNumber(e.date) : Number.NaN;
}

function conflictInput(entries: TimelineEntry[]): ConflictInput {
  return {
    length: entries.length,
    day: (i) => conflictDay(entries[i]!),
    text: (i) => entries[i]!.text,
    briefing: (i) => entries[i]!.briefingId,
  };
}

function conflictSearch(entries: TimelineEntry[], pairs: [number, number][]): Generator<void> {
  return findConflicts(conflictInput(entries), (a, b) => {
    pairs.push([a, b]);
  });
}

/** A briefing's own entries on the timeline, in their order: its own (when dated), then its events. */
export function briefingEntries(b: TimelineSource): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  if (b.date !== null) entries.push(briefingEntry({ id: b.id, title: b.title, date: b.date }));
  for (const e of b.events) {
    entries.push({
      kind: "event",
      date: e.date,
      precision: e.precision,
      text: e.text,
      line: e.line,
      briefingId: b.id,
      expected: e.expected,
      yearUnknown: e.yearUnknown,
      conflict: false,
      conflictWith: [],
    });
  }
  return entries;
}

function entriesOf(briefings: readonly TimelineSource[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const b of briefings) for (const e of briefingEntries(b)) entries.push(e);
  entries.sort((a, b) => {
    const x = timelineSortKey(a.date);
    const y = timelineSortKey(b.date);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return entries;
}

/** Every event of every briefing, in date order, with conflicting reports flagged. */
export function buildTimeline(briefings: readonly TimelineSource[]): TimelineEntry[] {
  const entries = entriesOf(briefings);
  const pairs: [number, number][] = [];
  for (const _ of conflictSearch(entries, pairs));
  markConflicts(entries, pairs);
  return entries;
}

/**
 * The same as `buildTimeline`, calling `pause` now and then (every few hundred events) and awaiting it
 * when it returns a promise, so a caller sharing the thread stays responsive.
 */
export async function buildTimelineAsync(
  briefings: readonly TimelineSource[],
  pause: () => Promise<void> | undefined,
): Promise<TimelineEntry[]> {
  const entries = entriesOf(briefings);
  const pairs: [number, number][] = [];
  for (const _ of conflictSearch(entries, pairs)) {
    const wait = pause();
    if (wait) await wait;
  }
  markConflicts(entries, pairs);
  return entries;
}
