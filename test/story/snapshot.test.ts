// The saved story: what the reader shows from a snapshot must be exactly the story it was built from,
// and anything wrong with the file means "no snapshot", never a wrong story or a crash.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadBriefings } from "../../src/briefing/load.js";
import type { LoadedFiles } from "../../src/briefing/read.js";
import type { Briefing } from "../../src/briefing/schema.js";
import { openSnapshot, type Snapshot, writeSnapshot } from "../../src/story/snapshot.js";
import { buildStoryView, type StoryView, type Table } from "../../src/story/view.js";
import { briefing, event, many, registry } from "../tui/fixtures.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const bundled = path.join(repoRoot, "briefings");
const STAMP = "test-stamp-1";

let tmp: string;
const opened: Snapshot[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "signaldesk-snapshot-"));
});

afterAll(async () => {
  for (const s of opened.splice(0)) s.close();
  await rm(tmp, { recursive: true, force: true });
});

function open(file: string, stamp = STAMP, dir?: string): Snapshot | null {
  const snap = openSnapshot(file, stamp, dir ?? "");
  if (snap) opened.push(snap);
  return snap;
}

function rows<T>(table: Table<T>): (T | undefined)[] {
  return Array.from({ length: table.length }, (_, i) => table.get(i));
}

function expectSameStory(got: StoryView, want: StoryView) {
  expect(got.dir).toBe(want.dir);
  expect(got.briefings.length).toBe(want.briefings.length);
  expect(rows(got.briefings)).toEqual(rows(want.briefings));
  expect(got.timeline.length).toBe(want.timeline.length);
  expect(rows(got.timeline)).toEqual(rows(want.timeline));
  expect(Array.from(got.newest)).toEqual(Array.from(want.newest));
  expect(Array.from(got.eventDate)).toEqual(Array.from(want.eventDate));
  expect(Array.from(got.eventBriefing)).toEqual(Array.from(want.eventBriefing));
  expect(got.glossary).toEqual(want.glossary);
  expect(got.actors).toEqual(want.actors);
  expect(got.problems).toEqual(want.problems);
  expect(got.registry).toEqual(want.registry);
  // A snapshot holds summaries only: opening a briefing reads its file.
  expect(got.body).toBeUndefined();
}

describe("a snapshot of the bundled story", () => {
  let story: StoryView;
  let file: string;
  const files: LoadedFiles = {
    stamps: [{ relPath: "2026-06-16-export-order.md", size: 1234, mtimeMs: 1718000000123.5 }],
    dirs: [{ path: "/briefings/2026", mtimeMs: 1718000000456.25 }],
    scan: "digest-of-the-scan",
  };

  beforeAll(async () => {
    const data = await loadBriefings(bundled, { cacheDir: null });
    story = buildStoryView(data);
    file = path.join(tmp, "bundled.story");
    expect(await writeSnapshot(file, STAMP, story, files)).toBe(true);
  });

  it("reads back every summary, timeline entry, column, glossary term and actor", () => {
    const snap = open(file, STAMP, bundled);
    expect(snap).not.toBeNull();
    expectSameStory(snap!.story, story);
  });

  it("keeps conflicting reports flagged and naming each other", () => {
    const conflicts = rows(story.timeline).filter((e) => e?.conflict);
    // The bundled story has conflicting reports; without them this test would check nothing.
    expect(conflicts.length).toBeGreaterThan(0);
    const snap = open(file, STAMP, bundled)!;
    for (let i = 0; i < story.timeline.length; i++) {
      const want = story.timeline.get(i)!;
      const got = snap.story.timeline.get(i)!;
      expect(got.conflict).toBe(want.conflict);
      expect(got.conflictWith).toEqual(want.conflictWith);
      expect(got.briefingId).toBe(want.briefingId);
      expect(snap.story.briefings.get(got.briefing)?.id).toBe(want.briefingId);
    }
  });

  it("keeps the glossary terms each briefing defines or uses, for the reader's highlighting", () => {
    const snap = open(file, STAMP, bundled)!;
    let some = 0;
    for (let i = 0; i < story.briefings.length; i++) {
      expect(snap.story.termsOf(i)).toEqual(story.termsOf(i));
      some += story.termsOf(i).length;
    }
    // The bundled briefings define and use terms; without them this would check nothing.
    expect(some).toBeGreaterThan(0);
  });

  it("gives summaries the absolute path of the briefing's file", () => {
    const snap = open(file, STAMP, bundled)!;
    const first = snap.story.briefings.get(0)!;
    expect(path.isAbsolute(first.path)).toBe(true);
    expect(first.path).toBe(path.join(bundled, first.relPath));
  });

  it("returns the files it was written with", () => {
    const snap = open(file, STAMP, bundled)!;
    expect(snap.files()).toEqual(files);
  });

  it("is no snapshot for a missing file, another stamp or the folder spelled otherwise", () => {
    expect(open(path.join(tmp, "missing.story"), STAMP, bundled)).toBeNull();
    expect(open(file, "another-stamp", bundled)).toBeNull();
    expect(open(file, STAMP, `${bundled}/`)).toBeNull();
    expect(open(file, STAMP, path.relative(process.cwd(), bundled) || ".")).toBeNull();
  });

  it("is no snapshot when the file is truncated", async () => {
    const whole = await readFile(file);
    const cut = path.join(tmp, "truncated.story");
    for (const keep of [0, 10, Math.floor(whole.length / 2), whole.length - 1]) {
      await writeFile(cut, whole.subarray(0, keep));
      expect(open(cut, STAMP, bundled), `kept ${keep} bytes`).toBeNull();
    }
  });

  it("is no snapshot when the file is garbage", async () => {
    const junk = path.join(tmp, "junk.story");
    await writeFile(junk, "not a snapshot at all\n{}\n");
    expect(open(junk, STAMP, bundled)).toBeNull();
    await writeFile(junk, Buffer.alloc(40_000, 0xab));
    expect(open(junk, STAMP, bundled)).toBeNull();
    await writeFile(junk, '{"magic":"signaldesk-story","format":1}\n');
    expect(open(junk, STAMP, bundled)).toBeNull();
  });

  it("is no snapshot when the header claims a section past the end of the file", async () => {
    const whole = await readFile(file);
    const nl = whole.indexOf(10);
    const header = JSON.parse(whole.toString("utf8", 0, nl)) as {
      sections: Record<string, [number, number]>;
    };
    const [eventsStart, eventsLength] = header.sections.events!;
    header.sections.events = [eventsStart, eventsLength + 1_000_000];
    const line = Buffer.from(`${JSON.stringify(header)}\n`);
    // The edited header must still fit before the first section, so only the claim differs.
    expect(line.length).toBeLessThanOrEqual(header.sections.meta![0]);
    const edited = Buffer.from(whole);
    edited.fill(0, 0, nl + 1);
    line.copy(edited, 0);
    const bad = path.join(tmp, "overclaim.story");
    await writeFile(bad, edited);
    expect(open(bad, STAMP, bundled)).toBeNull();
    // The same edit with the true length opens: the refusal above is about the claim alone.
    header.sections.events = [eventsStart, eventsLength];
    const fixed = Buffer.from(whole);
    fixed.fill(0, 0, nl + 1);
    Buffer.from(`${JSON.stringify(header)}\n`).copy(fixed, 0);
    await writeFile(bad, fixed);
    expect(open(bad, STAMP, bundled)).not.toBeNull();
  });

  it("reads a damaged record as missing rather than throwing", async () => {
    const whole = await readFile(file);
    const header = JSON.parse(whole.toString("utf8", 0, whole.indexOf(10))) as {
      sections: Record<string, [number, number]>;
    };
    const [start, length] = header.sections.events!;
    expect(length).toBeGreaterThan(20);
    const damaged = Buffer.from(whole);
    // The first record starts at the blob's first byte: break its JSON.
    damaged.fill(0x7b, start, start + 8);
    const bad = path.join(tmp, "damaged.story");
    await writeFile(bad, damaged);
    const snap = open(bad, STAMP, bundled);
    expect(snap).not.toBeNull();
    expect(() => snap!.story.timeline.get(0)).not.toThrow();
    expect(snap!.story.timeline.get(0)).toBeUndefined();
    // Records elsewhere are untouched.
    const last = story.timeline.length - 1;
    expect(snap!.story.timeline.get(last)).toEqual(story.timeline.get(last));
  });

  it("answers undefined for rows outside the table", () => {
    const snap = open(file, STAMP, bundled)!;
    expect(snap.story.briefings.get(-1)).toBeUndefined();
    expect(snap.story.briefings.get(snap.story.briefings.length)).toBeUndefined();
    expect(snap.story.timeline.get(snap.story.timeline.length)).toBeUndefined();
  });
});

describe("a snapshot of a generated story", () => {
  const files: LoadedFiles = { stamps: [], dirs: [], scan: "generated" };

  function withWideTitles(list: Briefing[]): Briefing[] {
    // Multi-byte titles on some rows, so records are measured in bytes, not characters.
    return list.map((b, i) =>
      i % 7 === 3 ? { ...b, title: `${b.title} 東京の水道 💧 ${"é".repeat(i % 50)}` } : b,
    );
  }

  it("round-trips a few thousand briefings, rows far apart reading correctly", async () => {
    const list = withWideTitles(many(3000));
    const story = buildStoryView({
      dir: "/briefings",
      briefings: list,
      problems: [
        { path: "/briefings/bad.md", line: 3, message: "binary file (NUL byte)", severity: "error" },
      ],
      registry,
    });
    const file = path.join(tmp, "generated.story");
    expect(await writeSnapshot(file, STAMP, story, files)).toBe(true);
    const snap = open(file, STAMP, "/briefings")!;
    expect(snap).not.toBeNull();
    // Far apart first, so each read lands in another 64 KiB block than the one before.
    for (const i of [2999, 0, 1500, 2998, 1, 2000, 37]) {
      expect(snap.story.briefings.get(i)).toEqual(story.briefings.get(i));
      expect(snap.story.timeline.get(i)).toEqual(story.timeline.get(i));
    }
    expectSameStory(snap.story, story);
    expect(snap.files()).toEqual(files);
  });

  it("reads rows again after their block has left the cache", async () => {
    // Titles of about 3 KiB: 4000 summaries are 12 MiB, more than the blocks the reader keeps.
    const pad = "x".repeat(3000);
    const list = many(4000).map((b, i) => ({ ...b, title: `${b.title} ${pad} ${i}` }));
    const story = buildStoryView({ dir: "/briefings", briefings: list, problems: [], registry: [] });
    const file = path.join(tmp, "large.story");
    expect(await writeSnapshot(file, STAMP, story, files)).toBe(true);
    const snap = open(file, STAMP, "/briefings")!;
    expect(snap.story.briefings.get(0)).toEqual(story.briefings.get(0));
    for (let i = 0; i < 4000; i += 1)
      expect(snap.story.briefings.get(i)?.id).toBe(story.briefings.get(i)?.id);
    expect(snap.story.briefings.get(0)).toEqual(story.briefings.get(0));
    expect(snap.story.briefings.get(3999)).toEqual(story.briefings.get(3999));
  });

  // An empty last section starts past the last byte written: the file must still reach it.
  it("round-trips a story whose briefings have no dated events", async () => {
    const list = [briefing({ id: "plain" }), briefing({ id: "other" })];
    const story = buildStoryView({ dir: "/briefings", briefings: list, problems: [], registry: [] });
    expect(story.timeline.length).toBe(0);
    const file = path.join(tmp, "no-events.story");
    expect(await writeSnapshot(file, STAMP, story, files)).toBe(true);
    const snap = open(file, STAMP, "/briefings");
    expect(snap).not.toBeNull();
    expectSameStory(snap!.story, story);
  });

  it("round-trips summaries with undated, inferred and month-precision dates", async () => {
    const list = [
      briefing({ id: "undated", title: "No date", source: "Gazette", tags: ["a"], actors: ["Mara Quell"] }),
      briefing({
        id: "month",
        date: "2026-05-20",
        dateInferred: true,
        events: [event("2026-05", "Due in May.", 4), event("2026", "Sometime this year.", 6)],
      }),
    ];
    const story = buildStoryView({ dir: "/briefings", briefings: list, problems: [], registry });
    const file = path.join(tmp, "dates.story");
    expect(await writeSnapshot(file, STAMP, story, files)).toBe(true);
    expectSameStory(open(file, STAMP, "/briefings")!.story, story);
  });
});
