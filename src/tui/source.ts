// Where the reader's story comes from, fastest first:
// 1. the snapshot the last run saved (story/snapshot.ts), shown at once and then checked against the
//    folder (story/current.ts), with "checking files…" in the header until the check is done;
// 2. otherwise, or when the check finds anything changed, a load of the folder in parse workers
//    (story/load-story.ts), with progress on screen or, over a snapshot already shown, in the header;
//    the story built from it (glossary uses found) is saved as the next snapshot and shown from it
//    (loaded on this thread, when no loader worker can run: shown at once, then swapped).
//    Neither holds bodies: the reader parses a briefing's file when it is opened.
// The loader is imported only when a load is needed.

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { cacheEnabledByDefault, cacheFilesSync, cacheStamp, defaultCacheDir } from "../briefing/cache.js";
import { FolderError, type LoadedFiles } from "../briefing/read.js";
import { loadInBackground } from "../story/background.js";
import { filesUnchanged, registryText } from "../story/current.js";
import type { Filter } from "../story/filter.js";
import { FIRST_GUESS_FILES } from "../story/loader-heap.js";
import { queryTerms } from "../story/search.js";
import { openSnapshot, type Snapshot, writeSnapshot } from "../story/snapshot.js";
import { TIMELINE_STEP } from "../story/steps.js";
import { buildStoryViewAsync, type StoryView } from "../story/view.js";
import { warmParser } from "./bodies.js";

export const CHECKING_NOTE = "checking files…";
/** Quitting while this shows loses the snapshot (not the briefings): the next start loads again. */
export const SAVING_NOTE = "saving for the next start…";

export interface SourceEvents {
  /** Loading with nothing to show yet. */
  progress(done: number, total: number, step?: string): void;
  /** A story to show; `note` says what is still going on behind it. */
  ready(story: StoryView, note?: string): void;
  /** False once the reader has closed: the work stops at the next step. */
  alive(): boolean;
}

export interface SourceOptions {
  dir: string;
  filter: Filter;
  /** Between long synchronous steps; awaited when it returns a promise. */
  pause: () => Promise<void> | undefined;
}

// A story opened from a snapshot reads it lazily through an open file: the reader releases the file
// once another story has replaced it on screen (live updates open one per check).
const closers = new WeakMap<StoryView, () => void>();

function held(snap: Snapshot | null): Snapshot | null {
  if (snap !== null) closers.set(snap.story, () => snap.close());
  return snap;
}

/** Closes the snapshot file behind `story`, if it has one; the story must not be read after. */
export function releaseStory(story: StoryView): void {
  const close = closers.get(story);
  closers.delete(story);
  close?.();
}

/** Where this folder's snapshot lives and the stamp it must carry; null when the cache is off. */
export interface SnapshotPlace {
  file: string;
  stamp: string;
  dir: string;
}

export function snapshotPlace(dir: string): SnapshotPlace | null {
  const cacheDir = cacheEnabledByDefault() ? defaultCacheDir() : null;
  const files = cacheDir === null ? null : cacheFilesSync(cacheDir, dir);
  if (files === null) return null;
  return { file: files.story, stamp: cacheStamp(registryText(dir)), dir };
}

/** The saved story, when there is one for this folder and program and the filter can use it. */
export function savedStory(place: SnapshotPlace | null, filter: Filter): Snapshot | null {
  // A text query filters on bodies, which a snapshot does not hold.
  if (place === null || queryTerms(filter.query ?? "").length > 0) return null;
  return held(openSnapshot(place.file, place.stamp, place.dir));
}

/**
 * Brings the story on screen up to date. `saved` (from `savedStory`) is already shown: it is checked
 * against the folder and kept when nothing changed. Otherwise the folder is loaded and the story
 * built, shown and saved. Resolves when the story shown is final; rejects with the loader's errors
 * (FolderError: no folder).
 */
export async function provideStory(
  opts: SourceOptions,
  place: SnapshotPlace | null,
  saved: Snapshot | null,
  on: SourceEvents,
): Promise<void> {
  const { dir } = opts;
  const shown = saved?.story ?? null;
  if (saved !== null) {
    const recorded = saved.files();
    // The parser is loaded and warmed meanwhile, so the first Enter after the note goes is not its
    // first run, and no key after it waits for zod and yaml to compile.
    const [unchanged] = await Promise.all([
      recorded !== null && filesUnchanged(dir, recorded),
      warmParser(saved.story),
    ]);
    if (unchanged) {
      if (!on.alive()) return;
      // Decoded now, behind the note, rather than on the first press of the glossary or actor keys.
      void saved.story.glossary;
      void saved.story.actors;
      on.ready(saved.story);
      return;
    }
    if (!on.alive()) return;
    on.ready(saved.story, "files changed: reloading…");
  }

  let last = 0;
  const progress = (done: number, total: number, step?: string) => {
    if (shown === null) {
      on.progress(done, total, step);
      return;
    }
    // Over a story on screen the header's note counts files, and keeps the count through the steps
    // after them; step names are for the loading screen.
    if (step !== undefined) return;
    const now = performance.now();
    if (now - last < 250 && done < total) return;
    last = now;
    on.ready(shown, `reloading ${done}/${total}…`);
  };
  // A text query searches bodies: only then is the folder loaded whole and held.
  if (queryTerms(opts.filter.query ?? "").length > 0) {
    await loadWhole(opts, place, progress, on);
    return;
  }
  const background = await loadBehind(opts, place, progress, on);
  if (background !== "unavailable") return;
  const { loadStory } = await import("../story/load-story.js");
  let files = 0;
  const loaded = await loadStory(dir, {
    pause: opts.pause,
    alive: on.alive,
    onProgress(done, total) {
      files = done;
      progress(done, total);
    },
    onStep: (step, fraction) => progress(files, files, stepLabel(step, fraction)),
  });
  if (loaded === null || !on.alive()) {
    loaded?.close();
    return;
  }
  const { story } = loaded;
  if (place === null) {
    // Nowhere to save it: the story keeps reading its timeline from the load's spill file.
    on.ready(story);
    return;
  }
  on.ready(story, SAVING_NOTE);
  const [written] = await Promise.all([
    writeSnapshot(place.file, place.stamp, story, loaded.files),
    warmParser(story),
  ]);
  if (!on.alive()) {
    loaded.close();
    return;
  }
  const reopened = written ? held(openSnapshot(place.file, place.stamp, place.dir)) : null;
  if (reopened === null) {
    on.ready(story);
    return;
  }
  on.ready(reopened.story);
  loaded.close();
}

/**
 * The load in the loader worker (story/background.ts), which saves the story for this start to open
 * (to a temp file when there is no cache). "unavailable" when no worker could do it: no built worker,
 * or it failed for any reason but a missing folder; the caller then loads on this thread.
 */
async function loadBehind(
  opts: SourceOptions,
  place: SnapshotPlace | null,
  progress: (done: number, total: number, step?: string) => void,
  on: SourceEvents,
): Promise<"done" | "unavailable"> {
  // With no cache, the story goes through a folder of our own (mkdtemp: 0700, unpredictable name).
  const tempDir = place === null ? await mkdtemp(path.join(tmpdir(), "signaldesk-")).catch(() => null) : null;
  if (place === null && tempDir === null) return "unavailable";
  const temp = tempDir === null ? null : path.join(tempDir, "story");
  const target = { dir: opts.dir, file: place?.file ?? temp!, stamp: place?.stamp ?? "temp" };
  let files = 0;
  let total = 0;
  const load = loadInBackground(target, FIRST_GUESS_FILES, {
    progress(done, all) {
      files = done;
      total = all;
      progress(done, all);
    },
    step: (step, fraction) => progress(files, total, stepLabel(step, fraction)),
  });
  if (load === null) return "unavailable";
  const stop = setInterval(() => {
    if (!on.alive()) load.stop();
  }, 100);
  try {
    const saved = await load.saved;
    if (!on.alive()) return "done";
    const snap = saved ? held(openSnapshot(target.file, target.stamp, opts.dir)) : null;
    if (snap === null) return "unavailable";
    on.ready(snap.story);
    // The parser is warmed for the first Enter only now: during the load it would add a fifth to
    // the reader's thread's memory at the load's peak (the saving), and compete for the CPUs.
    await warmParser(snap.story);
    return "done";
  } catch (err) {
    if (err instanceof FolderError) throw err;
    return on.alive() ? "unavailable" : "done";
  } finally {
    clearInterval(stop);
    // The reader holds the file open: its name can go.
    if (tempDir !== null) await rm(tempDir, { recursive: true, force: true }).catch(() => {});
  }
}

/** "building the timeline 40%…" */
function stepLabel(step: string, fraction?: number): string {
  return `${step}${fraction === undefined ? "" : ` ${Math.floor(fraction * 100)}%`}…`;
}

/** The load for a text query: whole briefings, held for the session. */
async function loadWhole(
  opts: SourceOptions,
  place: SnapshotPlace | null,
  progress: (done: number, total: number, step?: string) => void,
  on: SourceEvents,
): Promise<void> {
  const { loadBriefings } = await import("../briefing/load.js");
  let seen: LoadedFiles | null = null;
  let files = 0;
  const data = await loadBriefings(opts.dir, {
    onProgress(done, total) {
      files = total;
      progress(done, total);
    },
    onFiles(f) {
      seen = f;
    },
  });
  if (!on.alive()) return;
  progress(files, files, stepLabel(TIMELINE_STEP));
  const story = await buildStoryViewAsync(data, opts.pause);
  if (!on.alive()) return;
  if (place === null || seen === null) {
    on.ready(story);
    return;
  }
  on.ready(story, SAVING_NOTE);
  // Saved for the next start without a query; this session keeps the bodies its query searches.
  await Promise.all([writeSnapshot(place.file, place.stamp, story, seen), warmParser(story)]);
  if (on.alive()) on.ready(story);
}
