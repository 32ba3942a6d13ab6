// A story read from the store, brought up to date with the rows a check changed (sync.ts
// `Synced.rows`) instead of read again whole: at 10k briefings a whole read is 10,000 summaries and
// the 123k-event order again after each file a watcher names. The rows kept of the story before
// (folder.ts `loadRows`, story.ts `storyRows`) lose the changed files' rows and gain their new ones,
// placed by the rules a whole read sorts by (briefing/ids.ts `storyOrder`, story/timeline.ts
// `patchOrder`); what was decoded of the others (digests, glossary lines, term uses) is kept. The
// story is then built from them by the one builder (`storyFromRows`, `buildStory`), so the glossary,
// actor counts, agenda and conflicts shown are the same a whole read gives (test/load/patch.test.ts).
// Anything it cannot patch by those rules answers null, and the caller reads the folder whole.
import { problemOrder, storyOrder } from "../briefing/ids.js";
import type { GlossaryLine } from "../store/glossary.js";
import { DamagedRows, type Store } from "../store/store.js";
import { fileEvents, timelineRows } from "../store/timeline.js";
import { patchOrder } from "../story/timeline.js";
import { positionOf, type StoryItem, type StoryView } from "../story/view.js";
import {
  type FolderLoad,
  folderProblems,
  type LoadedRow,
  loadedRow,
  loadOf,
  loadRows,
  underOf,
} from "./folder.js";
import { storyFromRows, storyRows, timelineFresh } from "./story.js";
import type { Synced } from "./sync.js";

/**
 * Characters from U+D800 up: SQLite orders text by its UTF-8 bytes and JavaScript by UTF-16 units,
 * which differ there, so a path holding one may sit elsewhere in the stored timeline's order than in
 * story order.
 */
const WIDE = /[\uD800-\uFFFF]/;

/**
 * `shown` (a story `storyFromRows` read from `store`) with the rows `synced` names patched in; null
 * when it cannot be (read the folder whole): not read from this store, another program wrote the
 * store since, two files share an id, a new registry, or a damaged row.
 */
export function patchedStory(shown: StoryView, store: Store, synced: Synced): StoryView | null {
  const read = storyRows(shown);
  if (read === undefined || synced.rows === null || read.load.store !== store || !timelineFresh(store))
    return null;
  try {
    const patched = patchFolder(read.load, store, synced, synced.rows);
    if (patched === null) return null;
    const { load, gone, added } = patched;
    const order = patchOrder(
      read.timeline.order,
      gone,
      fileEvents(store.db, added),
      positionOf(load.fileIds),
    );
    if (order === null || order.id.length !== store.counts().events) return null;
    return storyFromRows(load, true, timelineRows(store.db, order));
  } catch (err) {
    if (err instanceof DamagedRows) return null;
    throw err;
  }
}

/** `prev` with the rows of the files at `relPaths` read again; the file ids whose events left and came. */
function patchFolder(
  prev: FolderLoad,
  store: Store,
  synced: Pick<Synced, "registry" | "problems">,
  relPaths: readonly string[],
): { load: FolderLoad; gone: Set<number>; added: number[] } | null {
  const before = loadRows(prev);
  if (before === undefined || before.shared || before.version !== store.othersWrites()) return null;
  const changed = new Set(relPaths);
  const ids: number[] = [];
  for (const rel of changed) {
    const id = store.fileIdOf(rel);
    if (id !== undefined) ids.push(id);
  }
  const under = underOf(prev.dir);
  const fresh = store
    .summariesOf(ids)
    .map((row) => loadedRow(under, row))
    .sort((a, b) => storyOrder(a.summary, b.summary));
  const gone = new Set<number>();
  const keptRows: LoadedRow[] = [];
  for (const l of before.rows) {
    if (changed.has(l.summary.relPath)) gone.add(l.fileId);
    else keptRows.push(l);
  }
  for (const l of fresh) gone.add(l.fileId);
  // Ids unique as they are (a shared one is renamed in path order over the whole folder: read whole).
  const seen = new Set(keptRows.map((l) => l.summary.id));
  for (const l of fresh) {
    if (seen.has(l.summary.id)) return null;
    seen.add(l.summary.id);
  }
  if (fresh.some((l) => WIDE.test(l.summary.relPath)) || keptRows.some((l) => WIDE.test(l.summary.relPath)))
    return null;
  const rows = mergeSorted(keptRows, fresh, (a, b) => storyOrder(a.summary, b.summary));
  const decoded = before.decoded();
  const keep = <T>(list: readonly T[] | undefined): Map<string, T> | undefined => {
    if (list === undefined) return undefined;
    const out = new Map<string, T>();
    before.rows.forEach((l, i) => {
      if (!changed.has(l.summary.relPath)) out.set(l.summary.relPath, list[i]!);
    });
    return out;
  };
  const items = keep<StoryItem>(decoded.items);
  const glossaries = keep<GlossaryLine[]>(decoded.glossaries);
  // The other files' uses stay only while the terms do: a term added or gone changes any file's.
  const uses = before.termKeys === store.meta("term_keys") ? keep<string[]>(decoded.uses) : undefined;
  const problems = folderProblems(prev.dir, store, synced);
  problems.sort(problemOrder);
  const load = loadOf({
    dir: prev.dir,
    store,
    rows,
    problems,
    registry: synced.registry,
    shared: false,
    reuse: {
      ...(items ? { items } : {}),
      ...(glossaries ? { glossaries } : {}),
      ...(uses ? { uses } : {}),
    },
  });
  return { load, gone, added: fresh.map((l) => l.fileId) };
}

/** Two lists sorted by `order` as one (`a` first on a tie, which a total order never has). */
function mergeSorted<T>(a: readonly T[], b: readonly T[], order: (x: T, y: T) => number): T[] {
  const out: T[] = new Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = order(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
