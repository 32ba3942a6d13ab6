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

export function mergeGlossary(briefings: readonly Briefing[]): GlossaryTerm[] {
  const byKey = new Map<string, GlossaryTerm>();
  for (const b of briefings) {
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
  // One pass per briefing with every term in one pattern, rather than terms × briefings searches.
  const keys = [...byKey.keys()].filter((k) => k.length > 1);
  if (keys.length > 0) {
    keys.sort((a, b) => b.length - a.length);
    const re = new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${keys.map(termPattern).join("|")})(?![\\p{L}\\p{N}])`,
      "giu",
    );
    for (const b of briefings) {
      const text = briefingText(b);
      re.lastIndex = 0;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const entry = byKey.get(termKey(m[0]));
        if (entry && entry.usedIn.at(-1) !== b.id) entry.usedIn.push(b.id);
      }
      for (const g of b.glossary) {
        const entry = byKey.get(termKey(g.term));
        if (entry && entry.usedIn.at(-1) !== b.id) entry.usedIn.push(b.id);
      }
    }
    const order = new Map(briefings.map((b, i) => [b.id, i]));
    for (const entry of byKey.values())
      entry.usedIn.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  }
  return [...byKey.values()].sort(
    (a, b) => a.term.localeCompare(b.term, "en", { sensitivity: "base" }) || (a.term < b.term ? -1 : 1),
  );
}
