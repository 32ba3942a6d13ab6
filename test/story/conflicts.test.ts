// The windowed conflict search (findConflicts, a week of events held at a time) must link exactly the
// pairs a search of every pair links, and buildTimeline's flags and names must follow those pairs.
//
// Deterministic by default: a fixed seed, logged. Override for a longer local run, e.g.
//   SIGNALDESK_FC_RUNS=20000 npx vitest run test/story/conflicts.test.ts --testTimeout=0
//   SIGNALDESK_FC_SEED=12345 npx vitest run test/story/conflicts.test.ts
import { createHash } from "node:crypto";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Briefing, DatedEvent, Precision } from "../../src/briefing/schema.js";
import {
  briefingEntry,
  buildTimeline,
  type ConflictInput,
  ConflictPartners,
  dayNumber,
  eventFeatures,
  findConflicts,
  MAX_CANDIDATES,
  MAX_CONFLICT_WITH,
  MAX_VISITS,
  reportsSameEvent,
  sameEvent,
  type TimelineEntry,
} from "../../src/story/timeline.js";
import { makeBriefing } from "./factory.js";

const SEED = Number(process.env.SIGNALDESK_FC_SEED ?? 20261123);
const RUNS = process.env.SIGNALDESK_FC_RUNS ? Number(process.env.SIGNALDESK_FC_RUNS) : undefined;
/** Runs per property: the CI default, or SIGNALDESK_FC_RUNS for all of them. */
const runs = (ciDefault: number) => ({ seed: SEED, numRuns: RUNS ?? ciDefault });

beforeAll(() => {
  console.log(`fast-check seed ${SEED}${RUNS ? `, ${RUNS} runs per property` : " (CI run counts)"}`);
});

// --- the reference and the search under test --------------------------------------------------------

/** Every pair i < j of day events from different briefings 1–7 days apart that report one event. */
function referencePairs(entries: readonly TimelineEntry[]): Set<string> {
  const days = entries.map((e) => (e.precision === "day" ? dayNumber(e.date) : Number.NaN));
  const features = entries.map((e) => eventFeatures(e.text));
  const pairs = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    if (entries[i]!.precision !== "day") continue;
    for (let j = i + 1; j < entries.length; j++) {
      if (entries[j]!.precision !== "day") continue;
      if (entries[i]!.briefingId === entries[j]!.briefingId) continue;
      const apart = days[j]! - days[i]!;
      if (apart < 1 || apart > 7) continue;
      if (sameEvent(features[i]!, features[j]!)) pairs.add(`${i},${j}`);
    }
  }
  return pairs;
}

/** What findConflicts links over a timeline, read the way buildTimeline reads it. */
function searchedPairs(entries: readonly TimelineEntry[]): Set<string> {
  const input: ConflictInput = {
    length: entries.length,
    day: (i) => (entries[i]!.precision === "day" ? dayNumber(entries[i]!.date) : Number.NaN),
    text: (i) => entries[i]!.text,
    briefing: (i) => entries[i]!.briefingId,
  };
  const pairs = new Set<string>();
  const twice: string[] = [];
  const backwards: string[] = [];
  for (const _ of findConflicts(input, (i, j) => {
    const key = `${i},${j}`;
    if (!(i < j)) backwards.push(key);
    if (pairs.has(key)) twice.push(key);
    pairs.add(key);
  }));
  // Each pair is looked at once, from its earlier event: a pair named twice or backwards would be
  // counted twice by anything tallying conflicts.
  expect(backwards).toEqual([]);
  expect(twice).toEqual([]);
  return pairs;
}

const sorted = (s: Iterable<string>) => [...s].sort();

/** buildTimeline's flags and names agree with a set of linked pairs (indices into the timeline). */
function expectFlagsFollow(entries: readonly TimelineEntry[], pairs: Set<string>): void {
  const partners = entries.map(() => new Set<string>());
  const keyOf = (e: { date: string; briefingId: string }) => `${e.date} ${e.briefingId}`;
  for (const pair of pairs) {
    const [i, j] = pair.split(",").map(Number) as [number, number];
    partners[i]!.add(keyOf(entries[j]!));
    partners[j]!.add(keyOf(entries[i]!));
  }
  entries.forEach((e, i) => {
    const mine = partners[i]!;
    const named = e.conflictWith.map(keyOf);
    const where = `entry ${i} (${e.date} ${e.briefingId}: ${e.text})`;
    expect(e.conflict, where).toBe(mine.size > 0);
    if (e.conflict) expect(e.precision, where).toBe("day");
    expect(new Set(named).size, `${where} names a report twice`).toBe(named.length);
    expect(
      named.filter((n) => !mine.has(n)),
      `${where} names a report it does not conflict with`,
    ).toEqual([]);
    expect(named.length, where).toBe(Math.min(MAX_CONFLICT_WITH, mine.size));
  });
}

// --- generated timelines ----------------------------------------------------------------------------

// A small vocabulary, so that many pairs share three or more words and the name and act rules decide.
const LEADS = ["The", "Then", "Officials", "Quell", "Reportedly the"];
const NAMES = ["Quell", "Tidewater", "Harbor", "Anthropic", "OpenAI"];
const VERBS = ["ordered", "lifted", "suspended", "banned", "restored", "blocked", "approved", "delayed"];
const NOUNS = ["pump", "station", "vote", "rates", "aquifer", "access", "permit", "council", "models"];

const sentence = fc
  .record({
    lead: fc.constantFrom(...LEADS),
    names: fc.subarray(NAMES, { maxLength: 2 }),
    // Sometimes two acts ("ordered and lifted"): act words count as shared words too.
    verbs: fc.shuffledSubarray(VERBS, { minLength: 1, maxLength: 2 }),
    nouns: fc.shuffledSubarray(NOUNS, { minLength: 1, maxLength: 5 }),
    tail: fc.constantFrom("", " after the vote", " for residents", " of the station"),
  })
  .map(({ lead, names, verbs, nouns, tail }) =>
    [lead, names.join(" and "), verbs.join(" and "), "the", nouns.join(" ")]
      .filter(Boolean)
      .join(" ")
      .concat(tail, "."),
  );

/** Day 0 of the generated timelines: the weeks after it cross a month and a year. */
const BASE = Date.UTC(2025, 11, 20);
const isoDay = (offset: number) => new Date(BASE + offset * 86_400_000).toISOString().slice(0, 10);

interface GenEvent {
  briefing: number;
  precision: Precision;
  offset: number;
  text: string;
}

const genEvent: fc.Arbitrary<GenEvent> = fc.record({
  briefing: fc.integer({ min: 0, max: 3 }),
  precision: fc.oneof(
    { weight: 8, arbitrary: fc.constant<Precision>("day") },
    { weight: 1, arbitrary: fc.constant<Precision>("month") },
    { weight: 1, arbitrary: fc.constant<Precision>("year") },
  ),
  offset: fc.integer({ min: 0, max: 27 }),
  text: sentence,
});

const genTimeline = fc.array(genEvent, { maxLength: 60 });

/** A made-up word (consonants and an "o"): noise sentences share no word with the vocabulary. */
function word(n: number): string {
  let s = "";
  let k = n;
  do {
    s += "bcdfghjklmnpqrstvwxz"[k % 20];
    k = Math.floor(k / 20);
  } while (k > 0);
  return `${s}o`;
}

/** An unrelated sentence: two words in common with any other noise sentence, one short of a match. */
const noiseText = (n: number) => `The ${word(n * 3)} ${word(n * 3 + 1)} met the ${word(n * 3 + 2)} panel.`;

function dateOf(e: { precision: Precision; offset: number }): string {
  const day = isoDay(e.offset);
  return e.precision === "day" ? day : e.precision === "month" ? day.slice(0, 7) : day.slice(0, 4);
}

/** Briefings b0..b3 holding the events, each event on a line of its own (line = its number + 1). */
function briefingsOf(events: readonly GenEvent[]): Briefing[] {
  const byBriefing: Partial<DatedEvent>[][] = [[], [], [], []];
  events.forEach((e, n) => {
    byBriefing[e.briefing]!.push({ date: dateOf(e), precision: e.precision, text: e.text, line: n + 1 });
  });
  return byBriefing.map((evs, b) => makeBriefing({ date: null, id: `b${b}`, events: evs }));
}

describe("the windowed search links what a search of every pair links", () => {
  it("over random timelines of a few weeks", () => {
    let linkedRuns = 0;
    fc.assert(
      fc.property(genTimeline, (events) => {
        const timeline = buildTimeline(briefingsOf(events));
        expect(timeline).toHaveLength(events.length);
        // The search reads the timeline in date order; make sure the generated one is.
        for (let k = 1; k < timeline.length; k++) {
          expect(timeline[k - 1]!.date <= timeline[k]!.date).toBe(true);
        }
        const expected = referencePairs(timeline);
        expect(sorted(searchedPairs(timeline))).toEqual(sorted(expected));
        expectFlagsFollow(timeline, expected);
        if (expected.size > 0) linkedRuns++;
      }),
      runs(300),
    );
    // The vocabulary is small on purpose: a generator that never produced a conflict would prove nothing.
    expect(linkedRuns).toBeGreaterThan(0);
  });

  it("no matter how many unrelated events sit on the days in between", () => {
    fc.assert(
      fc.property(genTimeline, (events) => {
        const plain = buildTimeline(briefingsOf(events));
        // An event is known by its briefing and line, whatever index it lands on among the noise.
        const keyed = (entries: readonly TimelineEntry[], pairs: Set<string>) =>
          sorted(
            [...pairs].map((p) => {
              const [i, j] = p.split(",").map(Number) as [number, number];
              return `${entries[i]!.briefingId}:${entries[i]!.line} ${entries[j]!.briefingId}:${entries[j]!.line}`;
            }),
          );
        // At most ~135 noise events a day (2,000 over the 15+ free days), two shared words each: well
        // inside the per-day visit cap, so the caps do not bind and the reference still applies.
        const used = new Set(events.filter((e) => e.precision === "day").map((e) => e.offset));
        const free: number[] = [];
        for (let off = -7; off <= 35; off++) if (!used.has(off)) free.push(off);
        const noise = Array.from({ length: 2000 }, (_, n) => ({
          date: isoDay(free[n % free.length]!),
          text: noiseText(n),
          line: n + 1,
        }));
        const noisy = [
          ...briefingsOf(events),
          ...Array.from({ length: 40 }, (_, b) =>
            makeBriefing({ date: null, id: `noise${b}`, events: noise.filter((_, n) => n % 40 === b) }),
          ),
        ];
        const timeline = buildTimeline(noisy);
        expect(timeline).toHaveLength(events.length + 2000);
        const expected = keyed(plain, referencePairs(plain));
        expect(keyed(timeline, searchedPairs(timeline))).toEqual(expected);
        // And the flags of the generated events are the ones they had without the noise.
        const flags = (entries: readonly TimelineEntry[]) =>
          entries
            .filter((e) => !e.briefingId.startsWith("noise"))
            .map((e) => `${e.briefingId}:${e.line} ${e.conflict}`)
            .sort();
        expect(flags(timeline)).toEqual(flags(plain));
        expect(timeline.filter((e) => e.briefingId.startsWith("noise") && e.conflict)).toEqual([]);
      }),
      // Each run searches two thousand events; shrinking would take hundreds of them. The property above
      // shrinks the same timelines without the noise.
      { ...runs(10), endOnFailure: true },
    );
  });
});

// --- a year, a week at a time -----------------------------------------------------------------------

const ORDER_A =
  "The Trump administration ordered Anthropic to cut off foreign nationals from its Mythos and Fable models.";
const ORDER_B =
  "The Trump Administration issued a directive barring foreign nationals from Anthropic's Fable and Mythos models.";

describe("a timeline spread over a year", () => {
  // The same two reports recur all year. Only the copies within a week of each other conflict: the
  // search must let go of January before it reaches June, and still see the turn of the year.
  const placed: [id: string, date: string, text: string][] = [
    ["jan-a", "2026-01-01", ORDER_A],
    ["jan-b", "2026-01-03", ORDER_B],
    ["mar-a", "2026-03-02", ORDER_A],
    ["mar-b", "2026-03-09", ORDER_B], // exactly 7 days: a conflict
    ["jun-a", "2026-06-12", ORDER_A],
    ["jun-b", "2026-06-13", ORDER_B],
    ["sep-a", "2026-09-01", ORDER_A],
    ["sep-b", "2026-09-09", ORDER_B], // 8 days: not a conflict
    ["dec-a", "2026-12-28", ORDER_A],
    ["dec-b", "2027-01-02", ORDER_B], // across the turn of the year
  ];
  const linked = ["jan-a", "jan-b", "mar-a", "mar-b", "jun-a", "jun-b", "dec-a", "dec-b"];

  // Unrelated events on every day of the year, from a handful of briefings, so every week is full.
  const noise: Briefing[] = Array.from({ length: 5 }, (_, b) =>
    makeBriefing({
      date: null,
      id: `daily-${b}`,
      events: Array.from({ length: 372 }, (_, d) => ({
        date: new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10),
        text: noiseText(100_000 + b * 1000 + d),
        line: d + 1,
      })),
    }),
  );
  const briefings = [
    ...noise,
    ...placed.map(([id, date, text]) => makeBriefing({ date: null, id, events: [{ date, text }] })),
  ];

  it("uses two reports that do tell one event", () => {
    // Otherwise the expectations below would hold for a search that links nothing.
    expect(reportsSameEvent(ORDER_A, ORDER_B)).toBe(true);
  });

  it("flags the pairs at both ends and in the middle, up to exactly seven days apart", () => {
    const timeline = buildTimeline(briefings);
    const flagged = timeline.filter((e) => e.conflict).map((e) => e.briefingId);
    expect(flagged).toEqual(linked);
    const byId = new Map(timeline.map((e) => [e.briefingId, e]));
    const partner = (id: string) => byId.get(id)!.conflictWith.map((c) => `${c.date} ${c.briefingId}`);
    expect(partner("jan-a")).toEqual(["2026-01-03 jan-b"]);
    expect(partner("mar-b")).toEqual(["2026-03-02 mar-a"]);
    expect(partner("jun-a")).toEqual(["2026-06-13 jun-b"]);
    expect(partner("dec-b")).toEqual(["2026-12-28 dec-a"]);
    expect(byId.get("sep-a")!.conflictWith).toEqual([]);
    expect(byId.get("sep-b")!.conflictWith).toEqual([]);
  });

  it("links the same pairs as a search of every pair", () => {
    const timeline = buildTimeline(briefings);
    const expected = referencePairs(timeline);
    expect(expected.size).toBe(linked.length / 2);
    expect(sorted(searchedPairs(timeline))).toEqual(sorted(expected));
    expectFlagsFollow(timeline, expected);
  });
});

// --- regressions: counterexamples found by the properties above --------------------------------------

describe("a kind of act counts as a shared word, as it does in sameEvent", () => {
  const twoBriefings = (a: string, b: string) =>
    buildTimeline([
      makeBriefing({ date: null, id: "a", events: [{ date: "2026-06-12", text: a }] }),
      makeBriefing({ date: null, id: "b", events: [{ date: "2026-06-13", text: b }] }),
    ]);

  it("flags two reports sharing two words and the act they report", () => {
    // Shared: "permit", "station" and the act "blocked" (suspend): three words.
    const a = "The blocked the permit models of the station.";
    const b = "The blocked the permit station rates.";
    expect(reportsSameEvent(a, b)).toBe(true);
    expect(twoBriefings(a, b).map((e) => e.conflict)).toEqual([true, true]);
  });

  it("flags two reports that share only words for acts", () => {
    const a = "The order was lifted and suspended.";
    const b = "The ban was reversed and blocked.";
    expect(reportsSameEvent(a, b)).toBe(true);
    expect(twoBriefings(a, b).map((e) => e.conflict)).toEqual([true, true]);
  });
});

describe("the partners named for each event", () => {
  it("are those of every pair sorted, one per key, the first few, however the pairs arrive", () => {
    const pair = fc.tuple(fc.nat(30), fc.nat(30)).filter(([a, b]) => a !== b);
    fc.assert(
      fc.property(
        fc.array(pair, { maxLength: 300 }),
        fc.array(fc.nat(6), { minLength: 31, maxLength: 31 }),
        (pairs, keyOf) => {
          const key = (p: number) => String(keyOf[p]);
          const named = new ConflictPartners(key);
          for (const [a, b] of pairs) named.link(a, b);
          // Every pair held, then the rule applied at once.
          const all = new Map<number, number[]>();
          for (const [a, b] of pairs)
            for (const [x, y] of [
              [a, b],
              [b, a],
            ] as const)
              all.set(x, [...(all.get(x) ?? []), y]);
          const expected = new Map<number, number[]>();
          for (const [pos, list] of all) {
            const seen = new Set<string>();
            const kept = [...list].sort((x, y) => x - y).filter((p) => !seen.has(key(p)) && seen.add(key(p)));
            expected.set(pos, kept.slice(0, MAX_CONFLICT_WITH));
          }
          expect(new Map([...named.result()].sort((x, y) => x[0] - y[0]))).toEqual(
            new Map([...expected].sort((x, y) => x[0] - y[0])),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it("are the same when the links `moot` calls idle are never made (the search skips comparing them)", () => {
    // Dense pairs over few positions and keys: lists fill, and most later links are idle.
    const pair = fc.tuple(fc.nat(20), fc.nat(20)).filter(([a, b]) => a !== b);
    let skipped = 0;
    fc.assert(
      fc.property(
        fc.array(pair, { minLength: 100, maxLength: 400 }),
        fc.array(fc.nat(12), { minLength: 21, maxLength: 21 }),
        (pairs, keyOf) => {
          const key = (p: number) => keyOf[p]!;
          const all = new ConflictPartners(key);
          const some = new ConflictPartners(key);
          for (const [a, b] of pairs) {
            all.link(a, b);
            if (some.moot(a, b)) skipped++;
            else some.link(a, b);
          }
          expect(some.result()).toEqual(all.result());
        },
      ),
      { numRuns: 300 },
    );
    expect(skipped).toBeGreaterThan(0);
  });
});

// --- when the caps cut in -----------------------------------------------------------------------------

/**
 * A wire story syndicated hundreds of times a day for twelve days: the same few dozen words in every
 * sentence, so an event's candidate lists hold far more than it may read (MAX_VISITS) or compare
 * (MAX_CANDIDATES). Deterministic (a fixed linear congruential sequence), not fast-check: the pairs
 * found here are pinned.
 */
function syndicated(): TimelineEntry[] {
  let seed = 12345;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const pick = <T>(xs: readonly T[]) => xs[next(xs.length)]!;
  const places = ["harbour", "canal", "border"];
  const entries: TimelineEntry[] = [];
  for (let d = 0; d < 12; d++)
    for (let k = 0; k < 300; k++) {
      const text = `The ${pick(NAMES)} ${pick(VERBS.slice(0, 3))} the ${pick(NOUNS.slice(0, 4))} ${pick(NOUNS.slice(0, 4))} at the ${pick(places)} ${pick(places)}.`;
      entries.push({
        ...briefingEntry({ id: `w${next(400)}`, title: "", date: isoDay(d) }),
        kind: "event",
        text,
      });
    }
  return entries;
}

/** What the search found before its words were numbered (the commit before), pinned. */
const EXPECTED_PAIRS = 181_977;
const EXPECTED_SHA1 = "d41674c76455e24e";

describe("a timeline dense enough for the caps to cut in", () => {
  it("links the same pairs as it always has (which ones the caps keep is what the timeline shows)", () => {
    const pairs = sorted(searchedPairs(syndicated()));
    expect(pairs.length).toBe(EXPECTED_PAIRS);
    expect(createHash("sha1").update(pairs.join("\n")).digest("hex").slice(0, 16)).toBe(EXPECTED_SHA1);
  });
});

// --- the capped rule, step by step ------------------------------------------------------------------

/**
 * The search's whole rule written out plainly, caps included, for events `sources` holds: for each
 * event and each of the seven days after it, the lists of that day's events indexed under each of its
 * words (acts indexed only for a sentence of nothing else), rarest first; when they hold at most
 * MAX_VISITS entries, every event met of another briefing that reports the same event; else the
 * lists read in that order from the event's own place (its ordinal among its day's events, times 31),
 * MAX_VISITS entries in all, and of the events met, the first MAX_CANDIDATES of other briefings
 * compared. Also counts the reads the caps cut and those they did not, so a generator that never
 * reaches one of them is caught.
 */
function referenceCapped(
  entries: readonly TimelineEntry[],
  sources: { from: number; to: number },
): { pairs: Set<string>; capped: number; full: number } {
  const days = entries.map((e) => (e.precision === "day" ? dayNumber(e.date) : Number.NaN));
  const features = entries.map((e) => eventFeatures(e.text));
  const indexed = features.map((f) =>
    f.acts.size === f.words.size ? f.words : new Set([...f.words].filter((w) => !f.acts.has(w))),
  );
  const onDay = new Map<number, number[]>();
  days.forEach((d, i) => {
    if (!Number.isNaN(d)) onDay.set(d, [...(onDay.get(d) ?? []), i]);
  });
  const pairs = new Set<string>();
  let capped = 0;
  let full = 0;
  entries.forEach((e, i) => {
    const day = days[i]!;
    if (Number.isNaN(day) || day < sources.from || day > sources.to) return;
    const ordinal = onDay.get(day)!.indexOf(i);
    for (let off = 1; off <= 7; off++) {
      const those = onDay.get(day + off) ?? [];
      const lists = [...features[i]!.words]
        .map((w) => those.filter((j) => indexed[j]!.has(w)))
        .filter((l) => l.length > 0)
        .sort((a, b) => a.length - b.length);
      const read: number[] = [];
      let budget = MAX_VISITS;
      let complete = true;
      for (const list of lists) {
        const take = Math.min(list.length, budget);
        const begin = (ordinal * 31) % list.length;
        for (let v = 0; v < take; v++) read.push(list[(begin + v) % list.length]!);
        budget -= take;
        if (take < list.length) {
          complete = false;
          break;
        }
      }
      if (!complete) capped++;
      else if (lists.length > 0) full++;
      const others = [...new Set(read)].filter((j) => entries[j]!.briefingId !== e.briefingId);
      for (const j of complete ? others : others.slice(0, MAX_CANDIDATES))
        if (sameEvent(features[i]!, features[j]!)) pairs.add(`${i},${j}`);
    }
  });
  return { pairs, capped, full };
}

/**
 * Days of up to 450 sentences from a handful of words each (a syndicated story), from a seed:
 * some events' lists hold more than MAX_VISITS entries, others fewer. A month's entry may lead.
 */
function denseDays(
  seed: number,
  sizes: readonly number[],
  briefings: number,
  month: boolean,
): TimelineEntry[] {
  let state = seed >>> 0;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const pick = <T>(xs: readonly T[]) => xs[next(xs.length)]!;
  const places = ["harbour", "canal", "border"];
  const entries: TimelineEntry[] = [];
  if (month)
    entries.push({
      ...briefingEntry({ id: "m", title: "", date: isoDay(0).slice(0, 7) }),
      kind: "event",
      precision: "month",
      text: "The Quell council ordered the pump station closed.",
    });
  sizes.forEach((n, d) => {
    for (let k = 0; k < n; k++) {
      const names = next(3) === 0 ? "" : ` ${pick(NAMES.slice(0, 3))}`;
      const text = `The${names} ${pick(VERBS)} the ${pick(NOUNS.slice(0, 3))} ${pick(NOUNS.slice(0, 4))} at the ${pick(places)}${next(2) ? ` ${pick(places)}` : ""}.`;
      // Now and then a sentence of acts alone, the one kind indexed under its acts.
      const acts = `Then ${pick(VERBS)}, ${pick(VERBS)} and ${pick(VERBS)}.`;
      entries.push({
        ...briefingEntry({ id: `w${next(briefings)}`, title: "", date: isoDay(d) }),
        kind: "event",
        text: next(12) === 0 ? acts : text,
      });
    }
  });
  return entries;
}

describe("the search with its caps links what its rule, written out step by step, links", () => {
  it("over dense generated days, searched whole or from a day to a day", () => {
    let cappedReads = 0;
    let fullReads = 0;
    let linked = 0;
    fc.assert(
      fc.property(
        fc.integer(),
        fc.array(fc.integer({ min: 0, max: 450 }), { minLength: 2, maxLength: 4 }),
        fc.integer({ min: 2, max: 40 }),
        fc.boolean(),
        fc.option(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }))),
        (seed, sizes, briefings, month, range) => {
          const entries = denseDays(seed, sizes, briefings, month);
          const base = dayNumber(isoDay(0));
          const sources =
            range === null
              ? { from: -Infinity, to: Infinity }
              : { from: base + Math.min(...range), to: base + Math.max(...range) };
          const expected = referenceCapped(entries, sources);
          cappedReads += expected.capped;
          fullReads += expected.full;
          linked += expected.pairs.size;
          const input: ConflictInput = {
            length: entries.length,
            day: (i) => (entries[i]!.precision === "day" ? dayNumber(entries[i]!.date) : Number.NaN),
            text: (i) => entries[i]!.text,
            briefing: (i) => entries[i]!.briefingId,
          };
          const found: string[] = [];
          for (const _ of findConflicts(input, (i, j) => found.push(`${i},${j}`), sources));
          expect(found.length).toBe(new Set(found).size);
          expect(sorted(found)).toEqual(sorted(expected.pairs));
        },
      ),
      { ...runs(25), endOnFailure: true },
    );
    // Both kinds of read happened (the caps cut in, and did not), and pairs were found.
    expect(cappedReads).toBeGreaterThan(0);
    expect(fullReads).toBeGreaterThan(0);
    expect(linked).toBeGreaterThan(0);
  });
});
