// The read state of a story read right after a check takes the files' stamps from the store instead
// of statting every file again: the stamps must be the files' own, and a store gone by then must only
// mean the files are statted, never a wrong answer.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readStatuses } from "../../src/load/read-status.js";
import { storyFromRows, withStamps } from "../../src/load/story.js";
import { allSummaries } from "../../src/tui/model.js";
import { makeFolder, withLoad } from "../store/helpers.js";

let root: string;
let dir: string;
let cache: string;
beforeEach(async () => {
  root = mkdtempSync(path.join(tmpdir(), "sd-stamps-"));
  dir = path.join(root, "briefings");
  cache = path.join(root, "cache");
  await makeFolder(dir, 6);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("a story read after a check", () => {
  it("carries each file's size, mtime and ctime as the file has them", async () => {
    const { story, stamps } = await withLoad(dir, cache, (load) => {
      const story = withStamps(storyFromRows(load), load.store);
      return { story, stamps: allSummaries(story).map((s) => [s.path, story.stamps?.(s.relPath)] as const) };
    });
    expect(stamps).toHaveLength(6);
    for (const [file, stamp] of stamps) {
      const st = statSync(file);
      expect(stamp).toEqual({ size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs });
    }
    expect(allSummaries(story)).toHaveLength(6);
  });

  it("gives the same read statuses as statting the files, and none once its store is closed", async () => {
    const story = await withLoad(dir, cache, (load) => withStamps(storyFromRows(load), load.store));
    const files = allSummaries(story).map((s) => ({ relPath: s.relPath, path: s.path, id: s.id }));
    // Closed before it was asked: no stamp, so readStatuses stats the files itself.
    expect(story.stamps?.(files[0]!.relPath)).toBeUndefined();
    const lastVisit = Date.now() - 60_000;
    const statted = await readStatuses(files, new Map(), lastVisit);
    const kept = await readStatuses(files, new Map(), lastVisit, undefined, story.stamps);
    expect(kept.statuses).toEqual(statted.statuses);
    expect(statted.statuses.every((s) => s.isNew)).toBe(true);
  });
});
