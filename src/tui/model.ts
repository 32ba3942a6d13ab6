// What the views show, derived from the story: the narrowed lists are built once per filter, never
// per keypress, and from columns and indexes only, so that a story read lazily from a snapshot is
// decoded no further than the rows on screen (a filter decodes the summaries once).
import { MONTH_NAMES } from "../briefing/calendar.js";
import type { Briefing } from "../briefing/schema.js";
import type { ActorEntry } from "../story/actors.js";
import { applyFilter, type Filter, inFilterDates, isEmptyFilter, summaryFilter } from "../story/filter.js";
import type { GlossaryTerm } from "../story/glossary.js";
import { queryTerms } from "../story/search.js";
import type { TimelineEntry as StoryTimelineEntry } from "../story/timeline.js";
import { codeDate, type StoryEvent, type StoryView, type Summary } from "../story/view.js";
import type { Searchable } from "./listSearch.js";
import type { TermScope } from "./state.js";

export type TimelineEntry = StoryEvent;
export type { StoryTimelineEntry };
export type GlossaryItem = GlossaryTerm;
export type ActorItem = ActorEntry;

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
  const year = e.date.slice(0, 4);
  if (e.precision === "year" || e.date.length < 7) return year;
  const month = MONTH_NAMES[Number(e.date.slice(5, 7)) - 1];
  return month ? `${month} ${year}` : year;
}

function groupOfCode(code: number): number {
  // Year-only events group by year, everything else by month.
  return code % 10000 === 0 ? code : Math.floor(code / 100) * 100 + 1;
}

/**
 * The timeline as screen rows: a heading row before each month's events. `rows[r]` is the position in
 * `events` for an event row, or -(position + 1) for the heading above that event. Typed arrays keep
 * a million rows cheap.
 */
export interface TimelineRows extends Searchable {
  /** Indexes into the story's timeline, in order. */
  events: Int32Array;
  rows: Int32Array;
  selectable: (row: number) => boolean;
  entryAt: (row: number) => TimelineEntry | undefined;
  headingAt: (row: number) => string | undefined;
  titleOf: (entry: TimelineEntry) => string;
}

export function timelineRows(story: StoryView, events: Int32Array): TimelineRows {
  const rows = new Int32Array(events.length * 2);
  let n = 0;
  let group = -1;
  for (let i = 0; i < events.length; i++) {
    const g = groupOfCode(story.eventDate[events[i]!]!);
    if (g !== group) {
      rows[n++] = -(i + 1);
      group = g;
    }
    rows[n++] = i;
  }
  const arr = rows.slice(0, n);
  const entryAt = (row: number) => {
    const v = arr[row];
    return v !== undefined && v >= 0 ? story.timeline.get(events[v]!) : undefined;
  };
  const titleOf = (e: TimelineEntry) => story.briefings.get(e.briefing)?.title ?? e.briefingId;
  return {
    events,
    rows: arr,
    total: arr.length,
    selectable: (row) => (arr[row] ?? -1) >= 0,
    entryAt,
    headingAt: (row) => {
      const v = arr[row];
      if (v === undefined || v >= 0) return undefined;
      const code = story.eventDate[events[-v - 1]!];
      if (code === undefined) return undefined;
      const date = codeDate(code);
      return groupLabel({
        date,
        precision: code % 100 === 0 ? (code % 10000 === 0 ? "year" : "month") : "day",
      });
    },
    titleOf,
    text: (row) => {
      const e = entryAt(row);
      return e ? `${e.date} ${e.text} ${e.briefingId} ${titleOf(e)}` : "";
    },
  };
}

export interface Narrowed {
  /** Indexes of the briefings matching the filter (and term), newest first. */
  briefings: Int32Array;
  briefingList: Searchable;
  timeline: TimelineRows;
  glossary: readonly GlossaryItem[];
  glossaryList: Searchable;
}

/** Which briefings (by index) the filter and term let through. */
function keptBriefings(story: StoryView, filter: Filter, term: TermScope | null): Uint8Array {
  const n = story.briefings.length;
  const keep = new Uint8Array(n);
  const ids = term ? new Set(term.briefingIds) : null;
  const body = story.body;
  if (body && queryTerms(filter.query ?? "").length > 0) {
    // Held in memory: the query and actor mentions look in the text, exactly as `list` does.
    const all: Briefing[] = [];
    for (let i = 0; i < n; i++) all.push(body(i)!);
    const pass = new Set(applyFilter(all, filter, story.registry));
    all.forEach((b, i) => {
      if (pass.has(b) && (!ids || ids.has(b.id))) keep[i] = 1;
    });
    return keep;
  }
  const pass = summaryFilter(filter, story.registry);
  allSummaries(story).forEach((s, i) => {
    if (pass(s) && (!ids || ids.has(s.id))) keep[i] = 1;
  });
  return keep;
}

const everything = new WeakMap<StoryView, Int32Array>();

function allEvents(story: StoryView): Int32Array {
  let all = everything.get(story);
  if (!all) {
    all = new Int32Array(story.timeline.length);
    for (let i = 0; i < all.length; i++) all[i] = i;
    everything.set(story, all);
  }
  return all;
}

function searchable(story: StoryView, order: Int32Array): Searchable {
  return {
    total: order.length,
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

export function narrow(
  story: StoryView,
  filter: Filter,
  term: TermScope | null,
  unfiltered: boolean,
): Narrowed {
  const all = (unfiltered || isEmptyFilter(filter)) && !term;
  if (all) {
    // The glossary is read from a snapshot when first shown, not for the first frame.
    let glossaryList: Searchable | undefined;
    return {
      briefings: story.newest,
      briefingList: searchable(story, story.newest),
      timeline: timelineRows(story, allEvents(story)),
      get glossary() {
        return story.glossary;
      },
      get glossaryList() {
        glossaryList ??= glossarySearchable(story.glossary);
        return glossaryList;
      },
    };
  }
  const keep = keptBriefings(story, filter, term);
  const briefings = story.newest.filter((i) => keep[i] === 1);
  const events: number[] = [];
  const dated = Boolean(filter.since || filter.until);
  for (let i = 0; i < story.eventBriefing.length; i++) {
    if (keep[story.eventBriefing[i]!] !== 1) continue;
    if (dated && !inFilterDates(codeDate(story.eventDate[i]!), filter)) continue;
    events.push(i);
  }
  const ids = new Set<string>();
  for (const i of briefings) ids.add(story.briefings.get(i)?.id ?? "");
  const glossary = story.glossary.filter(
    (g) => g.briefingIds.some((id) => ids.has(id)) || g.usedIn.some((id) => ids.has(id)),
  );
  return {
    briefings,
    briefingList: searchable(story, briefings),
    timeline: timelineRows(story, Int32Array.from(events)),
    glossary,
    glossaryList: glossarySearchable(glossary),
  };
}
