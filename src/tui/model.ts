// What the views show, derived from the story: the narrowed lists are built once per filter, never
// per keypress, and from columns and indexes only, so that a story read lazily from a snapshot is
// decoded no further than the rows on screen (a filter decodes the summaries once).
import { MONTH_NAMES, UNKNOWN_YEAR_HEADING } from "../briefing/calendar.js";
import { type Filter, filterTest, inFilterDates, isEmptyFilter, withoutDates } from "../story/filter.js";
import { isUpcoming } from "../story/timeline.js";
import {
  codeDate,
  dateCode,
  groupStarts,
  type StoryActor,
  type StoryEvent,
  type StoryTerm,
  type StoryView,
  type Summary,
} from "../story/view.js";
import type { Searchable } from "./listSearch.js";
import type { OnlyScope, TermScope } from "./state.js";

export type TimelineEntry = StoryEvent;
export type GlossaryItem = StoryTerm;
export type ActorItem = StoryActor;

const summariesOf = new WeakMap<StoryView, Summary[]>();

/** Every summary, decoded once per story (what a filter needs). */
export function allSummaries(story: StoryView): Summary[] {
  let all = summariesOf.get(story);
  if (!all) {
    all = [];
    for (let i = 0; i < story.briefings.length; i++) {
      const s = story.briefings.get(i);
      if (s) all.push(s);
      else
        all.push({
          id: "",
          path: "",
          relPath: "",
          title: "",
          date: null,
          dateInferred: false,
          source: null,
          actors: [],
          tags: [],
          story: null,
        });
    }
    summariesOf.set(story, all);
  }
  return all;
}

const idsOf = new WeakMap<StoryView, Map<string, number>>();

/** The index of the briefing with `id`, or -1. */
export function indexOfId(story: StoryView, id: string): number {
  let ids = idsOf.get(story);
  if (!ids) {
    const made = new Map<string, number>();
    allSummaries(story).forEach((s, i) => {
      made.set(s.id, i);
    });
    idsOf.set(story, made);
    ids = made;
  }
  return ids.get(id) ?? -1;
}

/** The heading an event is grouped under: "June 2026", or "2026" for an event known only by year. */
export function groupLabel(e: { date: string; precision: string }): string {
  if (e.date.startsWith("--")) return UNKNOWN_YEAR_HEADING;
  const year = e.date.slice(0, 4);
  if (e.precision === "year" || e.date.length < 7) return year;
  const month = MONTH_NAMES[Number(e.date.slice(5, 7)) - 1];
  return month ? `${month} ${year}` : year;
}

/**
 * The timeline as screen rows: a heading row before each month's events. Only where the headings
 * fall is kept (a few hundred positions), and a row is found from them by binary search, so a
 * timeline of a million events costs one pass over its date column and no row table.
 */
export interface TimelineRows extends Searchable {
  /** How many events the rows show. */
  count: number;
  /** Position among the shown events for an event row, -(position + 1) for a heading row. */
  positionAt: (row: number) => number | undefined;
  selectable: (row: number) => boolean;
  entryAt: (row: number) => TimelineEntry | undefined;
  headingAt: (row: number) => string | undefined;
  titleOf: (entry: TimelineEntry) => string;
  /** The row of the event of briefing `briefing` (an index) on `date`, or -1 when it is not shown. */
  rowOf: (briefing: number, date: string) => number;
}

/** The rows of `events` (indexes into the story's timeline, in order), or of every event when null. */
export function timelineRows(story: StoryView, events: Int32Array | null): TimelineRows {
  const count = events ? events.length : story.timeline.length;
  const heads: ArrayLike<number> = events
    ? groupStarts(Array.from(events, (i) => story.eventDate[i]!))
    : (story.timelineHeads ?? groupStarts(story.eventDate));
  const total = count + heads.length;
  // Heading k sits on row heads[k] + k; the event at position p on row p + (headings up to p).
  const positionAt = (row: number): number | undefined => {
    if (!(row >= 0 && row < total)) return undefined;
    let lo = 0;
    let hi = heads.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (heads[mid]! + mid <= row) lo = mid;
      else hi = mid - 1;
    }
    const start = heads[lo]! + lo;
    return row === start ? -(heads[lo]! + 1) : row - (lo + 1);
  };
  const eventIndex = (p: number) => (events ? events[p] : p);
  const entryAt = (row: number) => {
    const v = positionAt(row);
    return v !== undefined && v >= 0 ? story.timeline.get(eventIndex(v) ?? -1) : undefined;
  };
  const titleOf = (e: TimelineEntry) => story.briefings.get(e.briefing)?.title ?? e.briefingId;
  const rowOf = (briefing: number, date: string): number => {
    const code = dateCode(date);
    const dates = story.eventDate;
    let lo = 0;
    let hi = dates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dates[mid]! < code) lo = mid + 1;
      else hi = mid;
    }
    for (let p = lo; p < dates.length && dates[p] === code; p++) {
      if (story.eventBriefing[p] !== briefing || story.timeline.get(p)?.kind !== "event") continue;
      let position = p;
      if (events) {
        position = lowerBound(events, p);
        if (events[position] !== p) return -1;
      }
      // Headings at or before the position each add a row.
      let k = 0;
      let h = heads.length;
      while (k < h) {
        const mid = (k + h) >> 1;
        if (heads[mid]! <= position) k = mid + 1;
        else h = mid;
      }
      return position + k;
    }
    return -1;
  };
  return {
    count,
    rowOf,
    positionAt,
    total,
    selectable: (row) => (positionAt(row) ?? -1) >= 0,
    entryAt,
    headingAt: (row) => {
      const v = positionAt(row);
      if (v === undefined || v >= 0) return undefined;
      // From the event's own record: the first frame then reads no date column at all.
      const e = story.timeline.get(eventIndex(-v - 1) ?? -1);
      return e ? groupLabel(e) : undefined;
    },
    titleOf,
    text: (row) => {
      const e = entryAt(row);
      return e ? `${e.date} ${e.text} ${e.briefingId} ${titleOf(e)}` : "";
    },
  };
}

function lowerBound(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface Narrowed {
  /** Indexes of the briefings matching the filter (and term), newest first; dates are briefing dates. */
  briefings: Int32Array;
  /** How many briefings the timeline's events come from (its dates are the events' own). */
  timelineBriefings: number;
  briefingList: Searchable;
  timeline: TimelineRows;
  glossary: readonly GlossaryItem[];
  glossaryList: Searchable;
}

/** Which briefings (by index) the filter and term let through. */
function keptBriefings(
  story: StoryView,
  filter: Filter,
  term: TermScope | null,
  only: OnlyScope | null,
): Uint8Array {
  const n = story.briefings.length;
  const keep = new Uint8Array(n);
  let ids = term ? new Set(term.briefings) : null;
  if (only) {
    const within = ids;
    ids = new Set(only.briefings.filter((i) => within === null || within.has(i)));
  }
  // Actor mentions and the query are looked for in each briefing's whole text through the story's
  // index (the store's full-text index): the same meaning as `list`.
  const pass = filterTest<Summary>(filter, story.registry, story.text);
  allSummaries(story).forEach((s, i) => {
    if (pass(s) && (!ids || ids.has(i))) keep[i] = 1;
  });
  return keep;
}

function searchable(story: StoryView, order: Int32Array): Searchable {
  return {
    total: order.length,
    // `/` finds a briefing by its whole text, through the store's index, as `--query` does.
    query(q) {
      const hits = story.text.query(q);
      if (hits === null) return null;
      return (row) => hits.at(order[row] ?? -1);
    },
    text: (row) => {
      const b = story.briefings.get(order[row] ?? -1);
      return b ? `${b.date ?? ""} ${b.title} ${b.id} ${b.actors.join(" ")} ${b.tags.join(" ")}` : "";
    },
  };
}

function glossarySearchable(glossary: readonly GlossaryItem[]): Searchable {
  return {
    total: glossary.length,
    text: (row) => {
      const g = glossary[row];
      return g ? `${g.term} ${g.definition}` : "";
    },
  };
}

/** The unfiltered lists of a story, built once: the painted first frame and the App share them. */
const everything = new WeakMap<StoryView, Narrowed>();

/**
 * The story narrowed to a filter. A date filter means the briefing's date in the briefings list and
 * the glossary, and the event's own date on the timeline (as `timeline --since/--until` does): a July
 * briefing's June event is on a June timeline. `upcoming` (YYYY-MM-DD, today) keeps only the timeline's
 * rows dated that day or later.
 */
export function narrow(
  story: StoryView,
  filter: Filter,
  term: TermScope | null,
  unfiltered: boolean,
  upcoming: string | null = null,
  only: OnlyScope | null = null,
): Narrowed {
  const all = (unfiltered || isEmptyFilter(filter)) && !term && !only && upcoming === null;
  if (all) {
    const built = everything.get(story);
    if (built) return built;
    // The glossary is read from a snapshot when first shown, not for the first frame.
    let glossaryList: Searchable | undefined;
    const lists: Narrowed = {
      briefings: story.newest,
      timelineBriefings: story.briefings.length,
      briefingList: searchable(story, story.newest),
      timeline: timelineRows(story, null),
      get glossary() {
        return story.glossary;
      },
      get glossaryList() {
        glossaryList ??= glossarySearchable(story.glossary);
        return glossaryList;
      },
    };
    everything.set(story, lists);
    return lists;
  }
  const keep = keptBriefings(story, filter, term, only);
  const briefings = story.newest.filter((i) => keep[i] === 1);
  const events: number[] = [];
  const dated = Boolean(filter.since || filter.until);
  const keepEvents = dated ? keptBriefings(story, withoutDates(filter), term, only) : keep;
  const from = new Uint8Array(story.briefings.length);
  let timelineBriefings = 0;
  for (let i = 0; i < story.eventBriefing.length; i++) {
    const b = story.eventBriefing[i]!;
    if (keepEvents[b] !== 1) continue;
    if (dated || upcoming !== null) {
      const date = codeDate(story.eventDate[i]!);
      if (dated && !inFilterDates(date, filter)) continue;
      if (upcoming !== null && !isUpcoming({ date, yearUnknown: false }, upcoming)) continue;
    }
    events.push(i);
    if (from[b] === 0) {
      from[b] = 1;
      timelineBriefings++;
    }
  }
  const kept = (list: Int32Array) => list.some((i) => keep[i] === 1);
  const glossary = story.glossary.filter((g) => kept(g.definedIn) || kept(g.usedIn));
  return {
    briefings,
    timelineBriefings,
    briefingList: searchable(story, briefings),
    timeline: timelineRows(story, Int32Array.from(events)),
    glossary,
    glossaryList: glossarySearchable(glossary),
  };
}

export interface TagItem {
  tag: string;
  count: number;
}

const tagsOf = new WeakMap<StoryView, TagItem[]>();

/** Every tag of the story with how many briefings carry it, by name (case folded together). */
export function tagItems(story: StoryView): readonly TagItem[] {
  let items = tagsOf.get(story);
  if (!items) {
    const counts = new Map<string, TagItem>();
    for (const s of allSummaries(story)) {
      for (const t of new Set(s.tags.map((x) => x.trim()).filter(Boolean))) {
        const key = t.toLowerCase();
        const item = counts.get(key);
        if (item) item.count++;
        else counts.set(key, { tag: t, count: 1 });
      }
    }
    items = [...counts.values()].sort((a, b) => a.tag.localeCompare(b.tag, "en", { sensitivity: "base" }));
    tagsOf.set(story, items);
  }
  return items;
}
