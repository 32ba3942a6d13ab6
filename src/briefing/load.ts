// A folder -> every briefing in it, plus every problem found on the way. Never throws for anything
// inside the folder; only a missing or unreadable folder raises `FolderError` (the CLI's exit 66).
//
// Order: briefings by date (oldest first, undated last), then relPath; problems by path, then line.
// Duplicate ids: files are taken in relPath order and the first keeps the id. A later file keeps
// loading under its relPath without extension (`2026/june/order`), which is unique, stable whatever
// else is in the folder, and what `print` accepts anyway; a warning on it names the first file.
// Problem paths: the folder as given joined with the relPath (see read.ts), also for problems that
// the parser or the registry reported with a relPath.
import {
  type CacheEntry,
  cacheEnabledByDefault,
  cacheFiles,
  cacheStamp,
  defaultCacheDir,
  type IdIndexEntry,
  readCache,
  writeCache,
} from "./cache.js";
import { idFromPath, problemOrder, resolveDuplicateIds, storyOrder } from "./ids.js";
import { type ParseResult, parseBriefing } from "./parse.js";
import {
  type FileEntry,
  type FileStamp,
  fileStat,
  type LoadedFiles,
  readSource,
  runPool,
  scanDigest,
  scanFolder,
} from "./read.js";
import { parseRegistry } from "./registry.js";
import type { Briefing, LoadResult, Problem, RegistryActor, SourceFile } from "./schema.js";
import { timeSlicer } from "./slicer.js";

export { type FileStamp, FolderError, type LoadedFiles } from "./read.js";

/** Files read and parsed at once: enough to keep the disk busy, few enough to bound memory and fds. */
const READ_CONCURRENCY = 64;

export interface LoadOptions {
  /**
   * Called with (0, total) once the folder is scanned, then as files finish (at most about 200 times
   * in all, so a progress bar can redraw on every call), and with (total, total) at the end.
   */
  onProgress?(done: number, total: number): void;
  /**
   * The folder for the parsed-briefing cache; `null` turns the cache off. Default: the XDG cache
   * folder, unless SIGNALDESK_NO_CACHE=1.
   */
  cacheDir?: string | null;
  /**
   * Longest stretch, in ms, that parsing holds the thread before letting other work run (a reader's
   * keys and redraws); default 8.
   */
  sliceMs?: number;
  /**
   * Called at the end of a load that used the cache with what was seen of each file, so a story built
   * from this load can later tell whether the folder is still the same (story/current.ts).
   */
  onFiles?(files: LoadedFiles): void;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Parsers name files by relPath or absolute path; problems name them the way the user does. */
function relocate(
  problems: readonly Problem[],
  file: Pick<SourceFile | FileEntry, "relPath" | "path">,
  displayPath: string,
): Problem[] {
  return problems.map((p) =>
    p.path === file.relPath || p.path === file.path ? { ...p, path: displayPath } : p,
  );
}

export interface Registry {
  actors: RegistryActor[];
  /** The file's text, or null when there is none or it could not be read (the cache keys on it). */
  text: string | null;
}

export async function loadRegistry(entry: FileEntry | null, problems: Problem[]): Promise<Registry> {
  if (entry === null) return { actors: [], text: null };
  const read = await readSource(entry);
  if ("problem" in read) {
    problems.push(read.problem);
    return { actors: [], text: null };
  }
  try {
    const result = parseRegistry(read.file.text, read.file.relPath);
    problems.push(...relocate(result.problems, read.file, entry.displayPath));
    return { actors: result.registry, text: read.file.text };
  } catch (err) {
    problems.push({
      path: entry.displayPath,
      message: `internal error: ${errorText(err)}`,
      severity: "error",
    });
    return { actors: [], text: read.file.text };
  }
}

/** Loads every briefing under `dir`. Throws only `FolderError`. */
export async function loadBriefings(dir: string, opts: LoadOptions = {}): Promise<LoadResult> {
  const scan = await scanFolder(dir);
  const problems: Problem[] = [...scan.problems];
  const { actors: registry, text: registryText } = await loadRegistry(scan.registry, problems);

  const cacheDir =
    opts.cacheDir !== undefined ? opts.cacheDir : cacheEnabledByDefault() ? defaultCacheDir() : null;
  const files = cacheDir === null ? null : await cacheFiles(cacheDir, dir);
  const stamp = cacheStamp(registryText);
  const cached = files === null ? new Map<string, CacheEntry>() : await readCache(files.data, stamp);
  const fresh: (CacheEntry | null)[] = [];

  const total = scan.entries.length;
  const step = Math.max(1, Math.floor(total / 200));
  const slice = timeSlicer(opts.sliceMs ?? 8);
  let done = 0;
  opts.onProgress?.(0, total);

  const results: ({ briefing: Briefing; entry: FileEntry; index: number } | null)[] = new Array(total).fill(
    null,
  );
  const perFile: Problem[][] = new Array(total);
  const stamps: FileStamp[] = new Array(total);
  await runPool(
    scan.entries.map((entry, index) => ({ entry, index })),
    READ_CONCURRENCY,
    async ({ entry, index }) => {
      const found: Problem[] = [];
      const st = files === null ? null : await fileStat(entry.openPath);
      stamps[index] = { relPath: entry.relPath, size: st?.size ?? -1, mtimeMs: st?.mtimeMs ?? -1 };
      const hit = st === null ? undefined : cached.get(entry.relPath);
      let parsed: { result: ParseResult; path: string } | null = null;
      if (hit && st && hit.size === st.size && hit.mtimeMs === st.mtimeMs) {
        parsed = { result: hit.result, path: hit.path };
        fresh[index] = hit;
      } else {
        const read = await readSource(entry);
        await slice();
        if ("problem" in read) {
          found.push(read.problem);
        } else {
          try {
            parsed = { result: parseBriefing(read.file, registry), path: read.file.path };
            if (st)
              fresh[index] = { relPath: entry.relPath, ...st, path: read.file.path, result: parsed.result };
          } catch (err) {
            // parseBriefing promises not to throw; if it does, one file fails, not the folder.
            found.push({
              path: entry.displayPath,
              message: `internal error: ${errorText(err)}`,
              severity: "error",
            });
          }
        }
      }
      if (parsed !== null) {
        const asParsed = { relPath: entry.relPath, path: parsed.path };
        if ("briefing" in parsed.result) {
          // The cached briefing may have been parsed through another spelling of the folder.
          const briefing = { ...parsed.result.briefing, path: entry.path };
          results[index] = { briefing, entry, index };
          found.push(...relocate(briefing.warnings, asParsed, entry.displayPath));
        } else {
          found.push(...relocate(parsed.result.problems, asParsed, entry.displayPath));
        }
      }
      perFile[index] = found;
      done++;
      if (done % step === 0 && done !== total) opts.onProgress?.(done, total);
    },
  );
  for (const found of perFile) if (found) problems.push(...found);

  const loaded = results.filter((r) => r !== null);
  resolveDuplicateIds(
    loaded,
    (l) => l.briefing.id,
    (l, id) => {
      l.briefing = { ...l.briefing, id };
    },
    problems,
  );

  if (files !== null) {
    const entries = fresh.filter((e): e is CacheEntry => e !== null && e !== undefined);
    // A broken file is a `print` candidate under its file name; an id it shares is left out of the
    // index, so `print` takes the full path that reports the clash.
    const broken = new Set<string>();
    results.forEach((r, i) => {
      if (r === null) broken.add(idFromPath(scan.entries[i]!.relPath));
    });
    for (const p of scan.problems) if (p.severity === "error") broken.add(idFromPath(p.path));
    const ids = new Map<string, IdIndexEntry>();
    for (const { briefing, index } of loaded) {
      const e = fresh[index];
      if (e && !broken.has(briefing.id))
        ids.set(briefing.id, { relPath: e.relPath, size: e.size, mtimeMs: e.mtimeMs });
    }
    const unchanged = entries.length === cached.size && entries.every((e) => cached.get(e.relPath) === e);
    if (!unchanged) await writeCache(files, stamp, entries, ids);
    opts.onFiles?.({ stamps, dirs: scan.dirs, scan: scanDigest(scan) });
  }

  const briefings = loaded.map((l) => l.briefing).sort(storyOrder);
  problems.sort(problemOrder);
  opts.onProgress?.(total, total);
  return { dir, briefings, problems, registry };
}
