// Whether a story saved earlier still tells what the folder holds: the same scan (files, problems,
// registry) and every file with the size and mtime it had when the story was built. Run after the
// reader shows a snapshot, in slices of a few milliseconds, so the screen keeps answering keys. The
// stats are synchronous, a slice at a time: 100k of them in flight through the thread pool hold a
// promise, a closure and a Stats object each.
import { statSync } from "node:fs";
import path from "node:path";
import { type LoadedFiles, REGISTRY_NAME, readSourceSync, scanDigest, scanFolder } from "../briefing/read.js";
import { realFolder } from "../load/safe-open.js";

const SLICE_MS = 6;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `check` on each item, a slice of a few milliseconds at a time; false at the first miss. */
async function everyInSlices<T>(
  items: readonly T[],
  check: (item: T, i: number) => boolean,
): Promise<boolean> {
  let start = performance.now();
  for (let i = 0; i < items.length; i++) {
    if (performance.now() - start > SLICE_MS) {
      await nextTurn();
      start = performance.now();
    }
    if (!check(items[i]!, i)) return false;
  }
  return true;
}

function statOf(p: string): { size: number; mtimeMs: number; dir: boolean } | null {
  try {
    const st = statSync(p, { throwIfNoEntry: false });
    return st ? { size: st.size, mtimeMs: st.mtimeMs, dir: st.isDirectory() } : null;
  } catch {
    return null;
  }
}

function sameFile(p: string, was: { size: number; mtimeMs: number }): boolean {
  const st = statOf(p);
  const file = st !== null && !st.dir;
  return (file ? st.size : -1) === was.size && (file ? st.mtimeMs : -1) === was.mtimeMs;
}

export async function filesUnchanged(dir: string, recorded: LoadedFiles): Promise<boolean> {
  // No folder changed (mtime): the same names are there, so only the files themselves need a look,
  // with no scan (a scan of 100k files holds a few hundred MB of garbage for a moment).
  const foldersSame =
    recorded.dirs.length > 0 &&
    (await everyInSlices(recorded.dirs, (d) => {
      const st = statOf(d.path);
      return st?.dir === true && st.mtimeMs === d.mtimeMs;
    }));
  if (foldersSame) {
    const root = path.resolve(dir);
    return everyInSlices(recorded.stamps, (was) => sameFile(path.join(root, was.relPath), was));
  }
  const scan = await scanFolder(dir);
  if (scanDigest(scan) !== recorded.scan || scan.entries.length !== recorded.stamps.length) return false;
  return everyInSlices(scan.entries, (entry, i) => {
    const was = recorded.stamps[i];
    return was !== undefined && was.relPath === entry.relPath && sameFile(entry.openPath, was);
  });
}

/**
 * The registry's text as a snapshot is keyed on it: read directly, without the scan, so that the
 * first frame does not wait for one, and through the safe open like every other file (a link to a
 * device, a FIFO or a huge file in its place answers at once). Null when there is none or it cannot
 * be read, as the load then keys it; the load reports why, and the check after the first frame
 * catches anything this reading misses.
 */
export function registryText(dir: string): string | null {
  const root = realFolder(dir);
  if (root === null) return null;
  const abs = path.join(root, REGISTRY_NAME);
  const read = readSourceSync({ path: abs, relPath: REGISTRY_NAME, displayPath: abs, openPath: abs }, root);
  return "file" in read ? read.file.text : null;
}
