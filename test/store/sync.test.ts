// The store brought up to date file by file: only what changed is read, what is gone is dropped, a
// touch without a change of content changes nothing, and the text index answers queries and actor
// mentions the way the README says.
import { mkdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { mkdtemp, rm, unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadFolder, openFolderStore, readFolder, syncStore, wholeBriefings } from "../../src/load/folder.js";
import { SyncStopped, storedRegistryHash, syncFolder } from "../../src/load/sync.js";
import { keptMatchers } from "../../src/store/matchers.js";
import type { Store } from "../../src/store/store.js";
import { filterItems } from "../../src/story/filter.js";
import { memoryTextIndex } from "../../src/story/search.js";
import { briefingText, expectTrueLoad, makeFolder } from "./helpers.js";

/** A query's answer as a plain Set (null kept): what it matched, whatever set holds it. */
const ids = (found: ReadonlySet<string> | null) => (found === null ? null : new Set(found));

let root: string;
let dir: string;
let cache: string;
const open: Store[] = [];

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "sd-sync-"));
  dir = path.join(root, "briefings");
  cache = path.join(root, "cache");
  await makeFolder(dir, 12);
});

afterEach(async () => {
  for (const s of open.splice(0)) s.close();
  await rm(root, { recursive: true, force: true });
});

function store(): Store {
  const s = openFolderStore(dir, { cacheDir: cache, warn: () => {} })!;
  open.push(s);
  return s;
}

/** Syncs and returns how many files it read. */
async function sync(s: Store, changed?: string[]): Promise<{ read: number; changed: boolean }> {
  let read = -1;
  const synced = await syncFolder(dir, s, {
    onProgress: (_done, total) => {
      read = total;
    },
    ...(changed ? { changed } : {}),
  });
  return { read, changed: synced.changed };
}

describe("syncFolder", () => {
  it("reads every file once, then only what changed, and drops what is gone", async () => {
    const s = store();
    expect(await sync(s)).toEqual({ read: 12, changed: true });
    expect(await sync(s)).toEqual({ read: 0, changed: false });
    writeFileSync(path.join(dir, "b-0000.md"), briefingText(0, "Edited title"));
    expect(await sync(s)).toEqual({ read: 1, changed: true });
    await unlink(path.join(dir, "2026", "b-0001.md"));
    writeFileSync(path.join(dir, "new.md"), briefingText(40, "A new one"));
    expect(await sync(s)).toEqual({ read: 1, changed: true });
    await expectTrueLoad(dir, cache);
  });

  it("reads again a file its row says could not be read, with its stamps unchanged", async () => {
    const s = store();
    await sync(s);
    s.db.prepare("UPDATE files SET hash = '' WHERE rel_path = 'b-0002.md'").run();
    expect(await sync(s)).toEqual({ read: 1, changed: true });
    expect(await sync(s)).toEqual({ read: 0, changed: false });
    await expectTrueLoad(dir, cache);
  });

  it("writes parsed files as it goes: rows are in the store before the last file is parsed", async () => {
    const s = store();
    const seen: number[] = [];
    await syncFolder(dir, s, {
      workerFile: null,
      writeBatch: 5,
      onProgress: (done, total) => {
        if (done > 0 && done < total) seen.push(s.count());
      },
    });
    expect(seen.some((n) => n > 0 && n < 12)).toBe(true);
    expect(await sync(s)).toEqual({ read: 0, changed: false });
    await expectTrueLoad(dir, cache);
  });

  it("reports each batch written, a small first one, then every file before the conflicts: the rows read back meanwhile", async () => {
    const s = store();
    const seen: { stored: number; total: number; rows: number; complete: string | null }[] = [];
    await syncFolder(dir, s, {
      workerFile: null,
      firstBatch: 2,
      writeBatch: 4,
      onWritten: (stored, total, folder) => {
        // What a reader showing the rows reads: the store the sync writes, with its registry.
        const load = readFolder(dir, folder.store, folder);
        seen.push({ stored, total, rows: load.summaries.length, complete: s.meta("complete") });
      },
    });
    expect(seen.map(({ stored, rows }) => [stored, rows])).toEqual([
      [2, 2],
      [6, 6],
      [10, 10],
      [12, 12],
    ]);
    expect(seen.every((w) => w.total === 12 && w.complete !== "1")).toBe(true);
    expect(await sync(s)).toEqual({ read: 0, changed: false });
    await expectTrueLoad(dir, cache);
  });

  it("stops when its caller says so, keeping what was written: the next sync reads only the rest", async () => {
    const s = store();
    let stopped = false;
    // Through syncStore, which takes other errors for a damaged database and makes it again.
    const opts = {
      cacheDir: cache,
      warn: () => {},
      workerFile: null,
      firstBatch: 5,
      onWritten: () => {
        stopped = true;
      },
      stop: () => stopped,
    };
    await expect(syncStore(dir, opts, s)).rejects.toBeInstanceOf(SyncStopped);
    expect(s.count()).toBe(5);
    expect(s.meta("complete")).not.toBe("1");
    expect(await sync(s)).toEqual({ read: 7, changed: true });
    await expectTrueLoad(dir, cache);
  });

  it("restamps a touched file whose content is the same: no row changes", async () => {
    const s = store();
    await sync(s);
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(dir, "b-0002.md"), later, later);
    expect(await sync(s)).toEqual({ read: 1, changed: false });
    expect(await sync(s)).toEqual({ read: 0, changed: false });
  });

  it("writes nothing when nothing changed: a second program sees no commit", async () => {
    const s = store();
    await sync(s);
    const other = openFolderStore(dir, { cacheDir: cache, warn: () => {} })!;
    open.push(other);
    // data_version moves when another connection commits to the database.
    const version = () => other.db.pragma("data_version", { simple: true });
    const before = version();
    expect(await sync(s)).toEqual({ read: 0, changed: false });
    expect(version()).toBe(before);
    writeFileSync(path.join(dir, "b-0000.md"), briefingText(0, "Edited title"));
    expect(await sync(s)).toEqual({ read: 1, changed: true });
    expect(version()).not.toBe(before);
  });

  it("checks only the files a watcher names when no file came or went", async () => {
    const s = store();
    await sync(s);
    writeFileSync(path.join(dir, "b-0004.md"), briefingText(4, "Seen by the watcher"));
    writeFileSync(path.join(dir, "b-0006.md"), briefingText(6, "Not named by the watcher"));
    expect(await sync(s, [path.join(dir, "b-0004.md")])).toEqual({ read: 1, changed: true });
    // The next check without a hint looks at every file's stamps and finds the other one.
    expect(await sync(s)).toEqual({ read: 1, changed: true });
    await expectTrueLoad(dir, cache);
  });

  it("after a file came, lists the folder again but reads only it and the files a watcher names", async () => {
    const s = store();
    await sync(s);
    // Even numbers are at the top of the folder (makeFolder).
    writeFileSync(path.join(dir, "b-0002.md"), briefingText(2, "Edited beside the arrival"));
    writeFileSync(path.join(dir, "b-0004.md"), briefingText(4, "Edited, not named"));
    writeFileSync(path.join(dir, "new-0100.md"), briefingText(100, "Arrived while watched"));
    expect(
      await sync(s, [
        path.join(dir, "new-0100.md"),
        path.join(dir, "b-0002.md"),
        path.join(dir, "b-0006.md"),
      ]),
    ).toEqual({ read: 2, changed: true });
    // A removal is found by the listing whatever the watcher named.
    rmSync(path.join(dir, "b-0008.md"));
    expect(await sync(s, [path.join(dir, "elsewhere.md")])).toEqual({ read: 0, changed: true });
    expect(await sync(s)).toEqual({ read: 1, changed: true });
    await expectTrueLoad(dir, cache);
  });

  it("reads every changed file when the watcher names the whole folder or their folder", async () => {
    const s = store();
    await sync(s);
    writeFileSync(path.join(dir, "b-0002.md"), briefingText(2, "Changed while the queue overflowed"));
    expect(await sync(s, ["."])).toEqual({ read: 1, changed: true });
    mkdirSync(path.join(dir, "sub"));
    writeFileSync(path.join(dir, "sub", "deep-0001.md"), briefingText(201, "In a new folder"));
    await sync(s, ["sub"]);
    writeFileSync(path.join(dir, "sub", "deep-0001.md"), briefingText(201, "In a new folder, edited"));
    writeFileSync(path.join(dir, "new-0300.md"), briefingText(300, "Beside it"));
    expect(await sync(s, ["sub", "new-0300.md"])).toEqual({ read: 2, changed: true });
    expect(await sync(s)).toEqual({ read: 0, changed: false });
    await expectTrueLoad(dir, cache);
  });

  it("reads no file when actors.yaml changes: actors are resolved again from what the store kept", async () => {
    const s = store();
    await sync(s);
    writeFileSync(path.join(dir, "actors.yaml"), "- name: Valley Rail\n  kind: company\n");
    expect(await sync(s)).toEqual({ read: 0, changed: true });
    await expectTrueLoad(dir, cache);
    // With an edit at the same time, only the edited file is read.
    writeFileSync(
      path.join(dir, "actors.yaml"),
      "- name: Mara Lindqvist\n  kind: person\n  aliases: [Lindqvist]\n",
    );
    writeFileSync(path.join(dir, "b-0000.md"), briefingText(0, "Edited with the registry"));
    expect(await sync(s)).toEqual({ read: 1, changed: true });
    await expectTrueLoad(dir, cache);
  });

  it("keeps the registry's matchers for the next parse; damaged ones are made again, the actors as the files say", async () => {
    writeFileSync(
      path.join(dir, "actors.yaml"),
      "- name: Mara Lindqvist\n  kind: person\n- name: Valley Rail\n  kind: company\n  aliases: [VR]\n",
    );
    const s = store();
    await sync(s);
    const hash = storedRegistryHash(s)!;
    // One for names with lowercase letters, one for acronyms (VR).
    expect(keptMatchers(s, hash)).toHaveLength(2);
    const blob = s.db.prepare("SELECT value FROM meta WHERE key = 'matchers'").pluck().get() as Buffer;
    const flipped = Buffer.from(blob);
    flipped[flipped.length - 3] = (flipped[flipped.length - 3]! + 1) % 256;
    s.db.prepare("UPDATE meta SET value = ? WHERE key = 'matchers'").run(flipped);
    expect(keptMatchers(s, hash)).toBeNull();
    writeFileSync(path.join(dir, "b-0000.md"), briefingText(0, "Valley Rail and VR, edited"));
    expect(await sync(s)).toEqual({ read: 1, changed: true });
    expect(keptMatchers(s, hash)).toHaveLength(2);
    await expectTrueLoad(dir, cache);
    // Another registry: its own matchers, kept once a file is parsed under it.
    writeFileSync(path.join(dir, "actors.yaml"), "- name: Northport Harbour Authority\n  kind: agency\n");
    writeFileSync(path.join(dir, "b-0001.md"), briefingText(1, "Edited under the new registry"));
    expect(await sync(s)).toEqual({ read: 1, changed: true });
    expect(keptMatchers(s, hash)).toBeNull();
    expect(keptMatchers(s, storedRegistryHash(s)!)).toHaveLength(1);
    await expectTrueLoad(dir, cache);
  });

  it("reads a file again when what its actors were resolved from is damaged", async () => {
    const s = store();
    await sync(s);
    s.db
      .prepare(
        "UPDATE actor_inputs SET body = x'00ff' WHERE file_id = (SELECT id FROM files WHERE rel_path = 'b-0002.md')",
      )
      .run();
    writeFileSync(path.join(dir, "actors.yaml"), "- name: Valley Rail\n  kind: company\n");
    expect(await sync(s)).toEqual({ read: 1, changed: true });
    await expectTrueLoad(dir, cache);
  });

  it("keeps term uses right when a term is added and when its only definition goes", async () => {
    const s = store();
    await sync(s);
    // A new term that other briefings' text already uses ("Valley Rail expects ...").
    writeFileSync(
      path.join(dir, "defines.md"),
      "---\ntitle: Defines\ndate: 2026-03-03\n---\n\n# Defines\n\nText.\n\n## Glossary\n\n**Valley Rail**: A railway.\n",
    );
    await sync(s);
    await expectTrueLoad(dir, cache);
    await unlink(path.join(dir, "defines.md"));
    await sync(s);
    await expectTrueLoad(dir, cache);
  });
});

describe("the store's text index", () => {
  it("matches word starts, phrases, case and accents aside; --actor also by a mention", async () => {
    writeFileSync(
      path.join(dir, "cafe.md"),
      "---\ntitle: Harbour notes\ndate: 2026-05-05\n---\n\n# Harbour notes\n\nThe Café Müller exporters met Ostrova Shipping.\n",
    );
    const load = await loadFolder(dir, { cacheDir: cache, warn: () => {} });
    open.push(load.store);
    expect(ids(load.text.query("cafe"))).toEqual(new Set(["cafe"]));
    expect(ids(load.text.query("MULLER export"))).toEqual(new Set(["cafe"]));
    expect(ids(load.text.query('"muller exporters"'))).toEqual(new Set(["cafe"]));
    expect(ids(load.text.query('"exporters muller"'))).toEqual(new Set());
    expect(ids(load.text.query("xporters"))).toEqual(new Set());
    expect(load.text.query("")).toBeNull();
    // Named only in the text, not among the briefing's actors: a mention counts.
    const byActor = filterItems(
      load.summaries,
      { actors: ["Ostrova Shipping"], tags: [] },
      load.registry,
      load.text,
    );
    expect(byActor.map((b) => b.id)).toEqual(["cafe"]);
  });

  it("answers one, two and three letters typed as the matcher in memory does (the prefix indexes)", async () => {
    const write = (name: string, body: string) =>
      writeFileSync(
        path.join(dir, `${name}.md`),
        `---\ntitle: Note ${name}\ndate: 2026-05-05\n---\n\n# Note ${name}\n\n${body}\n`,
      );
    write("accent", "Žyrex figures rose; the re-zyrex of zinc did not.");
    write("zygote", "A zygote panel met.");
    write("plain", "Nothing of the kind, only zinc.");
    const load = await loadFolder(dir, { cacheDir: cache, warn: () => {} });
    open.push(load.store);
    const memory = memoryTextIndex(await wholeBriefings(load, load.summaries));
    expect(ids(load.text.query("zy"))).toEqual(new Set(["accent", "zygote"]));
    expect(ids(load.text.query("ZYR"))).toEqual(new Set(["accent"]));
    expect(ids(load.text.query("zi"))).toEqual(new Set(["accent", "plain"]));
    for (const q of [
      "e",
      "ex",
      "exp",
      "É",
      "éx",
      "z",
      "zi",
      "zin",
      "r",
      "re",
      "x",
      "xp",
      '"re ex"',
      "re ex",
      "p n",
    ]) {
      const found = load.text.query(q);
      expect(ids(found), q).toEqual(ids(memory.query(q)));
      // The same answer by place (the reader's `/` reads it so): place i is the load's briefing i.
      const byPlace = load.summaries.filter((_, i) => found?.at(i)).map((s) => s.id);
      expect(new Set(byPlace), q).toEqual(ids(found));
      const inMemory = memory.query(q);
      expect(
        load.summaries.map((_, i) => inMemory?.at(i)),
        q,
      ).toEqual(load.summaries.map((_, i) => found?.at(i)));
    }
  });

  it("finds an edited file by its new words only, and every file loaded beside it still", async () => {
    const cafe = path.join(dir, "cafe.md");
    const text = (who: string) =>
      `---\ntitle: Harbour notes\ndate: 2026-05-05\n---\n\n# Harbour notes\n\nThe exporters met ${who}.\n`;
    writeFileSync(cafe, text("Ostrova Shipping"));
    const first = await loadFolder(dir, { cacheDir: cache, warn: () => {} });
    open.push(first.store);
    expect(ids(first.text.query("ostrova"))).toEqual(new Set(["cafe"]));
    expect(first.text.query("lindqvist")?.size).toBe(12);
    writeFileSync(cafe, text("Kestrel Freight Lines"));
    const second = await loadFolder(dir, { cacheDir: cache, warn: () => {} });
    open.push(second.store);
    expect(ids(second.text.query("ostrova"))).toEqual(new Set());
    expect(ids(second.text.query("kestrel"))).toEqual(new Set(["cafe"]));
    expect(second.text.query("lindqvist")?.size).toBe(12);
  });
});
