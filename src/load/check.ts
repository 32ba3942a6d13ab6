// The warm check of a folder against its store, apart from the sync's writes: which files changed
// since their rows were written (their stamps), and the actor registry as stored. The sync runs it on
// the reader's thread; the start's precheck (precheck.ts) runs the same code in a thread of its own
// beside the first frame, on a read-only open of the store.
import { statSync } from "node:fs";
import path from "node:path";
import type { Problem, RegistryActor } from "../briefing/schema.js";
import { type StampRow, type StoreReader, textSum } from "../store/reader.js";
import { contentHash } from "./hash.js";
import type { FileOutcome } from "./parse-file.js";
import { type FileEntry, REGISTRY_NAME, readSource } from "./read.js";
import { json, type StoredRegistry, type StoredScan, shownPath } from "./stored-scan.js";

/**
 * Whether the file at `p` still has the stamps of `row` ([, size, mtime, ctime, ino, hash]). One
 * synchronous stat in a loop of them: at 10k files this is about half the time of the same stats through
 * libuv's pool (measured: a callback and a promise per file cost more than the system call), and it
 * holds no file descriptor, so a low `ulimit -n` cannot make it fail.
 */
export function unchanged(p: string, row: StampRow): boolean {
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(p, { throwIfNoEntry: false });
  } catch {
    return false;
  }
  return (
    st?.isFile() === true &&
    st.size === row[1] &&
    st.mtimeMs === row[2] &&
    st.ctimeMs === row[3] &&
    st.ino === row[4] &&
    row[5] !== ""
  );
}

export function entryAt(dir: string, real: string, relPath: string, openRel: string): FileEntry {
  return {
    path: path.join(path.resolve(dir), relPath),
    relPath,
    displayPath: path.join(dir, relPath),
    openPath: path.join(real, openRel),
  };
}

/** The registry's entry when the stored scan found one. */
export function keptRegistry(dir: string, real: string, scan: StoredScan): FileEntry | null {
  return scan.registry === null ? null : entryAt(dir, real, scan.registry, scan.registry);
}

export interface Job {
  entry: FileEntry;
  row: StampRow | undefined;
  /** The file already read and parsed (by the start's precheck): not parsed again. */
  outcome?: FileOutcome;
}

/**
 * The check when no file came or went: the rows are the file list, each file's stamps are compared
 * with its row's as the rows stream by (no row kept but a changed one's), and a changed stamp makes a
 * job. Null when the rows are not the list the scan stored (a row lost or damaged): then a scan is due.
 */
export function checkRows(
  dir: string,
  real: string,
  store: StoreReader,
  kept: StoredScan,
  hinted: ReadonlySet<string> | null,
): Job[] | null {
  const links = new Map(kept.links);
  const prefix = real.endsWith(path.sep) ? real : real + path.sep;
  const jobs: Job[] = [];
  let count = 0;
  let total = 0;
  for (const row of store.eachStampRow()) {
    const rel = row[0];
    count++;
    total = (total + textSum(rel)) % 0x1_0000_0000;
    if (hinted !== null && !hinted.has(rel)) continue;
    const open = links.get(rel) ?? rel;
    if (!unchanged(prefix + open, row)) jobs.push({ entry: entryAt(dir, real, rel, open), row });
  }
  return count === kept.count && total === kept.sum ? jobs : null;
}

export async function readRegistry(
  dir: string,
  entry: FileEntry | null,
  store: StoreReader,
): Promise<{ actors: RegistryActor[]; problems: Problem[]; hash: string; changed: boolean }> {
  const before = json<StoredRegistry>(store.meta("registry"));
  let text = "";
  const problems: Problem[] = [];
  if (entry !== null) {
    const read = await readSource(entry);
    if ("problem" in read) {
      // Unreadable now: the actors it had are kept, and the problem said (files are not re-parsed).
      if (before !== null)
        return { actors: before.actors, problems: [read.problem], hash: before.hash, changed: false };
      problems.push(read.problem);
    } else text = read.file.text;
  }
  const hash = entry === null ? "none" : contentHash(text);
  if (before !== null && before.hash === hash && problems.length === 0)
    return {
      actors: before.actors,
      problems: before.problems.map((p) => ({ ...p, path: shownPath(dir, p.path) })),
      hash,
      changed: false,
    };
  let actors: RegistryActor[] = [];
  if (entry !== null && text !== "") {
    const { parseRegistry } = await import("../briefing/registry.js");
    const parsed = parseRegistry(text, REGISTRY_NAME);
    actors = parsed.registry;
    for (const p of parsed.problems)
      problems.push({ ...p, path: p.path === REGISTRY_NAME ? entry.displayPath : p.path });
  }
  return { actors, problems, hash, changed: before === null || before.hash !== hash };
}
