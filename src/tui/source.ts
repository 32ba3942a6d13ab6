// Where the reader's story comes from: the folder's store (src/store), the same rows the commands read.
// 1. At a start, the story the store holds from the last run is built and shown at once (no file is
//    read), with "checking files…" in the header;
// 2. the store is then brought up to date with the folder (load/sync.ts: stamps first, only new or
//    changed files parsed, in parse workers on a cold folder), and when any row changed the story is
//    built again from the store and replaces the one on screen. A first start shows the loading line
//    meanwhile.
// `refreshStory` is step 2 alone: what a file watcher calls (with the paths it saw change) to bring
// the screen up to date; a re-run reads only the files whose stamps changed.
// The reader never holds bodies: a briefing's file is parsed when it is opened (bodies.ts).
import { readFolder, readRepaired, syncStore } from "../load/folder.js";
import { patchedStory } from "../load/patch.js";
import { storyFromRows, storyOfAsync, timelineFresh, withStamps } from "../load/story.js";
import { SyncStopped } from "../load/sync.js";
import type { Store } from "../store/store.js";
import type { Filter } from "../story/filter.js";
import type { StoryView } from "../story/view.js";
import { warmParser } from "./bodies.js";
import { firstLoad } from "./first-load.js";
import { CHECKING_NOTE, type StorePlace } from "./store-place.js";

export { CHECKING_NOTE, type StorePlace, storePlace } from "./store-place.js";

export const BUILDING_STEP = "building the timeline";

export interface SourceEvents {
  /** Loading with nothing to show yet. */
  progress(done: number, total: number, step?: string): void;
  /** A story to show; `note` says what is still going on behind it. */
  ready(story: StoryView, note?: string): void;
  /**
   * With only the story's head on screen (a start that painted it before the check): the store is
   * now up to date with the folder, and the whole story is read next. The head read again from the
   * store shows the files changed since the last run at once, before that read.
   */
  synced?(store: Store, usesPending: boolean): void;
  /** False once the reader has closed: the work stops at the next step. */
  alive(): boolean;
}

export interface SourceOptions {
  dir: string;
  filter: Filter;
  /** Between long synchronous steps; awaited when it returns a promise. */
  pause: () => Promise<void> | undefined;
}

/** A story built from the store as the last run left it. */
export interface Saved {
  story: StoryView;
}

/**
 * Briefings up to which a story is built before the first frame when the store's timeline is not
 * up to date (a store a run left while writing): the conflict search grows with the folder, and past
 * this a start shows the loading line (answering q) while the sync brings the timeline up to date.
 * A store whose timeline is up to date gives its story at any size without that search.
 */
export const EARLY_BUILD_LIMIT = 2000;

/** The story the store holds from the last complete run, when there is one; never reads a briefing. */
export function storedStory(place: StorePlace): Saved | null {
  const { store } = place;
  if (store === null || store.meta("scan") === null || store.meta("uses") !== "fresh") return null;
  try {
    if (!timelineFresh(store) && store.count() > EARLY_BUILD_LIMIT) return null;
    const load = readFolder(place.dir, store);
    if (load.summaries.length === 0) return null;
    return { story: storyFromRows(load) };
  } catch {
    // A damaged row: the sync reads its file again.
    return null;
  }
}

/** "building the timeline 40%…" */
function stepLabel(step: string, fraction?: number): string {
  return `${step}${fraction === undefined ? "" : ` ${Math.floor(fraction * 100)}%`}…`;
}

export interface RefreshOptions extends SourceOptions {
  /** Paths a watcher saw change: only these are checked when no file came or went. */
  changed?: readonly string[];
  /** The story on screen, if any: progress then goes to its header note. */
  shown?: StoryView | null;
  /** Build and show the story even when no row changed (nothing is on screen yet). */
  always?: boolean;
  /**
   * With nothing shown: the story the store holds, asked for once the check has found more than
   * `WAIT_FOR_FEW` files to read, and shown (with progress) while they are read.
   */
  stored?: () => StoryView | null;
}

/**
 * Files to read at a start, at most, before the story is first shown: a start after a few edits
 * reads and draws the story once, already up to date; more, and the stored story is shown meanwhile.
 */
export const WAIT_FOR_FEW = 32;

/**
 * Brings the store up to date with the folder and, when any row changed (or `always`), builds the
 * story again from it and shows it. Only new or changed files are parsed. Resolves with the story
 * shown (null: nothing changed, or the reader closed); rejects with FolderError when there is no folder.
 */
export async function refreshStory(
  opts: RefreshOptions,
  place: StorePlace,
  on: SourceEvents,
): Promise<StoryView | null> {
  let shown = opts.shown ?? null;
  // Nothing on screen and no stored story: a big folder's rows are shown as they are written
  // (first-load.ts).
  const first =
    shown === null && !opts.stored
      ? firstLoad(on, (folder) => storyFromRows(readFolder(opts.dir, folder.store, folder), true))
      : null;
  // The header says a check runs only once it has taken a while: a watcher's check of a file or two
  // ends sooner, and each note is a frame drawn in its way.
  let last = performance.now();
  const progress = (done: number, total: number, step?: string) => {
    if (!on.alive()) return;
    if (shown === null && opts.stored && done === 0 && total > WAIT_FOR_FEW && step === undefined) {
      shown = opts.stored();
      if (shown !== null) on.ready(shown, CHECKING_NOTE);
    }
    const current = shown ?? first?.shown() ?? null;
    if (current === null) {
      on.progress(done, total, step);
      return;
    }
    // A first load's note moves with its batches (first-load.ts), not with each file.
    if (step !== undefined || total === 0 || first !== null) return;
    const now = performance.now();
    if (now - last < 250) return;
    last = now;
    on.ready(current, `reloading ${done}/${total}…`);
  };
  // With only the head on screen, the head is painted again as soon as the timeline holds the
  // changes (the term uses, which it does not show, are recomputed after), or at the end.
  let headAgain = shown === null && opts.stored !== undefined;
  const synced = (store: Store, usesPending: boolean) => {
    if (!headAgain || shown !== null || !on.alive()) return;
    headAgain = false;
    on.synced?.(store, usesPending);
  };
  const syncOpts = {
    onProgress: progress,
    ...(headAgain ? { onTimeline: (store: Store) => synced(store, true) } : {}),
    pause: opts.pause,
    // The reader closed: its load stops (the process exits now, not when the last file is parsed).
    stop: () => !on.alive(),
    ...first?.sync,
    ...(opts.changed ? { changed: opts.changed } : {}),
  };
  let result: Awaited<ReturnType<typeof syncStore>>;
  try {
    result = await syncStore(opts.dir, syncOpts, place.store);
  } catch (err) {
    if (err instanceof SyncStopped) return null;
    throw err;
  }
  place.store = result.store;
  synced(result.store, false);
  if (!on.alive() || (!result.synced.changed && !opts.always)) return null;
  // The story on screen with the changed rows patched in, when it can be (load/patch.ts).
  const patched =
    shown !== null && result.synced.changed ? patchedStory(shown, result.store, result.synced) : null;
  if (patched !== null) {
    const story = withStamps(patched, result.store);
    if (!on.alive()) return null;
    on.ready(story);
    return story;
  }
  // With the timeline kept in the store, the digests are not decoded here (see `storyFromRows`).
  const fresh = timelineFresh(result.store);
  const repaired = await readRepaired(opts.dir, result, fresh ? { digests: false } : {});
  place.store = repaired.store;
  const { load } = repaired;
  const n = load.summaries.length;
  progress(n, n, stepLabel(BUILDING_STEP));
  const story = withStamps(
    fresh ? storyFromRows(load, true) : await storyOfAsync(load, opts.pause),
    repaired.store,
  );
  if (!on.alive()) return null;
  on.ready(story);
  return story;
}

/**
 * Brings the story on screen up to date. `saved` (from `storedStory`) is already shown: the store is
 * synced with the folder and the story replaced when anything changed. Without one, the folder is
 * synced (a first start: every file parsed) with progress on the loading line, and the story shown.
 * "deferred" (the head painted): synced first, the story read and shown once after, unless the check
 * finds many files to read (see `WAIT_FOR_FEW`).
 * Resolves when the story shown is final; rejects with FolderError when there is no folder.
 */
export async function provideStory(
  opts: SourceOptions,
  place: StorePlace,
  saved: Saved | null | "deferred",
  on: SourceEvents,
): Promise<void> {
  const shown = saved === "deferred" ? null : (saved?.story ?? null);
  // "deferred": the story's head is on screen (paint.ts) and the stored story is not read yet: the
  // folder is checked first, and the stored story read only when many files are to be read.
  const stored = saved === "deferred" ? { stored: () => storedStory(place)?.story ?? null } : {};
  // The parser is loaded and warmed meanwhile, so the first Enter is not its first run.
  const [story] = await Promise.all([
    refreshStory({ ...opts, shown, always: shown === null, ...stored }, place, on),
    shown ? warmParser(shown, place.store) : Promise.resolve(),
  ]);
  if (story === null && shown !== null && on.alive()) on.ready(shown);
  if (story !== null && shown === null) await warmParser(story, place.store);
}
