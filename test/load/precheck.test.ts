// The start's precheck (load/precheck.ts): the files' stamps checked, and the few changed files
// parsed, beside the reader's start, on a read-only open of the store. The sync handed it stores
// what the files hold, as a sync without it does, whatever changed between the two; and the second
// look, once the folder is watched, names what changed since the first.
import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openFolderStore } from "../../src/load/folder.js";
import { PRECHECK_PARSE_MAX, type PrecheckSession, precheck } from "../../src/load/precheck.js";
import type { PrecheckSource } from "../../src/load/precheck-thread.js";
import { syncFolder } from "../../src/load/sync.js";
import type { Store } from "../../src/store/store.js";
import { briefingText, expectTrueLoad, makeFolder, titlesVia, withLoad } from "../store/helpers.js";

let root: string;
let dir: string;
let cache: string;
const open: { close(): void }[] = [];

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "sd-precheck-"));
  dir = path.join(root, "briefings");
  cache = path.join(root, "cache");
  await makeFolder(dir, 40);
  writeFileSync(path.join(dir, "actors.yaml"), "- name: Mara Lindqvist\n  kind: person\n");
});

afterEach(async () => {
  for (const s of open.splice(0)) s.close();
  await rm(root, { recursive: true, force: true });
});

/** The folder's store, synced once: what the last run left. */
async function synced(): Promise<Store> {
  const s = openFolderStore(dir, { cacheDir: cache, warn: () => {} })!;
  open.push(s);
  await syncFolder(dir, s);
  return s;
}

async function checked(): Promise<PrecheckSession> {
  const session = await precheck(dir, cache);
  open.push(session);
  return session;
}

/** What the reader's sync is handed: the precheck's finding, with the parse it made (if any). */
async function handed(session: PrecheckSession, parse = true): Promise<PrecheckSource> {
  const found = session.found;
  const parsed = parse ? await session.parse() : null;
  return {
    answered: true,
    parseThere() {},
    result: Promise.resolve(found === null ? null : { ...found, parsed: Promise.resolve(parsed) }),
  };
}

/** Files a sync read and parsed (its progress total). */
async function syncWith(s: Store, prechecked: PrecheckSource): Promise<number> {
  let read = -1;
  await syncFolder(dir, s, {
    prechecked,
    onProgress: (_done, total) => {
      read = total;
    },
  });
  return read;
}

/** Rewritten in place: the folder's mtime stays, only the file's stamps tell. */
const edit = (rel: string, title: string, i = 0) =>
  writeFileSync(path.join(dir, rel), briefingText(i, title));

describe("precheck", () => {
  it("finds a file edited in place and parses it; the sync handed it stores the edit", async () => {
    const s = await synced();
    edit("b-0000.md", "Edited while closed");
    const session = await checked();
    expect(session.found?.jobs.map((j) => j.entry.relPath)).toEqual(["b-0000.md"]);
    expect(await syncWith(s, await handed(session))).toBe(1);
    expect(await titlesVia(dir, cache)).toContain("Edited while closed");
    await expectTrueLoad(dir, cache);
  });

  it("finds nothing to read in a folder unchanged since the last run", async () => {
    const s = await synced();
    const session = await checked();
    expect(session.found?.jobs).toEqual([]);
    expect(await syncWith(s, await handed(session))).toBe(0);
    await expectTrueLoad(dir, cache);
  });

  it("leaves more changed files than it parses to the sync, which reads them all", async () => {
    const s = await synced();
    const many = PRECHECK_PARSE_MAX + 1;
    for (let i = 0; i < many; i++)
      edit(`${i % 2 ? "2026/" : ""}b-${String(i).padStart(4, "0")}.md`, `Rewritten ${i}`, i);
    const session = await checked();
    expect(session.found?.jobs.length).toBe(many);
    expect(await session.parse()).toBeNull();
    expect(await syncWith(s, await handed(session))).toBe(many);
    await expectTrueLoad(dir, cache);
  });

  it("is not taken by a sync that finds the registry changed since: actors follow the new one", async () => {
    const s = await synced();
    edit("b-0000.md", "Edited before the registry");
    const source = await handed(await checked());
    writeFileSync(
      path.join(dir, "actors.yaml"),
      "- name: Mara Lindqvist-Berg\n  kind: person\n  aliases: [Mara Lindqvist]\n",
    );
    await syncWith(s, source);
    const actors = await withLoad(
      dir,
      cache,
      (l) => l.summaries.find((b) => b.relPath === "b-0000.md")?.actors,
    );
    expect(actors).toContain("Mara Lindqvist-Berg");
    await expectTrueLoad(dir, cache);
  });

  it("is not taken by a sync that finds a file added since: the new file is read", async () => {
    const s = await synced();
    const source = await handed(await checked());
    writeFileSync(path.join(dir, "2026", "added.md"), briefingText(50, "Added after the precheck"));
    expect(await syncWith(s, source)).toBe(1);
    expect(await titlesVia(dir, cache)).toContain("Added after the precheck");
    await expectTrueLoad(dir, cache);
  });

  it("is not taken by a sync that finds the store synced by another program since", async () => {
    const s = await synced();
    const source = await handed(await checked());
    // Another reader took a file that came, and stored the folder's new list.
    writeFileSync(path.join(dir, "2026", "came.md"), briefingText(52, "Came and was stored"));
    await syncFolder(dir, s);
    edit("b-0000.md", "Edited after the other program");
    expect(await syncWith(s, source)).toBe(1);
    expect(await titlesVia(dir, cache)).toContain("Edited after the other program");
    await expectTrueLoad(dir, cache);
  });

  it("names, on its second look, a file edited after its first, and asks for everything when a file came", async () => {
    const s = await synced();
    const session = await checked();
    expect(await session.recheck()).toEqual([]);
    edit("2026/b-0003.md", "Edited between the looks", 3);
    expect(await session.recheck()).toEqual(["2026/b-0003.md"]);
    await syncWith(s, { answered: true, parseThere() {}, result: Promise.resolve(null) });
    expect(await session.recheck()).toEqual([]);
    writeFileSync(path.join(dir, "added.md"), briefingText(51, "Came after the first look"));
    expect(await session.recheck()).toBe("all");
  });

  it("makes no finding without a store, or with no cache folder", async () => {
    expect((await checked()).found).toBeNull();
    await synced();
    expect((await precheck(dir, null)).found).toBeNull();
    expect((await precheck(path.join(root, "missing"), cache)).found).toBeNull();
  });
});
