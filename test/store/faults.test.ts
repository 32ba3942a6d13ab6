// The store is a cache: whatever happens to the database, a load gives what the files say, never
// crashes, and leaves nothing behind but the database. Each fault is made for real on disk.
import { execFileSync, spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  truncateSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadFolder } from "../../src/load/folder.js";
import { buildStory, buildStoryView } from "../../src/story/view.js";
import { briefingText, dbFile, expectTrueLoad, leftovers, makeFolder, titlesVia, truth } from "./helpers.js";

let root: string;
let dir: string;
let cache: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "sd-faults-"));
  dir = path.join(root, "briefings");
  cache = path.join(root, "cache");
  await makeFolder(dir, 60);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A first load, which makes the database (in `cache` itself: the option names the store's folder). */
async function warm(): Promise<string> {
  expect(await expectTrueLoad(dir, cache)).toEqual([]);
  return dbFile(cache);
}

describe("a damaged database is made again", () => {
  it("truncated", async () => {
    const db = await warm();
    truncateSync(db, Math.floor(statSync(db).size / 3));
    expect(await expectTrueLoad(dir, cache)).toEqual([]);
    expect(readFileSync(db, "latin1").startsWith("SQLite format 3")).toBe(true);
    expect(leftovers(cache)).toEqual([]);
  });

  it("bit-flipped all through", async () => {
    const db = await warm();
    const bytes = readFileSync(db);
    // One bit in every page past the header page: structure and rows alike.
    for (let at = 4096 + 97; at < bytes.length; at += 4096) bytes[at]! ^= 0x10;
    writeFileSync(db, bytes);
    expect(await expectTrueLoad(dir, cache)).toEqual([]);
    // And the next load, from whatever the last one left, is right too.
    expect(await expectTrueLoad(dir, cache)).toEqual([]);
    expect(leftovers(cache)).toEqual([]);
  });

  it("a bit flipped inside a row's text, where SQLite cannot see it", async () => {
    const db = await warm();
    const bytes = readFileSync(db);
    // Every stored copy of one title, in the digest, the parse result and the search index alike.
    const needle = Buffer.from("Briefing number 17");
    let flipped = 0;
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1)) {
      bytes[at + 9]! ^= 0x01; // "number" -> "oumber"
      flipped++;
    }
    expect(flipped).toBeGreaterThan(0);
    writeFileSync(db, bytes);
    expect(await expectTrueLoad(dir, cache)).toEqual([]);
    const titles = await titlesVia(dir, cache);
    expect(titles).toContain("Briefing number 17");
    expect(titles.some((t) => t.includes("oumber"))).toBe(false);
  });

  it("a bit flipped inside a stored digest: the reader's story is right too", async () => {
    const db = await warm();
    const bytes = readFileSync(db);
    const needle = Buffer.from("Briefing number 23");
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + 1))
      bytes[at + 9]! ^= 0x01;
    writeFileSync(db, bytes);
    const opened = await loadFolder(dir, { cacheDir: cache });
    try {
      const story = buildStory(opened);
      const titles = Array.from(
        { length: story!.briefings.length },
        (_, i) => story!.briefings.get(i)!.title,
      );
      expect(titles).toContain("Briefing number 23");
      expect(titles.some((t) => t.includes("oumber"))).toBe(false);
      const want = buildStoryView(await truth(dir));
      expect(titles).toEqual(
        Array.from({ length: want.briefings.length }, (_, k) => want.briefings.get(k)!.title),
      );
    } finally {
      opened.store.close();
    }
  });

  it("replaced by another folder's", async () => {
    const db = await warm();
    const other = path.join(root, "other");
    await makeFolder(other, 5);
    writeFileSync(path.join(other, "only-there.md"), briefingText(99, "Only in the other folder"));
    const otherCache = path.join(root, "other-cache");
    await expectTrueLoad(other, otherCache);
    copyFileSync(dbFile(otherCache), db);
    expect(await expectTrueLoad(dir, cache)).toEqual([]);
    expect(await titlesVia(dir, cache)).not.toContain("Only in the other folder");
    expect(leftovers(cache)).toEqual([]);
  });

  it("garbage from the first byte", async () => {
    const db = await warm();
    writeFileSync(db, "not a database at all\n".repeat(500));
    expect(await expectTrueLoad(dir, cache)).toEqual([]);
    expect(leftovers(cache)).toEqual([]);
  });

  it("made a directory", async () => {
    const db = await warm();
    rmSync(db);
    mkdirSync(db);
    writeFileSync(path.join(db, "inside"), "x");
    expect(await expectTrueLoad(dir, cache)).toEqual([]);
    expect(lstatSync(db).isFile()).toBe(true);
  });

  it("chmod 000", async () => {
    const db = await warm();
    chmodSync(db, 0o000);
    try {
      expect(await expectTrueLoad(dir, cache)).toEqual([]);
      expect(leftovers(cache)).toEqual([]);
    } finally {
      chmodSync(db, 0o644);
    }
  });

  it("a FIFO in its place is never opened (no hang)", async () => {
    const db = await warm();
    rmSync(db);
    execFileSync("mkfifo", [db]);
    expect(await expectTrueLoad(dir, cache)).toEqual([]);
    expect(lstatSync(db).isFile()).toBe(true);
  });
});

describe("a database of an earlier version", () => {
  it("with SQLite's 4 KiB pages (before 16 KiB): rebuilt in place, loads true, then updates file by file", async () => {
    const file = await warm();
    rmSync(file);
    const old = new Database(file);
    old.pragma("page_size = 4096");
    old.pragma("journal_mode = WAL");
    old.exec("CREATE TABLE files (id INTEGER PRIMARY KEY, rel_path TEXT)");
    old.pragma("user_version = 3");
    old.close();
    expect(await expectTrueLoad(dir, cache)).toEqual([]);
    writeFileSync(path.join(dir, "b-0000.md"), briefingText(0, "Rewritten after the rebuild"));
    expect(await expectTrueLoad(dir, cache)).toEqual([]);
    const after = new Database(file, { readonly: true });
    // The rows went into the file as it was: its pages keep their size (only a new file gets 16 KiB).
    expect(after.pragma("page_size", { simple: true })).toBe(4096);
    expect(after.prepare("SELECT title FROM files WHERE rel_path = 'b-0000.md'").pluck().get()).toBe(
      "Rewritten after the rebuild",
    );
    after.close();
    expect(leftovers(cache)).toEqual([]);
  });
});

describe("files that change behind the store", () => {
  it("an edit keeping size and mtime is found by the ctime, a swap by the inode", async () => {
    const file = path.join(dir, "b-0000.md");
    // A whole second, which every file system keeps exactly.
    const mtime = new Date(1_700_000_000_000);
    utimesSync(file, mtime, mtime);
    await warm();
    const { size } = statSync(file);
    const text = readFileSync(file, "utf8");
    // Same length, other words, mtime put back.
    const edited = text.replace("Briefing number 0", "Briefing numbr 0X");
    expect(edited.length).toBe(text.length);
    writeFileSync(file, edited);
    utimesSync(file, mtime, mtime);
    expect(statSync(file).size).toBe(size);
    expect(statSync(file).mtimeMs).toBe(mtime.getTime());
    await expectTrueLoad(dir, cache);
    let titles = await titlesVia(dir, cache);
    expect(titles).toContain("Briefing numbr 0X");
    // A file renamed over it, of the same size and mtime.
    const swapped = edited.replace("Briefing numbr 0X", "Briefing swappd 0");
    const other = path.join(root, "swap.md");
    writeFileSync(other, swapped);
    utimesSync(other, mtime, mtime);
    renameSync(other, file);
    await expectTrueLoad(dir, cache);
    titles = await titlesVia(dir, cache);
    expect(titles).toContain("Briefing swappd 0");
  });

  it("a file rewritten while the folder loads ends up stored as it finally is", async () => {
    await warm();
    const file = path.join(dir, "b-0001.md");
    // Another process rewrites the file as fast as it can, in two lengths, for the whole load.
    const writer = `
      const fs = require("node:fs");
      const a = ${JSON.stringify(briefingText(1, "Rewritten A"))};
      const b = ${JSON.stringify(briefingText(1, "Rewritten as the longer B"))};
      const end = Date.now() + 1500;
      for (let i = 0; Date.now() < end; i++) fs.writeFileSync(${JSON.stringify(file)}, i % 2 ? a : b);
      fs.writeFileSync(${JSON.stringify(file)}, ${JSON.stringify(briefingText(1, "Final words"))});
    `;
    const child = spawnSync(process.execPath, ["-e", writer], { timeout: 60_000 });
    // The loads during the rewriting ran in this test's own process (spawnSync blocks), so the
    // rewriting is checked from its result: the store must not keep a state the file no longer has.
    expect(child.status).toBe(0);
    await expectTrueLoad(dir, cache);
    expect(await titlesVia(dir, cache)).toContain("Final words");
  });

  it("a folder that is read-only loads (nothing is ever written into it)", async () => {
    await warm();
    chmodSync(dir, 0o555);
    chmodSync(path.join(dir, "2026"), 0o555);
    try {
      expect(await expectTrueLoad(dir, cache)).toEqual([]);
    } finally {
      chmodSync(dir, 0o755);
      chmodSync(path.join(dir, "2026"), 0o755);
    }
  });
});

describe("a cache that cannot hold the database", () => {
  it("on a full 64 KiB tmpfs: the load works from memory, says so once, leaves nothing", async () => {
    const small = path.join(root, "small");
    mkdirSync(small);
    // Mounting needs root (tests here run as root); the tmpfs is the real full disk of the issue.
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", small]);
    try {
      await makeFolder(dir, 200);
      const warnings = await expectTrueLoad(dir, small);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/working from memory/);
      expect(leftovers(small)).toEqual([]);
      // The half-made database was removed, not left filling the disk.
      expect(dbFiles(small)).toEqual([]);
    } finally {
      execFileSync("umount", [small]);
    }
  });

  it("a cache folder that is a file: from memory, said once", async () => {
    writeFileSync(cache, "a file where the cache folder should be");
    const warnings = await expectTrueLoad(dir, cache);
    expect(warnings).toHaveLength(1);
    expect((await truth(dir)).briefings.map((b) => b.title)).toEqual(await titlesVia(dir, cache));
  });
});

function dbFiles(cacheDir: string): string[] {
  try {
    return [dbFile(cacheDir)];
  } catch {
    return [];
  }
}

describe("another program writing the rows again meanwhile", () => {
  it("a load whose rows were rewritten under new ids still reads every digest and glossary, and forgets none", async () => {
    await warm();
    const first = await loadFolder(dir, { cacheDir: cache, warn: () => {}, digests: false });
    try {
      // What a second first load of the same folder does: rows written again, under new ids.
      const other = await loadFolder(dir, { cacheDir: cache, warn: () => {}, digests: false });
      other.store.forget(other.summaries.slice(0, 30).map((s) => s.relPath));
      other.store.close();
      const again = await loadFolder(dir, { cacheDir: cache, warn: () => {}, digests: false });
      // Rows of other ids, or ids that now name another file (SQLite gives a freed largest id again).
      const before = new Map(first.summaries.map((s, i) => [s.relPath, first.fileIds[i]]));
      const moved = again.summaries.filter((s, i) => before.get(s.relPath) !== again.fileIds[i]);
      again.store.close();
      expect(moved.length).toBeGreaterThan(0);
      const want = new Map((await truth(dir)).briefings.map((b) => [b.id, b.glossary.map((g) => g.term)]));
      const terms = (lines: readonly { term: string }[]) => lines.map((g) => g.term);
      expect(new Map(first.items.map((i) => [i.id, terms(i.glossary)]))).toEqual(want);
      expect(new Map(first.summaries.map((s, i) => [s.id, terms(first.glossaries[i]!)]))).toEqual(want);
      expect(first.store.count()).toBe(60);
    } finally {
      first.store.close();
    }
  });
});
