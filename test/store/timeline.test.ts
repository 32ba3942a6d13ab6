// The store's derived timeline (store/timeline.ts): after any run of files added, edited and removed,
// each synced file by file, the timeline the reader reads from the store's rows (its order, every
// entry, the conflicts flagged and who they name) is the one a whole build over the files gives.
import { writeFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFolder, openFolderStore } from "../../src/load/folder.js";
import { loadBriefings } from "../../src/load/load.js";
import { storyFromRows } from "../../src/load/story.js";
import { syncFolder } from "../../src/load/sync.js";
import type { Store } from "../../src/store/store.js";
import { staleDays } from "../../src/store/timeline.js";
import { dayNumber } from "../../src/story/timeline.js";
import { buildStoryView } from "../../src/story/view.js";
import { timelineRows } from "../story/same-story.js";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "sd-timeline-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

// Sentences that tell one event in a few words, so that reports a few days apart conflict, and some
// that tell another (a different act, another actor) so that they must not.
const SENTENCES = [
  "the Northport Harbour Authority ordered a higher canal toll for container ships",
  "the Northport Harbour Authority lifted the higher canal toll for container ships",
  "Valley Rail suspended freight service across the northern bridge corridor",
  "Valley Rail restored freight service across the northern bridge corridor",
  "Mara Lindqvist ordered an inspection of the frontier model export licences",
];

interface Event {
  day: number;
  sentence: number;
}

interface Brief {
  day: number;
  events: Event[];
}

const brief = fc.record({
  day: fc.integer({ min: 1, max: 24 }),
  events: fc.array(
    fc.record({
      day: fc.integer({ min: 1, max: 28 }),
      sentence: fc.integer({ min: 0, max: SENTENCES.length - 1 }),
    }),
    { minLength: 0, maxLength: 3 },
  ),
});

type Op =
  | { kind: "write"; slot: number; brief: Brief }
  | { kind: "remove"; slot: number }
  // The file's prose rewritten, its dates and their sentences as they were.
  | { kind: "reword"; slot: number };

const SLOTS = 8;
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("write" as const), slot: fc.nat(SLOTS - 1), brief }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove" as const), slot: fc.nat(SLOTS - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("reword" as const), slot: fc.nat(SLOTS - 1) }) },
);

const date = (day: number) => `2026-06-${String(day).padStart(2, "0")}`;

/**
 * The partners stored on events dated `from` or later, in date order, each spelt again in place on
 * the events of `days` (the same value written another way): a search of their days would write
 * them as it spells them, so finding them respelt later shows their days were not searched.
 */
function respellPartners(store: Store, from: string, days: readonly string[]) {
  const partners = () =>
    store.db
      .prepare("SELECT partners FROM events WHERE date >= ? AND partners IS NOT NULL ORDER BY date")
      .pluck()
      .all(from) as string[];
  const respelt = partners().map((p) => JSON.stringify(JSON.parse(p), null, 1));
  expect(respelt).toHaveLength(days.length);
  const set = store.db.prepare("UPDATE events SET partners = ? WHERE date = ? AND partners IS NOT NULL");
  for (const [i, day] of days.entries()) set.run(respelt[i], day);
  return { partners, respelt };
}

let rewordings = 0;

function text(slot: number, b: Brief, prose = ""): string {
  const happened = b.events.map((e) => `On ${date(e.day)} ${SENTENCES[e.sentence]}.`);
  return [
    "---",
    `title: Briefing in slot ${slot}`,
    `date: ${date(b.day)}`,
    "---",
    "",
    `# Briefing in slot ${slot}`,
    "",
    "## What happened",
    "",
    ...(happened.length > 0 ? happened.join("\n\n") : "Nothing dated.").split("\n"),
    "",
    ...(prose ? ["## Why it matters", "", prose, ""] : []),
  ].join("\n");
}

function slotPath(dir: string, slot: number): string {
  return path.join(dir, slot % 2 ? "sub" : "", `slot-${slot}.md`);
}

/** The slots written, with what each holds. */
type Present = Map<number, Brief>;

async function apply(dir: string, o: Op, present: Present): Promise<void> {
  const file = slotPath(dir, o.slot);
  const was = present.get(o.slot);
  if (o.kind === "write") {
    writeFileSync(file, text(o.slot, o.brief));
    present.set(o.slot, o.brief);
  } else if (was === undefined) {
    return;
  } else if (o.kind === "reword") {
    writeFileSync(file, text(o.slot, was, `Officials have said little more, in statement ${++rewordings}.`));
  } else {
    await unlink(file);
    present.delete(o.slot);
  }
}

/** The reader's story from the store's rows against a whole build over the files as they are now. */
async function expectWholeBuild(dir: string, cache: string): Promise<number> {
  const load = await loadFolder(dir, { cacheDir: cache, warn: () => {} });
  try {
    const got = storyFromRows(load);
    const want = buildStoryView(await loadBriefings(dir));
    expect(timelineRows(got)).toEqual(timelineRows(want));
    expect(Array.from(got.eventDate)).toEqual(Array.from(want.eventDate));
    expect(Array.from(got.eventBriefing)).toEqual(Array.from(want.eventBriefing));
    return timelineRows(want).filter((e) => e?.conflict).length;
  } finally {
    load.store.close();
  }
}

let run = 0;
async function freshFolder(): Promise<{ dir: string; cache: string }> {
  run++;
  const dir = path.join(root, `run-${run}`, "briefings");
  await mkdir(path.join(dir, "sub"), { recursive: true });
  return { dir, cache: path.join(root, `run-${run}`, "cache") };
}

describe("the store's derived timeline", () => {
  it("flags the conflicts a whole build flags, for files written one at a time (the sentences conflict)", async () => {
    const { dir, cache } = await freshFolder();
    const present: Present = new Map();
    await apply(
      dir,
      { kind: "write", slot: 0, brief: { day: 3, events: [{ day: 2, sentence: 0 }] } },
      present,
    );
    await expectWholeBuild(dir, cache);
    await apply(
      dir,
      { kind: "write", slot: 1, brief: { day: 6, events: [{ day: 5, sentence: 0 }] } },
      present,
    );
    expect(await expectWholeBuild(dir, cache)).toBe(2);
    // A contradicting act on a nearby day does not conflict; the removal of one report clears the other.
    await apply(
      dir,
      { kind: "write", slot: 2, brief: { day: 7, events: [{ day: 6, sentence: 1 }] } },
      present,
    );
    expect(await expectWholeBuild(dir, cache)).toBe(2);
    await apply(dir, { kind: "remove", slot: 1 }, present);
    expect(await expectWholeBuild(dir, cache)).toBe(0);
  });

  it("a first load of two years of dense days (several passes of the search, each read a few days at a time) flags what a whole build flags", async () => {
    const { dir, cache } = await freshFolder();
    const day0 = Date.UTC(2025, 0, 1);
    const iso = (n: number) => new Date(day0 + (n % 730) * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 600; i++) {
      const d = (i * 7) % 730;
      const happened = Array.from(
        { length: 8 },
        (_, k) => `On ${iso(d + k * 3 + (i % 5))} ${SENTENCES[(i + k) % SENTENCES.length]}.`,
      );
      const body = ["---", `title: Dense ${i}`, `date: ${iso(d + 30)}`, "---", "", "## What happened", ""];
      writeFileSync(path.join(dir, `dense-${i}.md`), [...body, happened.join("\n\n"), ""].join("\n"));
    }
    expect(await expectWholeBuild(dir, cache)).toBeGreaterThan(3000);
  });

  it("a sync stopped while it writes: the next start searches again the days it was changing, not every day", async () => {
    const { dir, cache } = await freshFolder();
    const present: Present = new Map();
    const far: [number, Brief][] = [
      [0, { day: 22, events: [{ day: 20, sentence: 0 }] }],
      [1, { day: 23, events: [{ day: 21, sentence: 0 }] }],
    ];
    for (const [slot, b] of far) await apply(dir, { kind: "write", slot, brief: b }, present);
    await apply(
      dir,
      { kind: "write", slot: 2, brief: { day: 5, events: [{ day: 3, sentence: 2 }] } },
      present,
    );
    await apply(
      dir,
      { kind: "write", slot: 3, brief: { day: 6, events: [{ day: 4, sentence: 2 }] } },
      present,
    );
    expect(await expectWholeBuild(dir, cache)).toBe(4);

    const store = openFolderStore(dir, { cacheDir: cache, warn: () => {} })!;
    try {
      // The far conflict's partners, respelt: a search of their days would write them again.
      const { partners, respelt } = respellPartners(store, date(20), [date(20), date(21)]);

      await apply(
        dir,
        { kind: "write", slot: 2, brief: { day: 5, events: [{ day: 2, sentence: 2 }] } },
        present,
      );
      await apply(
        dir,
        { kind: "write", slot: 3, brief: { day: 6, events: [{ day: 5, sentence: 2 }] } },
        present,
      );
      // Stopped after the first file's rows are written (as a kill would), before its conflicts are.
      const stopped = syncFolder(dir, store, {
        workerFile: null,
        writeBatch: 1,
        onProgress: (done) => {
          if (done === 1) throw new Error("stopped");
        },
      });
      await expect(stopped).rejects.toThrow("stopped");
      const days = staleDays(store);
      expect(days).toContain(dayNumber(date(3)));
      expect(days).not.toContain(dayNumber(date(20)));
      expect(days).not.toContain(dayNumber(date(21)));

      expect(await expectWholeBuild(dir, cache)).toBe(4);
      expect(staleDays(store)).toEqual([]);
      expect(partners()).toEqual(respelt);
    } finally {
      store.close();
    }
  });

  it("a file's prose edited keeps every conflict without a search of its days; a date moved or added is searched", async () => {
    const { dir, cache } = await freshFolder();
    const present: Present = new Map();
    await apply(
      dir,
      { kind: "write", slot: 0, brief: { day: 3, events: [{ day: 2, sentence: 0 }] } },
      present,
    );
    await apply(
      dir,
      { kind: "write", slot: 1, brief: { day: 6, events: [{ day: 5, sentence: 0 }] } },
      present,
    );
    expect(await expectWholeBuild(dir, cache)).toBe(2);

    const store = openFolderStore(dir, { cacheDir: cache, warn: () => {} })!;
    try {
      // Respelt: a search of their days would write them again as it spells them.
      const { partners, respelt } = respellPartners(store, date(1), [date(2), date(5)]);

      await apply(dir, { kind: "reword", slot: 0 }, present);
      expect(await expectWholeBuild(dir, cache)).toBe(2);
      expect(partners()).toEqual(respelt);

      // The briefing's own date moved (it orders its events among others of their date): searched.
      await apply(
        dir,
        { kind: "write", slot: 0, brief: { day: 9, events: [{ day: 2, sentence: 0 }] } },
        present,
      );
      expect(await expectWholeBuild(dir, cache)).toBe(2);
      // The conflicting date moved out of the other's reach, then back with a second one.
      await apply(
        dir,
        { kind: "write", slot: 0, brief: { day: 3, events: [{ day: 20, sentence: 0 }] } },
        present,
      );
      expect(await expectWholeBuild(dir, cache)).toBe(0);
      const twice = {
        day: 3,
        events: [
          { day: 2, sentence: 0 },
          { day: 4, sentence: 0 },
        ],
      };
      await apply(dir, { kind: "write", slot: 0, brief: twice }, present);
      expect(await expectWholeBuild(dir, cache)).toBe(3);
      await apply(dir, { kind: "reword", slot: 1 }, present);
      expect(await expectWholeBuild(dir, cache)).toBe(3);
    } finally {
      store.close();
    }
  });

  it("searched with pauses between its steps (a reader's first load), equals a whole build", async () => {
    const { dir, cache } = await freshFolder();
    const present: Present = new Map();
    // Enough events for the search to pause: several reports of each sentence, days apart.
    for (let slot = 0; slot < SLOTS; slot++) {
      const events = Array.from({ length: 40 }, (_, k) => ({ day: 1 + ((slot + k) % 28), sentence: k % 5 }));
      await apply(dir, { kind: "write", slot, brief: { day: 1 + slot, events } }, present);
    }
    let pauses = 0;
    let inside = 0;
    const store = openFolderStore(dir, { cacheDir: cache, warn: () => {} })!;
    await syncFolder(dir, store, {
      pause: () => {
        pauses++;
        if (store.db.inTransaction) inside++;
        return new Promise<void>((resolve) => setImmediate(resolve));
      },
    });
    store.close();
    expect(pauses).toBeGreaterThan(0);
    // Each pause comes inside the search's one transaction.
    expect(inside).toBe(pauses);
    expect(await expectWholeBuild(dir, cache)).toBeGreaterThan(0);
  });

  it("after any run of adds, edits and removes equals a whole build", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const { dir, cache } = await freshFolder();
        const present: Present = new Map();
        for (const o of ops) {
          await apply(dir, o, present);
          await expectWholeBuild(dir, cache);
        }
      }),
      { numRuns: 25 },
    );
  });
});
