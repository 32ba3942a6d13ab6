// A folder through its store: the store is brought up to date with the files (sync.ts), then read.
// What the CLI commands and the reader both work on: the same rows, so a filter means the same
// everywhere. Never throws for anything inside the folder; only a missing or unreadable folder raises
// `FolderError` (the CLI's exit 66). A damaged or unwritable database never stops it: it is rebuilt,
// or the folder is worked on from a database in memory, said once on stderr.
import path from "node:path";
import { problemOrder, resolveDuplicateIds, storyOrder } from "../briefing/ids.js";
import type { Briefing, Problem, RegistryActor } from "../briefing/schema.js";
import type { GlossaryLine } from "../store/glossary.js";
import { describe, errorCode } from "../store/open.js";
import { DamagedRows, Store, type SummaryRow } from "../store/store.js";
import type { TextIndex } from "../story/search.js";
import type { StoryItem } from "../story/view.js";
import {
  openFolderStore,
  type StoreOptions,
  storedErrors,
  storedProblems,
  warnOnce,
} from "./folder-store.js";
import {
  glossariesOf,
  glossarySteps,
  movedRows,
  placesById,
  type RowReads,
  readGlossaries,
  readItems,
  readTermUses,
  readUses,
} from "./load-reads.js";
import { FolderError, readSource, runPool } from "./read.js";
import { storedBriefing } from "./stored-briefing.js";
import {
  type Synced,
  type SyncOptions,
  SyncStopped,
  storedFolder,
  storedRegistryHash,
  syncFolder,
} from "./sync.js";
import { storeTextIndex } from "./text-index.js";

export interface FolderOptions extends SyncOptions, StoreOptions {
  /** False: the digests are not decoded up front (`list` reads summaries only). */
  digests?: boolean;
  /**
   * "error": of the problems the store kept, only the errors are read (`list` reports no other; at
   * 100k briefings the 25,000 warnings read, made into objects and sorted were some 5% of a list).
   */
  problems?: "error";
}

/**
 * Syncs `store` (opened when not given) with `dir`. A database found damaged while in use is deleted
 * and made again; one that cannot be written (a full disk, a read-only cache) gives way to one in
 * memory, said once. Returns the store in use, which may not be the one given.
 */
export async function syncStore(
  dir: string,
  opts: FolderOptions = {},
  open?: Store | null,
): Promise<{ store: Store; synced: Synced }> {
  let store = open ?? openFolderStore(dir, opts);
  if (store === null) {
    // The folder is missing: the scan says why, in the words the CLI shows.
    await syncFolder(dir, Store.open({ file: null, real: dir, warn: () => {} }));
    throw new FolderError(dir, "ENOENT", `briefings folder not found: ${dir}`);
  }
  for (let attempt = 0; ; attempt++) {
    try {
      return { store, synced: await syncFolder(dir, store, opts) };
    } catch (err) {
      if (err instanceof FolderError || err instanceof SyncStopped || attempt > 1) throw err;
      const file = store.file;
      store.close();
      // A value of the wrong type in a damaged row fails as a TypeError, not as SQLite's corruption:
      // anything but the environment refusing (full, read-only, busy, no access) is damage.
      if (file !== null && attempt === 0 && (Store.corrupt(err) || !refusal(err))) {
        Store.discard(file);
        store = openFolderStore(dir, opts)!;
      } else {
        // A full disk: the half-written database goes, freeing what it took. Busy or read-only:
        // another program's database, left alone. Either way this run works from memory.
        if (file !== null && /SQLITE_(FULL|IOERR|CANTOPEN)/.test(errorCode(err))) Store.discard(file);
        if (file !== null)
          warnOnce(opts)(`cache unavailable (${describe(err)}); working from memory this time`);
        store = Store.open({ file: null, real: dir, warn: () => {} });
      }
    }
  }
}

/** The environment refusing the database (full, read-only, busy, no access), not a damaged one. */
function refusal(err: unknown): boolean {
  return /^(SQLITE_(FULL|IOERR|CANTOPEN|READONLY|BUSY|LOCKED|PERM|AUTH|NOMEM)|E[A-Z]+)/.test(errorCode(err));
}

/** What `list` and a filter read of a briefing: its summary row, no digest. */
export interface ItemSummary {
  id: string;
  relPath: string;
  path: string;
  title: string;
  date: string | null;
  actors: string[];
  tags: string[];
  story: string | null;
}

/** A folder as its store has it, in story order, ids made unique. */
export interface FolderLoad {
  dir: string;
  /** The summaries alone (what `list` reads): no digest decoded. */
  summaries: ItemSummary[];
  /** Per summary: its file's id in the store (what the store's derived rows name it by). */
  fileIds: number[];
  /** The briefings' digests, decoded on first use; throws DamagedRows for a row not as written. */
  readonly items: StoryItem[];
  problems: Problem[];
  registry: RegistryActor[];
  /** Per summary: the glossary lines its file defines, from the store's own table (no digest decoded); throws DamagedRows for a row not as written. */
  readonly glossaries: readonly (readonly GlossaryLine[])[];
  /** The keys of the glossary terms item `i` uses or defines. */
  usedKeys(i: number): readonly string[];
  /** Per glossary term key, the items that use or define it (their indexes, ascending). */
  termUses(): ReadonlyMap<string, Int32Array>;
  /**
   * What `glossaries` reads, a range of file ids a step (about a millisecond), then `termUses`, for
   * a reader to run between keys; a damaged row ends the steps and is left to `glossaries`.
   */
  glossaryReads(range?: number): Generator<void>;
  /** The store's full-text index over these briefings. */
  text: TextIndex;
  store: Store;
}

/** The folder's problems and its files' (of one severity, when given), unsorted. */
export function folderProblems(
  dir: string,
  store: Store,
  folder: Pick<Synced, "problems">,
  severity?: Problem["severity"],
): Problem[] {
  return [...folder.problems, ...storedProblems(dir, store, severity)];
}

/** Files whose glossary lines `glossaryReads` reads a step: about 1 ms of CPU. */
const READ_RANGE = 100;

/** A file's summary row as a load holds it. */
export interface LoadedRow {
  summary: ItemSummary;
  fileId: number;
}

/**
 * What a load read, kept so a later check's few changed rows can be patched in (patch.ts) instead of
 * every row read again: the rows in story order, and what was decoded of them by then (by relPath).
 */
export interface LoadRows {
  rows: readonly LoadedRow[];
  /** Two files shared an id (renamed in path order): a patch reads the whole folder instead. */
  shared: boolean;
  /** The store's `othersWrites()` when the rows were read. */
  version: number;
  /** The term keys the uses were recomputed for when read (meta `term_keys`). */
  termKeys: string | null;
  /** Per row, what its getters decoded so far (undefined: not read). */
  decoded(): {
    items?: readonly StoryItem[];
    glossaries?: readonly GlossaryLine[][];
    uses?: readonly string[][];
  };
}

const kept = new WeakMap<FolderLoad, LoadRows>();

/** The rows `load` was made of, when it was read from the store (readFolder, or patched). */
export function loadRows(load: FolderLoad): LoadRows | undefined {
  return kept.get(load);
}

/** A summary row as a load's summary: its path joined under the folder (`under`, ending in a separator). */
export function loadedRow(under: string, row: SummaryRow): LoadedRow {
  return {
    summary: {
      id: row.bid,
      relPath: row.relPath,
      path: under + row.relPath,
      title: row.title,
      date: row.date,
      actors: row.actors,
      tags: row.tags,
      story: row.story,
    },
    fileId: row.fileId,
  };
}

/** The folder's path as the start of its files' paths. */
export function underOf(dir: string): string {
  const root = path.resolve(dir);
  // Joined as strings, not by path.join: stored paths are already clean, and this runs per row.
  return root.endsWith(path.sep) ? root : root + path.sep;
}

/** The store's rows for `dir` as a FolderLoad (digests decoded when `items` is first read). */
export function readFolder(
  dir: string,
  store: Store,
  synced?: Pick<Synced, "registry" | "problems">,
  severity?: Problem["severity"],
): FolderLoad {
  const folder = synced ?? storedFolder(dir, store) ?? { registry: [], problems: [] };
  const problems = folderProblems(dir, store, folder, severity);
  const under = underOf(dir);
  const loaded = store.summaries().map((row) => loadedRow(under, row));
  // Ids are made unique in path order (the first file keeps its id), as a load of the files does;
  // only looked into when two rows share an id.
  const ids = new Set<string>();
  const shared = loaded.some((l) => ids.size === ids.add(l.summary.id).size);
  if (shared) {
    const byPath = loaded
      .map((l) => ({
        ...l,
        entry: { relPath: l.summary.relPath, displayPath: path.join(dir, l.summary.relPath) },
      }))
      .sort((a, b) => (a.entry.relPath < b.entry.relPath ? -1 : 1));
    resolveDuplicateIds(
      byPath,
      (l) => l.summary.id,
      (l, id) => {
        l.summary.id = id;
      },
      problems,
    );
  }
  problems.sort(problemOrder);
  loaded.sort((a, b) => storyOrder(a.summary, b.summary));
  return loadOf({ dir, store, rows: loaded, problems, registry: folder.registry, shared });
}

/** What a load is made of; `reuse`: rows already decoded by an earlier load, by relPath (patch.ts). */
export interface LoadParts {
  dir: string;
  store: Store;
  /** In story order, ids unique. */
  rows: LoadedRow[];
  problems: Problem[];
  registry: RegistryActor[];
  shared: boolean;
  reuse?: {
    items?: ReadonlyMap<string, StoryItem>;
    glossaries?: ReadonlyMap<string, GlossaryLine[]>;
    uses?: ReadonlyMap<string, string[]>;
  };
}

/** A FolderLoad over rows read (every one by readFolder, or a few patched into an earlier load's). */
export function loadOf(parts: LoadParts): FolderLoad {
  const { dir, store, rows: loaded } = parts;
  const indexOf = placesById(loaded);
  const text = storeTextIndex(
    store,
    loaded.map((l) => l.summary.id),
    indexOf,
  );
  const version = store.othersWrites();
  const reads: RowReads = {
    store,
    loaded,
    reuse: { ...parts.reuse },
    indexOf,
    moved: movedRows(store, loaded, version),
  };
  let uses: string[][] | undefined;
  const usedKeys = (i: number) => {
    uses ??= readUses(reads);
    return uses[i] ?? [];
  };
  let byTerm: Map<string, Int32Array> | undefined;
  const termUses = () => {
    byTerm ??= readTermUses(reads);
    return byTerm;
  };
  let items: StoryItem[] | undefined;
  let glossaries: GlossaryLine[][] | undefined;
  const load: FolderLoad = {
    dir,
    summaries: loaded.map((l) => l.summary),
    fileIds: loaded.map((l) => l.fileId),
    get items() {
      items ??= readItems(reads);
      return items;
    },
    get glossaries() {
      glossaries ??= readGlossaries(reads);
      return glossaries;
    },
    *glossaryReads(range = READ_RANGE) {
      // A patched load has most lines already: the getter reads only the changed files' by path.
      if (reads.reuse.glossaries !== undefined) void load.glossaries;
      const byFile = yield* glossarySteps(reads, glossaries === undefined, range);
      if (byFile === null) return;
      glossaries ??= glossariesOf(reads, byFile);
      yield;
      termUses();
    },
    problems: parts.problems,
    registry: parts.registry,
    usedKeys,
    termUses,
    text,
    store,
  };
  const termKeys = store.meta("term_keys");
  kept.set(load, {
    rows: loaded,
    shared: parts.shared,
    version,
    termKeys,
    decoded: () => ({
      ...(items !== undefined ? { items } : {}),
      ...(glossaries !== undefined ? { glossaries } : {}),
      ...(uses !== undefined ? { uses } : {}),
    }),
  });
  return load;
}

/**
 * The store's rows read back after a sync, repaired on the way: rows whose checksum fails are read
 * again from their files; damage SQLite itself finds on reading (a page of another table) makes the
 * database again. Returns the store in use, which may not be the one given. Throws only `FolderError`
 * and the environment's refusals.
 */
export async function readRepaired(
  dir: string,
  synced: { store: Store; synced: Synced },
  opts: FolderOptions = {},
): Promise<{ store: Store; load: FolderLoad }> {
  let { store, synced: current } = synced;
  // Rows to read again from their files before the next try. Forgetting and syncing happen inside
  // the try: damage SQLite finds there (a page of an index the sync walks) makes the database again.
  let damaged: string[] | null = null;
  for (let attempt = 0; ; attempt++) {
    try {
      if (damaged !== null) {
        store.forget(damaged);
        damaged = null;
        current = await syncFolder(dir, store, opts);
      }
      const load = readFolder(dir, store, current, opts.problems);
      if (opts.digests !== false) void load.items;
      return { store, load };
    } catch (err) {
      if (attempt > 1) throw err;
      // Rows found damaged are read again from their files, once; found damaged again (a damaged index
      // can keep a row from being forgotten), the database is made again.
      if (err instanceof DamagedRows && attempt === 0) {
        damaged = err.relPaths;
        continue;
      }
      const file = store.file;
      if (file === null || refusal(err)) throw err;
      store.close();
      Store.discard(file);
      ({ store, synced: current } = await syncStore(dir, opts));
    }
  }
}

/** Opens, syncs and reads the store of `dir`, repairing damage on the way. Throws only `FolderError`. */
export async function loadFolder(
  dir: string,
  opts: FolderOptions = {},
  open?: Store | null,
): Promise<FolderLoad> {
  return (await readRepaired(dir, await syncStore(dir, opts, open), opts)).load;
}

/** Whole briefings read at once while `wholeBriefings` reads a list. */
const WHOLE_AT_ONCE = 16;

/** Items whose whole briefings are held at once while `eachWholeBriefing` goes through a list. */
const WHOLE_PER_STEP = 256;

/**
 * The whole briefings behind `items`, in their order, under the id the folder gives each, handed to
 * `each` a few hundred at a time (a list of 100k is never held whole). With the store (just synced:
 * its stamps are the files'), a briefing it keeps from a parse under the current registry is used as
 * it is; any other file is read and parsed again. A file that no longer parses is left out and said
 * on stderr.
 */
export async function eachWholeBriefing(
  load: Pick<FolderLoad, "dir" | "registry"> & { store?: Store },
  items: readonly Pick<ItemSummary, "id" | "relPath" | "path">[],
  each: (b: Briefing) => Promise<void> | undefined | void,
): Promise<void> {
  const hash = load.store === undefined ? null : storedRegistryHash(load.store);
  for (let at = 0; at < items.length; at += WHOLE_PER_STEP) {
    const step = items.slice(at, at + WHOLE_PER_STEP);
    const out: (Briefing | null)[] = new Array(step.length).fill(null);
    const left: { item: Pick<ItemSummary, "id" | "relPath" | "path">; i: number }[] = [];
    // One query for the step's briefings, not one each.
    const stored =
      hash === null
        ? new Map<string, string>()
        : load.store!.briefingsAt(
            step.map((item) => item.relPath),
            hash,
          );
    step.forEach((item, i) => {
      const body = stored.get(item.relPath);
      const b = body === undefined ? null : storedBriefing(body, item.path);
      if (b !== null) out[i] = { ...b, id: item.id };
      else left.push({ item, i });
    });
    if (left.length > 0) {
      const { parseBriefing } = await import("../briefing/parse.js");
      await runPool(left, WHOLE_AT_ONCE, async ({ item, i }) => {
        const entry = {
          path: item.path,
          relPath: item.relPath,
          displayPath: path.join(load.dir, item.relPath),
          openPath: item.path,
        };
        const read = await readSource(entry);
        if ("problem" in read) {
          process.stderr.write(`signaldesk: ${read.problem.path}: ${read.problem.message}\n`);
          return;
        }
        const parsed = parseBriefing(read.file, load.registry);
        if ("briefing" in parsed) out[i] = { ...parsed.briefing, id: item.id, path: item.path };
      });
    }
    // Awaited: what `each` writes may have to wait for its stream to drain.
    for (const b of out) if (b !== null) await each(b);
  }
}

/** `eachWholeBriefing`'s briefings as one list. */
export async function wholeBriefings(
  load: Pick<FolderLoad, "dir" | "registry"> & { store?: Store },
  items: readonly ItemSummary[],
): Promise<Briefing[]> {
  const out: Briefing[] = [];
  await eachWholeBriefing(load, items, (b) => {
    out.push(b);
  });
  return out;
}

/** The whole briefing behind one item (`print`), or null when its file no longer parses. */
export async function wholeBriefing(
  load: Pick<FolderLoad, "dir" | "registry"> & { store?: Store },
  item: ItemSummary,
): Promise<Briefing | null> {
  return (await wholeBriefings(load, [item]))[0] ?? null;
}

export { openFolderStore, storedErrors };
