import { describe, expect, it } from "vitest";
import { buildStory, prepareStory } from "../../src/tui/model.js";
import { loadResult, many } from "./fixtures.js";

describe("the story built in the background", () => {
  it("is the story the view would build, and the view takes it instead of building it again", async () => {
    const data = loadResult(many(600));
    let pauses = 0;
    await prepareStory(data, () => {
      pauses++;
      return Promise.resolve();
    });
    const prepared = buildStory(data);
    expect(prepared).toBe(buildStory(data));
    const fresh = buildStory(loadResult(many(600)));
    expect(prepared.timeline).toEqual(fresh.timeline);
    expect(prepared.glossary).toEqual(fresh.glossary);
    expect(prepared.actors).toEqual(fresh.actors);
    expect(prepared.termsOf).toEqual(fresh.termsOf);
    // It gave way between its steps and inside the timeline.
    expect(pauses).toBeGreaterThan(3);
  });
});
