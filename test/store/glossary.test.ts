// The merged glossary a reader shows is read from each file's own glossary rows (store/glossary.ts),
// not from the digests: it follows every edit of a file after a sync, a damaged row costs nothing
// shown, and the reader's ahead-of-time build gives the same glossary.
import { writeFileSync } from "node:fs";
import { mkdtemp, rm, unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FolderLoad, loadFolder } from "../../src/load/folder.js";
import { storyFromRows } from "../../src/load/story.js";
import { buildStoryView, type StoryView } from "../../src/story/view.js";
import { briefingText, expectTrueLoad, makeFolder, truth } from "./helpers.js";

let root: string;
let dir: string;
let cache: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "sd-glossary-"));
  dir = path.join(root, "briefings");
  cache = path.join(root, "cache");
  await makeFolder(dir, 12);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function withStory<T>(use: (story: StoryView, load: FolderLoad) => T): Promise<T> {
  const load = await loadFolder(dir, { cacheDir: cache, warn: () => {} });
  try {
    return use(storyFromRows(load), load);
  } finally {
    load.store.close();
  }
}

const shown = (story: StoryView) => story.glossary.map((g) => [g.term, g.definition, g.definitionCount]);

/** briefingText(i) with its glossary section replaced by `entries`. */
function withGlossary(i: number, entries: string[]): string {
  const text = briefingText(i);
  return `${text.slice(0, text.indexOf("## Glossary"))}## Glossary\n\n${entries.join("\n")}\n`;
}

describe("the glossary read from the store", () => {
  it("shows terms added, redefined and removed in a file after a sync, as a load of the files does", async () => {
    await withStory((story) => {
      expect(shown(story).map(([t]) => t)).toEqual([
        "Berth",
        "Canal Toll",
        "Deemed Export",
        "Frontier Model",
      ]);
    });
    // b-0000, the first in story order (1 January), words Deemed Export anew and defines a new
    // term; every file defining Berth (3, 7, 11) drops it.
    writeFileSync(
      path.join(dir, "b-0000.md"),
      withGlossary(0, [
        "**Deemed Export**: Redefined after the sync.",
        "**Sluice Gate**: Added after the sync.",
      ]),
    );
    for (const i of [3, 7, 11])
      writeFileSync(
        path.join(dir, i % 2 ? "2026" : "", `b-${String(i).padStart(4, "0")}.md`),
        withGlossary(i, []),
      );
    await withStory((story) => {
      const terms = shown(story).map(([t]) => t);
      expect(terms).toContain("Sluice Gate");
      expect(terms).not.toContain("Berth");
      expect(story.glossary.find((g) => g.term === "Deemed Export")?.definition).toBe(
        "Redefined after the sync.",
      );
    });
    await unlink(path.join(dir, "b-0000.md"));
    await withStory((story) => {
      expect(shown(story).map(([t]) => t)).not.toContain("Sluice Gate");
    });
    await expectTrueLoad(dir, cache);
  });

  it("shows a file's glossary whose row was damaged, from its digest, and reads that file again", async () => {
    await withStory(() => undefined);
    const want = buildStoryView(await truth(dir));
    await withStory((story, load) => {
      load.store.db.prepare("UPDATE glossaries SET body = replace(body, 'defined', 'DEFINED')").run();
      expect(shown(story)).toEqual(shown(want));
    });
    // The damaged rows' files are read again.
    await withStory((_story, load) => {
      expect(
        load.store.db
          .prepare("SELECT count(*) FROM glossaries WHERE instr(body, 'DEFINED') > 0")
          .pluck()
          .get(),
      ).toBe(0);
    });
    await expectTrueLoad(dir, cache);
  });

  it("gives the same glossary when the reader builds it ahead in steps", async () => {
    const want = buildStoryView(await truth(dir));
    await withStory((story) => {
      const steps = story.prepareGlossary!();
      let n = 0;
      while (steps.next().done !== true) n++;
      expect(n).toBeGreaterThan(0);
      expect(shown(story)).toEqual(shown(want));
      expect(story.glossary.map((g) => [...g.usedIn])).toEqual(want.glossary.map((g) => [...g.usedIn]));
    });
  });

  it("gives the same glossary when the view is visited after any number of the steps", async () => {
    const want = buildStoryView(await truth(dir));
    const total = await withStory((story) => {
      const steps = story.prepareGlossary!();
      let n = 0;
      while (steps.next().done !== true) n++;
      return n;
    });
    for (let k = 0; k <= total; k++) {
      await withStory((story) => {
        const steps = story.prepareGlossary!();
        for (let i = 0; i < k; i++) steps.next();
        expect(shown(story)).toEqual(shown(want));
        expect(story.glossary.map((g) => [...g.usedIn])).toEqual(want.glossary.map((g) => [...g.usedIn]));
        expect(story.glossary.map((g) => [...g.definedIn])).toEqual(
          want.glossary.map((g) => [...g.definedIn]),
        );
        // Steps taken after the visit find the glossary built and change nothing.
        const before = story.glossary;
        while (steps.next().done !== true);
        expect(story.glossary).toBe(before);
      });
    }
  });

  it("reads the glossary lines a few files a step, and the term uses by term, as the whole reads give them", async () => {
    await withStory(() => undefined);
    const whole = await withStory((_story, load) => {
      // Each term's users as every item's own keys name them.
      const byTerm = new Map<string, number[]>();
      load.summaries.forEach((_, i) => {
        for (const key of load.usedKeys(i)) byTerm.set(key, [...(byTerm.get(key) ?? []), i]);
      });
      return { lines: load.glossaries, byTerm };
    });
    expect(whole.lines.some((l) => l.length > 0)).toBe(true);
    expect(whole.byTerm.size).toBeGreaterThan(0);
    for (const range of [1, 5, 12]) {
      await withStory((_story, load) => {
        let steps = 0;
        for (const _ of load.glossaryReads(range)) steps++;
        // A step a range, one after the lines are put together.
        expect(steps).toBe(Math.ceil(load.summaries.length / range) + 1);
        // Read by the steps: rows gone now change nothing.
        load.store.db.exec("BEGIN; DELETE FROM glossaries; DELETE FROM term_uses");
        expect(load.glossaries).toEqual(whole.lines);
        expect(new Map([...load.termUses()].map(([k, v]) => [k, [...v]]))).toEqual(whole.byTerm);
        load.store.db.exec("ROLLBACK");
      });
    }
  });

  it("shows a file's glossary whose row was damaged when it was built ahead in steps", async () => {
    await withStory(() => undefined);
    const want = buildStoryView(await truth(dir));
    await withStory((story, load) => {
      load.store.db.prepare("UPDATE glossaries SET body = replace(body, 'defined', 'DEFINED')").run();
      const steps = story.prepareGlossary!();
      while (steps.next().done !== true);
      expect(shown(story)).toEqual(shown(want));
    });
  });
});
