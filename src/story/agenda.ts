// The agenda: every item of every briefing's What to watch, and what later briefings made of it.
//
// An item is a paragraph or bullet of a briefing's What to watch. A later briefing FOLLOWS IT UP when
//   1. its front matter `follows` names the item's briefing (every item of that briefing), or
//   2. all of these hold:
//      - both briefings are dated and the later one's date is after the item's briefing's date;
//      - the two share an actor or a glossary term they define;
//      - the item's words are in the later briefing's report (its title, key points, What happened
//        and Why it matters; not its own What to watch, which may only ask the same question
//        again): at least MIN_WORDS of the item's content words, and at least MIN_SHARE of them.
//        Content words are the timeline's (stop words dropped, light stemming, a kind of act
//        counted as one word: "lifted" and "reversed" agree), without the words of watching
//        itself ("watch", "whether", "next", ...).
//      The rule compares an item with the FOLLOW_UP_CANDIDATES (50) nearest later briefings sharing
//      an actor or a term, so that a large archive is not compared pair by pair.
// Items are newest first (by their briefing's date, undated last), in text order within a briefing.
// Pure: it reads AgendaSources, made from a whole Briefing here or from a digest by the loader.

import { actorKey } from "../briefing/actor-names.js";
import type { Briefing } from "../briefing/schema.js";
import { termKey } from "./glossary.js";
import { addContentWords, eventFeatures } from "./timeline.js";

export const MIN_WORDS = 3;
export const MIN_SHARE = 0.3;
/** Later briefings the rule compares an item with: the nearest that share an actor or a term. */
export const FOLLOW_UP_CANDIDATES = 50;

/** Words every watch item uses and that say nothing of what is watched. */
const WATCHING = new Set(
  `watch watching whether next look looking see seeing sign signs question questions likely probable
  will whatever coming come ahead expect expected outcome first also how much far`.split(/\s+/),
);

/** What the agenda needs of one briefing. */
export interface AgendaSource {
  id: string;
  date: string | null;
  /** Actor names (canonical or not: compared by key). */
  actors: readonly string[];
  /** Glossary terms it defines. */
  terms: readonly string[];
  /** Its What to watch, one item per paragraph or bullet. */
  watch: readonly string[];
  /** Front matter `follows`: ids of briefings it follows up. */
  follows: readonly string[];
  /** The content words of its report (see `reportWords`). */
  words: readonly string[];
}

export type AgendaStatus = "open" | "followed";

export interface AgendaItem {
  briefingId: string;
  date: string | null;
  text: string;
  status: AgendaStatus;
  /** Ids of the briefings that follow the item up, oldest first. */
  followedBy: string[];
}

function contentWords(text: string): string[] {
  return [...eventFeatures(text).words].filter((w) => !WATCHING.has(w));
}

/** The content words of a briefing's report, sorted and without repeats (what a digest carries). */
export function reportWords(texts: Iterable<string>): string[] {
  const words = new Set<string>();
  for (const t of texts) addContentWords(t, words);
  return [...words].sort();
}

/** What the agenda needs of a whole briefing; `follows` is its front matter's. */
export function agendaSource(b: Briefing): AgendaSource {
  // Pushed, not spread from `map`s: an empty list's copy has another V8 elements kind, and the
  // function was compiled again for it (a cold load runs it for every file).
  const report = [b.title];
  for (const list of [b.keyPoints, b.sections.whatHappened, b.sections.whyItMatters])
    for (const p of list) report.push(p.text);
  return {
    id: b.id,
    date: b.date,
    actors: b.actors,
    terms: b.glossary.map((g) => g.term),
    watch: b.sections.whatToWatch.map((p) => p.text),
    follows: b.follows,
    words: reportWords(report),
  };
}

/** What the agenda needs of a briefing's digest (briefing/digest.ts). */
export function digestAgenda(d: {
  id: string;
  date: string | null;
  actors: readonly string[];
  glossary: readonly { term: string }[];
  watch: readonly string[];
  follows: readonly string[];
  words: readonly string[];
}): AgendaSource {
  return {
    id: d.id,
    date: d.date,
    actors: d.actors,
    terms: d.glossary.map((g) => g.term),
    watch: d.watch,
    follows: d.follows,
    words: d.words,
  };
}

/** What the rule reads of a source, made once per briefing. */
interface Prepared {
  source: AgendaSource;
  keys: Set<string>;
  words: Set<string>;
}

function prepare(source: AgendaSource): Prepared {
  return {
    source,
    keys: new Set([...source.actors.map(actorKey), ...source.terms.map((t) => `term:${termKey(t)}`)]),
    words: new Set(source.words),
  };
}

function sharesKey(earlier: Prepared, later: Prepared): boolean {
  for (const k of later.keys) if (earlier.keys.has(k)) return true;
  return false;
}

/** The date and words parts of the rule; stops as soon as the count is reached or out of reach. */
function reportTakesUp(words: readonly string[], earlier: Prepared, later: Prepared): boolean {
  const e = earlier.source.date;
  const l = later.source.date;
  if (e === null || l === null || l <= e || words.length === 0) return false;
  const need = Math.max(MIN_WORDS, MIN_SHARE * words.length);
  let found = 0;
  let left = words.length;
  for (const w of words) {
    left--;
    if (later.words.has(w) && ++found >= need) return true;
    if (found + left < need) return false;
  }
  return false;
}

function itemTakenUp(words: readonly string[], earlier: Prepared, later: Prepared): boolean {
  return sharesKey(earlier, later) && reportTakesUp(words, earlier, later);
}

/** Whether `later`'s report takes up `item` of `earlier` by the rule above (the front matter aside). */
export function takesUp(item: string, earlier: AgendaSource, later: AgendaSource): boolean {
  return itemTakenUp(contentWords(item), prepare(earlier), prepare(later));
}

function newestFirst(a: AgendaSource, b: AgendaSource): number {
  if (a.date === b.date) return 0;
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? 1 : -1;
}

/**
 * Every watch item of `sources`, newest first, each with the briefings that follow it up. The rule
 * looks at the FOLLOW_UP_CANDIDATES nearest later briefings that share an actor or a term with the
 * item's briefing (found through an index, so an archive of 100k briefings is not compared pair by
 * pair); `follows` is honoured whatever the distance.
 */
export function buildAgenda(sources: readonly AgendaSource[]): AgendaItem[] {
  const dated = sources.filter((s) => s.date !== null).sort((a, b) => -newestFirst(a, b));
  const place = new Map<AgendaSource, number>();
  dated.forEach((s, i) => {
    place.set(s, i);
  });
  const prepared = new Map<AgendaSource, Prepared>();
  const prep = (s: AgendaSource) => {
    let p = prepared.get(s);
    if (!p) {
      p = prepare(s);
      prepared.set(s, p);
    }
    return p;
  };
  // key -> places (in date order) of the dated briefings carrying it.
  const byKey = new Map<string, number[]>();
  dated.forEach((s, i) => {
    if (s.watch.length === 0 && s.words.length === 0) return;
    for (const k of prep(s).keys) {
      const list = byKey.get(k);
      if (list) list.push(i);
      else byKey.set(k, [i]);
    }
  });
  const followers = new Map<string, AgendaSource[]>();
  for (const s of sources) {
    for (const id of s.follows) {
      const list = followers.get(id);
      if (list) list.push(s);
      else followers.set(id, [s]);
    }
  }
  const items: AgendaItem[] = [];
  for (const s of [...sources].sort(newestFirst)) {
    if (s.watch.length === 0) continue;
    const at = place.get(s);
    const candidates: number[] = [];
    if (at !== undefined) {
      const seen = new Set<number>();
      for (const k of prep(s).keys) {
        const list = byKey.get(k) ?? [];
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (list[mid]! <= at) lo = mid + 1;
          else hi = mid;
        }
        for (let j = lo; j < list.length && j < lo + FOLLOW_UP_CANDIDATES; j++) seen.add(list[j]!);
      }
      candidates.push(...[...seen].sort((a, b) => a - b).slice(0, FOLLOW_UP_CANDIDATES));
    }
    const explicit = followers.get(s.id) ?? [];
    const earlier = prep(s);
    // Candidates were found through a key the two share: only dates and words are left to compare.
    const later = candidates.map((c) => prep(dated[c]!));
    for (const text of s.watch) {
      const words = contentWords(text);
      const by = new Set<AgendaSource>(explicit.filter((f) => f !== s));
      for (const p of later) {
        if (!by.has(p.source) && reportTakesUp(words, earlier, p)) by.add(p.source);
      }
      const followedBy = [...by].sort((a, b) => -newestFirst(a, b)).map((f) => f.id);
      items.push({
        briefingId: s.id,
        date: s.date,
        text,
        status: followedBy.length > 0 ? "followed" : "open",
        followedBy,
      });
    }
  }
  return items;
}
