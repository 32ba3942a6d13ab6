// The first frame of a warm start is painted from the story's head (a few rows read from the store),
// and the App then draws the whole story over it: the two frames must read the same, or the start
// flashes. The head must also give way (null) where it cannot tell the rows exactly.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadFolder, openFolderStore } from "../../src/load/folder.js";
import type { Store } from "../../src/store/store.js";
import type { StoryView } from "../../src/story/view.js";
import { storyHead } from "../../src/tui/head.js";
import { firstFrameLines, type ScreenLine } from "../../src/tui/paint.js";
import { fitSegments } from "../../src/tui/segments.js";
import { CHECKING_NOTE, storedStory } from "../../src/tui/source.js";
import { FRAME_SIZES } from "./frame-sizes.js";

const BUNDLED = new URL("../../briefings/", import.meta.url).pathname;
const HOSTILE = new URL("../fixtures/hostile/", import.meta.url).pathname;
const STORY = new URL("../fixtures/cli/story/", import.meta.url).pathname;

const scratch: string[] = [];
const stores: Store[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of scratch.splice(0)) rmSync(d, { recursive: true, force: true });
});

function temp(): string {
  const d = mkdtempSync(join(tmpdir(), "sd-head-"));
  scratch.push(d);
  return d;
}

/** A store of `dir`, synced, and the whole story it holds as a warm start reads it. */
async function warm(dir: string): Promise<{ store: Store; whole: StoryView; cacheDir: string }> {
  const cacheDir = temp();
  await loadFolder(dir, { cacheDir, warn: () => {} });
  const store = openFolderStore(dir, { cacheDir })!;
  stores.push(store);
  const whole = storedStory({ dir, store });
  expect(whole).not.toBeNull();
  return { store, whole: whole!.story, cacheDir };
}

function text(lines: readonly ScreenLine[] | null, width: number): string[] {
  expect(lines).not.toBeNull();
  return lines!.map((l) =>
    fitSegments(l.segments, width, l.fill !== undefined)
      .map((s) => s.text)
      .join("")
      .trimEnd(),
  );
}

function copy(from: string): string {
  const dir = join(temp(), "briefings");
  cpSync(from, dir, { recursive: true });
  return dir;
}

describe("the story's head", () => {
  for (const [name, dir] of Object.entries({ bundled: BUNDLED, hostile: HOSTILE, story: STORY })) {
    it(`paints the frame of the whole story: ${name}`, async () => {
      const { store, whole } = await warm(dir);
      for (const [columns, rows] of FRAME_SIZES) {
        const head = storyHead(dir, store, rows);
        expect(head).not.toBeNull();
        expect(text(firstFrameLines(head!, columns, rows, CHECKING_NOTE), columns)).toEqual(
          text(firstFrameLines(whole, columns, rows, CHECKING_NOTE), columns),
        );
      }
    });
  }

  it("counts the briefings, events and failed files of the whole folder, and follows a change", async () => {
    const dir = copy(HOSTILE);
    const { store, whole, cacheDir } = await warm(dir);
    const head = storyHead(dir, store, 24)!;
    expect(head.briefings.length).toBe(whole.briefings.length);
    expect(head.timeline.length).toBe(whole.timeline.length);
    const frame = text(firstFrameLines(head, 100, 30), 100);
    expect(frame.join("\n")).toMatch(/\d+ files? failed/);
    // A new briefing, earlier than every other: the first row and the counts move with it.
    writeFileSync(
      join(dir, "0000-first.md"),
      "---\ntitle: The very first\ndate: 1990-01-02\n---\n\n# The very first\n\nA port closed on January 2, 1990.\n",
    );
    await loadFolder(dir, { cacheDir, warn: () => {} });
    const after = storyHead(dir, store, 24)!;
    expect(after.briefings.length).toBe(whole.briefings.length + 1);
    expect(after.timeline.length).toBeGreaterThan(whole.timeline.length);
    expect(text(firstFrameLines(after, 100, 30), 100).join("\n")).toContain("The very first");
    expect(text(firstFrameLines(after, 100, 30), 100)).toEqual(
      text(firstFrameLines(storedStory({ dir, store })!.story, 100, 30), 100),
    );
  });

  it("gives way when a row on screen has an id another file shares", async () => {
    const dir = copy(BUNDLED);
    // Same id as the first briefing (its file name), in another folder: a load renames one of them.
    const { whole: before } = await warm(dir);
    const first = before.timeline.get(0)!.briefingId;
    cpSync(join(dir, `${first}.md`), join(dir, "again", `${first}.md`), { recursive: true });
    const { store, whole } = await warm(dir);
    expect(storyHead(dir, store, 24)).toBeNull();
    expect(firstFrameLines(whole, 80, 24)).not.toBeNull();
  });

  it("is null for a store that holds no complete story", async () => {
    const dir = copy(BUNDLED);
    const cacheDir = temp();
    const store = openFolderStore(dir, { cacheDir })!;
    stores.push(store);
    expect(storyHead(dir, store, 24)).toBeNull();
  });
});
