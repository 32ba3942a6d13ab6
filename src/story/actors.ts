// The actor index: every actor some briefing names, with its kind, aliases and briefings.
// Kind comes from the registry, else from how the text introduced the actor (a role makes a person,
// "Department" an agency), else "other". Registry actors no briefing names are left out: the index
// is for finding briefings. Sorted by name, case-insensitively.

import { actorKey, guessKind, registryEntry } from "../briefing/actor-names.js";
import { type FoundActor, unregisteredActors } from "../briefing/actors.js";
import type { ActorKind, Briefing, RegistryActor } from "../briefing/schema.js";

export interface ActorEntry {
  name: string;
  kind: ActorKind;
  aliases: string[];
  briefingIds: string[];
}

/** What the index needs of a briefing: its id, its actors, and what its text says about them. */
export interface ActorSource {
  id: string;
  actors: readonly string[];
  /** What the text says of the briefing's actors the registry does not know (asked only then). */
  details(): readonly FoundActor[];
}

export function buildActorIndex(
  briefings: readonly Briefing[],
  registry: readonly RegistryActor[],
): ActorEntry[] {
  return indexActors(
    briefings.map((b) => ({ id: b.id, actors: b.actors, details: () => unregisteredActors(b, registry) })),
    registry,
  );
}

/** The index over `items` in story order. */
export function indexActors(items: Iterable<ActorSource>, registry: readonly RegistryActor[]): ActorEntry[] {
  const byKey = new Map<string, ActorEntry & { guessed: ActorKind | null }>();
  for (const b of items) {
    let learnt: Map<string, FoundActor> | null = null;
    for (const name of b.actors) {
      const key = actorKey(name);
      let entry = byKey.get(key);
      if (!entry) {
        const reg = registryEntry(name, registry);
        entry = reg
          ? { name: reg.name, kind: reg.kind, aliases: [...reg.aliases], briefingIds: [], guessed: reg.kind }
          : { name, kind: "other", aliases: [], briefingIds: [], guessed: null };
        byKey.set(key, entry);
      }
      // Briefings come one at a time, so a repeat can only be the last id (no scan of a list that
      // holds tens of thousands at 100k briefings).
      if (entry.briefingIds.at(-1) !== b.id) entry.briefingIds.push(b.id);
      if (registryEntry(name, registry)) continue;
      learnt ??= new Map(b.details().map((a) => [actorKey(a.name), a] as const));
      const found = learnt.get(key);
      if (found?.kind && !entry.guessed) entry.guessed = found.kind;
      for (const alias of found?.aliases ?? []) if (!entry.aliases.includes(alias)) entry.aliases.push(alias);
    }
  }
  const out: ActorEntry[] = [];
  for (const { guessed, ...entry } of byKey.values()) {
    out.push({ ...entry, kind: guessed ?? guessKind(entry.name) });
  }
  return out.sort(
    (a, b) => a.name.localeCompare(b.name, "en", { sensitivity: "base" }) || (a.name < b.name ? -1 : 1),
  );
}
