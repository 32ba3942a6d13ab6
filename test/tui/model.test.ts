import { describe, expect, it } from "vitest";
import { digestOf } from "../../src/briefing/digest.js";
import { termKey, usedKeysOf } from "../../src/story/glossary.js";
import { briefingText, memoryTextIndex } from "../../src/story/search.js";
import { buildStoryAsync, buildStoryView, type StoryView } from "../../src/story/view.js";
import { narrow } from "../../src/tui/model.js";
import { loadResult, many } from "./fixtures.js";

describe("the story built in the background", () => {
  it("is the story built in one go, and it gives way between its steps", async () => {
    const data = loadResult(many(600));
    let pauses = 0;
    const whole = buildStoryView(data);
    const items = data.briefings.map((b) => ({ ...digestOf(b, data.registry), path: b.path }));
    const keys = whole.glossary.map((g) => termKey(g.term));
    const stepped = await buildStoryAsync(
      {
        dir: data.dir,
        registry: data.registry,
        problems: data.problems,
        items,
        usedKeys: (i) => usedKeysOf(briefingText(data.briefings[i]!), data.briefings[i]!.glossary, keys),
        text: memoryTextIndex(data.briefings),
      },
      () => {
        pauses++;
        return Promise.resolve();
      },
    );
    const rows = (s: StoryView) => Array.from({ length: s.timeline.length }, (_, i) => s.timeline.get(i));
    expect(rows(stepped)).toEqual(rows(whole));
    expect(stepped.glossary).toEqual(whole.glossary);
    expect(stepped.actors).toEqual(whole.actors);
    expect([...stepped.newest]).toEqual([...whole.newest]);
    expect(pauses).toBeGreaterThan(3);
  });
});

describe("narrowing", () => {
  const story = buildStoryView(loadResult(many(300)));

  it("lists every briefing newest first when nothing is filtered", () => {
    const n = narrow(story, { actors: [], tags: [] }, null, true);
    const dates = [...n.briefings].map((i) => story.briefings.get(i)?.date ?? "");
    expect(dates.length).toBe(300);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(n.timeline.count).toBe(story.timeline.length);
  });

  it("keeps events by their own dates within a date filter, under month headings", () => {
    const filter = { actors: [], tags: [], since: "2000-04-01", until: "2000-04-30" };
    const n = narrow(story, filter, null, false);
    expect(n.timeline.count).toBeGreaterThan(0);
    for (let row = 0; row < n.timeline.total; row++) {
      const e = n.timeline.entryAt(row);
      if (e) expect(e.date.startsWith("2000-04")).toBe(true);
      else expect(n.timeline.headingAt(row)).toBe("April 2000");
    }
    for (const i of n.briefings) expect(story.briefings.get(i)?.date?.startsWith("2000-04")).toBe(true);
  });
});

describe("timeline rows", () => {
  it("puts one heading before each month's events, and finds every row from the headings alone", () => {
    const story = buildStoryView(loadResult(many(700)));
    const t = narrow(story, { actors: [], tags: [] }, null, true).timeline;
    // The same rows laid out the plain way: a heading whenever the month changes.
    const want: string[] = [];
    let month = "";
    for (let i = 0; i < story.timeline.length; i++) {
      const e = story.timeline.get(i)!;
      if (e.date.slice(0, 7) !== month) {
        month = e.date.slice(0, 7);
        want.push(`heading ${month}`);
      }
      want.push(`event ${e.date} ${e.text}`);
    }
    const got: string[] = [];
    for (let row = 0; row < t.total; row++) {
      const e = t.entryAt(row);
      if (e) {
        expect(t.selectable(row)).toBe(true);
        got.push(`event ${e.date} ${e.text}`);
      } else {
        expect(t.selectable(row)).toBe(false);
        expect(t.headingAt(row)).toMatch(/^[A-Z][a-z]+ \d{4}$/);
        got.push(`heading ${story.timeline.get(t.positionAt(row + 1)!)!.date.slice(0, 7)}`);
      }
    }
    expect(got).toEqual(want);
    expect(t.positionAt(t.total)).toBeUndefined();
    expect(t.positionAt(-1)).toBeUndefined();
  });
});
