// An actor's page over a story: co-actors counted by shared briefings (aliases folded into their
// actor, the actor itself never its own co-actor), its events without other briefings', its terms.
import { describe, expect, it } from "vitest";
import { storyOf } from "../../src/briefing/parse.js";
import { actorPage } from "../../src/story/actor-page.js";
import { buildStoryView } from "../../src/story/view.js";
import { makeBriefing } from "./factory.js";

const registry = [
  { name: "Harbour Board", kind: "agency" as const, aliases: ["HB"] },
  { name: "Mara Quint", kind: "person" as const, aliases: [] },
  { name: "Tidewater Ltd", kind: "company" as const, aliases: [] },
];

function story() {
  const briefings = [
    makeBriefing({
      id: "one",
      date: "2031-03-01",
      actors: ["Harbour Board", "Mara Quint", "Tidewater Ltd"],
      events: [{ date: "2031-03-01", text: "The board met." }],
      glossary: [["Dredging", "Digging a channel deeper."]],
    }),
    makeBriefing({ id: "two", date: "2031-03-05", actors: ["HB", "Mara Quint"] }),
    makeBriefing({
      id: "three",
      date: "2031-03-09",
      actors: ["Tidewater Ltd"],
      events: [{ date: "2031-03-09", text: "Tidewater bid." }],
      glossary: [["Berth", "A ship's place at a quay."]],
    }),
  ];
  return buildStoryView({ dir: "/x", briefings, problems: [], registry });
}

describe("actorPage", () => {
  it("counts co-actors by briefings shared, most first, aliases folded and the actor left out", () => {
    const page = actorPage(story(), "hb");
    expect(page?.actor.name).toBe("Harbour Board");
    expect(page?.coActors).toEqual([
      { name: "Mara Quint", count: 2 },
      { name: "Tidewater Ltd", count: 1 },
    ]);
  });

  it("lists only its own briefings' events and terms", () => {
    const s = story();
    const page = actorPage(s, "Harbour Board");
    expect(page?.briefings.map((i) => s.briefings.get(i)?.id)).toEqual(["one", "two"]);
    expect(page?.events.map((e) => e.text)).toEqual(["The board met."]);
    expect(page?.terms).toEqual(["Dredging"]);
  });

  it("narrows to the briefings a filter keeps, co-actors included", () => {
    const page = actorPage(story(), "Harbour Board", (_i, s) => s.id === "two");
    expect(page?.coActors).toEqual([{ name: "Mara Quint", count: 1 }]);
  });

  it("is null for a name no actor or alias has", () => {
    expect(actorPage(story(), "Nobody")).toBeNull();
  });
});

describe("storyOf (a briefing's story)", () => {
  it("is the front matter's story first, else the top-level subfolder, else none", () => {
    expect(storyOf("Port strike", "dredging/2031-03-01.md")).toBe("Port strike");
    expect(storyOf(undefined, "dredging/2031/03-01.md")).toBe("dredging");
    expect(storyOf(undefined, "2031-03-01.md")).toBeNull();
    expect(storyOf("", "2031-03-01.md")).toBeNull();
  });
});
