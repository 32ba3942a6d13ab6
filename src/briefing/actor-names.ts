// How actor names compare: alias folding through the registry, keys, kinds guessed from a name.
// Pure, and free of yaml and zod: the reader's filters use it before anything is parsed.
import { ActorMatcher } from "./actor-matcher.js";
import type { ActorKind, RegistryActor } from "./schema.js";

const CORP_SUFFIX_RE = /,?\s+(?:inc|corp|corporation|ltd|llc|plc|co)\.?$/i;

/** True for names written without lowercase letters ("BIS", "AWS", "U.S."). */
export function isAcronym(name: string): boolean {
  return /\p{Lu}/u.test(name) && !/\p{Ll}/u.test(name);
}

/**
 * Actors as one line: `A, B`, or `A; B` when a name holds a comma of its own ("Ministry of Trade,
 * Industry and Energy"), so a reader sees where each name ends.
 */
export function actorList(names: readonly string[]): string {
  return names.join(names.some((n) => n.includes(",")) ? "; " : ", ");
}

/** What `tidy` changes: white space other than single spaces inside, "the " first, a possessive last. */
const UNTIDY = /\s\s|[^\S ]|^\s|\s$|^the\s|['’]s$/i;

export function tidy(name: string): string {
  // Most names are tidy already (tidy is asked of every name found): one test, not four replaces.
  if (!UNTIDY.test(name)) return name;
  return name
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^the\s+/i, "")
    .replace(/['’]s$/, "");
}

/** The key two spellings of one actor share: case, spacing, "the", possessive and "Inc." ignored. */
export function actorKey(name: string): string {
  const t = tidy(name).toLowerCase();
  const stripped = t.replace(CORP_SUFFIX_RE, "");
  return stripped || t;
}

// --- registry ----------------------------------------------------------------------------------

export interface RegistryIndex {
  byKey: Map<string, RegistryActor>;
  /**
   * The case-insensitive matcher for names with lowercase letters, then the case-sensitive one for
   * acronyms, each only when it has names (scanned together: `ActorMatcher.findEach`).
   */
  matchers: ActorMatcher[];
}

const indexCache = new WeakMap<readonly RegistryActor[], RegistryIndex>();

/** The registry's names by key, and the names each matcher looks for (words caseless, acronyms not). */
function namesOf(registry: readonly RegistryActor[]) {
  const byKey = new Map<string, RegistryActor>();
  const words: string[] = [];
  const acronyms: string[] = [];
  for (const actor of registry) {
    for (const name of [actor.name, ...actor.aliases]) {
      const key = actorKey(name);
      if (!key || byKey.has(key)) continue;
      byKey.set(key, actor);
      (isAcronym(name) ? acronyms : words).push(name.trim());
    }
  }
  return { byKey, words, acronyms };
}

export function indexOf(registry: readonly RegistryActor[]): RegistryIndex {
  const cached = indexCache.get(registry);
  if (cached) return cached;
  const { byKey, words, acronyms } = namesOf(registry);
  const matchers: ActorMatcher[] = [];
  if (words.length > 0) matchers.push(new ActorMatcher(words, true));
  if (acronyms.length > 0) matchers.push(new ActorMatcher(acronyms, false));
  const index = { byKey, matchers };
  indexCache.set(registry, index);
  return index;
}

/** The registry's matchers as numbers (`ActorMatcher.image`), for `keepIndex` to make again. */
export function indexImages(registry: readonly RegistryActor[]): Int32Array[] {
  return indexOf(registry).matchers.map((m) => m.image());
}

/**
 * Makes `registry`'s index with the matchers of `images` (what `indexImages` gave for a registry of
 * the same names) instead of building them; false, and nothing kept, when they are not the matchers
 * its names need (their number and kinds) or an image is not one.
 */
export function keepIndex(registry: readonly RegistryActor[], images: readonly Int32Array[]): boolean {
  if (indexCache.has(registry)) return true;
  const { byKey, words, acronyms } = namesOf(registry);
  const folds = [...(words.length > 0 ? [true] : []), ...(acronyms.length > 0 ? [false] : [])];
  if (images.length !== folds.length) return false;
  const matchers: ActorMatcher[] = [];
  for (const [i, image] of images.entries()) {
    const m = ActorMatcher.fromImage(image);
    if (m === null || m.folds !== folds[i]) return false;
    matchers.push(m);
  }
  indexCache.set(registry, { byKey, matchers });
  return true;
}

/** The registry entry a name or alias belongs to, if any. */
export function registryEntry(name: string, registry: readonly RegistryActor[]): RegistryActor | undefined {
  return indexOf(registry).byKey.get(actorKey(name));
}

/** The canonical spelling of an actor: the registry name for a name or alias, else the name tidied. */
export function canonicalActor(name: string, registry: readonly RegistryActor[]): string {
  return registryEntry(name, registry)?.name ?? tidy(name);
}

const COMPANY_WORDS = new Set(["Inc", "Corp", "Corporation", "Ltd", "LLC", "PLC", "Co"]);
const GOVERNMENT_WORDS = new Set([
  "administration",
  "government",
  "congress",
  "senate",
  "parliament",
  "pentagon",
]);
const AGENCY_WORDS = new Set([
  "Department",
  "Bureau",
  "Agency",
  "Commission",
  "Ministry",
  "Office",
  "Authority",
  "Council",
  "Committee",
  "Headquarters",
  "Secretariat",
  "Directorate",
  "Taskforce",
  "Board",
]);

/** A kind guessed from the shape of a name; "other" when nothing gives it away. */
export function guessKind(name: string): ActorKind {
  const words = name.split(/[\s,]+/).map((w) => w.replace(/\.$/, ""));
  if (COMPANY_WORDS.has(words[words.length - 1] ?? "")) return "company";
  if (/white house/i.test(name) || words.some((w) => GOVERNMENT_WORDS.has(w.toLowerCase())))
    return "government";
  if (words.some((w) => AGENCY_WORDS.has(w))) return "agency";
  return "other";
}
