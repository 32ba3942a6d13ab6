// A folder -> every briefing in it, plus every problem found on the way. Never throws for anything
// inside the folder; only a missing or unreadable folder raises `FolderError` (the CLI's exit 66).
//
// Order: briefings by date (oldest first, undated last), then relPath; problems by path, then line.
// Duplicate ids: files are taken in relPath order and the first keeps the id. A later file keeps
// loading under its relPath without extension (`2026/june/order`), which is unique, stable whatever
// else is in the folder, and what `print` accepts anyway; a warning on it names the first file.
// Problem paths: the folder as given joined with the relPath (see read.ts), also for problems that
// the parser or the registry reported with a relPath.
import { parseRegistry } from "./actors.js";
import { parseBriefing } from "./parse.js";
import { type FileEntry, readSource, runPool, scanFolder } from "./read.js";
import type { Briefing, LoadResult, Problem, RegistryActor, SourceFile } from "./schema.js";

export { FolderError } from "./read.js";

/** Files read and parsed at once: enough to keep the disk busy, few enough to bound memory and fds. */
const READ_CONCURRENCY = 64;

export interface LoadOptions {
  /**
   * Called with (0, total) once the folder is scanned, then as files finish (at most about 200 times
   * in all, so a progress bar can redraw on every call), and with (total, total) at the end.
   */
  onProgress?(done: number, total: number): void;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Parsers name files by relPath or absolute path; problems name them the way the user does. */
function relocate(
  problems: readonly Problem[],
  file: SourceFile | FileEntry,
  displayPath: string,
): Problem[] {
  return problems.map((p) =>
    p.path === file.relPath || p.path === file.path ? { ...p, path: displayPath } : p,
  );
}

async function loadRegistry(entry: FileEntry | null, problems: Problem[]): Promise<RegistryActor[]> {
  if (entry === null) return [];
  const read = await readSource(entry);
  if ("problem" in read) {
    problems.push(read.problem);
    return [];
  }
  try {
    const result = parseRegistry(read.file.text, read.file.relPath);
    problems.push(...relocate(result.problems, read.file, entry.displayPath));
    return result.registry;
  } catch (err) {
    problems.push({
      path: entry.displayPath,
      message: `internal error: ${errorText(err)}`,
      severity: "error",
    });
    return [];
  }
}

function withoutExtension(relPath: string): string {
  return relPath.replace(/\.[^./]*$/, "");
}

/** Gives every briefing a unique id; `loaded` is in relPath order, so the first file wins. */
function resolveDuplicateIds(loaded: { briefing: Briefing; entry: FileEntry }[], problems: Problem[]) {
  const owner = new Map<string, FileEntry>();
  const wanted = new Set(loaded.map((l) => l.briefing.id));
  for (const item of loaded) {
    const { briefing, entry } = item;
    const first = owner.get(briefing.id);
    if (first === undefined) {
      owner.set(briefing.id, entry);
      continue;
    }
    const candidates = [withoutExtension(entry.relPath), entry.relPath];
    let id = candidates.find((c) => !owner.has(c) && !wanted.has(c));
    for (let n = 2; id === undefined; n++) {
      const c = `${candidates[0]}-${n}`;
      if (!owner.has(c) && !wanted.has(c)) id = c;
    }
    problems.push({
      path: entry.displayPath,
      message: `duplicate id '${briefing.id}', also used by ${first.relPath}; this one is '${id}'`,
      severity: "warning",
    });
    owner.set(id, entry);
    item.briefing = { ...briefing, id };
  }
}

/** Loads every briefing under `dir`. Throws only `FolderError`. */
export async function loadBriefings(dir: string, opts: LoadOptions = {}): Promise<LoadResult> {
  const scan = await scanFolder(dir);
  const problems: Problem[] = [...scan.problems];
  const registry = await loadRegistry(scan.registry, problems);

  const total = scan.entries.length;
  const step = Math.max(1, Math.floor(total / 200));
  let done = 0;
  opts.onProgress?.(0, total);

  const results: ({ briefing: Briefing; entry: FileEntry } | null)[] = new Array(total).fill(null);
  const perFile: Problem[][] = new Array(total);
  await runPool(
    scan.entries.map((entry, index) => ({ entry, index })),
    READ_CONCURRENCY,
    async ({ entry, index }) => {
      const found: Problem[] = [];
      const read = await readSource(entry);
      if ("problem" in read) {
        found.push(read.problem);
      } else {
        try {
          const parsed = parseBriefing(read.file, registry);
          if ("briefing" in parsed) {
            const briefing = parsed.briefing;
            results[index] = { briefing, entry };
            found.push(...relocate(briefing.warnings, read.file, entry.displayPath));
          } else {
            found.push(...relocate(parsed.problems, read.file, entry.displayPath));
          }
        } catch (err) {
          // parseBriefing promises not to throw; if it does, one file fails, not the folder.
          found.push({
            path: entry.displayPath,
            message: `internal error: ${errorText(err)}`,
            severity: "error",
          });
        }
      }
      perFile[index] = found;
      done++;
      if (done % step === 0 && done !== total) opts.onProgress?.(done, total);
    },
  );
  for (const found of perFile) if (found) problems.push(...found);

  const loaded = results.filter((r) => r !== null);
  resolveDuplicateIds(loaded, problems);

  const briefings = loaded
    .map((l) => l.briefing)
    .sort((a, b) => {
      if (a.date !== b.date) {
        if (a.date === null) return 1;
        if (b.date === null) return -1;
        return compare(a.date, b.date);
      }
      return compare(a.relPath, b.relPath);
    });
  problems.sort((a, b) => compare(a.path, b.path) || (a.line ?? 0) - (b.line ?? 0));
  opts.onProgress?.(total, total);
  return { dir, briefings, problems, registry };
}
