// Whether a story saved earlier still tells what the folder holds: the same scan (files, problems,
// registry) and every file with the size and mtime it had when the story was built. Run after the
// reader shows a snapshot; stats go through the thread pool in parallel, so the screen keeps answering.
import { readFileSync } from "node:fs";
import path from "node:path";
import {
  fileStat,
  type LoadedFiles,
  REGISTRY_NAME,
  runPool,
  scanDigest,
  scanFolder,
} from "../briefing/read.js";

const STAT_CONCURRENCY = 64;

export async function filesUnchanged(dir: string, recorded: LoadedFiles): Promise<boolean> {
  const scan = await scanFolder(dir);
  if (scanDigest(scan) !== recorded.scan || scan.entries.length !== recorded.stamps.length) return false;
  let same = true;
  await runPool(
    scan.entries.map((entry, i) => ({ entry, i })),
    STAT_CONCURRENCY,
    async ({ entry, i }) => {
      if (!same) return;
      const was = recorded.stamps[i];
      if (!was || was.relPath !== entry.relPath) {
        same = false;
        return;
      }
      const st = await fileStat(entry.openPath);
      if ((st?.size ?? -1) !== was.size || (st?.mtimeMs ?? -1) !== was.mtimeMs) same = false;
    },
  );
  return same;
}

/**
 * The registry's text as a snapshot is keyed on it: read directly, without the scan, so that the
 * first frame does not wait for one. Null when there is none or it cannot be read; the check after
 * the first frame catches anything this reading misses.
 */
export function registryText(dir: string): string | null {
  try {
    return readFileSync(path.join(dir, REGISTRY_NAME), "utf8");
  } catch {
    return null;
  }
}
