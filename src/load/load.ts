// A folder -> every briefing in it, plus every problem found on the way. Never throws for anything
// inside the folder; only a missing or unreadable folder raises `FolderError` (the CLI's exit 66).
//
// Order: briefings by date (oldest first, undated last), then relPath; problems by path, then line.
// Duplicate ids: files are taken in relPath order and the first keeps the id. A later file keeps
// loading under its relPath without extension (`2026/june/order`), which is unique, stable whatever
// else is in the folder, and what `print` accepts anyway; a warning on it names the first file.
// Problem paths: the folder as given joined with the relPath (see read.ts), also for problems that
// the parser or the registry reported with a relPath.
import { problemOrder, resolveDuplicateIds, storyOrder } from "../briefing/ids.js";
import { type ParseResult, parseBriefing } from "../briefing/parse.js";
import type { Briefing, LoadResult, Problem, SourceFile } from "../briefing/schema.js";
import { type FileEntry, readSource, runPool, scanFolder } from "./read.js";
import { readRegistryFile } from "./registry-file.js";
import { timeSlicer } from "./slicer.js";

export { FolderError } from "./read.js";

/** Files read and parsed at once: enough to keep the disk busy, few enough to bound memory and fds. */
const READ_CONCURRENCY = 64;

export interface LoadOptions {
  /**
   * Called with (0, total) once the folder is scanned, then as files finish (at most about 200 times
   * in all, so a progress bar can redraw on every call), and with (total, total) at the end.
   */
  onProgress?(done: number, total: number): void;
  /**
   * Longest stretch, in ms, that parsing holds the thread before letting other work run (a reader's
   * keys and redraws); default 8.
   */
  sliceMs?: number;
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

/**
 * Every briefing under `dir`, whole: every file read and parsed (no store: what needs whole
 * briefings, `list --json` and the tests, reads the files). Throws only `FolderError`.
 */
export async function loadBriefings(dir: string, opts: LoadOptions = {}): Promise<LoadResult> {
  const scan = await scanFolder(dir);
  const problems: Problem[] = [...scan.problems];
  const { actors: registry, problems: registryProblems } = await readRegistryFile(scan.registry);
  problems.push(...registryProblems);

  const total = scan.entries.length;
  const step = Math.max(1, Math.floor(total / 200));
  const slice = timeSlicer(opts.sliceMs ?? 8);
  let done = 0;
  opts.onProgress?.(0, total);

  const results: ({ briefing: Briefing; entry: FileEntry; index: number } | null)[] = new Array(total).fill(
    null,
  );
  const perFile: Problem[][] = new Array(total);
  await runPool(
    scan.entries.map((entry, index) => ({ entry, index })),
    READ_CONCURRENCY,
    async ({ entry, index }) => {
      const found: Problem[] = [];
      let parsed: { result: ParseResult; path: string } | null = null;
      {
        const read = await readSource(entry);
        await slice();
        if ("problem" in read) {
          found.push(read.problem);
        } else {
          try {
            parsed = { result: parseBriefing(read.file, registry), path: read.file.path };
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

  const briefings = loaded.map((l) => l.briefing).sort(storyOrder);
  problems.sort(problemOrder);
  opts.onProgress?.(total, total);
  return { dir, briefings, problems, registry };
}
