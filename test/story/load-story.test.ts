// The reader's load (loadStory: parse workers, typed columns, spilled sentences) must show exactly the
// story the CLI's load (loadBriefings + buildStoryView) gives, on this thread and in worker threads.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheFiles } from "../../src/briefing/cache.js";
import { FolderError, loadBriefings } from "../../src/briefing/load.js";
import { loadBriefingById } from "../../src/briefing/load-one.js";
import { termKey } from "../../src/story/glossary.js";
import { loadStory, type StoryLoad, type StoryLoadOptions } from "../../src/story/load-story.js";
import { TIMELINE_STEP, USES_STEP } from "../../src/story/steps.js";
import { makeArchive, writeFolder } from "./archive.js";
import { expectEveryCase, type Reference, reference } from "./reference.js";
import { expectSameStory } from "./same-story.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bundled = path.join(repoRoot, "briefings");
const hostile = path.join(repoRoot, "test/fixtures/hostile");
const workerFile = path.join(repoRoot, "dist/worker.js");

let tmp: string;
let generated: string;

const open: StoryLoad[] = [];
async function load(dir: string, opts: Partial<StoryLoadOptions> = {}): Promise<StoryLoad> {
  const loaded = await loadStory(dir, { pause: () => undefined, cacheDir: null, ...opts });
  expect(loaded).not.toBeNull();
  open.push(loaded!);
  return loaded!;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "signaldesk-load-story-"));
  generated = path.join(tmp, "archive");
  await writeFolder(generated, makeArchive(), bundled);
});

afterAll(async () => {
  for (const l of open.splice(0)) l.close();
  await rm(tmp, { recursive: true, force: true });
});

describe("the generated folder", () => {
  it("holds every case the comparison is meant to cover", async () => {
    expectEveryCase(await reference(generated));
  });
});

describe.each([
  ["the bundled briefings", () => bundled],
  ["the hostile fixtures", () => hostile],
  ["a generated folder of 600 files", () => generated],
])("loadStory of %s", (_name, dirOf) => {
  let want: Reference;
  let onThread: StoryLoad;
  let inWorkers: StoryLoad;
  let joined: StoryLoad;
  const progress: [number, number][] = [];
  const steps: [string, number | undefined][] = [];

  beforeAll(async () => {
    const dir = dirOf();
    want = await reference(dir);
    onThread = await load(dir, { workers: 0 });
    expect(existsSync(workerFile)).toBe(true);
    inWorkers = await load(dir, {
      workerFile,
      workers: 2,
      onProgress: (done, total) => progress.push([done, total]),
      onStep: (step, fraction) => steps.push([step, fraction]),
    });
    // As the loader worker loads: one parse worker, and its own thread taking batches too.
    joined = await load(dir, { workerFile, workers: 1, joinIn: true });
  });

  it("gives the CLI's story when it parses on this thread", () => {
    expectSameStory(onThread.story, want.story);
  });

  it("gives the CLI's story when it parses in worker threads", () => {
    expectSameStory(inWorkers.story, want.story);
  });

  it("gives the CLI's story when its own thread parses beside a worker", () => {
    expectSameStory(joined.story, want.story);
  });

  it("ends its progress at (total, total), never going back", () => {
    expect(progress[0]).toEqual([0, want.total]);
    expect(progress.at(-1)).toEqual([want.total, want.total]);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]![1]).toBe(want.total);
      expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
    }
  });

  it("names its steps in order after the files, each one's fraction never going back", () => {
    const names = steps.map(([step]) => step).filter((step, i, all) => step !== all[i - 1]);
    // A folder whose terms can be searched is read again for them, before the timeline is built.
    const searchable = want.story.glossary.some((g) => termKey(g.term).length > 1);
    expect(names).toEqual(searchable ? [USES_STEP, TIMELINE_STEP] : [TIMELINE_STEP]);
    for (const name of names) {
      const fractions = steps.filter(([step, f]) => step === name && f !== undefined).map(([, f]) => f!);
      for (let i = 1; i < fractions.length; i++)
        expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]!);
      for (const f of fractions) expect(f).toBeLessThanOrEqual(1);
    }
  });
});

describe("loadStory and the parsed-briefing cache", () => {
  let cacheDir: string;
  beforeAll(async () => {
    cacheDir = await mkdtemp(path.join(tmp, "cache-"));
    await load(generated, { workerFile, workers: 2, cacheDir });
  });

  it("lets `print` find a briefing by id from the cache it wrote", async () => {
    const { data } = await reference(generated);
    const byId = new Map(data.briefings.map((b) => [b.id, b]));
    // A front matter id is not a file name: only the cache's id index can find it without a full load.
    const custom = data.briefings.find((b) => b.id.startsWith("custom-"))!;
    expect(await loadBriefingById(generated, custom.id, { cacheDir: null })).toBeNull();
    const ids = [
      custom.id,
      data.briefings.find((b) => b.relPath.startsWith("2026"))!.id,
      data.briefings.find((b) => b.date === null)!.id,
      data.briefings.find((b) => b.dateInferred)!.id,
      "brief-7",
    ];
    for (const id of ids) {
      expect(await loadBriefingById(generated, id, { cacheDir }), id).toEqual(byId.get(id));
    }
    // A renamed duplicate: may need the full load, but must never be another briefing.
    const renamed = data.briefings.find((b) => /^(wire|desk\/late)\/report-/.test(b.id))!;
    const found = await loadBriefingById(generated, renamed.id, { cacheDir });
    if (found !== null) expect(found).toEqual(renamed);
  });

  it("is read back by the CLI's load as the same briefings", async () => {
    const places = (await cacheFiles(cacheDir, generated))!;
    const before = await readFile(places.data);
    const warm = await loadBriefings(generated, { cacheDir });
    const { data: fresh } = await reference(generated);
    expect(warm).toEqual(fresh);
    // Every entry loadStory wrote was usable: the CLI's load found nothing to rewrite.
    expect((await readFile(places.data)).equals(before)).toBe(true);
  });
});

describe("loadStory, stopped or failing", () => {
  it("returns null when the reader has closed, and leaves no cache behind", async () => {
    const cacheDir = await mkdtemp(path.join(tmp, "stopped-"));
    const loaded = await loadStory(hostile, {
      pause: () => undefined,
      cacheDir,
      alive: () => false,
    });
    expect(loaded).toBeNull();
    expect(
      await readdir(cacheDir, { recursive: true, withFileTypes: true }).then((e) =>
        e.filter((f) => f.isFile()),
      ),
    ).toEqual([]);
  });

  it("rejects a missing folder with FolderError", async () => {
    const missing = path.join(tmp, "no-such-folder");
    await expect(loadStory(missing, { pause: () => undefined, cacheDir: null })).rejects.toBeInstanceOf(
      FolderError,
    );
  });
});
