// The reader's load of a folder: files read and parsed in workers (pool.ts) into digests, read again
// for the glossary terms each briefing mentions (the terms are known only once every file is read),
// then a story built from the digests and those uses (builder.ts). Memory holds summaries and typed
// columns, never the briefings; the parsed-briefing cache is written frame by frame as the parses
// arrive, for `print` and the other commands.
//
// The CLI's commands load whole briefings (briefing/load.ts), which they print; both loads give the
// same story (test/story/load-story.test.ts).
import {
  cacheEnabledByDefault,
  cacheFiles,
  cacheStamp,
  defaultCacheDir,
  openCacheWriter,
} from "../briefing/cache.js";
import { loadRegistry } from "../briefing/load.js";
import { type LoadedFiles, scanDigest, scanFolder } from "../briefing/read.js";
import { FoundUses, StoryBuilder } from "./builder.js";
import { startPool } from "./pool.js";
import { TIMELINE_STEP, USES_STEP } from "./steps.js";
import type { StoryView } from "./view.js";

export interface StoryLoadOptions {
  /** Between long synchronous steps on this thread; awaited when it returns a promise. */
  pause: () => Promise<void> | undefined;
  /** (0, total) after the scan, then as files are read, (total, total) at the end of the first reading. */
  onProgress?(done: number, total: number): void;
  /** Names the step under way once the files are read ("finding glossary terms"), with how far it is. */
  onStep?(step: string, fraction?: number): void;
  /** Called between steps; false stops the load (the reader has closed). */
  alive?(): boolean;
  /** Called between steps, where the garbage of the last one can go before the next one grows. */
  collect?(): void;
  /** Parsed-briefing cache folder; null: none. Default as for loadBriefings. */
  cacheDir?: string | null;
  /** See PoolOptions. */
  workerFile?: string | null;
  workers?: number;
  joinIn?: boolean;
  /** Where the timeline's sentences are set aside while the story is held (default: the temp folder). */
  spillDir?: string;
}

export interface StoryLoad {
  story: StoryView;
  /** What was seen of the folder, for a snapshot of this story (story/current.ts). */
  files: LoadedFiles;
  /** Frees what the story reads its timeline from: call once it has been saved or is no longer shown. */
  close(): void;
}

/** Throws only `FolderError`; null when `alive` turned false. */
export async function loadStory(dir: string, opts: StoryLoadOptions): Promise<StoryLoad | null> {
  const alive = opts.alive ?? (() => true);
  const scan = await scanFolder(dir);
  const problems = [...scan.problems];
  const { actors: registry, text: registryText } = await loadRegistry(scan.registry, problems);
  const cacheDir =
    opts.cacheDir !== undefined ? opts.cacheDir : cacheEnabledByDefault() ? defaultCacheDir() : null;
  const places = cacheDir === null ? null : await cacheFiles(cacheDir, dir);
  const stamp = cacheStamp(registryText);
  const writer = places === null ? null : openCacheWriter(places, stamp, scan.entries.length);

  const total = scan.entries.length;
  const pool = startPool({
    registry,
    frames: writer !== null,
    files: total,
    ...(opts.workerFile !== undefined ? { workerFile: opts.workerFile } : {}),
    ...(opts.workers !== undefined ? { workers: opts.workers } : {}),
    ...(opts.joinIn ? { joinIn: true } : {}),
  });
  const builder = new StoryBuilder(dir, registry, scan.entries, problems, opts.spillDir);
  let keep = false;
  try {
    const step = Math.max(1, Math.floor(total / 200));
    let done = 0;
    opts.onProgress?.(0, total);
    await pool.digest(
      scan.entries.map((entry, index) => ({ entry, index })),
      (o) => {
        builder.add(o);
        if (o.frame && writer) writer.add(o.index, o.frame);
        done++;
        if (done % step === 0 && done !== total) opts.onProgress?.(done, total);
      },
    );
    opts.onProgress?.(total, total);
    if (!alive()) return null;
    // The second reading comes before the timeline, with the workers of the first: the load holds
    // least then (no ordered columns, no conflicts, no story), and no fresh workers start.
    const keys = builder.termKeys();
    let uses: FoundUses | undefined;
    if (keys.some((k) => k.length > 1)) {
      const found = new FoundUses(keys);
      const jobs = builder.usesJobs();
      let seen = 0;
      const every = Math.max(1, Math.floor(jobs.length / 100));
      opts.onStep?.(USES_STEP, 0);
      await pool.uses(keys, jobs, (index, terms) => {
        found.add(index, terms);
        if (++seen % every === 0) opts.onStep?.(USES_STEP, seen / jobs.length);
      });
      uses = found;
    }
    // The parse workers' heaps would sit idle through the timeline, the load's longest step.
    pool.close();
    opts.collect?.();
    if (!alive()) return null;
    opts.onStep?.(TIMELINE_STEP);
    const built = await builder.finish(opts.pause, {
      progress: (f) => opts.onStep?.(TIMELINE_STEP, f),
      uses,
      collect: opts.collect,
    });
    if (!alive()) {
      built.close();
      return null;
    }
    await writer?.finish(built.ids());
    keep = true;
    return {
      story: built.story,
      files: {
        stamps: scan.entries.map((e, i) => ({ relPath: e.relPath, ...builder.stamp(i) })),
        dirs: scan.dirs,
        scan: scanDigest(scan),
      },
      close: built.close,
    };
  } finally {
    pool.close();
    if (!keep) writer?.abandon();
  }
}
