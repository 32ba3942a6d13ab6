// Type-to-jump search over a list of any length: the same matching as `--query` and the store's
// full-text index (story/search.ts: words and prefixes, "phrases", case and accents aside). A list of
// briefings asks the index instead. Any other list's rows are folded once (`foldedWords`) and indexed
// by how their words start (the first letter, the first two), so that a letter typed tries only the
// rows that have a word starting so: a timeline of 123,000 events tested row by row took 25 ms or
// more a letter.
import { foldedWords, matchesPatterns, partPattern, type QueryPart, queryParts } from "../story/search.js";

export interface Searchable {
  total: number;
  /** The text a row is found by; "" for rows that are never found (month headings). */
  text: (row: number) => string;
  /** Rows matching `q` by the whole text behind them (the store's index); null: match `text`. */
  query?: (q: string) => ((row: number) => boolean) | null;
}

/** Each row's answer to a query, one byte a row, and how many said yes. */
export interface Hits {
  rows: Uint8Array;
  count: number;
}

/**
 * A list's rows as the matcher reads them, and how their words start. `rows` holds, for each pair of
 * characters c d a word starts with (d 0: the word is c alone), the rows with such a word, ascending,
 * all in one array (slot k's are rows[from[k]] up to rows[from[k + 1]]): an ASCII pair's slot is a
 * product, any other's kept in `other`. Characters are UTF-16 code units, as `includes` compares them.
 * `initials`: two words of bits a row, which of a-z and 0-9 start a word in it (a letter typed first).
 */
interface Words {
  lines: string[];
  rows: Int32Array;
  from: Int32Array;
  other: Map<number, number>;
  initials: Int32Array;
}

const PAIRS = 128 * 128;

/** The bit of an ASCII letter or digit among a row's initials (0-35), -1 for any other character. */
function initial(c: number): number {
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 48 && c <= 57) return c - 48 + 26;
  return -1;
}

const indexed = new WeakMap<Searchable, Words>();

function wordsOf(list: Searchable): Words {
  const had = indexed.get(list);
  if (had) return had;
  const total = list.total;
  const lines = new Array<string>(total);
  for (let row = 0; row < total; row++) lines[row] = foldedWords(list.text(row));
  const other = new Map<number, number>();
  const initials = new Int32Array(total * 2);
  // One pass over the words: each row's slots (once each) in a row, and how many rows each slot holds.
  let count = new Int32Array(PAIRS + 64);
  let last = new Int32Array(count.length).fill(-1);
  let seq = new Int32Array(total * 4 + 16);
  let n = 0;
  const ends = new Int32Array(total);
  const slotOf = (c: number, d: number) => {
    if (c < 128 && d < 128) return c * 128 + d;
    const key = c * 65536 + d;
    let k = other.get(key);
    if (k === undefined) {
      k = PAIRS + other.size;
      other.set(key, k);
      if (k === count.length) {
        const more = new Int32Array(count.length * 2);
        more.set(count);
        count = more;
        const seen = new Int32Array(more.length).fill(-1);
        seen.set(last);
        last = seen;
      }
    }
    return k;
  };
  for (let row = 0; row < total; row++) {
    const line = lines[row]!;
    // Each word starts after a space; the line ends with one.
    for (let i = 0; i < line.length - 1; i++) {
      if (line.charCodeAt(i) !== 32) continue;
      const c = line.charCodeAt(i + 1);
      const next = line.charCodeAt(i + 2);
      const bit = initial(c);
      if (bit >= 0) initials[row * 2 + (bit >> 5)]! |= 1 << (bit & 31);
      const k = slotOf(c, next === 32 ? 0 : next);
      if (last[k] === row) continue;
      last[k] = row;
      count[k]!++;
      if (n === seq.length) {
        const more = new Int32Array(seq.length * 2);
        more.set(seq);
        seq = more;
      }
      seq[n++] = k;
    }
    ends[row] = n;
  }
  const from = new Int32Array(count.length + 1);
  for (let k = 0; k < count.length; k++) from[k + 1] = from[k]! + count[k]!;
  const rows = new Int32Array(n);
  const at = from.slice(0, count.length);
  let i = 0;
  for (let row = 0; row < total; row++) for (; i < ends[row]!; i++) rows[at[seq[i]!]!++] = row;
  const made = { lines, rows, from, other, initials };
  indexed.set(list, made);
  return made;
}

/** The rows that may hold `p` (by its first word's first two characters); null: any row may. */
function candidates(w: Words, p: QueryPart): Int32Array | null {
  const first = p.words[0]!;
  if (first.length === 1 && p.prefix && p.words.length === 1) return null;
  const c = first.charCodeAt(0);
  const d = first.length === 1 ? 0 : first.charCodeAt(1);
  const k = c < 128 && d < 128 ? c * 128 + d : w.other.get(c * 65536 + d);
  return k === undefined ? NONE : w.rows.subarray(w.from[k]!, w.from[k + 1]!);
}

const NONE = new Int32Array(0);

/**
 * Whether every row matching `now` matched `before`: each of before's patterns lies inside one of
 * now's, so a line holding now's holds before's (typing on narrows; a backspace does not).
 */
function narrows(now: readonly QueryPart[], before: readonly QueryPart[]): boolean {
  const patterns = now.map(partPattern);
  return before.every((b) => {
    const p = partPattern(b);
    return patterns.some((n) => n.includes(p));
  });
}

/**
 * Rows of a list without an index of its own that match `parts`: one letter alone from the rows'
 * initials; else the rows of the part with the fewest candidates (or the hits of the query before,
 * when fewer) tried on every part's pattern.
 */
function textHits(list: Searchable, parts: readonly QueryPart[], within: Hits | null): Hits {
  const w = wordsOf(list);
  const total = list.total;
  const rows = new Uint8Array(total);
  let count = 0;
  const only = parts.length === 1 ? parts[0]! : null;
  const bit =
    only && only.words.length === 1 && only.words[0]!.length === 1 && only.prefix
      ? initial(only.words[0]!.charCodeAt(0))
      : -1;
  if (bit >= 0) {
    const at = bit >> 5;
    const mask = 1 << (bit & 31);
    for (let row = 0; row < total; row++)
      if ((w.initials[row * 2 + at]! & mask) !== 0) {
        rows[row] = 1;
        count++;
      }
    return { rows, count };
  }
  const patterns = parts.map(partPattern);
  let best: Int32Array | null = null;
  for (const p of parts) {
    const c = candidates(w, p);
    if (c !== null && (best === null || c.length < best.length)) best = c;
  }
  const test = (row: number) => {
    if (!matchesPatterns(w.lines[row]!, patterns)) return;
    rows[row] = 1;
    count++;
  };
  if (within !== null && (best === null || within.count < best.length)) {
    for (let row = 0; row < total; row++) if (within.rows[row] === 1) test(row);
  } else if (best !== null) for (const row of best) test(row);
  else for (let row = 0; row < total; row++) test(row);
  return { rows, count };
}

const answered = new WeakMap<Searchable, { q: string; parts: QueryPart[]; hits: Hits | null }>();

/**
 * Every row of `list` tested against `q` once, kept for the next ask of the same query and list
 * (null for a query with no words): the prompt's count is asked at every frame drawn while it is
 * open (a keystroke's, the read-ahead's after the jump), and each ask tested all 10,000 rows again.
 * A query typed on from the last one asked is tried on that one's hits when they are fewer.
 */
export function rowHits(list: Searchable, q: string): Hits | null {
  const had = answered.get(list);
  if (had?.q === q) return had.hits;
  const parts = queryParts(q);
  let hits: Hits | null = null;
  if (parts.length > 0) {
    const test = list.query?.(q) ?? null;
    if (test !== null) {
      const rows = new Uint8Array(list.total);
      let count = 0;
      for (let row = 0; row < list.total; row++)
        if (test(row)) {
          rows[row] = 1;
          count++;
        }
      hits = { rows, count };
    } else {
      const within = had?.hits && had.parts.length > 0 && narrows(parts, had.parts) ? had.hits : null;
      hits = textHits(list, parts, within);
    }
  }
  answered.set(list, { q, parts, hits });
  return hits;
}
/**
 * The next row matching `q` after `from` in `dir`, wrapping around, `from` itself tried last; with
 * `inclusive`, `from` is tried first (typing jumps to the first match at or after the cursor). -1 if none.
 */
export function searchRows(
  list: Searchable,
  q: string,
  from: number,
  dir: 1 | -1,
  inclusive = false,
): number {
  const n = list.total;
  const hits = rowHits(list, q);
  if (n === 0 || hits === null || hits.count === 0) return -1;
  const start = inclusive ? from - dir : from;
  for (let i = 1; i <= n; i++) {
    const row = (((start + dir * i) % n) + n) % n;
    if (hits.rows[row] === 1) return row;
  }
  return -1;
}

/** How many rows match `q` (the search prompt's count as you type). */
export function countRows(list: Searchable, q: string): number {
  return rowHits(list, q)?.count ?? 0;
}

/** The notice for n/N: nothing found, or the search went round the end of the list. */
export function stepNotice(q: string, from: number, to: number, dir: 1 | -1): string | null {
  if (queryParts(q).length === 0) return "No search yet: / starts one";
  if (to < 0) return `No match for "${q}"`;
  if (dir === 1 && to <= from) return "Search wrapped to the top";
  if (dir === -1 && to >= from) return "Search wrapped to the bottom";
  return null;
}
