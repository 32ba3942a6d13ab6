// A test file's scratch space: one temporary folder made before its tests and removed after them, and
// in it a folder of briefings (with a `sub` folder) and a cache folder per run, so that no run of a
// property test or test of the file sees another's files or store.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

export interface RunFolder {
  dir: string;
  cacheDir: string;
}

/** Registers the folder's making and removal with the file's tests; `next()` is a run's own folders. */
export function runFolders(prefix: string): { next: () => Promise<RunFolder> } {
  let root = "";
  let run = 0;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), prefix));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });
  return {
    async next() {
      run++;
      const dir = path.join(root, `run-${run}`, "briefings");
      await mkdir(path.join(dir, "sub"), { recursive: true });
      return { dir, cacheDir: path.join(root, `run-${run}`, "cache") };
    },
  };
}
