// The reader's load (loadStory: parse workers, typed columns, spilled sentences) must show exactly the
// story the CLI's load (loadBriefings + buildStoryView) gives, on this thread and in worker threads.
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cacheFiles } from "../../src/briefing/cache.js";
import { FolderError, loadBriefings } from "../../src/briefing/load.js";
import { loadBriefingById } from "../../src/briefing/load-one.js";
import type { LoadResult } from "../../src/briefing/schema.js";
import { loadStory, type StoryLoad, type StoryLoadOptions } from "../../src/story/load-story.js";
import { MIN_FILES_FOR_WORKERS } from "../../src/story/pool.js";
import { buildStoryView, type StoryView, type Table } from "../../src/story/view.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bundled = path.join(repoRoot, "briefings");
const hostile = path.join(repoRoot, "test/fixtures/hostile");
const workerFile = path.join(repoRoot, "dist/worker.js");

let tmp: string;
let generated: string;

// --- a large folder with every case the two loads could disagree on ---

const AGENCIES = ["the agency", "the ministry", "the regulator", "the commission", "the bureau"];
const TARGETS = ["the lab", "the chipmaker", "the cloud provider", "the startup", "the consortium"];
const ACTS = [
  "ordered {t} to halt exports of model weights",
  "fined {t} for shipping accelerators abroad",
  "opened an inquiry into {t} over licence breaches",
  "granted {t} a temporary licence for allied customers",
  "lifted the ban on {t} selling inference services",
];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
// One term in several spellings: the glossary must merge them the same way in both loads.
const EXPORT_CONTROL = ["Export Control", "Export Controls", "Export-Control", "EXPORT CONTROLS"];
const ALIASES = ["BIS", "Commerce Department", "Lutnick", "Pentagon", "EU", "AWS", "Palantir Technologies"];

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (m: number, d: number) => `2026-${pad(m)}-${pad(d)}`;
const spelled = (m: number, d: number) => `${MONTHS[m - 1]} ${d}, 2026`;

/** Deterministic: the same folder on every run, so a failure can be reproduced. */
function makeFiles(): Map<string, string> {
  const files = new Map<string, string>();
  const folders = ["", "2026/spring", "2026/summer", "wire", "desk/late"];
  for (let i = 0; i < 560; i++) {
    const m = (i % 12) + 1;
    const d = (i % 27) + 1;
    const agency = AGENCIES[i % AGENCIES.length]!;
    const target = TARGETS[(i * 7) % TARGETS.length]!;
    const act = ACTS[(i * 3) % ACTS.length]!.replace("{t}", target);
    const alias = ALIASES[i % ALIASES.length]!;
    const undated = i % 23 === 0;
    const inferred = !undated && i % 9 === 4;
    const withId = i % 41 === 5;
    const fm: string[] = [];
    if (!inferred && !undated) fm.push(`date: ${iso(m, d)}`);
    if (i % 3 !== 0) fm.push(`title: Briefing ${i} on ${agency.replace("the ", "")} and ${alias}`);
    if (i % 5 === 0) fm.push(`tags: [export-controls, t${i % 4}]`);
    if (i % 7 === 0) fm.push("actors: [Anthropic, Bureau of Industry and Security]");
    if (withId) fm.push(`id: custom-${i}`);
    if (i % 61 === 11) fm.push("author: someone"); // unknown key: a warning, not a failure
    const body: string[] = [];
    if (i % 3 === 0) body.push(`# Report ${i}: ${agency} acts`, "");
    body.push("## What happened", "");
    if (undated) {
      // No day anywhere: the briefing stays undated, but year-only events still reach the timeline.
      body.push(`Since 2025 ${agency} has watched ${target} closely, and ${alias} said so again.`, "");
    } else {
      body.push(`On ${spelled(m, d)} ${agency} ${act}.`, "");
      if (i % 4 === 0)
        body.push(`In ${MONTHS[m - 1]} 2026 ${alias} published new guidance on export controls.`, "");
      if (i % 6 === 0) body.push(`In 2025 ${target} began asking about deemed exports.`, "");
    }
    body.push("## Why it matters", "");
    body.push(`The decision tests how far export-control powers reach; ${alias} is watching.`, "");
    body.push("## What to watch", "");
    body.push(`Whether ${target} appeals before the end of ${MONTHS[(m + 1) % 12]}.`, "");
    const gloss: string[] = [];
    if (i % 4 === 1)
      gloss.push(`- ${EXPORT_CONTROL[i % EXPORT_CONTROL.length]}: A rule on moving goods abroad (${i % 3}).`);
    if (i % 10 === 2) gloss.push("- Model Weights: The learned numbers that make a model what it is.");
    // Defined only by the last briefings of the year, mentioned by earlier ones ("deemed exports").
    if (m === 12 && i % 5 === 1)
      gloss.push("- Deemed Export: Sharing controlled know-how with a foreign person at home.");
    if (gloss.length > 0) body.push(...gloss, "");
    const text = `${fm.length > 0 ? `---\n${fm.join("\n")}\n---\n` : ""}${body.join("\n")}`;
    const folder = folders[i % folders.length]!;
    const ext = i % 13 === 3 ? "txt" : "md";
    files.set(path.join(folder, `brief-${i}.${ext}`), text);
  }
  // Same file name in two folders: the later relPath loads under another id, with a warning.
  for (let k = 0; k < 12; k++) {
    for (const folder of ["wire", "desk/late"]) {
      const m = (k % 6) + 3;
      files.set(
        path.join(folder, `report-${k}.md`),
        `---\ndate: ${iso(m, 10 + k)}\n---\n# ${folder} report ${k}\n\nOn ${spelled(m, 10 + k)} ${AGENCIES[k % 5]} met ${TARGETS[k % 5]} in Brussels.\n`,
      );
    }
  }
  // A front matter id that is another file's name.
  files.set(
    "claims-brief-7.md",
    "---\nid: brief-7\ndate: 2026-03-03\n---\n# Claims an id\n\nOn March 3, 2026 a claim was made.\n",
  );
  // The same event told by two briefings one to three days apart, in different words: both flagged.
  for (let k = 0; k < 14; k++) {
    const m = (k % 6) + 1;
    const d = 5 + k;
    const gap = (k % 3) + 1;
    const who = ["the agency", "the regulator", "the bureau"][k % 3]!;
    files.set(
      path.join("conflicts", `first-${k}.md`),
      `---\ndate: ${iso(m, d)}\n---\n# First account ${k}\n\nOn ${spelled(m, d)} ${who} ordered the lab to halt exports of model weights.\n`,
    );
    files.set(
      path.join("conflicts", `second-${k}.md`),
      `---\ndate: ${iso(m, d + gap)}\n---\n# Second account ${k}\n\nOn ${spelled(m, d + gap)} ${who} ordered the lab to halt exports of the model weights.\n`,
    );
  }
  // Files that do not load, and one that loads with no date at all.
  files.set("broken/unclosed.md", "---\ntitle: never closed\ndate: 2026-01-01\n\nBody.\n");
  files.set("broken/bad-date.md", "---\ndate: 2026-02-30\n---\nOn February 3, 2026 nothing.\n");
  files.set("broken/empty.md", "");
  files.set("broken/list.md", "---\n- a\n- b\n---\nText.\n");
  files.set("plain-undated.txt", "Notes without any date\n\nThe lab said export controls would bite.\n");
  return files;
}

async function writeFolder(dir: string, files: Map<string, string>) {
  for (const [rel, text] of files) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  await copyFile(path.join(bundled, "actors.yaml"), path.join(dir, "actors.yaml"));
}

// --- comparing two stories ---

function rows<T>(table: Table<T>): (T | undefined)[] {
  return Array.from({ length: table.length }, (_, i) => table.get(i));
}

function timelineRows(story: StoryView) {
  return rows(story.timeline).map((e) =>
    e === undefined
      ? undefined
      : {
          date: e.date,
          precision: e.precision,
          text: e.text,
          line: e.line,
          briefingId: e.briefingId,
          briefing: e.briefing,
          conflict: e.conflict,
          conflictWith: e.conflictWith,
        },
  );
}

function glossaryRows(story: StoryView) {
  return story.glossary.map((g) => ({
    term: g.term,
    definition: g.definition,
    definitionCount: g.definitionCount,
    definedIn: Array.from(g.definedIn),
    usedIn: Array.from(g.usedIn),
  }));
}

function expectSameStory(got: StoryView, want: StoryView) {
  expect(got.dir).toBe(want.dir);
  expect(got.briefings.length).toBe(want.briefings.length);
  expect(rows(got.briefings)).toEqual(rows(want.briefings));
  expect(Array.from(got.newest)).toEqual(Array.from(want.newest));
  expect(got.timeline.length).toBe(want.timeline.length);
  expect(timelineRows(got)).toEqual(timelineRows(want));
  expect(Array.from(got.eventDate)).toEqual(Array.from(want.eventDate));
  expect(Array.from(got.eventBriefing)).toEqual(Array.from(want.eventBriefing));
  expect(glossaryRows(got)).toEqual(glossaryRows(want));
  expect(got.actors).toEqual(want.actors);
  expect(got.problems).toEqual(want.problems);
  expect(got.registry).toEqual(want.registry);
  const termsGot = Array.from({ length: want.briefings.length }, (_, i) => got.termsOf(i));
  const termsWant = Array.from({ length: want.briefings.length }, (_, i) => want.termsOf(i));
  expect(termsGot).toEqual(termsWant);
}

interface Reference {
  data: LoadResult;
  story: StoryView;
  /** The files the CLI's load counted in its progress. */
  total: number;
}

const references = new Map<string, Reference>();
async function reference(dir: string): Promise<Reference> {
  let ref = references.get(dir);
  if (!ref) {
    let total = -1;
    const data = await loadBriefings(dir, {
      cacheDir: null,
      onProgress: (_done, all) => {
        total = all;
      },
    });
    ref = { data, story: buildStoryView(data), total };
    references.set(dir, ref);
  }
  return ref;
}

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
  await writeFolder(generated, makeFiles());
});

afterAll(async () => {
  for (const l of open.splice(0)) l.close();
  await rm(tmp, { recursive: true, force: true });
});

describe("the generated folder", () => {
  it("holds every case the comparison is meant to cover", async () => {
    const { data, story, total } = await reference(generated);
    // Enough files that the pool starts its workers.
    expect(total).toBeGreaterThan(MIN_FILES_FOR_WORKERS);
    expect(data.problems.some((p) => p.message.startsWith("duplicate id"))).toBe(true);
    expect(data.briefings.some((b) => b.date === null)).toBe(true);
    expect(data.briefings.some((b) => b.dateInferred)).toBe(true);
    const timeline = rows(story.timeline);
    expect(timeline.some((e) => e?.precision === "month")).toBe(true);
    expect(timeline.some((e) => e?.precision === "year")).toBe(true);
    expect(timeline.some((e) => e?.conflict)).toBe(true);
    // One term for every spelling, whichever was met first.
    const exportControl = story.glossary.filter((g) => /^export[- ]controls?$/i.test(g.term));
    expect(exportControl).toHaveLength(1);
    expect(exportControl[0]!.definitionCount).toBeGreaterThan(1);
    // Mentioned by a briefing before any that defines it.
    const deemed = story.glossary.find((g) => g.term === "Deemed Export")!;
    expect(Math.min(...deemed.usedIn)).toBeLessThan(Math.min(...deemed.definedIn));
    expect(story.registry.length).toBeGreaterThan(0);
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
  const progress: [number, number][] = [];
  const early: StoryView[] = [];
  let earlyRows: unknown[] = [];

  beforeAll(async () => {
    const dir = dirOf();
    want = await reference(dir);
    onThread = await load(dir, { workers: 0 });
    expect(existsSync(workerFile)).toBe(true);
    inWorkers = await load(dir, {
      workerFile,
      workers: 2,
      onProgress: (done, total) => progress.push([done, total]),
      onEarly: (story) => {
        early.push(story);
        // Read as it is shown: the reader draws the early story while the load goes on.
        earlyRows = rows(story.briefings);
      },
    });
  });

  it("gives the CLI's story when it parses on this thread", () => {
    expectSameStory(onThread.story, want.story);
  });

  it("gives the CLI's story when it parses in worker threads", () => {
    expectSameStory(inWorkers.story, want.story);
  });

  it("ends its progress at (total, total), never going back", () => {
    expect(progress[0]).toEqual([0, want.total]);
    expect(progress.at(-1)).toEqual([want.total, want.total]);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]![1]).toBe(want.total);
      expect(progress[i]![0]).toBeGreaterThanOrEqual(progress[i - 1]![0]);
    }
  });

  it("shows an early story once, already with the final briefings", () => {
    expect(early).toHaveLength(1);
    expect(earlyRows).toEqual(rows(want.story.briefings));
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
