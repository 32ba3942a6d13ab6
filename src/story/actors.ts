// The actor index: every actor some briefing names, with its kind, aliases and briefings.
// Kind comes from the registry, else from how the text introduced the actor (a role makes a person,
// "Department" an agency), else "other". Registry actors no briefing names are left out: the index
// is for finding briefings. Sorted by name, case-insensitively.

import { actorKey, guessKind, registryEntry } from "../briefing/actor-names.js";
import { extractActorDetails } from "../briefing/actors.js";
import type { ActorKind, Briefing, RegistryActor } from "../briefing/schema.js";

export interface ActorEntry {
  name: string;
  kind: ActorKind;
  aliases: string[];
  briefingIds: string[];
}

function briefingTexts(b: Briefing): string[] {
  const texts = [b.title, ...b.keyPoints.map((p) => p.text)];
  for (const section of [b.sections.whatHappened, b.sections.whyItMatters, b.sections.whatToWatch]) {
    for (const p of section) texts.push(p.text);
  }
  return texts;
}

export function buildActorIndex(
  briefings: readonly Briefing[],
  registry: readonly RegistryActor[],
): ActorEntry[] {
  const byKey = new Map<string, ActorEntry & { guessed: ActorKind | null }>();
  for (const b of briefings) {
    let learnt: Map<string, { kind: ActorKind | null; aliases: string[] }> | null = null;
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
      // Not in the registry: read the briefing again for what its text says about the actor.
      learnt ??= new Map(
        extractActorDetails(briefingTexts(b), registry, []).map((a) => [actorKey(a.name), a] as const),
      );
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
