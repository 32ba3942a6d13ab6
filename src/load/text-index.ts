// The store's full-text index as a story's TextIndex: `--query`, the reader's `/` and an actor's
// mentions. A query's answer is a set of briefing ids held as one byte per briefing, not a Set of
// strings: a one-letter query at 100k briefings matches nearly all of them, and putting 100,000 ids
// in a Set took longer than the index's own answer.
import type { Store } from "../store/store.js";
import { ftsQuery, mentionQuery, type TextHits, type TextIndex } from "../story/search.js";

/** A set of strings held as one byte per position: a subclass says which string a position is. */
abstract class ByteSet implements TextHits {
  readonly size: number;
  constructor(protected readonly hit: Uint8Array) {
    let n = 0;
    for (const h of hit) n += h;
    this.size = n;
  }
  abstract has(key: string): boolean;
  at(i: number): boolean {
    return this.hit[i] === 1;
  }
  protected abstract key(i: number): string;
  *values(): SetIterator<string> {
    for (let i = 0; i < this.hit.length; i++) if (this.hit[i] === 1) yield this.key(i);
  }
  keys(): SetIterator<string> {
    return this.values();
  }
  *entries(): SetIterator<[string, string]> {
    for (const k of this.values()) yield [k, k];
  }
  forEach(fn: (value: string, key: string, set: ReadonlySet<string>) => void, thisArg?: unknown): void {
    for (const k of this.values()) fn.call(thisArg, k, k, this);
  }
  [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }
}

/** Briefings matched by a query, by their position in the load; read as a set of their ids. */
class Matches extends ByteSet {
  constructor(
    private readonly ids: readonly string[],
    private readonly places: () => ReadonlyMap<string, number>,
    hit: Uint8Array,
  ) {
    super(hit);
  }
  has(id: string): boolean {
    if (this.size === 0) return false;
    const i = this.places().get(id);
    return i !== undefined && this.hit[i] === 1;
  }
  protected key(i: number): string {
    return this.ids[i]!;
  }
}

/**
 * The index of `store` over a load's briefings: `ids[i]` is the briefing (its id made unique) of the
 * file whose row id is `fileIds[i]`. `position` gives a file's position from its row id.
 */
export function storeTextIndex(
  store: Store,
  ids: readonly string[],
  position: () => ReadonlyMap<number, number>,
): TextIndex {
  let byId: Map<string, number> | undefined;
  const at = () => {
    if (byId === undefined) {
      byId = new Map();
      ids.forEach((id, i) => {
        byId!.set(id, i);
      });
    }
    return byId;
  };
  // Each file's position by its row id, -1 for none: a query's answer is placed with no map lookup.
  let slots: Int32Array | undefined;
  const slotsOf = () => {
    if (slots === undefined) {
      const of = position();
      let max = -1;
      for (const f of of.keys()) if (f > max) max = f;
      slots = new Int32Array(max + 1).fill(-1);
      for (const [f, i] of of) slots[f] = i;
    }
    return slots;
  };
  const matches = (fileIds: readonly number[] | null) => {
    const hit = new Uint8Array(ids.length);
    const of = slotsOf();
    for (const f of fileIds ?? []) {
      const i = f < of.length ? of[f]! : -1;
      if (i >= 0) hit[i] = 1;
    }
    return new Matches(ids, at, hit);
  };
  return searchedBy(store, matches);
}

/** A TextIndex asking the store's full-text index, its answers (file ids) made a set by `matches`. */
function searchedBy(store: Store, matches: (fileIds: readonly number[] | null) => TextHits): TextIndex {
  return {
    query(q) {
      const match = ftsQuery(q);
      return match === null ? null : matches(store.search(match));
    },
    mentions(name) {
      const match = ftsQuery(mentionQuery(name));
      return match === null ? new Set() : matches(store.search(match));
    },
  };
}

/** Files matched by a query, one byte per file id, read as a set of file ids written in decimal. */
class FileMatches extends ByteSet {
  has(key: string): boolean {
    return this.hit[Number(key)] === 1;
  }
  protected key(i: number): string {
    return String(i);
  }
}

/**
 * The index of `store` naming files by their row id in decimal, not by briefing id: for a pass over
 * the rows that holds no list of them (`list` streamed, load/list-rows.ts).
 */
export function fileTextIndex(store: Store): TextIndex {
  const matches = (fileIds: readonly number[] | null) => {
    const hit = new Uint8Array(store.maxFileId() + 1);
    for (const f of fileIds ?? []) if (f < hit.length) hit[f] = 1;
    return new FileMatches(hit);
  };
  return searchedBy(store, matches);
}
