import { describe, expect, it } from "vitest";
import type { RegistryActor } from "../../src/briefing/schema.js";
import { buildActorIndex } from "../../src/story/actors.js";
import { makeBriefing } from "./factory.js";

const REGISTRY: RegistryActor[] = [
  { name: "Bureau of Industry and Security", kind: "agency", aliases: ["BIS"] },
  { name: "Anthropic", kind: "company", aliases: [] },
  { name: "Palantir", kind: "company", aliases: [] },
];

describe("actor index", () => {
  it("lists each actor once with the briefings that name it", () => {
    const a = makeBriefing({ id: "a", actors: ["Anthropic", "Bureau of Industry and Security"] });
    const b = makeBriefing({ id: "b", actors: ["Anthropic"] });
    const index = buildActorIndex([a, b], REGISTRY);
    expect(index.find((x) => x.name === "Anthropic")?.briefingIds).toEqual(["a", "b"]);
  });

  it("takes kind and aliases from the registry", () => {
    const a = makeBriefing({ id: "a", actors: ["Bureau of Industry and Security"] });
    expect(buildActorIndex([a], REGISTRY)).toEqual([
      { name: "Bureau of Industry and Security", kind: "agency", aliases: ["BIS"], briefingIds: ["a"] },
    ]);
  });

  it("sorts by name regardless of case", () => {
    const a = makeBriefing({
      id: "a",
      actors: ["Palantir", "anthropic labs", "Bureau of Industry and Security"],
    });
    expect(buildActorIndex([a], REGISTRY).map((x) => x.name)).toEqual([
      "anthropic labs",
      "Bureau of Industry and Security",
      "Palantir",
    ]);
  });

  it("leaves out registry actors no briefing names", () => {
    const a = makeBriefing({ id: "a", actors: ["Anthropic"] });
    expect(buildActorIndex([a], REGISTRY).map((x) => x.name)).toEqual(["Anthropic"]);
  });

  it("takes a person's kind from the role that introduced them", () => {
    const a = makeBriefing({
      id: "a",
      actors: ["Howard Lutnick"],
      text: ["Commerce Secretary Howard Lutnick signed the letter."],
    });
    expect(buildActorIndex([a], REGISTRY)[0]).toMatchObject({ name: "Howard Lutnick", kind: "person" });
  });

  it("takes aliases from acronym definitions in the text", () => {
    const a = makeBriefing({
      id: "a",
      actors: ["Federal Trade Commission"],
      text: ["The Federal Trade Commission (FTC) opened a case."],
    });
    expect(buildActorIndex([a], [])[0]).toEqual({
      name: "Federal Trade Commission",
      kind: "agency",
      aliases: ["FTC"],
      briefingIds: ["a"],
    });
  });

  it("guesses a kind from the name when the text says nothing", () => {
    const a = makeBriefing({ id: "a", actors: ["Census Bureau", "Sophont"] });
    expect(buildActorIndex([a], []).map((x) => x.kind)).toEqual(["agency", "other"]);
  });
});
