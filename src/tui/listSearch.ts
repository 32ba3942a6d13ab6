// Type-to-jump search over a list of any length: the same matching as `--query` (every word must
// appear, case-insensitive), with each row's text lowercased once and kept for the next keystroke.
import { queryTerms } from "../story/search.js";

export interface Searchable {
  total: number;
  /** The text a row is found by; "" for rows that are never found (month headings). */
  text: (row: number) => string;
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
    s = list.text(row).toLowerCase();
    cache[row] = s;
  }
  return s;
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
  const terms = queryTerms(q);
  if (n === 0 || terms.length === 0) return -1;
  const start = inclusive ? from - dir : from;
  for (let i = 1; i <= n; i++) {
    const row = (((start + dir * i) % n) + n) % n;
    const text = lower(list, row);
    if (text === "") continue;
    let all = true;
    for (const t of terms) {
      if (!text.includes(t)) {
        all = false;
        break;
      }
    }
    if (all) return row;
  }
  return -1;
}

/** How many rows match `q` (the search prompt's count as you type). */
export function countRows(list: Searchable, q: string): number {
  const terms = queryTerms(q);
  if (terms.length === 0) return 0;
  let n = 0;
  for (let row = 0; row < list.total; row++) {
    const text = lower(list, row);
    if (text !== "" && terms.every((t) => text.includes(t))) n++;
  }
  return n;
}

/** The notice for n/N: nothing found, or the search went round the end of the list. */
export function stepNotice(q: string, from: number, to: number, dir: 1 | -1): string | null {
  if (queryTerms(q).length === 0) return "No search yet: / starts one";
  if (to < 0) return `No match for "${q}"`;
  if (dir === 1 && to <= from) return "Search wrapped to the top";
  if (dir === -1 && to >= from) return "Search wrapped to the bottom";
  return null;
}
