import { readdirSync } from "node:fs";
import { mkdir, mkdtemp, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadFolder, wholeBriefings } from "../../src/load/folder.js";
import { loadBriefings } from "../../src/load/load.js";
import { loadBriefingById } from "../../src/load/load-one.js";

let root: string;
let dir: string;
let cacheDir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "signaldesk-one-"));
  dir = path.join(root, "briefings");
  cacheDir = path.join(root, "cache");
  await mkdir(dir);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function write(rel: string, title: string, id?: string) {
  const file = path.join(dir, rel);
  await mkdir(path.dirname(file), { recursive: true });
  const fm = `---\ntitle: ${title}\ndate: 2026-06-12\n${id ? `id: ${id}\n` : ""}---\n\n`;
  await writeFile(file, `${fm}Acme Corp said on June 12, 2026 that talks had begun.\n`);
}

const one = (id: string) => loadBriefingById(dir, id, { cacheDir });

describe("loadBriefingById", () => {
  it("finds a briefing by its file name, the same as the full load does", async () => {
    await write("2026/june/talks.md", "Talks");
    await write("other.md", "Other");
    const full = await loadBriefings(dir);
    expect(await one("talks")).toEqual(full.briefings.find((b) => b.id === "talks"));
  });

  it("leaves to the full load what a file name cannot settle", async () => {
    await write("renamed.md", "Renamed", "custom-id");
    await write("a/twin.md", "Twin A");
    await write("b/twin.md", "Twin B");
    expect(await one("custom-id")).toBeNull(); // no index yet, and no file of that name
    expect(await one("renamed")).toBeNull(); // the file's id is not its name
    expect(await one("twin")).toBeNull(); // two files of that name
    expect(await one("nothing")).toBeNull();
  });

  it("finds a front matter id through the store a load wrote", async () => {
    await write("renamed.md", "Renamed", "custom-id");
    (await loadFolder(dir, { cacheDir })).store.close();
    expect((await one("custom-id"))?.title).toBe("Renamed");
  });

  it("reads a file changed since the store was written again, alone, and shows its new text", async () => {
    await write("renamed.md", "Renamed", "custom-id");
    await write("other.md", "Other");
    (await loadFolder(dir, { cacheDir })).store.close();
    await write("renamed.md", "Renamed again", "custom-id");
    await utimes(path.join(dir, "renamed.md"), new Date(), new Date(Date.now() + 5000));
    const full = await loadBriefings(dir);
    expect(await one("custom-id")).toEqual(full.briefings.find((b) => b.id === "custom-id"));
    expect((await one("custom-id"))?.title).toBe("Renamed again");
  });

  it("leaves to the full load a changed file that no longer has the id", async () => {
    await write("renamed.md", "Renamed", "custom-id");
    (await loadFolder(dir, { cacheDir })).store.close();
    await write("renamed.md", "Renamed", "another-id");
    await utimes(path.join(dir, "renamed.md"), new Date(), new Date(Date.now() + 5000));
    expect(await one("custom-id")).toBeNull();
  });

  it("leaves to the full load an id whose file was removed, or that a new file may share", async () => {
    await write("a/talks.md", "Talks");
    await write("b/gone.md", "Gone");
    (await loadFolder(dir, { cacheDir })).store.close();
    // A twin named like it, in a folder the store knows: the full load says which keeps the id.
    await write("b/talks.md", "Talks B");
    expect(await one("talks")).toBeNull();
    await rm(path.join(dir, "b/talks.md"));
    (await loadFolder(dir, { cacheDir })).store.close();
    await rm(path.join(dir, "b/gone.md"));
    expect(await one("gone")).toBeNull();
  });

  it("leaves an id shared with a broken file to the full load", async () => {
    await write("good.md", "Good", "clash");
    await writeFile(path.join(dir, "clash.md"), "");
    (await loadFolder(dir, { cacheDir })).store.close();
    expect(await one("clash")).toBeNull();
  });

  it("shows the briefing the store keeps, the same as a parse of its file", async () => {
    await write("2026/june/talks.md", "Talks");
    await writeFile(
      path.join(dir, "warned.md"),
      "---\ntitle: Warned\ncolour: red\n---\n\nAcme Corp met on June 12, 2026.\n",
    );
    const full = await loadBriefings(dir);
    (await loadFolder(dir, { cacheDir })).store.close();
    expect(await one("talks")).toEqual(full.briefings.find((b) => b.id === "talks"));
    const warned = full.briefings.find((b) => b.id === "warned")!;
    expect(warned.warnings.length).toBeGreaterThan(0);
    expect(await one("warned")).toEqual(warned);
  });

  it("shows an edit that kept the file's size and mtime, not the stored briefing", async () => {
    await write("talks.md", "Talks A");
    (await loadFolder(dir, { cacheDir })).store.close();
    const file = path.join(dir, "talks.md");
    const before = await stat(file);
    await write("talks.md", "Talks B");
    await utimes(file, before.atime, before.mtime);
    expect((await stat(file)).size).toBe(before.size);
    expect((await one("talks"))?.title).toBe("Talks B");
  });

  it("resolves actors under an actors.yaml changed since the store was written", async () => {
    await write("talks.md", "Talks");
    (await loadFolder(dir, { cacheDir })).store.close();
    await writeFile(path.join(dir, "actors.yaml"), "- name: Acme Corporation\n  aliases: [Acme Corp]\n");
    expect((await one("talks"))?.actors).toContain("Acme Corporation");
  });

  it("gives whole briefings from the store equal to the parse of their files", async () => {
    await write("a.md", "Alpha");
    await write("b/c.md", "Gamma");
    await writeFile(path.join(dir, "actors.yaml"), "- name: Acme Corporation\n  aliases: [Acme Corp]\n");
    const load = await loadFolder(dir, { cacheDir });
    const stored = await wholeBriefings(load, load.summaries);
    const parsed = await wholeBriefings({ dir: load.dir, registry: load.registry }, load.summaries);
    load.store.close();
    expect(stored.map((b) => b.id)).toEqual(["a", "c"]);
    expect(stored).toEqual(parsed);
    expect(stored[0]!.actors).toContain("Acme Corporation");
  });

  it("only reads the store: one another build made is left as it is, for the full load to rebuild", async () => {
    await write("renamed.md", "Renamed", "custom-id");
    (await loadFolder(dir, { cacheDir })).store.close();
    const file = path.join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith(".sqlite"))!);
    const db = new Database(file);
    db.prepare("UPDATE meta SET value = 'another build' WHERE key = 'program'").run();
    db.close();
    // Not this build's store: only a file named by the id could answer, and none is.
    expect(await one("custom-id")).toBeNull();
    const after = new Database(file, { readonly: true });
    expect(after.prepare("SELECT value FROM meta WHERE key = 'program'").pluck().get()).toBe("another build");
    expect(after.prepare("SELECT count(*) FROM files").pluck().get()).toBe(1);
    after.close();
  });

  it("reads stored briefings in batches, parsing again only the damaged one", async () => {
    for (let i = 0; i < 300; i++) await write(`m/b${String(i).padStart(3, "0")}.md`, `Briefing ${i}`);
    const load = await loadFolder(dir, { cacheDir });
    // One stored briefing no longer as written: its checksum fails, its file is parsed again.
    load.store.db
      .prepare(
        "UPDATE briefings SET body = replace(body, 'Briefing 7', 'Briefing X') WHERE file_id = (SELECT id FROM files WHERE rel_path = 'm/b007.md')",
      )
      .run();
    const stored = await wholeBriefings(load, load.summaries);
    const parsed = await wholeBriefings({ dir: load.dir, registry: load.registry }, load.summaries);
    load.store.close();
    expect(stored).toHaveLength(300);
    expect(stored.find((b) => b.id === "b007")?.title).toBe("Briefing 7");
    expect(stored).toEqual(parsed);
  });
});
