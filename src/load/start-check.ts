// The check of a reader's start, done in a thread of its own from the first lines of the program on
// (early-check.ts starts it): the stamps of every file compared with the store's rows, and the few
// files that changed read and parsed, while the reader's thread opens the store and paints the
// story's head. The sync (sync.ts) then takes this check in place of its own, when it was made against
// the same stored scan and actor registry as the sync sees; otherwise it checks again. Nothing here
// writes: the database is opened read-only, and the sync writes what was parsed.
import type { RegistryActor } from "../briefing/schema.js";
import { type StampRow, StoreReader, textSum } from "../store/reader.js";
import { contentHash } from "./hash.js";
import type { FileOutcome } from "./parse-file.js";
import { readSource } from "./read.js";
import { checkRows, entryAt } from "./stamps.js";
import { json, keptScan, type StoredRegistry } from "./stored-scan.js";

/** Changed files parsed by the check at most: more, and the sync parses them (in parse workers). */
export const EARLY_PARSE_LIMIT = 32;

export interface StartCheck {
  /** `textSum` of the stored scan (store meta "scan") the check was made against. */
  scan: number;
  /** The hash of the actor registry, unchanged since the store was written. */
  registry: string;
  /** The files whose stamps differ from their rows: path inside the folder, path opened, the row. */
  changed: { relPath: string; open: string; row: StampRow }[];
  /** Their outcomes, in the order of `changed`, when few enough were parsed here; else null. */
  outcomes: FileOutcome[] | null;
}

/** The stored scan as a number to compare: a sync takes a check made against this one only. */
export function scanSum(scanMeta: string | null): number {
  return scanMeta === null ? -1 : textSum(scanMeta);
}

/**
 * Checks `dir` against its store at `file`; null when the store cannot tell without a scan (no
 * complete stored scan, a folder's mtime moved, the rows not the stored list), the actor registry
 * changed or could not be read, or the store cannot be opened: the sync then does it all.
 */
export async function checkAtStart(dir: string, real: string, file: string): Promise<StartCheck | null> {
  const store = StoreReader.readOnly(file, real);
  if (store === null) return null;
  try {
    const scanMeta = store.meta("scan");
    const kept = await keptScan(store);
    const stored = json<StoredRegistry>(store.meta("registry"));
    if (kept === null || stored === null) return null;
    // The registry as read now must be the one the rows were parsed under (sync.ts readRegistry).
    let registry = "none";
    if (kept.registry !== null) {
      const read = await readSource(entryAt(dir, real, kept.registry, kept.registry));
      if ("problem" in read) return null;
      registry = contentHash(read.file.text);
    }
    if (registry !== stored.hash) return null;
    const jobs = checkRows(dir, real, store.eachCheckRow(), kept, null, (rel) => store.hashOf(rel));
    if (jobs === null) return null;
    const links = new Map(kept.links);
    const changed = jobs.map((j) => ({
      relPath: j.entry.relPath,
      open: links.get(j.entry.relPath) ?? j.entry.relPath,
      row: j.row!,
    }));
    const outcomes =
      jobs.length > 0 && jobs.length <= EARLY_PARSE_LIMIT ? await parseAll(jobs, stored.actors) : null;
    return { scan: scanSum(scanMeta), registry, changed, outcomes };
  } finally {
    store.close();
  }
}

async function parseAll(
  jobs: readonly { entry: Parameters<typeof readSource>[0] }[],
  registry: RegistryActor[],
): Promise<FileOutcome[]> {
  // Loaded only when a file changed: a start with none never loads the parser.
  const { parseFile } = await import("./parse-file.js");
  const outcomes: FileOutcome[] = [];
  for (const [index, job] of jobs.entries())
    outcomes.push(await parseFile(job.entry, index, { registry, sync: true }));
  return outcomes;
}
