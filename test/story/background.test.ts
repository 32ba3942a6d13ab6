// A first start's load in the loader worker (dist/loader.js): the snapshot it saves must open as the
// story the CLI's load gives, and a stopped or failed load must leave nothing the reader would open.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheFiles } from "../../src/briefing/cache.js";
import { FolderError } from "../../src/briefing/load.js";
import { loadInBackground } from "../../src/story/background.js";
import { heapFor } from "../../src/story/loader-heap.js";
import { openSnapshot, type Snapshot } from "../../src/story/snapshot.js";
import { makeArchive, writeFolder } from "./archive.js";
import { expectEveryCase, type Reference, reference } from "./reference.js";
import { expectSameStory } from "./same-story.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bundled = path.join(repoRoot, "briefings");
const loaderFile = path.join(repoRoot, "dist/loader.js");
const STAMP = "background-test-stamp";

let tmp: string;
let generated: string;
let cacheHome: string;
const savedEnv = { xdg: process.env.XDG_CACHE_HOME, noCache: process.env.SIGNALDESK_NO_CACHE };
const opened: Snapshot[] = [];

interface Run {
  file: string;
  saved: boolean;
  progress: [number, number][];
  steps: string[];
}

/** Loads `dir` in the loader worker into a snapshot file of its own. */
async function runLoader(dir: string, name: string): Promise<Run> {
  const file = path.join(await mkdtemp(path.join(tmp, `${name}-`)), "story.snapshot");
  const progress: [number, number][] = [];
  const steps: string[] = [];
  const load = loadInBackground(
    { dir, file, stamp: STAMP },
    0,
    { progress: (done, total) => progress.push([done, total]), step: (step) => steps.push(step) },
    loaderFile,
  );
  expect(load).not.toBeNull();
  return { file, saved: await load!.saved, progress, steps };
}

function open(run: Run, dir: string): Snapshot {
  const snap = openSnapshot(run.file, STAMP, dir);
  expect(snap).not.toBeNull();
  opened.push(snap!);
  return snap!;
}

beforeAll(async () => {
  expect(existsSync(loaderFile)).toBe(true);
  tmp = await mkdtemp(path.join(tmpdir(), "signaldesk-background-"));
  // The loader worker takes its environment when it starts: its cache goes here, never to the user's.
  cacheHome = path.join(tmp, "xdg-cache");
  process.env.XDG_CACHE_HOME = cacheHome;
  delete process.env.SIGNALDESK_NO_CACHE;
  generated = path.join(tmp, "archive");
  await writeFolder(generated, makeArchive(), bundled);
});

afterAll(async () => {
  for (const s of opened.splice(0)) s.close();
  if (savedEnv.xdg === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = savedEnv.xdg;
  if (savedEnv.noCache === undefined) delete process.env.SIGNALDESK_NO_CACHE;
  else process.env.SIGNALDESK_NO_CACHE = savedEnv.noCache;
  await rm(tmp, { recursive: true, force: true });
});

describe("the generated folder", () => {
  it("holds the cases the comparison is meant to cover", async () => {
    expectEveryCase(await reference(generated));
  });
});

describe.each([
  ["the bundled briefings", () => bundled],
  ["a generated folder of 600 files", () => generated],
])("loadInBackground of %s", (name, dirOf) => {
  let want: Reference;
  let run: Run;

  beforeAll(async () => {
    want = await reference(dirOf());
    run = await runLoader(dirOf(), name.replace(/\W+/g, "-"));
  });

  it("saves a snapshot that opens as the CLI's story", () => {
    expect(run.saved).toBe(true);
    const snap = open(run, dirOf());
    expectSameStory(snap.story, want.story);
  });

  it("reports progress up to (total, total) and names the timeline step", () => {
    expect(run.progress[0]).toEqual([0, want.total]);
    expect(run.progress.at(-1)).toEqual([want.total, want.total]);
    for (let i = 1; i < run.progress.length; i++)
      expect(run.progress[i]![0]).toBeGreaterThanOrEqual(run.progress[i - 1]![0]);
    expect(run.steps).toContain("building the timeline");
  });

  it("leaves the parsed-briefing cache in the user's cache folder, for `print`", async () => {
    // Its entries carry the built program's stamp, which this test (running the source) cannot read
    // back; what it can tell is that the cache is written, and where XDG_CACHE_HOME says.
    const places = (await cacheFiles(path.join(cacheHome, "signaldesk"), dirOf()))!;
    expect(existsSync(places.data)).toBe(true);
    expect(existsSync(places.ids)).toBe(true);
  });
});

describe("loadInBackground, stopped or failing", () => {
  it("rejects a missing folder with FolderError", async () => {
    const missing = path.join(tmp, "no-such-folder");
    const file = path.join(tmp, "missing.snapshot");
    const load = loadInBackground(
      { dir: missing, file, stamp: STAMP },
      0,
      { progress() {}, step() {} },
      loaderFile,
    );
    await expect(load!.saved).rejects.toBeInstanceOf(FolderError);
    // The reader names the folder it could not open.
    await expect(load!.saved).rejects.toMatchObject({ dir: missing });
    expect(existsSync(file)).toBe(false);
  });

  it("saves nothing when stopped before it finishes", async () => {
    const dir = await mkdtemp(path.join(tmp, "stopped-"));
    const file = path.join(dir, "story.snapshot");
    const load = loadInBackground(
      { dir: generated, file, stamp: STAMP },
      0,
      { progress() {}, step() {} },
      loaderFile,
    );
    expect(load).not.toBeNull();
    load!.stop();
    await expect(load!.saved).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it("starts again with more heap when the first ceiling is too low, and still saves the story", async () => {
    const before = process.env.SIGNALDESK_LOADER_HEAP_MB;
    // Below what the loader needs even to start: the first dies of it, a later one has the room.
    process.env.SIGNALDESK_LOADER_HEAP_MB = "6";
    try {
      const file = path.join(await mkdtemp(path.join(tmp, "retry-")), "story.snapshot");
      const retries: number[] = [];
      const load = loadInBackground(
        { dir: generated, file, stamp: STAMP },
        0,
        { progress() {}, step() {}, retry: (mb) => retries.push(mb) },
        loaderFile,
      );
      expect(await load!.saved).toBe(true);
      expect(retries.length).toBeGreaterThan(0);
      expect(retries[0]).toBe(12);
      const snap = open({ file, saved: true, progress: [], steps: [] }, generated);
      expectSameStory(snap.story, (await reference(generated)).story);
    } finally {
      if (before === undefined) delete process.env.SIGNALDESK_LOADER_HEAP_MB;
      else process.env.SIGNALDESK_LOADER_HEAP_MB = before;
    }
    // Two or three loader workers in turn: on a loaded machine that is more than 20 s.
  }, 120_000);

  it("counts a folder larger than the first loader was sized for and starts one with room for it", async () => {
    const files = (await readdir(generated, { recursive: true })).filter((n) =>
      /\.(md|txt)$/i.test(n),
    ).length;
    const sized = async (sizedFor: number) => {
      const file = path.join(await mkdtemp(path.join(tmp, "sized-")), "story.snapshot");
      const retries: number[] = [];
      const load = loadInBackground(
        { dir: generated, file, stamp: STAMP },
        sizedFor,
        { progress() {}, step() {}, retry: (mb) => retries.push(mb) },
        loaderFile,
      );
      expect(await load!.saved).toBe(true);
      open({ file, saved: true, progress: [], steps: [] }, generated);
      return retries;
    };
    expect(await sized(0)).toEqual([heapFor(files)]);
    expect(await sized(files)).toEqual([]);
    // Two or three loader workers in turn: on a loaded machine that is more than 20 s.
  }, 120_000);

  it("is no load at all without a built loader", () => {
    expect(
      loadInBackground(
        { dir: bundled, file: path.join(tmp, "none"), stamp: STAMP },
        0,
        { progress() {}, step() {} },
        null,
      ),
    ).toBeNull();
  });
});
