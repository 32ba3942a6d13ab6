// What the views show, derived from the loaded briefings: built once per load (the story) and once per
// filter (the narrowed lists), never per keypress.
import { MONTH_NAMES } from "../briefing/calendar.js";
import type { Briefing, LoadResult } from "../briefing/schema.js";
import { buildActorIndex } from "../story/actors.js";
import { applyFilter, type Filter, filterTimeline } from "../story/filter.js";
import { mergeGlossary } from "../story/glossary.js";
import { buildTimeline, buildTimelineAsync } from "../story/timeline.js";
import type { Searchable } from "./listSearch.js";
import type { TermScope } from "./state.js";

export type TimelineEntry = ReturnType<typeof buildTimeline>[number];
export type GlossaryItem = ReturnType<typeof mergeGlossary>[number];
export type ActorItem = ReturnType<typeof buildActorIndex>[number];

export interface Story {
  data: LoadResult;
  byId: Map<string, Briefing>;
  timeline: TimelineEntry[];
  glossary: GlossaryItem[];
  actors: ActorItem[];
  /** Glossary terms each briefing defines or uses, for highlighting in the reader. */
  termsOf: Map<string, string[]>;
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Stories already built, so that one prepared in the background is not built again by the view. */
const built = new WeakMap<LoadResult, Story>();

function termsOfGlossary(glossary: GlossaryItem[]): Map<string, string[]> {
  const termsOf = new Map<string, string[]>();
  for (const g of glossary) {
    for (const id of new Set([...g.briefingIds, ...g.usedIn])) {
      const list = termsOf.get(id);
      if (list) list.push(g.term);
      else termsOf.set(id, [g.term]);
    }
  }
  return termsOf;
}

function byIdOf(data: LoadResult): Map<string, Briefing> {
  const byId = new Map<string, Briefing>();
  for (const b of data.briefings) byId.set(b.id, b);
  return byId;
}

export function buildStory(data: LoadResult): Story {
  const hit = built.get(data);
  if (hit) return hit;
  // Both come sorted A–Z from the story module.
  const glossary = mergeGlossary(data.briefings);
  const actors = buildActorIndex(data.briefings, data.registry);
  const story: Story = {
    data,
    byId: byIdOf(data),
    timeline: buildTimeline(data.briefings),
    glossary,
    actors,
    termsOf: termsOfGlossary(glossary),
  };
  built.set(data, story);
  return story;
}

/**
 * Builds the story of `data` in steps, calling `pause` between them (and every few hundred timeline
 * events) and awaiting it when it returns a promise: at 100k briefings this is seconds of work that
 * must not stop the reader from answering `q` or Ctrl-C. `buildStory(data)` then returns it at once.
 */
export async function prepareStory(data: LoadResult, pause: () => Promise<void> | undefined): Promise<void> {
  if (built.has(data)) return;
  const step = async () => {
    const wait = pause();
    if (wait) await wait;
  };
  const glossary = mergeGlossary(data.briefings);
  await step();
  const actors = buildActorIndex(data.briefings, data.registry);
  await step();
  const timeline = await buildTimelineAsync(data.briefings, pause);
  await step();
  built.set(data, {
    data,
    byId: byIdOf(data),
    timeline,
    glossary,
    actors,
    termsOf: termsOfGlossary(glossary),
  });
}

/** The heading an event is grouped under: "June 2026", or "2026" for an event known only by year. */
export function groupLabel(e: { date: string; precision: string }): string {
  const year = e.date.slice(0, 4);
  if (e.precision === "year" || e.date.length < 7) return year;
  const month = MONTH_NAMES[Number(e.date.slice(5, 7)) - 1];
  return month ? `${month} ${year}` : year;
}

function groupKey(e: { date: string; precision: string }): string {
  return e.precision === "year" ? e.date.slice(0, 4) : e.date.slice(0, 7);
}

/**
 * The timeline as screen rows: a heading row before each month's events. `rows[r]` is the entry index
 * for an event row, or -(entry index + 1) for the heading above that entry. Typed arrays keep 500k
 * rows cheap.
 */
export interface TimelineRows extends Searchable {
  entries: readonly TimelineEntry[];
  rows: Int32Array;
  selectable: (row: number) => boolean;
  entryAt: (row: number) => TimelineEntry | undefined;
  headingAt: (row: number) => string | undefined;
  titleOf: (id: string) => string;
}

export function timelineRows(entries: readonly TimelineEntry[], byId: Map<string, Briefing>): TimelineRows {
  const rows: number[] = [];
  let key: string | null = null;
  entries.forEach((e, i) => {
    const k = groupKey(e);
    if (k !== key) {
      rows.push(-(i + 1));
      key = k;
    }
    rows.push(i);
  });
  const arr = Int32Array.from(rows);
  const entryAt = (row: number) => {
    const v = arr[row];
    return v !== undefined && v >= 0 ? entries[v] : undefined;
  };
  const titleOf = (id: string) => byId.get(id)?.title ?? id;
  return {
    entries,
    rows: arr,
    total: arr.length,
    selectable: (row) => (arr[row] ?? -1) >= 0,
    entryAt,
    headingAt: (row) => {
      const v = arr[row];
      if (v === undefined || v >= 0) return undefined;
      const e = entries[-v - 1];
      return e ? groupLabel(e) : undefined;
    },
    titleOf,
    text: (row) => {
      const e = entryAt(row);
      return e ? `${e.date} ${e.text} ${e.briefingId} ${titleOf(e.briefingId)}` : "";
    },
  };
}

export interface Narrowed {
  /** Briefings matching the filter (and term), newest first. */
  briefings: Briefing[];
  briefingList: Searchable;
  timeline: TimelineRows;
  glossary: GlossaryItem[];
  glossaryList: Searchable;
}

function newestFirst(a: Briefing, b: Briefing): number {
  if (a.date === b.date) return collator.compare(a.title, b.title);
  if (a.date === null) return 1;
  if (b.date === null) return -1;
  return a.date < b.date ? 1 : -1;
}

export function narrow(story: Story, filter: Filter, term: TermScope | null, unfiltered: boolean): Narrowed {
  const { data } = story;
  let briefings = unfiltered ? [...data.briefings] : applyFilter(data.briefings, filter, data.registry);
  if (term) {
    const ids = new Set(term.briefingIds);
    briefings = briefings.filter((b) => ids.has(b.id));
  }
  briefings.sort(newestFirst);
  const all = unfiltered && !term;
  const entries = all ? story.timeline : filterTimeline(story.timeline, filter, briefings);
  let glossary = story.glossary;
  if (!all) {
    const ids = new Set(briefings.map((b) => b.id));
    glossary = glossary.filter(
      (g) => g.briefingIds.some((id) => ids.has(id)) || g.usedIn.some((id) => ids.has(id)),
    );
  }
  return {
    briefings,
    briefingList: {
      total: briefings.length,
      text: (row) => {
        const b = briefings[row];
        return b ? `${b.date ?? ""} ${b.title} ${b.id} ${b.actors.join(" ")} ${b.tags.join(" ")}` : "";
      },
    },
    timeline: timelineRows(entries, story.byId),
    glossary,
    glossaryList: {
      total: glossary.length,
      text: (row) => {
        const g = glossary[row];
        return g ? `${g.term} ${g.definition}` : "";
      },
    },
  };
}
