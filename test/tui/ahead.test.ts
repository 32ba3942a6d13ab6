import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadFolder } from "../../src/load/folder.js";
import { storyFromRows } from "../../src/load/story.js";
import { buildStoryView, type StoryView } from "../../src/story/view.js";
import { aheadSteps, BEYOND_ASCII } from "../../src/tui/ahead.js";
import { indexOfId } from "../../src/tui/model.js";
import { makeFolder, truth } from "../store/helpers.js";

let root: string;
let dir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "sd-ahead-"));
  dir = path.join(root, "briefings");
  await makeFolder(dir, 12);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const indexes = (story: StoryView) => Array.from({ length: story.briefings.length }, (_, i) => i);
const termsOfAll = (story: StoryView) => indexes(story).map((i) => story.termsOf(i));

describe("the reader's work done ahead", () => {
  it("leaves the story answering as one that did none of it: ids, glossary, each briefing's terms", async () => {
    const want = buildStoryView(await truth(dir));
    const load = await loadFolder(dir, { cacheDir: path.join(root, "cache"), warn: () => {} });
    try {
      const story = storyFromRows(load);
      const measured: string[] = [];
      const steps = aheadSteps(story, (text) => {
        measured.push(text);
        return text.length;
      });
      let n = 0;
      while (steps.next().done !== true) n++;
      expect(n).toBeGreaterThan(2);
      expect(measured).toEqual(BEYOND_ASCII);
      expect(termsOfAll(story)).toEqual(termsOfAll(want));
      expect(termsOfAll(story).some((terms) => terms.length > 0)).toBe(true);
      const ids = indexes(story).map((i) => story.briefings.get(i)!.id);
      expect(ids.map((id) => indexOfId(story, id))).toEqual(indexes(story));
      expect(story.glossary.map((g) => g.term)).toEqual(want.glossary.map((g) => g.term));
    } finally {
      load.store.close();
    }
  });

  it("has nothing to do for a story held in memory (a first load's)", async () => {
    const story = buildStoryView(await truth(dir));
    const measured: string[] = [];
    const steps = aheadSteps(story, (text) => measured.push(text));
    expect(steps.next().done).toBe(true);
    expect(measured).toEqual([]);
  });

  it("measures text the lists never show: beyond ASCII, wide characters among it", () => {
    const text = BEYOND_ASCII.join("");
    expect(BEYOND_ASCII.every((piece) => /[^\x20-\x7e]/.test(piece))).toBe(true);
    expect(/[\u3000-\u9fff]/.test(text)).toBe(true);
    expect(/[“”‘’]/.test(text)).toBe(true);
  });
});
