// What the reader's loads are compared with: the CLI's load of a folder (whole briefings) and the
// story built from it, loaded once per folder; and the cases the generated folder must hold for the
// comparison to mean something.
import { expect } from "vitest";
import type { LoadResult } from "../../src/briefing/schema.js";
import { loadBriefings } from "../../src/load/load.js";
import { MIN_FILES_FOR_WORKERS } from "../../src/load/pool.js";
import { buildStoryView, type StoryView } from "../../src/story/view.js";
import { rows } from "./same-story.js";

export interface Reference {
  data: LoadResult;
  story: StoryView;
  /** The files the CLI's load counted in its progress. */
  total: number;
}

const references = new Map<string, Promise<Reference>>();

export function reference(dir: string): Promise<Reference> {
  let ref = references.get(dir);
  if (!ref) {
    ref = (async () => {
      let total = -1;
      const data = await loadBriefings(dir, {
        onProgress: (_done, all) => {
          total = all;
        },
      });
      return { data, story: buildStoryView(data), total };
    })();
    references.set(dir, ref);
  }
  return ref;
}

/** The generated folder (archive.ts) holds every case the two loads could disagree on. */
export function expectEveryCase({ data, story, total }: Reference): void {
  // Enough files that a load starts its parse workers.
  expect(total).toBeGreaterThan(MIN_FILES_FOR_WORKERS);
  expect(data.problems.some((p) => p.message.startsWith("duplicate id"))).toBe(true);
  expect(data.problems.some((p) => p.severity === "error")).toBe(true);
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
}
