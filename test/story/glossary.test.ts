import { describe, expect, it } from "vitest";
import { mergeGlossary } from "../../src/story/glossary.js";
import { makeBriefing } from "./factory.js";

const talks = makeBriefing({
  id: "talks",
  text: ["Jailbreaking fears shaped the order."],
  glossary: [
    ["Export Control", "Rules limiting what may be sent abroad."],
    ["Jailbreaking", "Getting a model to ignore its safety rules."],
  ],
});
const order = makeBriefing({
  id: "order",
  text: ["The deemed-export rule applied."],
  glossary: [
    ["export controls", "Government limits on transferring technology."],
    ["Deemed Export", "Release of controlled technology to a foreign national at home."],
  ],
});
const reversal = makeBriefing({ id: "reversal", text: ["The export controls were lifted."] });

describe("merged glossary", () => {
  it("merges terms that differ in case and a plural s", () => {
    const terms = mergeGlossary([talks, order]).filter((t) => /export control/i.test(t.term));
    expect(terms).toHaveLength(1);
    expect(terms[0]).toMatchObject({ term: "Export Control", briefingIds: ["talks", "order"] });
  });

  it("shows the first definition and keeps every one", () => {
    const term = mergeGlossary([talks, order]).find((t) => t.term === "Export Control")!;
    expect(term.definition).toBe("Rules limiting what may be sent abroad.");
    expect(term.definitions).toEqual([
      { definition: "Rules limiting what may be sent abroad.", briefingId: "talks" },
      { definition: "Government limits on transferring technology.", briefingId: "order" },
    ]);
  });

  it("sorts terms A to Z regardless of case", () => {
    expect(mergeGlossary([talks, order]).map((t) => t.term)).toEqual([
      "Deemed Export",
      "Export Control",
      "Jailbreaking",
    ]);
  });

  it("lists briefings that use a term without defining it", () => {
    const term = mergeGlossary([talks, order, reversal]).find((t) => t.term === "Export Control")!;
    expect(term.usedIn).toEqual(["talks", "order", "reversal"]);
    expect(term.briefingIds).toEqual(["talks", "order"]);
  });

  it("finds a hyphenated use of a spaced term", () => {
    const term = mergeGlossary([talks, order]).find((t) => t.term === "Deemed Export")!;
    expect(term.usedIn).toEqual(["order"]);
  });

  it("does not count a term found inside a longer word", () => {
    const b = makeBriefing({ id: "b", text: ["Bans were everywhere."], glossary: [["Ban", "An order."]] });
    const other = makeBriefing({ id: "c", text: ["Bandwidth was short."] });
    expect(mergeGlossary([b, other])[0]?.usedIn).toEqual(["b"]);
  });

  it("is empty without glossaries", () => {
    expect(mergeGlossary([reversal])).toEqual([]);
  });
});
