// The order a folder's new files are parsed in. The reader's lists show the oldest first, and a first
// load shows the rows written so far (sync.ts `onWritten`): files are parsed oldest first as far as
// their paths tell (a date in the name or the folders: 2024-03-01, 2024/03/01, 2024_03), so the top
// of the list is right early. Paths with no date keep their order, after the dated ones. A scan's
// path order is already this for an archive named by date; it is not for one split by source.
const DATE = /(?<!\d)((?:19|20)\d\d)[-/_.](0[1-9]|1[0-2])(?:[-/_.](0[1-9]|[12]\d|3[01]))?(?!\d)/g;

/** The last (most specific) date in a path, as YYYY-MM or YYYY-MM-DD; null when there is none. */
export function pathDate(relPath: string): string | null {
  let found: string | null = null;
  for (const m of relPath.matchAll(DATE)) found = m[3] ? `${m[1]}-${m[2]}-${m[3]}` : `${m[1]}-${m[2]}`;
  return found;
}

/** `items` sorted by the date in their paths, oldest first, undated last; a stable sort. */
export function oldestFirst<T>(items: T[], relPath: (item: T) => string): T[] {
  const keys = new Map<T, string>();
  for (const item of items) keys.set(item, pathDate(relPath(item)) ?? "~");
  return items.sort((a, b) => {
    const x = keys.get(a)!;
    const y = keys.get(b)!;
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
