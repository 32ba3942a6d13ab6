// The start's check begun in a thread of its own (load/early-check.ts, the built dist/check.js): the
// sync takes what it found only when it looked at the store the sync sees, under the same registry,
// and a file changed after the look is named by its second look, once the reader watches the folder.
import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { endEarlyCheck, laterChanges, startEarlyCheck } from "../../src/load/early-check.js";
import { openFolderStore } from "../../src/load/folder.js";
import { syncFolder } from "../../src/load/sync.js";
import type { Store } from "../../src/store/store.js";
import { briefingText, expectTrueLoad, makeFolder } from "../store/helpers.js";

const CHECK = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "dist", "check.js");

let root: string;
let dir: string;
let env: NodeJS.ProcessEnv;
let cache: string;
let store: Store;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "sd-early-"));
  dir = path.join(root, "briefings");
  env = { XDG_CACHE_HOME: path.join(root, "xdg") };
  cache = path.join(root, "xdg", "signaldesk");
  await makeFolder(dir, 12);
  store = openFolderStore(dir, { cacheDir: cache, warn: () => {} })!;
  await syncFolder(dir, store);
});

afterEach(async () => {
  endEarlyCheck();
  store.close();
  await rm(root, { recursive: true, force: true });
});

/** Syncs as a start does (no watcher's paths) and returns the files it read. */
async function startSync(): Promise<number> {
  let read = -1;
  await syncFolder(dir, store, {
    onProgress: (_done, total) => {
      read = total;
    },
  });
  return read;
}

describe("the early look at the files", () => {
  it("is the start's check: the file edited since the last run is read, and nothing else", async () => {
    writeFileSync(path.join(dir, "b-0000.md"), briefingText(0, "Edited before the start"));
    await startEarlyCheck(dir, env, CHECK);
    expect(await startSync()).toBe(1);
    await expectTrueLoad(dir, cache);
    // Nothing changed after the look.
    expect(await laterChanges()).toEqual([]);
  });

  it("names, once the folder is watched, a file changed after it looked", async () => {
    await startEarlyCheck(dir, env, CHECK);
    writeFileSync(path.join(dir, "2026", "b-0003.md"), briefingText(3, "Edited after the look"));
    // The look saw no change: the start reads nothing...
    expect(await startSync()).toBe(0);
    // ...and the second look names the edit, which the reader then checks.
    expect(await laterChanges()).toEqual(["2026/b-0003.md"]);
    expect(await startSync()).toBe(1);
    await expectTrueLoad(dir, cache);
  });

  it("is not taken when actors.yaml changed after it looked: the sync checks every file itself", async () => {
    await startEarlyCheck(dir, env, CHECK);
    writeFileSync(path.join(dir, "actors.yaml"), "- name: Valley Rail\n  kind: company\n");
    writeFileSync(path.join(dir, "b-0000.md"), briefingText(0, "Edited with the registry"));
    expect(await startSync()).toBe(1);
    await expectTrueLoad(dir, cache);
    // Its own check came after the look: no second look is asked for.
    expect(await laterChanges()).toBeNull();
  });

  it("is not taken when a file came after it looked (the folder is listed again)", async () => {
    await startEarlyCheck(dir, env, CHECK);
    writeFileSync(path.join(dir, "2026", "new-0100.md"), briefingText(100, "Came after the look"));
    writeFileSync(path.join(dir, "b-0002.md"), briefingText(2, "Edited after the look"));
    expect(await startSync()).toBe(2);
    await expectTrueLoad(dir, cache);
    expect(await laterChanges()).toBeNull();
  });
});
