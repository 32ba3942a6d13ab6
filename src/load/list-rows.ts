// `list`'s rows read from the store as they are printed, never held: at 100k briefings the summaries
// held at once (with what was made of them to sort, filter and measure) were most of the command's
// peak memory. Two passes over the rows in one read transaction: the first checks every row (a damaged
// one is found before anything is printed) and applies the filter, keeping one byte per file; the
// second reads what is printed, in the list's order, as SQLite sorts it.
import path from "node:path";
import { problemOrder } from "../briefing/ids.js";
import type { Problem, RegistryActor } from "../briefing/schema.js";
import { intactSummary, type ListRow, list, type Store } from "../store/store.js";
import { type Filter, type FilterFields, filterTest, isEmptyFilter } from "../story/filter.js";
import { folderProblems } from "./folder.js";
import type { Synced } from "./sync.js";
import { fileTextIndex } from "./text-index.js";

/** A row as `list` prints it. */
export interface ListItem {
  id: string;
  date: string | null;
  title: string;
  actors: string[];
}

export interface ListRows {
  /** The folder's problems and its files' (of the severity asked), in file order. */
  problems: Problem[];
  registry: RegistryActor[];
  /** Files that loaded as briefings, before the filter. */
  total: number;
  /** Of those, the ones the filter keeps. */
  kept: number;
  /** The kept rows in the list's order (date, undated last, then id), read as they are asked for. */
  rows: Iterable<ListItem>;
}

/**
 * A character from U+D800 up, where JavaScript's order of strings (by UTF-16 unit) and SQLite's (by
 * UTF-8 byte) can differ: a surrogate sorts before U+E000 in one and after it in the other.
 */
const ORDER_MAY_DIFFER = /[\uD800-\uFFFF]/;

/** Below one row kept in FEW, the kept rows are looked up by id for the second pass. */
const FEW = 4;

/** The kept rows, read when iterated (an open read keeps the connection from any other statement). */
function items(rows: () => Iterable<ListRow>, kept: Uint8Array): Iterable<ListItem> {
  return {
    *[Symbol.iterator]() {
      for (const [fileId, id, date, title, actors] of rows())
        if (kept[fileId] === 1) yield { id, date, title, actors: list(actors) };
    },
  };
}

/** What the first pass found: the kept files (one byte per file id), how many, of how many. */
interface FirstPass {
  kept: Uint8Array;
  /** The kept files' ids when a filter kept them (empty without a filter). */
  keptIds: number[];
  total: number;
  count: number;
}

/**
 * The first pass (see the header), inside the caller's read transaction; null when the rows cannot be
 * streamed in the list's order.
 */
function firstPass(
  store: Store,
  synced: Synced,
  filter: Filter,
  measure: ((b: { id: string; actors: string[] }) => void) | null,
): FirstPass | null {
  if (store.hasSharedIds()) return null;
  const everything = isEmptyFilter(filter);
  const test = filterTest<FilterFields & { fileId: number }>(
    filter,
    synced.registry,
    fileTextIndex(store),
    (b) => String(b.fileId),
  );
  const kept = new Uint8Array(store.maxFileId() + 1);
  const keptIds: number[] = [];
  let total = 0;
  let count = 0;
  // Each row is checked as it is read, and made into an object only for the filter or the widths:
  // at 100k rows the objects of a pass that keeps none were a tenth of its time, in collections.
  for (const row of store.eachSummaryRow()) {
    if (!intactSummary(row)) return null;
    const [fileId, , bid, date, title, actors, tags, story] = row as SummaryColumns;
    if (ORDER_MAY_DIFFER.test(bid) || (date !== null && ORDER_MAY_DIFFER.test(date))) return null;
    total++;
    const b = everything && measure === null ? null : { id: bid, date, title, actors: list(actors) };
    if (!everything && !test({ ...b!, tags: list(tags), story, fileId })) continue;
    kept[fileId] = 1;
    if (!everything) keptIds.push(fileId);
    count++;
    if (b !== null) measure?.(b);
  }
  return { kept, keptIds, total, count };
}

/** The kept rows in the list's order: a filter that keeps few has them looked up by id. */
function keptRows(store: Store, pass: FirstPass): Iterable<ListRow> {
  // At 10k, an actor's 200 briefings cost a tenth more than the whole read when every row was read
  // again to find them.
  return pass.count * FEW < pass.total ? store.eachListRowOf(pass.keptIds) : store.eachListRow();
}

/**
 * Runs `print` over `list`'s rows of a store just synced (`synced`: what the sync read of the folder),
 * `measure` first seeing each row the filter keeps, checked, in no order (what a table's column widths
 * need). Null, with nothing printed, when they cannot be streamed in the list's order: two files share
 * a briefing id (a load renames one), an id or date whose order SQLite may not give, or a damaged row;
 * the caller then reads the folder whole (folder.ts `readRepaired`), which sees to each.
 */
export function withListRows<T>(
  dir: string,
  store: Store,
  synced: Synced,
  filter: Filter,
  severity: Problem["severity"] | undefined,
  measure: ((b: { id: string; actors: string[] }) => void) | null,
  print: (rows: ListRows) => Promise<T>,
): Promise<T | null> {
  return store.snapshot(async () => {
    const pass = firstPass(store, synced, filter, measure);
    if (pass === null) return null;
    return print({
      problems: folderProblems(dir, store, synced, severity).sort(problemOrder),
      registry: synced.registry,
      total: pass.total,
      kept: pass.count,
      rows: items(() => keptRows(store, pass), pass.kept),
    });
  });
}

/** A kept file as `list --json` needs it: its read status and its whole briefing are found from it. */
export interface ListFile {
  id: string;
  relPath: string;
  /** The folder's real path joined with relPath, as a whole read names it. */
  path: string;
  stamp: { size: number; mtimeMs: number; ctimeMs: number };
}

/** Files handed to `print` at a time by `withListFiles`. */
const FILES_PER_PART = 256;

/**
 * `withListRows` for `list --json`: the kept files in the list's order, a few hundred at a time
 * (`parts`, each awaited before the next is read), with `present` telling whether a path is among
 * them (read state looks for marks whose file is gone). Only the files' ids are held, in order.
 */
export function withListFiles<T>(
  dir: string,
  store: Store,
  synced: Synced,
  filter: Filter,
  severity: Problem["severity"] | undefined,
  print: (files: {
    problems: Problem[];
    registry: RegistryActor[];
    present(relPath: string): boolean;
    parts(): AsyncIterable<ListFile[]>;
  }) => Promise<T>,
): Promise<T | null> {
  return store.snapshot(async () => {
    const pass = firstPass(store, synced, filter, null);
    if (pass === null) return null;
    const order: number[] = [];
    for (const [fileId] of keptRows(store, pass)) if (pass.kept[fileId] === 1) order.push(fileId);
    const root = path.resolve(dir);
    const under = root.endsWith(path.sep) ? root : root + path.sep;
    return print({
      problems: folderProblems(dir, store, synced, severity).sort(problemOrder),
      registry: synced.registry,
      present: (relPath) => pass.kept[store.fileIdOf(relPath) ?? 0] === 1,
      async *parts() {
        for (let at = 0; at < order.length; at += FILES_PER_PART) {
          const ids = order.slice(at, at + FILES_PER_PART);
          const byId = new Map(store.listFiles(ids).map((f) => [f[0], f]));
          yield ids.map((id) => {
            const [, relPath, bid, size, mtimeMs, ctimeMs] = byId.get(id)!;
            return { id: bid, relPath, path: under + relPath, stamp: { size, mtimeMs, ctimeMs } };
          });
        }
      },
    });
  });
}

/** A summary row as read ([id, rel_path, bid, date, title, actors, tags, story]) once found intact. */
type SummaryColumns = [number, string, string, string | null, string, string, string, string | null];
