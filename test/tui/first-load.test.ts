// A first load that shows its rows as they are written: what the header's note says, when the story
// is read again from the rows, and that only a folder big enough is shown in parts.
import { describe, expect, it } from "vitest";
import type { SyncedFolder } from "../../src/load/sync.js";
import type { StoryView } from "../../src/story/view.js";
import {
  FIRST_BATCH,
  firstLoad,
  grouped,
  loadingNote,
  PROGRESSIVE_FROM,
  rebuildPacer,
} from "../../src/tui/first-load.js";

describe("the note of a first load shown in parts", () => {
  it("counts the files in, and says the conflicts come when every file is in", () => {
    expect(loadingNote(2345, 10000)).toBe("loading 2,345 of 10,000 · conflicts when done…");
    expect(loadingNote(10000, 10000)).toBe("10,000 loaded · finding conflicts…");
    expect(grouped(999)).toBe("999");
    expect(grouped(1234567)).toBe("1,234,567");
  });
});

describe("when the story is read again from the rows", () => {
  it("at the first batch and the last, and between only once the gap since the last read is over", () => {
    let now = 0;
    const pacer = rebuildPacer(() => now);
    expect(pacer.due(100, 10000)).toBe(true);
    pacer.read(0);
    now = 900;
    expect(pacer.due(600, 10000)).toBe(false);
    expect(pacer.due(10000, 10000)).toBe(true);
    now = 10_000;
    expect(pacer.due(1100, 10000)).toBe(true);
    // A read that took 400 ms: the next waits nine times that (a tenth of the time spent reading).
    pacer.read(9_600);
    now = 13_500;
    expect(pacer.due(1600, 10000)).toBe(false);
    now = 13_600;
    expect(pacer.due(1600, 10000)).toBe(true);
  });
});

describe("a first load's batches", () => {
  const folder = { registry: [], problems: [] } as unknown as SyncedFolder;
  const story = (n: number) => ({ size: n }) as unknown as StoryView;

  function run(total: number, batches: number[]) {
    const shown: [number, string | undefined][] = [];
    let alive = true;
    let built = 0;
    const load = firstLoad(
      {
        ready: (s, note) => shown.push([(s as unknown as { size: number }).size, note]),
        alive: () => alive,
      },
      () => story(++built),
      // A clock that stands still: only the first batch and the last are due for a read.
      () => 0,
    );
    for (const stored of batches) load.sync.onWritten!(stored, total, folder);
    return { shown, load, stop: () => (alive = false) };
  }

  it("shows the rows of a big folder after its first batch, with the note, and the last story given", () => {
    expect(FIRST_BATCH).toBeLessThan(PROGRESSIVE_FROM);
    const { shown, load } = run(PROGRESSIVE_FROM, [FIRST_BATCH, 600, PROGRESSIVE_FROM]);
    // The batch between is not read again, but its count is said over the rows last read.
    expect(shown).toEqual([
      [1, loadingNote(FIRST_BATCH, PROGRESSIVE_FROM)],
      [1, loadingNote(600, PROGRESSIVE_FROM)],
      [2, loadingNote(PROGRESSIVE_FROM, PROGRESSIVE_FROM)],
    ]);
    expect(load.shown()).toEqual(story(2));
  });

  it("shows nothing of a smaller folder before it is whole", () => {
    const { shown, load } = run(PROGRESSIVE_FROM - 1, [FIRST_BATCH, PROGRESSIVE_FROM - 1]);
    expect(shown).toEqual([]);
    expect(load.shown()).toBeNull();
  });

  it("shows nothing once the reader has closed", () => {
    const shown: unknown[] = [];
    const load = firstLoad({ ready: (s) => shown.push(s), alive: () => false }, () => story(1));
    load.sync.onWritten!(FIRST_BATCH, PROGRESSIVE_FROM, folder);
    expect(shown).toEqual([]);
  });
});
