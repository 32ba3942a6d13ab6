// The filter shared by the command line and the reader: dates, actors, tags and a text query.
import { actorKey, canonicalActor, registryEntry } from "../briefing/actor-names.js";
import type { Briefing, RegistryActor } from "../briefing/schema.js";
import { briefingTextLower, matchesQuery, queryTerms } from "./search.js";
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
}

export const emptyFilter: Filter = Object.freeze({ actors: [], tags: [] }) as Filter;

export function isEmptyFilter(f: Filter): boolean {
  return (
    !f.since &&
    !f.until &&
    f.actors.length === 0 &&
    f.tags.length === 0 &&
    queryTerms(f.query ?? "").length === 0
  );
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True when `needle` (lowercase) occurs in `hay` (lowercase) on word boundaries. */
function mentions(hay: string, needle: string): boolean {
  if (!needle) return false;
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) {
    const before = at > 0 ? hay[at - 1]! : " ";
    const after = at + needle.length < hay.length ? hay[at + needle.length]! : " ";
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) return true;
  }
  return false;
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
  // Compared at the date's own precision: "2026-06" is within since 2026-06-15.
  if (since && date < since.slice(0, date.length)) return false;
  if (until && date > until.slice(0, date.length)) return false;
  return true;
}

/** The briefings the filter lets through, in their given order. */
export function applyFilter(
  briefings: readonly Briefing[],
  filter: Filter,
  registry: readonly RegistryActor[],
): Briefing[] {
  if (isEmptyFilter(filter)) return [...briefings];
  const dated = Boolean(filter.since || filter.until);
  const actors = filter.actors.map((a) => actorMatcher(a, registry));
  const tags = new Set(filter.tags.map((t) => t.trim().toLowerCase()).filter(Boolean));
  const query = filter.query ?? "";
  return briefings.filter((b) => {
    if (dated && (b.date === null || !inRange(b.date, filter.since, filter.until))) return false;
    if (tags.size > 0 && !b.tags.some((t) => tags.has(t.toLowerCase()))) return false;
    if (actors.length > 0) {
      const own = b.actors.map(actorKey);
      const hit = actors.some(
        (m) => own.some((k) => m.keys.has(k)) || m.spellings.some((s) => mentions(briefingTextLower(b), s)),
      );
      if (!hit) return false;
    }
    return matchesQuery(b, query);
  });
}

/** What `summaryFilter` reads of a briefing: no body. */
export type FilterFields = Pick<Briefing, "id" | "title" | "date" | "actors" | "tags">;

/**
 * `applyFilter` for briefings without their bodies (the reader's summaries): the same dates and tags;
 * an actor matches the briefing's own actors (names and aliases, folded by the registry) or a mention
 * in its title; the query looks in the title, id, actors and tags. `applyFilter` also looks in the
 * text, so it can let through more.
 */
export function summaryFilter(
  filter: Filter,
  registry: readonly RegistryActor[],
): (b: FilterFields) => boolean {
  if (isEmptyFilter(filter)) return () => true;
  const dated = Boolean(filter.since || filter.until);
  const actors = filter.actors.map((a) => actorMatcher(a, registry));
  const tags = new Set(filter.tags.map((t) => t.trim().toLowerCase()).filter(Boolean));
  const terms = queryTerms(filter.query ?? "");
  return (b) => {
    if (dated && (b.date === null || !inRange(b.date, filter.since, filter.until))) return false;
    if (tags.size > 0 && !b.tags.some((t) => tags.has(t.toLowerCase()))) return false;
    if (actors.length > 0) {
      const own = b.actors.map(actorKey);
      const title = b.title.toLowerCase();
      const hit = actors.some(
        (m) => own.some((k) => m.keys.has(k)) || m.spellings.some((s) => mentions(title, s)),
      );
      if (!hit) return false;
    }
    if (terms.length === 0) return true;
    const hay = `${b.title} ${b.id} ${b.actors.join(" ")} ${b.tags.join(" ")}`.toLowerCase();
    return terms.every((t) => hay.includes(t));
  };
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
  briefingsAfterFilter: readonly Briefing[],
): TimelineEntry[] {
  const ids = new Set(briefingsAfterFilter.map((b) => b.id));
  return entries.filter((e) => ids.has(e.briefingId) && inRange(e.date, filter.since, filter.until));
}

/** The filter without its date bounds. */
export function withoutDates(filter: Filter): Filter {
  const { since: _since, until: _until, ...rest } = filter;
  return rest;
}

/** A one-line summary for headers: "since 2026-06-01 · actor BIS · tag export-controls". */
export function describeFilter(filter: Filter): string {
  const parts: string[] = [];
  if (filter.since && filter.until) {
    parts.push(filter.since === filter.until ? `on ${filter.since}` : `${filter.since}..${filter.until}`);
  } else if (filter.since) parts.push(`since ${filter.since}`);
  else if (filter.until) parts.push(`until ${filter.until}`);
  if (filter.actors.length > 0)
    parts.push(`${filter.actors.length > 1 ? "actors" : "actor"} ${filter.actors.join(" or ")}`);
  if (filter.tags.length > 0)
    parts.push(`${filter.tags.length > 1 ? "tags" : "tag"} ${filter.tags.join(" or ")}`);
  const q = (filter.query ?? "").trim();
  if (q) parts.push(`search "${q}"`);
  return parts.join(" · ");
}
