// An actor's page: who it is, the briefings naming it, its events in date order, the actors it
// appears with most, and the glossary terms of its briefings. Pure: over a StoryView, so the reader
// (summaries, columns) and `actors NAME` (a story built from a load) read the same page.
import { actorKey } from "../briefing/actor-names.js";
import type { StoryActor, StoryEvent, StoryView, Summary } from "./view.js";

export interface CoActor {
  name: string;
  /** Briefings the two share. */
  count: number;
}

export interface ActorPage {
  actor: StoryActor;
  /** Indexes of its briefings, in story order (oldest first, undated last). */
  briefings: number[];
  /** Its briefings' dated events (their own entries left out), in date order. */
  events: StoryEvent[];
  /** Most shared briefings first, then A–Z. */
  coActors: CoActor[];
  /** Glossary terms its briefings define or use, A–Z. */
  terms: string[];
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** The story's actor called `name` (its name or an alias, any case), or undefined. */
export function findActor(story: Pick<StoryView, "actors">, name: string): StoryActor | undefined {
  const key = actorKey(name);
  return (
    story.actors.find((a) => actorKey(a.name) === key) ??
    story.actors.find((a) => a.aliases.some((x) => actorKey(x) === key))
  );
}

/**
 * The page of `name`, or null when the story has no such actor. `keep` narrows its briefings (a
 * filter); co-actors, events and terms come from the briefings kept.
 */
export function actorPage(
  story: StoryView,
  name: string,
  keep: (index: number, s: Summary) => boolean = () => true,
): ActorPage | null {
  const actor = findActor(story, name);
  if (!actor) return null;
  const keys = new Set([actor.name, ...actor.aliases].map(actorKey));
  const canonical = new Map<string, string>();
  for (const a of story.actors) {
    canonical.set(actorKey(a.name), a.name);
    for (const alias of a.aliases)
      if (!canonical.has(actorKey(alias))) canonical.set(actorKey(alias), a.name);
  }
  const briefings: number[] = [];
  const counts = new Map<string, number>();
  for (let i = 0; i < story.briefings.length; i++) {
    const s = story.briefings.get(i);
    if (!s?.actors.some((a) => keys.has(actorKey(a))) || !keep(i, s)) continue;
    briefings.push(i);
    const others = new Set<string>();
    for (const a of s.actors) {
      const k = actorKey(a);
      if (keys.has(k)) continue;
      others.add(canonical.get(k) ?? a);
    }
    for (const o of others) counts.set(o, (counts.get(o) ?? 0) + 1);
  }
  const mine = new Set(briefings);
  const events: StoryEvent[] = [];
  for (let p = 0; p < story.eventBriefing.length; p++) {
    if (!mine.has(story.eventBriefing[p]!)) continue;
    const e = story.timeline.get(p);
    if (e && e.kind === "event") events.push(e);
  }
  const terms = new Set<string>();
  for (const i of briefings) for (const t of story.termsOf(i)) terms.add(t);
  return {
    actor,
    briefings,
    events,
    coActors: [...counts]
      .map(([n, count]) => ({ name: n, count }))
      .sort((a, b) => b.count - a.count || collator.compare(a.name, b.name)),
    terms: [...terms].sort(collator.compare),
  };
}
