// The glossary merged across briefings. Terms are one when they differ only in case, spacing,
// hyphens or a plural "s" ("Export Control" = "export controls" = "export-control"). The first
// spelling and definition met (in briefing order) are shown; every definition is kept. `usedIn` is
// every briefing whose text mentions the term (defining briefings included). Sorted A–Z.
import type { Briefing } from "../briefing/schema.js";
import { briefingText } from "./search.js";

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

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A pattern for a term in running text: any case, spaces or hyphens between words, optional plural. */
function termPattern(key: string): string {
  const words = key.split(" ").map(escapeRe);
  const last = words.length - 1;
  words[last] = `${words[last]}(?:s|es)?`;
  if (/y$/.test(key)) words[last] = `(?:${words[last]}|${escapeRe(key.split(" ").at(-1)!.slice(0, -1))}ies)`;
  return words.join("[\\s\\-‐]+");
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

/** The terms defined across `items` (in story order), by key, with no uses found yet. */
export function collectTerms(items: Iterable<TermSource>): Map<string, GlossaryTerm> {
  const byKey = new Map<string, GlossaryTerm>();
  for (const b of items) {
    for (const g of b.glossary) {
      const key = termKey(g.term);
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

/**
 * One pattern for every term (longest first), so a briefing is searched once rather than once per
 * term; null when no term can be searched for.
 */
export function usesPattern(keys: Iterable<string>): RegExp | null {
  const searchable = [...keys].filter((k) => k.length > 1);
  if (searchable.length === 0) return null;
  searchable.sort((a, b) => b.length - a.length);
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${searchable.map(termPattern).join("|")})(?![\\p{L}\\p{N}])`,
    "giu",
  );
}

/** The keys of the terms a briefing's text mentions or its glossary defines, each once. */
export function usedKeys(text: string, glossary: TermSource["glossary"], re: RegExp): string[] {
  const keys = new Set<string>();
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) keys.add(termKey(m[0]));
  for (const g of glossary) keys.add(termKey(g.term));
  return [...keys];
}

/** Terms A–Z, case aside. */
export function sortTerms(terms: Iterable<GlossaryTerm>): GlossaryTerm[] {
  return [...terms].sort(
    (a, b) => a.term.localeCompare(b.term, "en", { sensitivity: "base" }) || (a.term < b.term ? -1 : 1),
  );
}

export function mergeGlossary(briefings: readonly Briefing[]): GlossaryTerm[] {
  const byKey = collectTerms(briefings);
  const re = usesPattern(byKey.keys());
  if (re !== null) {
    // Briefings are taken in story order, so every usedIn list comes out in story order.
    for (const b of briefings) {
      for (const key of usedKeys(briefingText(b), b.glossary, re)) byKey.get(key)?.usedIn.push(b.id);
    }
  }
  return sortTerms(byKey.values());
}
