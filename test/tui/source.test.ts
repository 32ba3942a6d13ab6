// Where the reader's story comes from: a first start loads, shows and saves; a later start shows the
// saved story and keeps it when nothing changed, reloads when something did; a closed reader stops.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Filter } from "../../src/story/filter.js";
import type { Snapshot } from "../../src/story/snapshot.js";
import type { StoryView } from "../../src/story/view.js";
import {
  provideStory,
  SAVING_NOTE,
  type SnapshotPlace,
  savedStory,
  snapshotPlace,
} from "../../src/tui/source.js";

type Seen =
  | { kind: "progress"; done: number; total: number }
  | { kind: "ready"; story: StoryView; note?: string };

let root: string;
let dir: string;
const saved = { noCache: process.env.SIGNALDESK_NO_CACHE, xdg: process.env.XDG_CACHE_HOME };
const opened: Snapshot[] = [];
const noFilter: Filter = { actors: [], tags: [] };

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "signaldesk-source-"));
  dir = path.join(root, "briefings");
  await mkdir(dir);
  await mkdir(path.join(root, "cache"));
  process.env.SIGNALDESK_NO_CACHE = "0";
  process.env.XDG_CACHE_HOME = path.join(root, "cache");
  await write("a.md", text("Alpha", "2026-06-12"));
  await write("b.md", text("Bravo", "2026-06-14"));
});

afterEach(async () => {
  for (const s of opened.splice(0)) s.close();
  restore("SIGNALDESK_NO_CACHE", saved.noCache);
  restore("XDG_CACHE_HOME", saved.xdg);
  await rm(root, { recursive: true, force: true });
});

function restore(name: string, value: string | undefined) {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

function text(title: string, date: string, dated = true) {
  const body = dated ? "The agency issued an order on June 12, 2026." : "The agency issued an order.";
  return `---\ntitle: ${title}\ndate: ${date}\n---\n\n# ${title}\n\n${body}\n`;
}

async function write(rel: string, content: string) {
  await writeFile(path.join(dir, rel), content);
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs provideStory and records what the reader was told, in order. */
async function provide(
  place: SnapshotPlace | null,
  shown: Snapshot | null,
  opts: { filter?: Filter; alive?: (seen: Seen[]) => boolean } = {},
): Promise<Seen[]> {
  const seen: Seen[] = [];
  await provideStory({ dir, filter: opts.filter ?? noFilter, pause }, place, shown, {
    progress: (done, total) => seen.push({ kind: "progress", done, total }),
    ready: (story, note) =>
      seen.push(note === undefined ? { kind: "ready", story } : { kind: "ready", story, note }),
    alive: () => opts.alive?.(seen) ?? true,
  });
  return seen;
}

function open(place: SnapshotPlace | null, filter: Filter = noFilter): Snapshot | null {
  const snap = savedStory(place, filter);
  if (snap) opened.push(snap);
  return snap;
}

function titles(story: StoryView): string[] {
  return Array.from({ length: story.briefings.length }, (_, i) => story.briefings.get(i)?.title ?? "?");
}

function readies(seen: Seen[]) {
  return seen.filter((s): s is Extract<Seen, { kind: "ready" }> => s.kind === "ready");
}

/** A first start: loads and saves, so the folder has a snapshot. */
async function firstStart(place: SnapshotPlace) {
  await provide(place, open(place));
  const snap = open(place);
  expect(snap).not.toBeNull();
  return snap!;
}

describe("provideStory", () => {
  it("loads with progress, shows the story while saving, then holds it from the snapshot", async () => {
    const place = snapshotPlace(dir);
    expect(place).not.toBeNull();
    expect(open(place)).toBeNull();
    const seen = await provide(place, null);

    const firstReady = seen.findIndex((s) => s.kind === "ready");
    const progress = seen.slice(0, firstReady);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((s) => s.kind === "progress")).toBe(true);
    expect(progress.at(-1)).toEqual({ kind: "progress", done: 2, total: 2 });

    const shown = readies(seen);
    // Shown once built (glossary uses found), while it is saved, then from the snapshot.
    expect(shown.map((s) => s.note)).toEqual([SAVING_NOTE, undefined]);
    expect(titles(shown[0]!.story)).toEqual(["Alpha", "Bravo"]);
    // No load holds bodies: the reader parses a briefing's file when it is opened.
    expect(shown[0]!.story.body).toBeUndefined();
    const final = shown[1]!.story;
    expect(titles(final)).toEqual(["Alpha", "Bravo"]);
    expect(final.body).toBeUndefined();

    const snap = open(snapshotPlace(dir));
    expect(snap).not.toBeNull();
    expect(titles(snap!.story)).toEqual(["Alpha", "Bravo"]);
  });

  it("keeps the saved story, with nothing more to say, when nothing changed", async () => {
    const place = snapshotPlace(dir)!;
    const snap = await firstStart(place);
    const seen = await provide(place, snap);
    expect(seen).toEqual([{ kind: "ready", story: snap.story }]);
    expect(seen[0]).not.toHaveProperty("note");
  });

  it("reloads over the saved story when a file changed, ending with the edited title", async () => {
    const place = snapshotPlace(dir)!;
    const snap = await firstStart(place);
    await write("b.md", text("Bravo rewritten after the first start", "2026-06-14"));
    const seen = await provide(place, snap);

    expect(seen.every((s) => s.kind === "ready")).toBe(true);
    const shown = readies(seen);
    expect(shown[0]).toEqual({
      kind: "ready",
      story: snap.story,
      note: expect.stringMatching(/files changed/),
    });
    const whileLoading = shown.filter((s) => s.story === snap.story);
    for (const s of whileLoading.slice(1)) expect(s.note).toMatch(/^reloading \d+\/2…$/);
    const final = shown.at(-1)!;
    expect(final.note).toBeUndefined();
    expect(titles(final.story)).toEqual(["Alpha", "Bravo rewritten after the first start"]);

    // The next start finds the new story saved and unchanged.
    const next = open(snapshotPlace(dir))!;
    expect(titles(next.story)).toEqual(["Alpha", "Bravo rewritten after the first start"]);
    expect(await provide(place, next)).toEqual([{ kind: "ready", story: next.story }]);
  });

  it("keeps bodies in memory for a text query, which a snapshot cannot answer", async () => {
    const place = snapshotPlace(dir)!;
    await firstStart(place);
    const filter: Filter = { actors: [], tags: [], query: "agency" };
    expect(open(place, filter)).toBeNull();
    const seen = await provide(place, null, { filter });
    const shown = readies(seen);
    expect(shown.map((s) => s.note)).toEqual([SAVING_NOTE, undefined]);
    const final = shown.at(-1)!.story;
    expect(final.body).toBeDefined();
    expect(final.body?.(0)?.sections.whatHappened[0]?.text).toBe(
      "The agency issued an order on June 12, 2026.",
    );
  });

  it("shows the loaded story without saving when the cache is off", async () => {
    process.env.SIGNALDESK_NO_CACHE = "1";
    const place = snapshotPlace(dir);
    expect(place).toBeNull();
    const shown = readies(await provide(place, null));
    expect(shown.map((s) => s.note)).toEqual([undefined]);
    expect(titles(shown[0]!.story)).toEqual(["Alpha", "Bravo"]);
  });

  it("stops without showing or saving anything once the reader has closed", async () => {
    const place = snapshotPlace(dir)!;
    const seen = await provide(place, null, { alive: () => false });
    expect(readies(seen)).toEqual([]);
    expect(open(place)).toBeNull();
  });

  it("shows nothing after the reader closes while the story is being saved", async () => {
    const place = snapshotPlace(dir)!;
    const seen = await provide(place, null, {
      alive: (s) => !s.some((x) => x.kind === "ready" && x.note === SAVING_NOTE),
    });
    expect(readies(seen).map((s) => s.note)).toEqual([SAVING_NOTE]);
  });

  // A story with no events ends in empty sections; it must still open next time.
  it("saves a story whose briefings have no dated events for the next start", async () => {
    await write("a.md", text("Alpha", "2026-06-12", false));
    await write("b.md", text("Bravo", "2026-06-14", false));
    const place = snapshotPlace(dir)!;
    const shown = readies(await provide(place, null));
    // Only the two briefings' own entries are on the timeline.
    const timeline = shown.at(-1)!.story.timeline;
    expect([0, 1, 2].map((i) => timeline.get(i)?.kind)).toEqual(["entry", "entry", undefined]);
    expect(open(snapshotPlace(dir))).not.toBeNull();
  });

  it("shows nothing once the reader closes while a changed folder is checked", async () => {
    const place = snapshotPlace(dir)!;
    const snap = await firstStart(place);
    await write("a.md", text("Alpha rewritten", "2026-06-12"));
    const seen = await provide(place, snap, { alive: () => false });
    expect(seen).toEqual([]);
  });
});
