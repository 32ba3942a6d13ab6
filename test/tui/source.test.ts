// Where the reader's story comes from: the folder's store. A first start parses every file and shows
// the story; a later start shows what the store holds and keeps it when nothing changed, builds it
// again when something did, parsing only what changed; a closed reader stops.
import { mkdir, mkdtemp, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Filter } from "../../src/story/filter.js";
import type { StoryView } from "../../src/story/view.js";
import { storyHead } from "../../src/tui/head.js";
import {
  CHECKING_NOTE,
  provideStory,
  refreshStory,
  type Saved,
  type StorePlace,
  storedStory,
  storePlace,
  WAIT_FOR_FEW,
} from "../../src/tui/source.js";

/** A query's answer as a plain Set (null kept): what it matched, whatever set holds it. */
const ids = (found: ReadonlySet<string> | null) => (found === null ? null : new Set(found));

type Seen =
  | { kind: "progress"; done: number; total: number }
  | { kind: "ready"; story: StoryView; note?: string };

let root: string;
let dir: string;
const saved = { noCache: process.env.SIGNALDESK_NO_CACHE, xdg: process.env.XDG_CACHE_HOME };
const places: StorePlace[] = [];
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
  for (const p of places.splice(0)) p.store?.close();
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

function place(): StorePlace {
  const p = storePlace(dir);
  places.push(p);
  return p;
}

function events(seen: Seen[]) {
  return {
    progress: (done: number, total: number) => seen.push({ kind: "progress", done, total }),
    ready: (story: StoryView, note?: string) =>
      seen.push(note === undefined ? { kind: "ready", story } : { kind: "ready", story, note }),
  };
}

/** Runs provideStory and records what the reader was told, in order. */
async function provide(
  at: StorePlace,
  shown: Saved | null | "deferred",
  opts: { filter?: Filter; alive?: (seen: Seen[]) => boolean } = {},
): Promise<Seen[]> {
  const seen: Seen[] = [];
  await provideStory({ dir, filter: opts.filter ?? noFilter, pause }, at, shown, {
    ...events(seen),
    alive: () => opts.alive?.(seen) ?? true,
  });
  return seen;
}

function titles(story: StoryView): string[] {
  return Array.from({ length: story.briefings.length }, (_, i) => story.briefings.get(i)?.title ?? "?");
}

function readies(seen: Seen[]) {
  return seen.filter((s): s is Extract<Seen, { kind: "ready" }> => s.kind === "ready");
}

/** A first start: every file parsed into the store. */
async function firstStart(): Promise<Saved> {
  await provide(place(), null);
  const stored = storedStory(place());
  expect(stored).not.toBeNull();
  return stored!;
}

describe("provideStory", () => {
  it("parses every file with progress on a first start and shows the story, no bodies held", async () => {
    const at = place();
    expect(storedStory(at)).toBeNull();
    const seen = await provide(at, null);
    const firstReady = seen.findIndex((s) => s.kind === "ready");
    const progress = seen.slice(0, firstReady);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.every((s) => s.kind === "progress")).toBe(true);
    expect(progress).toContainEqual({ kind: "progress", done: 2, total: 2 });
    const shown = readies(seen);
    expect(shown).toHaveLength(1);
    expect(titles(shown[0]!.story)).toEqual(["Alpha", "Bravo"]);
    expect(shown[0]!.story.body).toBeUndefined();
    // The next start finds the story in the store.
    expect(titles(storedStory(place())!.story)).toEqual(["Alpha", "Bravo"]);
  });

  it("keeps the stored story, with nothing more to say, when nothing changed", async () => {
    const stored = await firstStart();
    const seen = await provide(place(), stored);
    expect(seen).toEqual([{ kind: "ready", story: stored.story }]);
  });

  it("builds the story again over the stored one when a file changed, parsing that file only", async () => {
    const stored = await firstStart();
    await write("b.md", text("Bravo rewritten after the first start", "2026-06-14"));
    const seen = await provide(place(), stored);
    expect(seen.every((s) => s.kind === "ready")).toBe(true);
    const shown = readies(seen);
    for (const s of shown.slice(0, -1)) expect(s.note).toMatch(/^reloading \d+\/1…$/);
    const final = shown.at(-1)!;
    expect(final.note).toBeUndefined();
    expect(titles(final.story)).toEqual(["Alpha", "Bravo rewritten after the first start"]);
    const next = storedStory(place())!;
    expect(titles(next.story)).toEqual(["Alpha", "Bravo rewritten after the first start"]);
    expect(await provide(place(), next)).toEqual([{ kind: "ready", story: next.story }]);
  });

  it("with the head on screen, checks first and shows the story once, up to date, after a few edits", async () => {
    await firstStart();
    await write("b.md", text("Bravo edited while the reader was closed", "2026-06-14"));
    const shown = readies(await provide(place(), "deferred"));
    expect(shown.map((s) => s.note)).toEqual([undefined]);
    expect(titles(shown[0]!.story)).toEqual(["Alpha", "Bravo edited while the reader was closed"]);
    // Nothing changed: one story again, the stored one.
    const again = readies(await provide(place(), "deferred"));
    expect(again.map((s) => s.note)).toEqual([undefined]);
    expect(titles(again[0]!.story)).toEqual(["Alpha", "Bravo edited while the reader was closed"]);
  });

  it("with the head on screen, tells when the store holds the edits, before the whole story is read", async () => {
    await firstStart();
    await write("b.md", text("Bravo edited for the head", "2026-06-14"));
    await unlink(path.join(dir, "a.md"));
    const order: string[] = [];
    let headTitles: string[] = [];
    await provideStory({ dir, filter: noFilter, pause }, place(), "deferred", {
      progress: () => {},
      ready: () => order.push("ready"),
      synced(store) {
        order.push("synced");
        // What the reader paints at this point: the head, read from the store again.
        const head = storyHead(dir, store, 10);
        headTitles = head === null ? [] : titles(head);
      },
      alive: () => true,
    });
    expect(order).toEqual(["synced", "ready"]);
    expect(headTitles).toEqual(["Bravo edited for the head"]);
  });

  it("with the head on screen, tells of an edit in place before the term uses are recomputed", async () => {
    await firstStart();
    await write("b.md", text("Bravo edited in place", "2026-06-14"));
    const told: { titles: string[]; usesPending: boolean }[] = [];
    await provideStory({ dir, filter: noFilter, pause }, place(), "deferred", {
      progress: () => {},
      ready: () => {},
      synced(store, usesPending) {
        const head = storyHead(dir, store, 10, usesPending);
        // The head's briefings come in the store's row order, which a rewrite that keeps its row
        // (an edit of prose only) leaves where it was: what matters is which titles it holds.
        told.push({ titles: head === null ? [] : titles(head).sort(), usesPending });
      },
      alive: () => true,
    });
    expect(told).toEqual([{ titles: ["Alpha", "Bravo edited in place"], usesPending: true }]);
  });

  it("with a stored story shown while many files are read, the head is not painted again", async () => {
    await firstStart();
    for (let i = 0; i <= WAIT_FOR_FEW; i++) await write(`n${i}.md`, text(`New ${i}`, "2026-06-20"));
    let synced = 0;
    await provideStory({ dir, filter: noFilter, pause }, place(), "deferred", {
      progress: () => {},
      ready: () => {},
      synced: () => synced++,
      alive: () => true,
    });
    expect(synced).toBe(0);
  });

  it("with the head on screen, shows the stored story while many edited files are read", async () => {
    await firstStart();
    const many = WAIT_FOR_FEW + 1;
    for (let i = 0; i < many; i++) await write(`n${i}.md`, text(`New ${i}`, "2026-06-20"));
    const shown = readies(await provide(place(), "deferred"));
    expect(titles(shown[0]!.story)).toEqual(["Alpha", "Bravo"]);
    expect(shown[0]!.note).toBe(CHECKING_NOTE);
    const final = shown.at(-1)!;
    expect(final.note).toBeUndefined();
    expect(final.story.briefings.length).toBe(2 + many);
  });

  it("answers a text query from the store's index (the words of the body, not only the title)", async () => {
    const stored = await firstStart();
    expect(ids(stored.story.text.query("agency"))).toEqual(new Set(["a", "b"]));
    expect(ids(stored.story.text.query("ALPHA"))).toEqual(new Set(["a"]));
    expect(ids(stored.story.text.query("agen"))).toEqual(new Set(["a", "b"]));
    expect(ids(stored.story.text.query('"order agency"'))).toEqual(new Set());
  });

  it("works from memory when the cache is off", async () => {
    process.env.SIGNALDESK_NO_CACHE = "1";
    const at = place();
    expect(at.store?.file).toBeNull();
    const shown = readies(await provide(at, null));
    expect(shown.map((s) => s.note)).toEqual([undefined]);
    expect(titles(shown[0]!.story)).toEqual(["Alpha", "Bravo"]);
  });

  it("shows nothing once the reader has closed", async () => {
    expect(readies(await provide(place(), null, { alive: () => false }))).toEqual([]);
    const stored = await firstStart();
    await write("a.md", text("Alpha rewritten", "2026-06-12"));
    expect(await provide(place(), stored, { alive: () => false })).toEqual([]);
  });

  it("keeps a story whose briefings have no dated events for the next start", async () => {
    await write("a.md", text("Alpha", "2026-06-12", false));
    await write("b.md", text("Bravo", "2026-06-14", false));
    const shown = readies(await provide(place(), null));
    const timeline = shown.at(-1)!.story.timeline;
    expect([0, 1, 2].map((i) => timeline.get(i)?.kind)).toEqual(["entry", "entry", undefined]);
    expect(storedStory(place())).not.toBeNull();
  });
});

describe("refreshStory (what a file watcher calls)", () => {
  it("reads only the files named, shows the new story, and says nothing when nothing changed", async () => {
    await firstStart();
    const at = place();
    const shown = storedStory(at)!.story;
    await write("a.md", text("Alpha edited", "2026-06-12"));
    const seen: Seen[] = [];
    const on = { ...events(seen), alive: () => true };
    const story = await refreshStory({ dir, filter: noFilter, pause, shown, changed: ["a.md"] }, at, on);
    expect(titles(story!)).toEqual(["Alpha edited", "Bravo"]);
    expect(readies(seen).at(-1)?.story).toBe(story);
    expect(
      await refreshStory({ dir, filter: noFilter, pause, shown: story, changed: ["a.md"] }, at, on),
    ).toBeNull();
  });

  it("drops a removed file and adds a new one", async () => {
    await firstStart();
    const at = place();
    await unlink(path.join(dir, "a.md"));
    await write("c.md", text("Charlie", "2026-06-20"));
    const story = await refreshStory({ dir, filter: noFilter, pause }, at, {
      ...events([]),
      alive: () => true,
    });
    expect(titles(story!)).toEqual(["Bravo", "Charlie"]);
  });
});
