// Opening a briefing: from memory when the story holds bodies, else by reading its file; a file that
// is gone or now points outside the folder opens as a stand-in that says so, never as a crash.
import { mkdir, mkdtemp, rename, rm, stat, symlink, unlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Briefing, LoadResult, RegistryActor } from "../../src/briefing/schema.js";
import { loadFolder } from "../../src/load/folder.js";
import { loadBriefings } from "../../src/load/load.js";
import { storedImages } from "../../src/load/pool.js";
import { buildStory, buildStoryView, type StoryView } from "../../src/story/view.js";
import { loadBody, warmParser } from "../../src/tui/bodies.js";
import { loadResult } from "./fixtures.js";

let root: string;
let dir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "signaldesk-bodies-"));
  dir = path.join(root, "briefings");
  await mkdir(dir);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function text(title: string, date: string, extra = "") {
  return (
    `---\ntitle: ${title}\ndate: ${date}\n${extra}---\n\n# ${title}\n\n` +
    "The agency issued an order on June 12, 2026.\n\n## Why it matters\n\nIt affects exports.\n"
  );
}

async function write(rel: string, content: string) {
  await writeFile(path.join(dir, rel), content);
}

/** The folder's story as the reader holds it: built from the store, no bodies. */
async function snapshotStory(): Promise<{ loaded: LoadResult; story: StoryView }> {
  const loaded = await loadBriefings(dir);
  const story = buildStory(await loadFolder(dir, { cacheDir: path.join(root, "cache"), warn: () => {} }));
  return { loaded, story };
}

function indexOf(story: StoryView, id: string): number {
  for (let i = 0; i < story.briefings.length; i++) if (story.briefings.get(i)?.id === id) return i;
  throw new Error(`no briefing ${id}`);
}

function firstParagraph(b: Briefing): string {
  return b.sections.whatHappened[0]?.text ?? "";
}

describe("loadBody", () => {
  it("gives the story's own briefing at once when the story holds bodies", () => {
    const data = loadResult();
    const story = buildStoryView(data);
    for (let i = 0; i < data.briefings.length; i++) {
      const body = loadBody(story, i);
      expect(body).not.toBeInstanceOf(Promise);
      expect(body).toBe(data.briefings[i]);
    }
    expect(loadBody(story, data.briefings.length)).toBeUndefined();
  });

  it("reads and parses the file for a story from the store", async () => {
    await write("a.md", text("Alpha", "2026-06-12"));
    await write("b.md", text("Bravo", "2026-06-14", "tags: [trade]\n"));
    const { loaded, story } = await snapshotStory();
    expect(story.body).toBeUndefined();
    for (const want of loaded.briefings) {
      const pending = loadBody(story, indexOf(story, want.id));
      expect(pending).toBeInstanceOf(Promise);
      expect(await pending).toEqual(want);
    }
    expect(loadBody(story, story.briefings.length)).toBeUndefined();
  });

  it("keeps the id the loader gave a duplicate", async () => {
    await write("first.md", text("First", "2026-06-12", "id: shared\n"));
    await write("second.md", text("Second", "2026-06-14", "id: shared\n"));
    const { loaded, story } = await snapshotStory();
    const ids = loaded.briefings.map((b) => b.id).sort();
    expect(ids).toEqual(["second", "shared"]);
    const renamed = await loadBody(story, indexOf(story, "second"));
    expect(renamed?.id).toBe("second");
    expect(renamed?.title).toBe("Second");
    expect(renamed).toEqual(loaded.briefings.find((b) => b.id === "second"));
    const kept = await loadBody(story, indexOf(story, "shared"));
    expect(kept?.id).toBe("shared");
    expect(kept?.title).toBe("First");
  });

  it("opens a deleted briefing as a stand-in that says it could not be opened", async () => {
    await write("a.md", text("Alpha", "2026-06-12"));
    const { story } = await snapshotStory();
    await unlink(path.join(dir, "a.md"));
    const body = await loadBody(story, indexOf(story, "a"));
    expect(body?.id).toBe("a");
    expect(body?.title).toBe("Alpha");
    expect(firstParagraph(body!)).toMatch(/^This briefing could not be opened: .*a\.md is gone$/);
    expect(body?.events).toEqual([]);
  });

  it("does not follow a briefing replaced by a link to a file outside the folder", async () => {
    await write("a.md", text("Alpha", "2026-06-12"));
    const { story } = await snapshotStory();
    const outside = path.join(root, "secret.md");
    await writeFile(outside, text("Secret outside", "2026-06-13"));
    await unlink(path.join(dir, "a.md"));
    await symlink(outside, path.join(dir, "a.md"));
    const body = await loadBody(story, indexOf(story, "a"));
    expect(body?.title).toBe("Alpha");
    expect(firstParagraph(body!)).toMatch(/^This briefing could not be opened: .*points outside the folder$/);
    expect(JSON.stringify(body)).not.toContain("Secret outside");
  });

  it("opens an emptied briefing as a stand-in with the reader's reason", async () => {
    await write("a.md", text("Alpha", "2026-06-12"));
    const { story } = await snapshotStory();
    await write("a.md", "");
    const body = await loadBody(story, indexOf(story, "a"));
    expect(firstParagraph(body!)).toBe("This briefing could not be opened: empty file");
  });

  describe("a body read before its file changed is never shown", () => {
    /** Same length as text("Alpha", ...), other words: the size alone cannot tell them apart. */
    const edited = () => text("Alpha", "2026-06-12").replace("issued an order", "revoked a rule.");

    it("an edit after the read-ahead shows the new text", async () => {
      await write("a.md", text("Alpha", "2026-06-12"));
      const { story } = await snapshotStory();
      const i = indexOf(story, "a");
      // The read-ahead under a resting cursor, then the edit, then Enter.
      expect(firstParagraph((await loadBody(story, i))!)).toContain("issued an order");
      await write("a.md", text("Alpha", "2026-06-12").replace("issued an order", "withdrew its order"));
      expect(firstParagraph((await loadBody(story, i))!)).toContain("withdrew its order");
    });

    it("an edit of the same size with its mtime set back (touch -d) shows the new text", async () => {
      await write("a.md", text("Alpha", "2026-06-12"));
      const { story } = await snapshotStory();
      const i = indexOf(story, "a");
      const fixed = new Date("2026-06-12T10:00:00Z");
      await utimes(path.join(dir, "a.md"), fixed, fixed);
      await loadBody(story, i);
      expect(edited().length).toBe(text("Alpha", "2026-06-12").length);
      await write("a.md", edited());
      await utimes(path.join(dir, "a.md"), fixed, fixed);
      expect((await stat(path.join(dir, "a.md"))).mtimeMs).toBe(fixed.getTime());
      expect(firstParagraph((await loadBody(story, i))!)).toContain("revoked a rule");
    });

    it("a file swapped for another of the same size and mtime shows the other's text", async () => {
      await write("a.md", text("Alpha", "2026-06-12"));
      const { story } = await snapshotStory();
      const i = indexOf(story, "a");
      const fixed = new Date("2026-06-12T10:00:00Z");
      await utimes(path.join(dir, "a.md"), fixed, fixed);
      await loadBody(story, i);
      const other = path.join(root, "other.md");
      await writeFile(other, edited());
      await utimes(other, fixed, fixed);
      await rename(other, path.join(dir, "a.md"));
      expect(firstParagraph((await loadBody(story, i))!)).toContain("revoked a rule");
    });

    it("an unchanged file is not read again", async () => {
      await write("a.md", text("Alpha", "2026-06-12"));
      const { story } = await snapshotStory();
      const i = indexOf(story, "a");
      const first = await loadBody(story, i);
      expect(await loadBody(story, i)).toBe(first);
    });
  });

  describe("with the registry's matchers the store keeps", () => {
    const registry = (alias: string) =>
      `- name: Northport Harbour Authority\n  kind: agency\n  aliases: [${alias}]\n- name: Mara Lindqvist\n  kind: person\n`;
    /** The body names the authority by the one alias only. */
    async function storyWith(alias: string, named: string) {
      await writeFile(path.join(dir, "actors.yaml"), registry(alias));
      await write("a.md", `${text("Alpha", "2026-06-12")}\nThe ${named} met; Mara Lindqvist spoke.\n`);
      const load = await loadFolder(dir, { cacheDir: path.join(root, "cache"), warn: () => {} });
      return { load, story: buildStory(load) };
    }

    it("an open after the warm-up names the actors a whole load does", async () => {
      const { load, story } = await storyWith("NHA", "NHA");
      expect(storedImages(load.store, story.registry)).not.toBeNull();
      await warmParser(story, load.store);
      const [want] = (await loadBriefings(dir)).briefings;
      const body = await loadBody(story, indexOf(story, "a"));
      expect(body).toEqual(want);
      expect(body?.actors).toContain("Northport Harbour Authority");
    });

    it("a story under another registry than the store's is not given the store's matchers", async () => {
      const { load, story } = await storyWith("NHA", "Port Board");
      // actors.yaml changed, and the story read under it, before the store was synced with it.
      await writeFile(path.join(dir, "actors.yaml"), registry("Port Board"));
      const other: RegistryActor[] = story.registry.map((a) =>
        a.name === "Northport Harbour Authority" ? { ...a, aliases: ["Port Board"] } : a,
      );
      const under = { ...story, registry: other };
      expect(storedImages(load.store, other)).toBeNull();
      await warmParser(under, load.store);
      const [want] = (await loadBriefings(dir)).briefings;
      const body = await loadBody(under, indexOf(under, "a"));
      expect(body?.actors).toEqual(want?.actors);
      expect(want?.actors).toContain("Northport Harbour Authority");
    });
  });
});
