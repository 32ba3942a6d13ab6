// A story patched with the rows a check changed (load/patch.ts) is the story a whole read of the
// store gives after the same check: over random runs of files added, edited, reworded, renamed and
// removed, and actors.yaml written, each checked as a watcher names it, the patched story (patched
// again and again, with its glossary, actors or agenda built or not in between) equals a whole read
// in every row, the timeline's order and conflicts, the glossary with its uses, the actor counts and
// the agenda.
import { writeFileSync } from "node:fs";
import { rename, unlink } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openFolderStore, readFolder, syncStore } from "../../src/load/folder.js";
import { loadBriefings } from "../../src/load/load.js";
import { patchedStory } from "../../src/load/patch.js";
import { storyFromRows } from "../../src/load/story.js";
import type { Store } from "../../src/store/store.js";
import { buildStoryView, type StoryView } from "../../src/story/view.js";
import { runFolders } from "../run-folders.js";
import { EVENT_SENTENCES } from "../story/event-sentences.js";
import { expectSameStory } from "../story/same-story.js";

const folders = runFolders("sd-patch-");
const TERMS = ["Canal Toll", "Berth", "Deemed Export"];
const ACTORS = ["Northport Harbour Authority", "Valley Rail", "NHA", "Mara Lindqvist"];
const REGISTRIES = [
  "- name: Mara Lindqvist\n  kind: person\n",
  "- name: Northport Harbour Authority\n  kind: agency\n  aliases: [NHA]\n",
  "- name: Valley Rail\n  kind: company\n  aliases: [VR, Northport Harbour Authority]\n",
];

interface Brief {
  /** null: undated. */
  day: number | null;
  title: number;
  events: { day: number; sentence: number }[];
  term: number | null;
  uses: number | null;
  actors: number[];
  watch: boolean;
}

const brief: fc.Arbitrary<Brief> = fc.record({
  day: fc.option(fc.integer({ min: 1, max: 20 }), { freq: 6 }),
  // Few titles: equal dates and titles, which the newest-first order breaks by story order.
  title: fc.integer({ min: 0, max: 2 }),
  events: fc.array(
    fc.record({ day: fc.integer({ min: 1, max: 28 }), sentence: fc.nat(EVENT_SENTENCES.length - 1) }),
    { maxLength: 3 },
  ),
  term: fc.option(fc.nat(TERMS.length - 1)),
  uses: fc.option(fc.nat(TERMS.length - 1)),
  actors: fc.array(fc.nat(ACTORS.length - 1), { maxLength: 2 }),
  watch: fc.boolean(),
});

const SLOTS = 8;
type Op =
  | { kind: "write"; slot: number; brief: Brief }
  | { kind: "reword"; slot: number }
  | { kind: "remove"; slot: number }
  | { kind: "rename"; slot: number; to: number }
  | { kind: "burst"; briefs: { slot: number; brief: Brief }[] }
  | { kind: "registry"; which: number };

const slot = fc.nat(SLOTS - 1);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("write" as const), slot, brief }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("reword" as const), slot }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("remove" as const), slot }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("rename" as const), slot, to: slot }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("burst" as const),
      briefs: fc.array(fc.record({ slot, brief }), { minLength: 2, maxLength: 5 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("registry" as const), which: fc.nat(2) }) },
);

/** What is built of each story between checks: the lists a reader may have shown. */
const shows = fc.record({ glossary: fc.boolean(), actors: fc.boolean(), agenda: fc.boolean() });

const date = (day: number) => `2026-06-${String(day).padStart(2, "0")}`;

let rewordings = 0;

function text(b: Brief, prose = ""): string {
  const title = `Report ${b.title}`;
  return [
    "---",
    `title: ${title}`,
    ...(b.day === null ? [] : [`date: ${date(b.day)}`]),
    `actors: [${b.actors.map((a) => ACTORS[a]).join(", ")}]`,
    "---",
    "",
    `# ${title}`,
    "",
    "## What happened",
    "",
    ...(b.events.length > 0
      ? b.events.flatMap((e) => [`On ${date(e.day)} ${EVENT_SENTENCES[e.sentence]}.`, ""])
      : ["Nothing dated.", ""]),
    "## Why it matters",
    "",
    b.uses === null ? "It matters little." : `The ${TERMS[b.uses]!.toLowerCase()} is what matters.`,
    prose,
    "",
    ...(b.watch ? ["## What to watch", "", `- A vote on ${date(27)} on the canal toll.`, ""] : []),
    ...(b.term === null ? [] : ["## Glossary", "", `**${TERMS[b.term]}**: A term of the report.`, ""]),
  ].join("\n");
}

/** Slots alternate between the folder and a subfolder; slot k and k + 1 share a file name (an id). */
function slotPath(dir: string, slot: number): string {
  return path.join(dir, slot % 2 ? "sub" : "", `slot-${Math.floor(slot / 2) + (slot % 4 === 1 ? 0 : 10)}.md`);
}

type Present = Map<number, Brief>;

/** Applies `o` to the folder; the paths a watcher would name. */
async function apply(dir: string, o: Op, present: Present): Promise<string[]> {
  if (o.kind === "registry") {
    const file = path.join(dir, "actors.yaml");
    writeFileSync(file, REGISTRIES[o.which]!);
    return [file];
  }
  if (o.kind === "burst") {
    const paths: string[] = [];
    for (const w of o.briefs) paths.push(...(await apply(dir, { kind: "write", ...w }, present)));
    return paths;
  }
  const file = slotPath(dir, o.slot);
  const was = present.get(o.slot);
  if (o.kind === "write") {
    writeFileSync(file, text(o.brief));
    present.set(o.slot, o.brief);
    return [file];
  }
  if (was === undefined) return [];
  if (o.kind === "reword") {
    writeFileSync(file, text(was, `Officials said little more, in statement ${++rewordings}.`));
    return [file];
  }
  if (o.kind === "rename") {
    if (o.to === o.slot) return [];
    const to = slotPath(dir, o.to);
    await rename(file, to);
    present.delete(o.slot);
    present.set(o.to, was);
    return [file, to];
  }
  await unlink(file);
  present.delete(o.slot);
  return [file];
}

/** Builds what a reader would have shown of `story`, so the next patch reuses what it decoded. */
function show(story: StoryView, what: { glossary: boolean; actors: boolean; agenda: boolean }) {
  if (what.glossary) void story.glossary;
  if (what.actors) void story.actors;
  if (what.agenda) void story.agenda;
}

function expectSame(got: StoryView, want: StoryView) {
  expectSameStory(got, want);
  expect(got.agenda).toEqual(want.agenda);
  expect(Array.from({ length: got.briefings.length }, (_, i) => got.briefings.get(i)?.source)).toEqual(
    Array.from({ length: want.briefings.length }, (_, i) => want.briefings.get(i)?.source),
  );
}

async function session(
  ops: readonly Op[],
  showing: readonly { glossary: boolean; actors: boolean; agenda: boolean }[],
) {
  const { dir, cacheDir } = await folders.next();
  const present: Present = new Map();
  for (let s = 0; s < 3; s++)
    await apply(
      dir,
      {
        kind: "write",
        slot: s * 3,
        brief: { day: s + 3, title: 0, events: [], term: s, uses: 0, actors: [0], watch: true },
      },
      present,
    );
  let store: Store = openFolderStore(dir, { cacheDir, warn: () => {} })!;
  try {
    let result = await syncStore(dir, {}, store);
    store = result.store;
    let shown = storyFromRows(readFolder(dir, store, result.synced), true);
    let patched = 0;
    for (const [k, o] of ops.entries()) {
      show(shown, showing[k % showing.length]!);
      const paths = await apply(dir, o, present);
      result = await syncStore(dir, { changed: paths }, store);
      store = result.store;
      if (!result.synced.changed) continue;
      const got = patchedStory(shown, store, result.synced);
      const whole = storyFromRows(readFolder(dir, store, result.synced), true);
      // Patched unless the registry changed or two files share an id, before or after (both are
      // worked out over the whole folder).
      expect(got !== null).toBe(o.kind !== "registry" && !hadShared(whole) && !hadShared(shown));
      expectSame(got ?? whole, whole);
      if (got !== null) patched++;
      shown = got ?? whole;
    }
    // And the last story is the truth: a whole build over the files themselves.
    expectSameStory(shown, buildStoryView(await loadBriefings(dir)));
    return patched;
  } finally {
    store.close();
  }
}

function hadShared(story: StoryView): boolean {
  return story.problems.some((p) => p.message.startsWith("duplicate id"));
}

describe("a story patched with the rows a check changed", () => {
  it("equals a whole read after each check, over random adds, edits, renames, removals and actors.yaml", async () => {
    let patched = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 8 }),
        fc.array(shows, { minLength: 1, maxLength: 3 }),
        async (ops, showing) => {
          patched += await session(ops, showing);
        },
      ),
      { numRuns: 40 },
    );
    // The runs patched stories, not only read them whole.
    expect(patched).toBeGreaterThan(20);
  }, 240_000);
});
