// The filter shared by the command line and the reader: dates, actors, tags and a text query.
import { actorKey, canonicalActor, registryEntry } from "../briefing/actor-names.js";
import type { Briefing, RegistryActor } from "../briefing/schema.js";
import { memoryTextIndex, queryParts, type TextIndex } from "./search.js";
import type { TimelineEntry } from "./timeline.js";

export interface Filter {
  /** YYYY-MM-DD, inclusive. */
  since?: string;
  /** YYYY-MM-DD, inclusive. */
  until?: string;
  /** Any of these (names, aliases or mentions in the text). */
  actors: string[];
  /** Any of these (case-insensitive). */
  tags: string[];
  query?: string;
  /** Briefings of this story only (case-insensitive); see `storyOf`. */
  story?: string;
}

export const emptyFilter: Filter = Object.freeze({ actors: [], tags: [] }) as Filter;

export function isEmptyFilter(f: Filter): boolean {
  return (
    !f.since &&
    !f.until &&
    !f.story &&
    f.actors.length === 0 &&
    f.tags.length === 0 &&
    queryParts(f.query ?? "").length === 0
  );
}

interface ActorMatcher {
  keys: Set<string>;
  spellings: string[];
}

function actorMatcher(name: string, registry: readonly RegistryActor[]): ActorMatcher {
  const entry = registryEntry(name, registry);
  const names = [name, canonicalActor(name, registry), ...(entry ? [entry.name, ...entry.aliases] : [])];
  const spellings = [
    ...new Set(names.map((n) => n.replace(/\s+/g, " ").trim().toLowerCase()).filter(Boolean)),
  ];
  return { keys: new Set(names.map(actorKey)), spellings };
}

function inRange(date: string, since: string | undefined, until: string | undefined): boolean {
  // A date whose year is unknown (`--06-12`) lies in no range, as an undated briefing does.
  if ((since || until) && date.startsWith("--")) return false;
  // Compared at the date's own precision: "2026-06" is within since 2026-06-15.
  if (since && date < since.slice(0, date.length)) return false;
  if (until && date > until.slice(0, date.length)) return false;
  return true;
}

/** What a filter reads of a briefing besides the text it searches. */
export type FilterFields = Pick<Briefing, "id" | "title" | "date" | "actors" | "tags" | "story">;

/**
 * The filter as a test of one briefing. Actor names are matched against the briefing's actors and,
 * through `text`, mentions in its text; the query through `text` too (the store's full-text index,
 * or briefings' text in memory): one meaning for `list`, the other commands and the reader.
 */
export function filterTest<T extends FilterFields>(
  filter: Filter,
  registry: readonly RegistryActor[],
  text: TextIndex,
  /** What `text`'s answers name a briefing by (its id unless the index says otherwise). */
  key: (b: T) => string = (b) => b.id,
): (b: T) => boolean {
  if (isEmptyFilter(filter)) return () => true;
  const dated = Boolean(filter.since || filter.until);
  const actors = filter.actors.map((a) => {
    const m = actorMatcher(a, registry);
    const mentioned = new Set<string>();
    for (const s of m.spellings) for (const id of text.mentions(s)) mentioned.add(id);
    return { keys: m.keys, mentioned };
  });
  const tags = new Set(filter.tags.map((t) => t.trim().toLowerCase()).filter(Boolean));
  const found = text.query(filter.query ?? "");
  const story = filter.story?.toLowerCase();
  return (b) => {
    if (story && b.story?.toLowerCase() !== story) return false;
    if (dated && (b.date === null || !inRange(b.date, filter.since, filter.until))) return false;
    if (tags.size > 0 && !b.tags.some((t) => tags.has(t.toLowerCase()))) return false;
    if (actors.length > 0) {
      const own = b.actors.map(actorKey);
      if (!actors.some((m) => own.some((k) => m.keys.has(k)) || m.mentioned.has(key(b)))) return false;
    }
    return found === null || found.has(key(b));
  };
}

/** The briefings the filter lets through, in their given order. */
export function applyFilter<T extends Briefing>(
  briefings: readonly T[],
  filter: Filter,
  registry: readonly RegistryActor[],
): T[] {
  return briefings.filter(filterTest(filter, registry, memoryTextIndex(briefings)));
}

/** `applyFilter` for briefings as the store holds them (summaries), matched through its index. */
export function filterItems<T extends FilterFields>(
  items: readonly T[],
  filter: Filter,
  registry: readonly RegistryActor[],
  text: TextIndex,
): T[] {
  return items.filter(filterTest(filter, registry, text));
}

/** Whether `date` (at its own precision) lies within the filter's dates. */
export function inFilterDates(date: string, filter: Filter): boolean {
  return inRange(date, filter.since, filter.until);
}

/**
 * Timeline entries whose event date lies within the filter's dates (at the event's precision) and
 * whose briefing is among `briefingsAfterFilter`. For a timeline of events by their own dates, pass
 * briefings filtered with `withoutDates(filter)`, so a July briefing's June event is not lost.
 */
export function filterTimeline(
  entries: readonly TimelineEntry[],
  filter: Filter,
  briefingsAfterFilter: readonly { id: string }[],
): TimelineEntry[] {
  const ids = new Set(briefingsAfterFilter.map((b) => b.id));
  return entries.filter((e) => ids.has(e.briefingId) && inRange(e.date, filter.since, filter.until));
}

/** The filter without its date bounds. */
export function withoutDates(filter: Filter): Filter {
  const { since: _since, until: _until, ...rest } = filter;
  return rest;
}

/**
 * A one-line summary for headers: "since 2026-06-01 · actor BIS · tag export-controls". `dated` names
 * what the dates select ("events dated until 2026-06-15"), where a header must say which.
 */
export function describeFilter(filter: Filter, dated?: "events" | "briefings"): string {
  const parts: string[] = [];
  const subject = dated ? `${dated} dated ` : "";
  if (filter.since && filter.until) {
    parts.push(
      subject + (filter.since === filter.until ? `on ${filter.since}` : `${filter.since}..${filter.until}`),
    );
  } else if (filter.since) parts.push(`${subject}since ${filter.since}`);
  else if (filter.until) parts.push(`${subject}until ${filter.until}`);
  if (filter.actors.length > 0)
    parts.push(`${filter.actors.length > 1 ? "actors" : "actor"} ${filter.actors.join(" or ")}`);
  if (filter.tags.length > 0)
    parts.push(`${filter.tags.length > 1 ? "tags" : "tag"} ${filter.tags.join(" or ")}`);
  if (filter.story) parts.push(`story ${filter.story}`);
  const q = (filter.query ?? "").trim();
  if (q) parts.push(`search "${q}"`);
  return parts.join(" · ");
}
