// Dates as numbers (20260612) and the timeline's month headings over them. Apart from view.ts so the
// store's timeline rows can use them without loading the story builder (and its collator) on the
// paths that never build a story (`print`, `list`).

/** The year a date code gives an event whose year is unknown: after every real one (1900–2100). */
export const UNKNOWN_YEAR = 9999;

/** The heading group of an event's date code: its year for a year-only date, else its month; one group for an unknown year. */
function monthGroup(code: number): number {
  if (Math.floor(code / 10000) === UNKNOWN_YEAR) return UNKNOWN_YEAR * 10000;
  return code % 10000 === 0 ? code : Math.floor(code / 100) * 100 + 1;
}

/** Positions in `dates` (a timeline's date codes, in order) where a new heading group starts. */
export function groupStarts(dates: ArrayLike<number>): Int32Array {
  const heads: number[] = [];
  let group = -1;
  for (let p = 0; p < dates.length; p++) {
    const g = monthGroup(dates[p]!);
    if (g !== group) {
      heads.push(p);
      group = g;
    }
  }
  return Int32Array.from(heads);
}

/**
 * "2026-06-12" -> 20260612, "2026-06" -> 20260600, "2026" -> 20260000, an unknown year "--06-12" ->
 * 99990612; anything else -> 0.
 */
export function dateCode(date: string): number {
  if (date.startsWith("--")) return dateCode(`${UNKNOWN_YEAR}${date.slice(1)}`);
  const y = Number(date.slice(0, 4));
  const m = date.length >= 7 ? Number(date.slice(5, 7)) : 0;
  const d = date.length >= 10 ? Number(date.slice(8, 10)) : 0;
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return 0;
  return y * 10000 + m * 100 + d;
}

/** The inverse of `dateCode`: the date at the precision it was written with. */
export function codeDate(code: number): string {
  const year = Math.floor(code / 10000);
  const y = year === UNKNOWN_YEAR ? "-" : String(year).padStart(4, "0");
  const m = Math.floor(code / 100) % 100;
  const d = code % 100;
  if (m === 0) return y;
  const mm = String(m).padStart(2, "0");
  return d === 0 ? `${y}-${mm}` : `${y}-${mm}-${String(d).padStart(2, "0")}`;
}
