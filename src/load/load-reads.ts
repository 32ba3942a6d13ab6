// What a FolderLoad's lazy fields read from the store (folder.ts `loadOf` holds them), by concern:
// what a patched load reuses of the load before it (the rows a check changed read by path); rows read
// by path where another program wrote them again under new ids; and the glossary build-ahead's reads
// in steps (`glossaryReads`).
import type { GlossaryLine } from "../store/glossary.js";
import { DamagedRows, type Store } from "../store/store.js";
import type { StoryItem } from "../story/view.js";
import type { LoadedRow, LoadParts } from "./folder.js";

/** What a load's rows are read through: its store, its rows, and what is left to reuse (each once). */
export interface RowReads {
  store: Store;
  loaded: readonly LoadedRow[];
  /** Let go once used: a load kept on screen would hold the maps of the one before for good. */
  reuse: NonNullable<LoadParts["reuse"]>;
  /** Each loaded file's place by its id. */
  indexOf: () => Map<number, number>;
  /** The rows whose id no longer names their file, by place (empty: none). */
  moved: () => Map<number, string>;
}

/** The loaded files' places by id, made when first asked for. */
export function placesById(loaded: readonly LoadedRow[]): () => Map<number, number> {
  let index: Map<number, number> | undefined;
  return () => {
    if (index === undefined) {
      index = new Map();
      loaded.forEach((l, i) => {
        index!.set(l.fileId, i);
      });
    }
    return index;
  };
}

/**
 * The rows whose id no longer names their file. The getters read rows by the ids the summaries had.
 * Another program may write rows again meanwhile (as a second first load of the same folder does),
 * under new ids, and an id freed can name another file next: when it has committed anything since
 * `version`, the rows whose id no longer names their file are read by path instead (never taken for
 * damage, so the other's rows are not forgotten).
 */
export function movedRows(store: Store, loaded: readonly LoadedRow[], version: number) {
  return (): Map<number, string> => {
    const out = new Map<number, string>();
    if (store.othersWrites() === version) return out;
    const now = store.pathsById();
    loaded.forEach((l, i) => {
      if (now.get(l.fileId) !== l.summary.relPath) out.set(i, l.summary.relPath);
    });
    return out;
  };
}

/** What the reused rows lack, read by relPath: the rows a check changed. */
function missing(loaded: readonly LoadedRow[], have: ReadonlyMap<string, unknown>): string[] {
  return loaded.filter((l) => !have.has(l.summary.relPath)).map((l) => l.summary.relPath);
}

/** Each loaded file's used term keys. */
export function readUses({ store, loaded, reuse, indexOf }: RowReads): string[][] {
  const all: string[][] = loaded.map(() => []);
  if (reuse.uses !== undefined) {
    const before = reuse.uses;
    const left = new Set(missing(loaded, before));
    loaded.forEach((l, i) => {
      if (!left.has(l.summary.relPath)) all[i] = before.get(l.summary.relPath)!;
    });
    const ids = loaded.filter((l) => left.has(l.summary.relPath)).map((l) => l.fileId);
    for (const [key, fileId] of store.usesOf(ids)) {
      const at = indexOf().get(fileId);
      if (at !== undefined) all[at]!.push(key);
    }
    delete reuse.uses;
  } else {
    for (const [key, fileId] of store.uses()) {
      const at = indexOf().get(fileId);
      if (at !== undefined) all[at]!.push(key);
    }
  }
  return all;
}

/** Each term's using files, as places in the load, sorted. */
export function readTermUses({ store, indexOf }: RowReads): Map<string, Int32Array> {
  const byTerm = new Map<string, Int32Array>();
  const at = indexOf();
  for (const [key, ids] of store.usesByTerm()) {
    const items: number[] = [];
    for (const id of ids.split(",")) {
      const i = at.get(Number(id));
      if (i !== undefined) items.push(i);
    }
    byTerm.set(key, Int32Array.from(items).sort());
  }
  return byTerm;
}

/** Each loaded file's digest with its summary; DamagedRows names the files whose digest is lost. */
export function readItems({ store, loaded, reuse, moved }: RowReads): StoryItem[] {
  const gone = moved();
  const before = gone.size === 0 ? reuse.items : undefined;
  if (before !== undefined) {
    const now = store.digestsByPath(missing(loaded, before));
    const lost = loaded.filter((l) => !before.has(l.summary.relPath) && !now.has(l.summary.relPath));
    if (lost.length > 0) throw new DamagedRows(lost.map((l) => l.summary.relPath));
    const items = loaded.map(
      (l) => before.get(l.summary.relPath) ?? { ...now.get(l.summary.relPath)!, ...l.summary },
    );
    delete reuse.items;
    return items;
  }
  const digests = store.digests();
  const now = gone.size > 0 ? store.digestsByPath([...gone.values()]) : null;
  const of = (l: LoadedRow, i: number) =>
    now !== null && gone.has(i) ? now.get(l.summary.relPath) : digests.get(l.fileId);
  // Every row missing its digest at once: a damaged page loses several, and each try repairs.
  const lost = loaded.filter((l, i) => of(l, i) === undefined).map((l) => l.summary.relPath);
  if (lost.length > 0) throw new DamagedRows(lost);
  return loaded.map((l, i) => ({ ...of(l, i)!, ...l.summary }));
}

/** Per loaded file, its lines in `byFile` (by id), or read again by path where its id moved. */
export function glossariesOf({ store, loaded, moved }: RowReads, byFile: Map<number, GlossaryLine[]>) {
  const gone = moved();
  const now = gone.size > 0 ? store.glossariesByPath([...gone.values()]) : null;
  return loaded.map(
    (l, i) => (now !== null && gone.has(i) ? now.get(l.summary.relPath) : byFile.get(l.fileId)) ?? [],
  );
}

/** Each loaded file's glossary lines, read at once. */
export function readGlossaries(r: RowReads): GlossaryLine[][] {
  const before = r.moved().size === 0 ? r.reuse.glossaries : undefined;
  if (before !== undefined) {
    const now = r.store.glossariesByPath(missing(r.loaded, before));
    const glossaries = r.loaded.map((l) => before.get(l.summary.relPath) ?? now.get(l.summary.relPath) ?? []);
    delete r.reuse.glossaries;
    return glossaries;
  }
  return glossariesOf(r, r.store.glossaries());
}

/**
 * The glossary lines of `range` files a step (none when `read` is false), by the loaded files' ids,
 * not the table's: a range holds `range` files whatever ids rewritten files have left unused. Null:
 * a damaged row stopped it, and the build ahead with it.
 */
export function* glossarySteps(
  { store, loaded }: RowReads,
  read: boolean,
  range: number,
): Generator<void, Map<number, GlossaryLine[]> | null> {
  const ids = read ? Float64Array.from(loaded, (l) => l.fileId).sort() : [];
  const byFile = new Map<number, GlossaryLine[]>();
  for (let at = 0; at < ids.length; at += range) {
    const from = ids[at]!;
    const to = ids[Math.min(at + range, ids.length) - 1]!;
    try {
      for (const [id, lines] of store.glossariesBetween(from, to)) byFile.set(id, lines);
    } catch (err) {
      if (err instanceof DamagedRows) return null;
      throw err;
    }
    yield;
  }
  return byFile;
}
