// A first start on a big folder (no database yet) shows the list from the first parsed files while
// the rest load, rather than a loading line until the last one is written: the sync writes a small
// first batch, then batches a key never waits long behind (one transaction each, on this thread),
// and after each the story is read again from the stored rows and shown (paced), with a note in the
// header counting the files written, moved at each batch. What only a complete folder gives comes at
// the end: the conflicts between reports are searched once every file is in (until then no event is
// flagged, and the note says so), and the term uses the glossary counts are recomputed then.
import type { SyncedFolder, SyncOptions } from "../load/sync.js";
import type { StoryView } from "../story/view.js";
import type { SourceEvents } from "./source.js";

/** Files below which a first load shows nothing until it is whole: it is over in a few seconds. */
export const PROGRESSIVE_FROM = 2000;
/** Parsed files in the first transaction: rows on screen after a fraction of a second of parsing. */
export const FIRST_BATCH = 100;
/** Parsed files per transaction after the first: each is written on the thread that answers keys. */
export const LOAD_BATCH = 500;
/**
 * The story is read again at most this often, and for no more than a tenth of the time: each read
 * of 10,000 rows (and the lists narrowed again for it) costs the thread that answers keys a fraction
 * of a second, and the note's count moves meanwhile anyway.
 */
const MIN_REBUILD_GAP_MS = 1000;
const REBUILD_SHARE = 10;

/** "12,345" */
export function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The header's note while a first load shows its rows: what is in, and what is still to come. */
export function loadingNote(stored: number, total: number): string {
  return stored < total
    ? `loading ${grouped(stored)} of ${grouped(total)} · conflicts when done…`
    : `${grouped(total)} loaded · finding conflicts…`;
}

/** Whether a load of `total` files with nothing on screen shows its rows as they are written. */
export function progressive(total: number): boolean {
  return total >= PROGRESSIVE_FROM;
}

/**
 * When the stored rows are read again: at the first batch, at the last, and in between no sooner
 * than the gap since the last read (which grows with what a read costs).
 */
export function rebuildPacer(now: () => number = () => performance.now()) {
  let next = Number.NEGATIVE_INFINITY;
  let reads = 0;
  return {
    due(stored: number, total: number): boolean {
      return reads === 0 || stored >= total || now() >= next;
    },
    /** A read that began at `began` just ended. */
    read(began: number): void {
      reads++;
      const end = now();
      next = end + Math.max(MIN_REBUILD_GAP_MS, (REBUILD_SHARE - 1) * (end - began));
    },
  };
}

export interface FirstLoad {
  /** Given to the sync: a small first batch, and the rows shown after each. */
  sync: Pick<SyncOptions, "firstBatch" | "writeBatch" | "onWritten">;
  /** The story of the rows shown so far; null while nothing is. */
  shown(): StoryView | null;
}

/**
 * A first load that shows its rows: after a batch is written, `build` reads the story from them (the
 * derived timeline's rows are in; no conflict is flagged before the end) and `on.ready` shows it.
 */
export function firstLoad(
  on: Pick<SourceEvents, "ready" | "alive">,
  build: (folder: SyncedFolder) => StoryView,
  now?: () => number,
): FirstLoad {
  const pacer = rebuildPacer(now);
  let story: StoryView | null = null;
  return {
    sync: {
      firstBatch: FIRST_BATCH,
      writeBatch: LOAD_BATCH,
      onWritten(stored, total, folder) {
        if (!progressive(total) || !on.alive()) return;
        if (pacer.due(stored, total)) {
          const began = now?.() ?? performance.now();
          try {
            story = build(folder);
            pacer.read(began);
          } catch {
            // A row that does not read back: the end of the load reads the rows again, repairing them.
          }
        }
        // The note moves at each batch, over the rows last read: a frame of the whole App each time.
        if (story !== null) on.ready(story, loadingNote(stored, total));
      },
    },
    shown: () => story,
  };
}
