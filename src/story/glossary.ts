// The glossary merged across briefings. Terms are one when they differ only in case, spacing,
// hyphens or a plural "s" ("Export Control" = "export controls" = "export-control"). The first
// spelling and definition met (in briefing order) are shown; every definition is kept. `usedIn` is
// every briefing whose text mentions the term (defining briefings included). Sorted A–Z.
import type { Briefing } from "../briefing/schema.js";
import { briefingText, fold, foldedWords, matchesParts, type QueryPart } from "./search.js";

export interface GlossaryTerm {
  term: string;
  definition: string;
  /** Briefings that define the term. */
  briefingIds: string[];
  /** Briefings whose text mentions the term, defining ones included. */
  usedIn: string[];
  definitions: { definition: string; briefingId: string }[];
}

function singular(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us"))
    return word.slice(0, -1);
  return word;
}

/** The key two spellings of one term share. */
export function termKey(term: string): string {
  const words = term
    .toLowerCase()
    .replace(/[-‐–—_]+/g, " ")
    .replace(/[^\p{L}\p{N}\s]+/gu, "")
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length > 0) words[words.length - 1] = singular(words[words.length - 1]!);
  return words.join(" ");
}

function ownDefinition(
  definitions: readonly { definition: string; briefingId: string }[],
  definition: string,
  id: string,
): boolean {
  for (let i = definitions.length - 1; i >= 0 && definitions[i]!.briefingId === id; i--) {
    if (definitions[i]!.definition === definition) return true;
  }
  return false;
}

/** What the merge needs of a briefing: its id and the terms it defines. */
export interface TermSource {
  id: string;
  glossary: readonly { term: string; definition: string }[];
}

/** A merge of terms under way: what `collectTerms` has met so far. */
export interface TermMerge {
  byKey: Map<string, GlossaryTerm>;
  /** Each spelling's key (termKey), made once per merge. */
  keys: Map<string, string>;
}

/**
 * The terms defined across `items` (in story order), by key, with no uses found yet. Given the
 * `merge` of the items before them, it goes on from there: a merge taken in slices of items equals
 * one taken whole.
 */
export function collectTerms(
  items: Iterable<TermSource>,
  merge: TermMerge = { byKey: new Map(), keys: new Map() },
): Map<string, GlossaryTerm> {
  // A folder spells each term a few ways across thousands of briefings: each spelling's key is made
  // once per merge (termKey's Unicode regexes were most of a merge of 22,000 lines).
  const { byKey, keys } = merge;
  for (const b of items) {
    for (const g of b.glossary) {
      let key = keys.get(g.term);
      if (key === undefined) {
        key = termKey(g.term);
        keys.set(g.term, key);
      }
      if (!key) continue;
      let entry = byKey.get(key);
      if (!entry) {
        entry = {
          term: g.term.trim(),
          definition: g.definition,
          briefingIds: [],
          usedIn: [],
          definitions: [],
        };
        byKey.set(key, entry);
      }
      // Briefings come one at a time: a repeat can only be among this briefing's own, at the end of
      // each list (no scan of lists that hold tens of thousands at 100k briefings).
      if (entry.briefingIds.at(-1) !== b.id) entry.briefingIds.push(b.id);
      if (!ownDefinition(entry.definitions, g.definition, b.id)) {
        entry.definitions.push({ definition: g.definition, briefingId: b.id });
      }
    }
  }
  return byKey;
}

// One collator for every comparison: `localeCompare` with a locale makes one per call, which was most
// of a sort of a few hundred terms.
const termOrder = new Intl.Collator("en", { sensitivity: "base" });

/** Terms A–Z, case aside. */
export function sortTerms(terms: Iterable<GlossaryTerm>): GlossaryTerm[] {
  return [...terms].sort((a, b) => termOrder.compare(a.term, b.term) || (a.term < b.term ? -1 : 1));
}

/**
 * What a use of the term with this key is: its words in a row, the last one also in a plural ("s",
 * "es", "y" -> "ies"), never inside a longer word. The store's full-text index answers the same
 * question (load/sync.ts termMatch), so a use means one thing in every view.
 */
export function termParts(key: string): QueryPart[] {
  const words = fold(key).match(/[\p{L}\p{N}]+/gu);
  if (!words || key.length <= 1) return [];
  const head = words.slice(0, -1);
  const last = words[words.length - 1]!;
  const forms = [last, `${last}s`, `${last}es`];
  if (last.length > 1 && last.endsWith("y")) forms.push(`${last.slice(0, -1)}ies`);
  return forms.map((w) => ({ words: [...head, w], prefix: false }));
}

/** Whether text (as `foldedWords` gives it) uses the term with this key. */
export function usesTerm(words: string, key: string): boolean {
  return termParts(key).some((p) => matchesParts(words, [p]));
}

/** The keys of `keys` a text uses, and those it defines. */
export function usedKeysOf(text: string, glossary: TermSource["glossary"], keys: Iterable<string>): string[] {
  const words = foldedWords(text);
  const out = new Set<string>();
  for (const k of keys) if (usesTerm(words, k)) out.add(k);
  for (const g of glossary) {
    const k = termKey(g.term);
    if (k) out.add(k);
  }
  return [...out];
}

/** The glossary of `items` (in story order), with the keys each one uses as `usedKeys` gives them. */
export function mergeGlossaryOf<T extends TermSource>(
  items: readonly T[],
  usedKeys: (item: T) => readonly string[],
): GlossaryTerm[] {
  const byKey = collectTerms(items);
  for (const b of items)
    for (const key of usedKeys(b)) {
      const g = byKey.get(key);
      if (g && g.usedIn.at(-1) !== b.id) g.usedIn.push(b.id);
    }
  return sortTerms(byKey.values());
}

export function mergeGlossary(briefings: readonly Briefing[]): GlossaryTerm[] {
  const byKey = collectTerms(briefings);
  const keys = [...byKey.keys()];
  // Briefings are taken in story order, so every usedIn list comes out in story order.
  for (const b of briefings)
    for (const key of usedKeysOf(briefingText(b), b.glossary, keys)) byKey.get(key)?.usedIn.push(b.id);
  return sortTerms(byKey.values());
}
