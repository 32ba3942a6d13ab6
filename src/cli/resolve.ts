// Which briefing `print ID` means. Files that failed to load are candidates too, so that asking for a
// broken briefing says why it is broken instead of "no such briefing".
import { basename, isAbsolute, relative, resolve, sep } from "node:path";
import { BRIEFING_NAME } from "../briefing/ids.js";
import type { Problem } from "../briefing/schema.js";

/** What a briefing must have to be found by id, path or title. */
export interface Findable {
  id: string;
  relPath: string;
  path: string;
  title: string;
}

/** The briefings and problems of a folder, as a load gives them. */
export interface Findables<B extends Findable> {
  dir: string;
  briefings: readonly B[];
  problems: readonly Problem[];
}

export type Resolution<B extends Findable = Findable> =
  | { kind: "briefing"; briefing: B }
  | { kind: "invalid"; path: string; problems: Problem[] }
  | { kind: "ambiguous"; candidates: string[] }
  /** `closest`: the ids nearest to what was asked, for the error to suggest. */
  | { kind: "none"; closest: string[] };

interface Candidate<B> {
  id: string;
  relPath: string;
  absPath: string;
  briefing: B | null;
  problems: Problem[];
}

function candidates<B extends Findable>(result: Findables<B>): Candidate<B>[] {
  const list: Candidate<B>[] = result.briefings.map((b) => ({
    id: b.id,
    relPath: b.relPath,
    absPath: b.path,
    briefing: b,
    problems: [],
  }));
  const broken = new Map<string, Problem[]>();
  for (const p of result.problems) {
    if (p.severity !== "error" || !BRIEFING_NAME.test(p.path)) continue;
    const group = broken.get(p.path);
    if (group) group.push(p);
    else broken.set(p.path, [p]);
  }
  // Problem paths are the folder as given joined with the file's path inside it.
  for (const [path, problems] of broken) {
    const relPath = relative(result.dir, path).split(sep).join("/");
    if (list.some((c) => c.relPath === relPath)) continue;
    list.push({
      id: basename(path).replace(BRIEFING_NAME, ""),
      relPath,
      absPath: resolve(path),
      briefing: null,
      problems,
    });
  }
  return list;
}

function settle<B extends Findable>(found: Candidate<B>[]): Resolution<B> | null {
  if (found.length === 0) return null;
  if (found.length > 1) return { kind: "ambiguous", candidates: found.map((c) => c.relPath).sort() };
  const only = found[0]!;
  return only.briefing
    ? { kind: "briefing", briefing: only.briefing }
    : { kind: "invalid", path: only.problems[0]?.path ?? only.relPath, problems: only.problems };
}

/**
 * An exact id first, then a path (absolute, from the working directory, or inside the folder), then
 * a unique id prefix; case-insensitive matching only when the exact case finds nothing.
 */
export function resolveBriefing<B extends Findable>(
  query: string,
  result: Findables<B>,
  cwd = process.cwd(),
): Resolution<B> {
  const all = candidates(result);

  const exact = settle(all.filter((c) => c.id === query));
  if (exact) return exact;

  const asPaths = new Set([isAbsolute(query) ? query : resolve(cwd, query), resolve(result.dir, query)]);
  const byPath = settle(all.filter((c) => asPaths.has(c.absPath) || c.relPath === query));
  if (byPath) return byPath;

  const lower = query.toLowerCase();
  const folded = settle(all.filter((c) => c.id.toLowerCase() === lower));
  if (folded) return folded;

  const prefixed = all.filter((c) => c.id.startsWith(query));
  const prefix = settle(
    prefixed.length > 0 ? prefixed : all.filter((c) => c.id.toLowerCase().startsWith(lower)),
  );
  if (prefix) return prefix;

  // Ids start with dates, so a word of the id or of the title is often what a person remembers.
  const inside = settle(
    all.filter((c) => c.id.toLowerCase().includes(lower) || c.briefing?.title.toLowerCase().includes(lower)),
  );
  return (
    inside ?? {
      kind: "none",
      closest: closestIds(
        lower,
        all.map((c) => c.id),
      ),
    }
  );
}

/** Edit distance (insertions, deletions, substitutions), one row at a time. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

/**
 * Up to three ids closest to `query`: by the distance to the id's nearest stretch of the same
 * length (a typo in a word of the id), then to the whole id.
 */
export function closestIds(query: string, ids: readonly string[]): string[] {
  const scored = ids.map((id) => {
    const lower = id.toLowerCase();
    let part = distance(query, lower);
    for (let i = 0; i + query.length <= lower.length; i++) {
      part = Math.min(part, distance(query, lower.slice(i, i + query.length)));
    }
    return { id, part, whole: distance(query, lower) };
  });
  const limit = Math.max(1, Math.floor(query.length / 3));
  return scored
    .filter((s) => s.part <= limit)
    .sort((a, b) => a.part - b.part || a.whole - b.whole || (a.id < b.id ? -1 : 1))
    .slice(0, 3)
    .map((s) => s.id);
}
