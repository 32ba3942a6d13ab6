// Type-to-jump search over a list of any length: the same matching as `--query` and the store's
// full-text index (story/search.ts: words and prefixes, "phrases", case and accents aside), with each
// row's words folded once and kept for the next keystroke. A list of briefings asks the index instead.
import { foldedWords, matchesParts, queryParts } from "../story/search.js";

export interface Searchable {
  total: number;
  /** The text a row is found by; "" for rows that are never found (month headings). */
  text: (row: number) => string;
  /** Rows matching `q` by the whole text behind them (the store's index); null: match `text`. */
  query?: (q: string) => ((row: number) => boolean) | null;
}

const asked = new WeakMap<Searchable, { q: string; test: ((row: number) => boolean) | null }>();

/** The test of a row against `q`, made once per query and list. */
function tester(list: Searchable, q: string): ((row: number) => boolean) | null {
  const parts = queryParts(q);
  if (parts.length === 0) return null;
  if (list.query) {
    const had = asked.get(list);
    if (had?.q === q) return had.test;
    const test = list.query(q);
    asked.set(list, { q, test });
    if (test) return test;
  }
  return (row) => {
    const words = lower(list, row);
    return words !== " " && matchesParts(words, parts);
  };
}

const lowered = new WeakMap<Searchable, (string | undefined)[]>();

function lower(list: Searchable, row: number): string {
  let cache = lowered.get(list);
  if (!cache) {
    cache = new Array<string | undefined>(list.total);
    lowered.set(list, cache);
  }
  let s = cache[row];
  if (s === undefined) {
    s = foldedWords(list.text(row));
    cache[row] = s;
  }
  return s;
}

/** Each row's answer to a query, one byte a row, and how many said yes. */
export interface Hits {
  rows: Uint8Array;
  count: number;
}

const answered = new WeakMap<Searchable, { q: string; hits: Hits | null }>();

/**
 * Every row of `list` tested against `q` once, kept for the next ask of the same query and list
 * (null for a query with no words): the prompt's count is asked at every frame drawn while it is
 * open (a keystroke's, the read-ahead's after the jump), and each ask tested all 10,000 rows again.
 */
export function rowHits(list: Searchable, q: string): Hits | null {
  const had = answered.get(list);
  if (had?.q === q) return had.hits;
  const test = tester(list, q);
  let hits: Hits | null = null;
  if (test !== null) {
    const rows = new Uint8Array(list.total);
    let count = 0;
    for (let row = 0; row < list.total; row++)
      if (test(row)) {
        rows[row] = 1;
        count++;
      }
    hits = { rows, count };
  }
  answered.set(list, { q, hits });
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
