import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { collectTerms, mergeGlossary, type TermMerge } from "../../src/story/glossary.js";
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

  it("merges the same terms in slices of briefings as in one go, wherever the slices are cut", () => {
    const spelling = fc.constantFrom(
      "Export Control",
      "export controls",
      "Export-control",
      "Berth",
      "berths",
      "Quay",
    );
    const line = fc.record({ term: spelling, definition: fc.constantFrom("a", "b", "c") });
    const sources = fc
      .array(fc.array(line, { maxLength: 4 }), { maxLength: 12 })
      .map((lists) => lists.map((glossary, i) => ({ id: `b${i}`, glossary })));
    fc.assert(
      fc.property(sources, fc.array(fc.nat(12), { maxLength: 4 }), (items, cuts) => {
        const whole = collectTerms(items);
        const merge: TermMerge = { byKey: new Map(), keys: new Map() };
        const at = [0, ...[...cuts].sort((a, b) => a - b), items.length];
        for (let k = 1; k < at.length; k++) collectTerms(items.slice(at[k - 1], at[k]), merge);
        expect([...merge.byKey]).toEqual([...whole]);
      }),
    );
  });
});
