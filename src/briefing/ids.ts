// Briefing ids: from file names, and made unique across a folder. No parser here: the story builder
// on the reader's thread needs these while the parsing happens in workers.
import type { Problem } from "./schema.js";

/** The file a briefing came from, as ids need it. */
export interface NamedFile {
  relPath: string;
  /** The path the user names it by, for the warning. */
  displayPath: string;
}

/** A briefing's file name: Markdown (`.md`, `.markdown`, as Jekyll names posts) or plain text (`.txt`), any case. */
export const BRIEFING_NAME = /\.(?:md|markdown|txt)$/i;

/** The file name without its extension: `2026/june/order.md` -> `order`. */
export function idFromPath(relPath: string): string {
  const name = relPath.split(/[\\/]/).pop() ?? relPath;
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A folder's briefings in story order: by date, undated last, then by relPath. */
export function storyOrder(
  a: { date: string | null; relPath: string },
  b: { date: string | null; relPath: string },
) {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return compare(a.date, b.date);
  }
  return compare(a.relPath, b.relPath);
}

/** Problems by path, then line. */
export function problemOrder(a: { path: string; line?: number }, b: { path: string; line?: number }) {
  return compare(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0);
}

function withoutExtension(relPath: string): string {
  return relPath.replace(/\.[^./]*$/, "");
}

/**
 * Gives every briefing a unique id; `loaded` is in relPath order, so the first file wins. `rename`
 * is called for each later file, with the id it loads under instead.
 */
export function resolveDuplicateIds<T extends { entry: NamedFile }>(
  loaded: readonly T[],
  idOf: (item: T) => string,
  rename: (item: T, id: string) => void,
  problems: Problem[],
) {
  const owner = new Map<string, NamedFile>();
  const wanted = new Set(loaded.map(idOf));
  for (const item of loaded) {
    const { entry } = item;
    const given = idOf(item);
    const first = owner.get(given);
    if (first === undefined) {
      owner.set(given, entry);
      continue;
    }
    const candidates = [withoutExtension(entry.relPath), entry.relPath];
    let id = candidates.find((c) => !owner.has(c) && !wanted.has(c));
    for (let n = 2; id === undefined; n++) {
      const c = `${candidates[0]}-${n}`;
      if (!owner.has(c) && !wanted.has(c)) id = c;
    }
    problems.push({
      path: entry.displayPath,
      message: `duplicate id '${given}', also used by ${first.relPath}; this one is '${id}'`,
      severity: "warning",
    });
    owner.set(id, entry);
    rename(item, id);
  }
}
