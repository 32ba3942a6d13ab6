// Text matching for `--query` and the reader's `/`. Case-insensitive; every word of the query must
// appear (as a substring, so typing a prefix already finds); "quoted words" must appear together.
import type { Briefing } from "../briefing/schema.js";

/** What a briefing's searchable text is made of. */
export type TextParts = Pick<
  Briefing,
  "title" | "source" | "actors" | "tags" | "keyPoints" | "sections" | "glossary"
>;

const textCache = new WeakMap<TextParts, string>();
const lowerCache = new WeakMap<Briefing, string>();

/** Everything a reader could search for in one briefing, one part per line. Cached per briefing. */
export function briefingText(b: TextParts): string {
  const cached = textCache.get(b);
  if (cached !== undefined) return cached;
  const parts: string[] = [b.title];
  if (b.source) parts.push(b.source);
  parts.push(...b.actors, ...b.tags);
  for (const p of b.keyPoints) parts.push(p.text);
  for (const section of [b.sections.whatHappened, b.sections.whyItMatters, b.sections.whatToWatch]) {
    let sub: string | undefined;
    for (const p of section) {
      if (p.subsection && p.subsection !== sub) parts.push(p.subsection);
      sub = p.subsection;
      parts.push(p.text);
    }
  }
  for (const g of b.glossary) parts.push(`${g.term}: ${g.definition}`);
  const text = parts.join("\n");
  textCache.set(b, text);
  return text;
}

/** briefingText lowercased, cached: filters run over many briefings many times. */
export function briefingTextLower(b: Briefing): string {
  const cached = lowerCache.get(b);
  if (cached !== undefined) return cached;
  const text = briefingText(b).toLowerCase();
  lowerCache.set(b, text);
  return text;
}

const TERM_RE = /"([^"]*)"|(\S+)/g;

/** The query's words and quoted phrases, lowercased, empty ones dropped. */
export function queryTerms(q: string): string[] {
  const terms: string[] = [];
  TERM_RE.lastIndex = 0;
  for (let m = TERM_RE.exec(q); m !== null; m = TERM_RE.exec(q)) {
    const term = (m[1] ?? m[2] ?? "").replace(/\s+/g, " ").trim().toLowerCase();
    if (term) terms.push(term);
  }
  return terms;
}

function allIn(lower: string, terms: string[]): boolean {
  for (const t of terms) if (!lower.includes(t)) return false;
  return true;
}

/** True when every word of the query appears in the briefing; an empty query matches everything. */
export function matchesQuery(b: Briefing, q: string): boolean {
  const terms = queryTerms(q);
  return terms.length === 0 || allIn(briefingTextLower(b), terms);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
}

/** Where any word of the query occurs in text, as sorted, non-overlapping [start, end) ranges. */
export function findMatches(text: string, q: string): { start: number; end: number }[] {
  const terms = queryTerms(q);
  if (terms.length === 0 || !text) return [];
  // One pattern per term, so overlapping words ("export", "porter") are all found, then merged.
  const found: { start: number; end: number }[] = [];
  for (const term of new Set(terms)) {
    const re = new RegExp(escapeRe(term), "giu");
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length === 0) re.lastIndex++;
      else found.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  found.sort((a, b) => a.start - b.start);
  const out: { start: number; end: number }[] = [];
  for (const r of found) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/**
 * The index of the next item matching q, moving from `from` in `direction` and wrapping around;
 * `from` itself is tried last. -1 when nothing matches. For type-to-jump starting at the current
 * row, pass `from - 1` with direction 1.
 */
export function nextMatchIndex(items: readonly string[], q: string, from: number, direction: 1 | -1): number {
  const n = items.length;
  const terms = queryTerms(q);
  if (n === 0 || terms.length === 0) return -1;
  const start = Number.isFinite(from) ? Math.trunc(from) : 0;
  for (let i = 1; i <= n; i++) {
    const idx = (((start + direction * i) % n) + n) % n;
    if (allIn(items[idx]!.toLowerCase(), terms)) return idx;
  }
  return -1;
}
