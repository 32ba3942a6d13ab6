// The reader's start checks the files in a thread of its own (start-check.ts), before the sync is
// loaded: what it finds is what the sync's own check finds, a sync that takes it stores the same rows
// as one that checks again, and one made against another registry or a store without a complete scan
// is not taken (the files are never trusted less than without it).
import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openFolderStore } from "../../src/load/folder.js";
import { checkAtStart, EARLY_PARSE_LIMIT, type StartCheck } from "../../src/load/start-check.js";
import { syncFolder } from "../../src/load/sync.js";
import type { Store } from "../../src/store/store.js";
import { briefingText, dbFile, expectTrueLoad, makeFolder } from "../store/helpers.js";

let root: string;
let dir: string;
let cache: string;
let store: Store;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "sd-start-check-"));
  dir = path.join(root, "briefings");
  cache = path.join(root, "cache");
  await makeFolder(dir, EARLY_PARSE_LIMIT + 8);
  writeFileSync(path.join(dir, "actors.yaml"), "- name: Valley Rail\n  kind: company\n");
  store = openFolderStore(dir, { cacheDir: cache, warn: () => {} })!;
  await syncFolder(dir, store, { workerFile: null });
});

afterEach(async () => {
  store.close();
  await rm(root, { recursive: true, force: true });
});

const check = () => checkAtStart(dir, path.resolve(dir), dbFile(cache));

/** Syncs taking `early` and says how many files the sync itself had to read. */
async function syncWith(early: StartCheck | null): Promise<{ parsedHere: number; changed: boolean }> {
  let total = 0;
  const synced = await syncFolder(dir, store, {
    workerFile: null,
    early: Promise.resolve(early),
    onProgress: (_done, n) => {
      total = n;
    },
  });
  return { parsedHere: early?.outcomes ? 0 : total, changed: synced.changed };
}

const titleOf = (rel: string) =>
  store.db.prepare("SELECT title FROM files WHERE rel_path = ?").pluck().get(rel) as string;

describe("the start's check", () => {
  it("finds nothing to read in a folder as the store holds it, and parses nothing", async () => {
    const made = await check();
    expect(made).toMatchObject({ changed: [], outcomes: null });
    expect(await syncWith(made)).toEqual({ parsedHere: 0, changed: false });
  });

  it("names an edited file with its new outcome, and the sync that takes it stores the edit", async () => {
    writeFileSync(path.join(dir, "2026", "b-0003.md"), briefingText(3, "Edited while closed"));
    const made = await check();
    expect(made?.changed.map((c) => c.relPath)).toEqual(["2026/b-0003.md"]);
    expect(made?.outcomes?.map((o) => o.record?.title)).toEqual(["Edited while closed"]);
    expect(await syncWith(made)).toEqual({ parsedHere: 0, changed: true });
    expect(titleOf("2026/b-0003.md")).toBe("Edited while closed");
    await expectTrueLoad(dir, cache);
  });

  it("names many edited files without parsing them: the sync parses them", async () => {
    for (let i = 0; i <= EARLY_PARSE_LIMIT; i++)
      writeFileSync(
        path.join(dir, i % 2 ? "2026" : "", `b-${String(i).padStart(4, "0")}.md`),
        briefingText(i, `Rewritten ${i}`),
      );
    const made = await check();
    expect(made?.changed).toHaveLength(EARLY_PARSE_LIMIT + 1);
    expect(made?.outcomes).toBeNull();
    expect(await syncWith(made)).toEqual({ parsedHere: EARLY_PARSE_LIMIT + 1, changed: true });
    await expectTrueLoad(dir, cache);
  });

  it("is not taken once actors.yaml changed after it: the sync resolves the new registry", async () => {
    writeFileSync(path.join(dir, "b-0000.md"), briefingText(0, "Edited before the registry"));
    const made = await check();
    expect(made?.changed).toHaveLength(1);
    writeFileSync(path.join(dir, "actors.yaml"), "- name: Mara Lindqvist\n  kind: person\n");
    await syncWith(made);
    expect(titleOf("b-0000.md")).toBe("Edited before the registry");
    await expectTrueLoad(dir, cache);
  });

  it("cannot tell when the registry changed since the store, or a folder's files came or went", async () => {
    writeFileSync(path.join(dir, "actors.yaml"), "- name: Mara Lindqvist\n  kind: person\n");
    expect(await check()).toBeNull();
    await syncFolder(dir, store, { workerFile: null });
    writeFileSync(path.join(dir, "2026", "new.md"), briefingText(50, "A new one"));
    expect(await check()).toBeNull();
  });

  it("is not taken when the stored scan changed after it, and the sync checks every file itself", async () => {
    const made = await check();
    expect(made).toMatchObject({ changed: [] });
    // Another program's sync stored a new scan meanwhile (a file added, then another edited).
    writeFileSync(path.join(dir, "2026", "new.md"), briefingText(50, "A new one"));
    await syncFolder(dir, store, { workerFile: null });
    writeFileSync(path.join(dir, "b-0002.md"), briefingText(2, "Edited after the check"));
    expect(await syncWith(made)).toEqual({ parsedHere: 1, changed: true });
    expect(titleOf("b-0002.md")).toBe("Edited after the check");
    await expectTrueLoad(dir, cache);
  });
});
