// Text matching for `--query`, the reader's `/` and its highlights, the same everywhere and the same as
// the store's full-text index (SQLite FTS5, unicode61 with diacritics removed): a text is a sequence
// of words (letters and digits); every word of the query must start a word of the text ("export"
// finds "exporter" and the second word of "re-export", never the middle of "reexport"), a "quoted
// phrase" must appear as those words in a row, and case and accents never matter ("cafe" finds
// "Café").
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
  const text = textAround(briefingTextParts(b), b.actors);
  textCache.set(b, text);
  return text;
}

/**
 * briefingText's lines before and after the briefing's actors: the store keeps them, so that a change
 * of the registry, which changes only the actors, can index the text again without the file.
 */
export function briefingTextParts(b: Omit<TextParts, "actors">): { before: string[]; after: string[] } {
  const before: string[] = [b.title];
  if (b.source) before.push(b.source);
  // Pushed one by one, not spread: a spread copy of an empty list has another V8 elements kind,
  // and the function was compiled again for it (a cold load runs it for every file).
  const after: string[] = [];
  for (const t of b.tags) after.push(t);
  for (const p of b.keyPoints) after.push(p.text);
  for (const section of [b.sections.whatHappened, b.sections.whyItMatters, b.sections.whatToWatch]) {
    let sub: string | undefined;
    for (const p of section) {
      if (p.subsection && p.subsection !== sub) after.push(p.subsection);
      sub = p.subsection;
      after.push(p.text);
    }
  }
  for (const g of b.glossary) after.push(`${g.term}: ${g.definition}`);
  return { before, after };
}

/** briefingText from its parts and the actors between them. */
export function textAround(
  parts: { before: readonly string[]; after: readonly string[] },
  actors: readonly string[],
): string {
  return [...parts.before, ...actors, ...parts.after].join("\n");
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

/** A query's part: words that must follow each other; the last one may only start a word. */
export interface QueryPart {
  words: string[];
  prefix: boolean;
}

const WORDS = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}/gu;

/** Case and accents folded away: "Café" -> "cafe". */
export function fold(s: string): string {
  return s.normalize("NFD").replace(MARKS, "").toLowerCase();
}

/** The query's words and quoted phrases, folded; parts with no word dropped. */
export function queryParts(q: string): QueryPart[] {
  const parts: QueryPart[] = [];
  TERM_RE.lastIndex = 0;
  for (let m = TERM_RE.exec(q); m !== null; m = TERM_RE.exec(q)) {
    const words = fold(m[1] ?? m[2] ?? "").match(WORDS);
    if (words) parts.push({ words, prefix: m[1] === undefined });
  }
  return parts;
}

const ASCII = /^[\0-\x7f]*$/;
const NOT_ASCII_WORD = /[^a-z0-9]+/g;

/** A text as the matcher reads it: its folded words, each between spaces. */
export function foldedWords(text: string): string {
  // ASCII has no accents to fold, and its letters and digits are a-z and 0-9: the same words without
  // the Unicode normalisation and property classes, a quarter less CPU (a list's search folds every row).
  if (ASCII.test(text)) {
    const words = text.toLowerCase().replace(NOT_ASCII_WORD, " ").trim();
    return words ? ` ${words} ` : " ";
  }
  const words = fold(text).match(WORDS);
  return words ? ` ${words.join(" ")} ` : " ";
}

/** What `matchesParts` looks for in a text's folded words to find `p`. */
export function partPattern(p: QueryPart): string {
  return ` ${p.words.join(" ")}${p.prefix ? "" : " "}`;
}

/** Whether every part is in `words` (from `foldedWords`). */
export function matchesParts(words: string, parts: readonly QueryPart[]): boolean {
  return matchesPatterns(words, parts.map(partPattern));
}

/** `matchesParts` with the parts' patterns made once, for a caller that tries many rows. */
export function matchesPatterns(words: string, patterns: readonly string[]): boolean {
  for (const p of patterns) if (!words.includes(p)) return false;
  return true;
}

/** Whether `text` matches the query `q`; an empty query matches everything. */
export function matchesText(text: string, q: string): boolean {
  const parts = queryParts(q);
  return parts.length === 0 || matchesParts(foldedWords(text), parts);
}

/** True when every word of the query appears in the briefing; an empty query matches everything. */
export function matchesQuery(b: Briefing, q: string): boolean {
  return matchesText(briefingText(b), q);
}

/** How many characters of `word` (as written) fold to its first `n` folded characters. */
function writtenLength(word: string, n: number): number {
  let folded = 0;
  let at = 0;
  for (const ch of word) {
    if (folded >= n) break;
    folded += fold(ch).length;
    at += ch.length;
  }
  return at;
}

/** Where the query matches in text, as sorted, non-overlapping [start, end) ranges. */
export function findMatches(text: string, q: string): { start: number; end: number }[] {
  const parts = queryParts(q);
  if (parts.length === 0 || !text) return [];
  const tokens: { start: number; end: number; word: string }[] = [];
  for (const m of text.matchAll(WORDS)) {
    for (const w of fold(m[0]).match(WORDS) ?? []) {
      // A word whose folding splits it is matched as the whole written word.
      tokens.push({ start: m.index, end: m.index + m[0].length, word: w });
    }
  }
  const found: { start: number; end: number }[] = [];
  for (const part of parts) {
    const n = part.words.length;
    for (let i = 0; i + n <= tokens.length; i++) {
      let ok = true;
      for (let k = 0; k < n && ok; k++) {
        const t = tokens[i + k]!.word;
        const w = part.words[k]!;
        ok = k === n - 1 && part.prefix ? t.startsWith(w) : t === w;
      }
      if (!ok) continue;
      const last = tokens[i + n - 1]!;
      const end = part.prefix
        ? last.start + writtenLength(text.slice(last.start, last.end), part.words[n - 1]!.length)
        : last.end;
      found.push({ start: tokens[i]!.start, end });
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
  const parts = queryParts(q);
  if (n === 0 || parts.length === 0) return -1;
  const start = Number.isFinite(from) ? Math.trunc(from) : 0;
  for (let i = 1; i <= n; i++) {
    const idx = (((start + direction * i) % n) + n) % n;
    if (matchesParts(foldedWords(items[idx]!), parts)) return idx;
  }
  return -1;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The query as an FTS5 match expression for the store's index (unicode61, diacritics removed): each
 * word matches a word starting with it, a "quoted phrase" its words in a row, all of them required.
 * null when the query has no word at all.
 */
export function ftsQuery(q: string): string | null {
  const parts: string[] = [];
  TERM_RE.lastIndex = 0;
  for (let m = TERM_RE.exec(q); m !== null; m = TERM_RE.exec(q)) {
    const words = (m[1] ?? m[2] ?? "").match(WORD);
    if (!words) continue;
    // A phrase is matched as written; a word (or a word with inner punctuation, "u.s") by prefix.
    parts.push(m[1] !== undefined ? `"${words.join(" ")}"` : `"${words.join(" ")}" *`);
  }
  return parts.length === 0 ? null : parts.join(" AND ");
}

/**
 * Text matching over a story's briefings, by id: the store's full-text index, or the text of
 * briefings held in memory. The one meaning of `--query`, `&`, `/` and an actor's mentions.
 */
export interface TextIndex {
  /** Ids of the briefings the query matches; null when it has no word to look for. */
  query(q: string): TextHits | null;
  /** Ids of the briefings whose text has these words in a row (an actor's name mentioned). */
  mentions(name: string): ReadonlySet<string>;
}

/**
 * A query's answer: the ids of the briefings it matches, and the same answer by a briefing's place in
 * the index's order (a story's `briefings`): the reader's `/` asks it of every row at each letter, and
 * 10,000 ids looked up in a map took longer than the index's own answer.
 */
export interface TextHits extends ReadonlySet<string> {
  at(i: number): boolean;
}

/** The query a name is mentioned by: its words in a row, as a phrase. */
export function mentionQuery(name: string): string {
  return `"${name.replace(/"/g, " ")}"`;
}

/** Ids, and whether each place matched (one byte a place). */
class PlacedSet extends Set<string> implements TextHits {
  readonly #hit: Uint8Array;
  constructor(hit: Uint8Array) {
    super();
    this.#hit = hit;
  }
  at(i: number): boolean {
    return this.#hit[i] === 1;
  }
}

/** Text matching over briefings held in memory, the same as the store's index. */
export function memoryTextIndex(briefings: readonly TextParts[] & readonly { id: string }[]): TextIndex {
  let words: string[] | undefined;
  const where = (parts: QueryPart[]) => {
    words ??= briefings.map((b) => foldedWords(briefingText(b)));
    const hit = new Uint8Array(words.length);
    const out = new PlacedSet(hit);
    words.forEach((w, i) => {
      if (matchesParts(w, parts)) {
        hit[i] = 1;
        out.add(briefings[i]!.id);
      }
    });
    return out;
  };
  return {
    query(q) {
      const parts = queryParts(q);
      return parts.length === 0 ? null : where(parts);
    },
    mentions(name) {
      const parts = queryParts(mentionQuery(name));
      return parts.length === 0 ? new Set() : where(parts);
    },
  };
}

/** One alternative of `parts` as an FTS5 expression (the store's index), same meaning as `matchesParts`. */
export function ftsAny(parts: readonly QueryPart[]): string | null {
  const each = parts.map((p) => `"${p.words.join(" ")}"${p.prefix ? " *" : ""}`);
  return each.length === 0 ? null : each.join(" OR ");
}
