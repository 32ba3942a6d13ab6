// The five-stage story shipped in briefings/: what a reader of the bundled folder must see.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { Briefing, LoadResult, Paragraph } from "../../src/briefing/schema.js";
import { loadBriefings } from "../../src/load/load.js";
import { buildActorIndex } from "../../src/story/actors.js";
import { mergeGlossary } from "../../src/story/glossary.js";
import { buildTimeline } from "../../src/story/timeline.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const dir = path.join(repoRoot, "briefings");

const ORDER = "2026-06-16-export-order";
const TALKS = "2026-06-19-negotiations";
const STALL = "2026-06-26-talks-stall";
const REVERSAL = "2026-06-30-white-house-reversal";
const LIFTED = "2026-07-01-controls-lifted";

let loaded: LoadResult;
const rawText = new Map<string, string>();
beforeAll(async () => {
  loaded = await loadBriefings(dir);
  for (const b of loaded.briefings) rawText.set(b.id, await readFile(b.path, "utf8"));
});

function briefing(id: string): Briefing {
  const found = loaded.briefings.find((b) => b.id === id);
  if (!found) throw new Error(`bundled briefing ${id} did not load`);
  return found;
}

const joined = (paras: Paragraph[]) => paras.map((p) => p.text).join("\n");

describe("the bundled briefings load", () => {
  it("loads all five with no error; the two written as prose are warned of the prose rule only", () => {
    expect(loaded.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(loaded.briefings.map((b) => b.id).sort()).toEqual([ORDER, TALKS, STALL, REVERSAL, LIFTED]);
    const warned = loaded.briefings.filter((b) => b.warnings.length > 0).map((b) => b.id);
    expect(warned.sort()).toEqual([ORDER, TALKS].sort());
    for (const b of loaded.briefings)
      for (const w of b.warnings) expect(w.message, b.id).toMatch(/placed by the prose rule$/);
  });

  it("takes each date from front matter, with the note explaining it", () => {
    const dates = Object.fromEntries(loaded.briefings.map((b) => [b.id, b.date]));
    expect(dates).toEqual({
      [ORDER]: "2026-06-16",
      [TALKS]: "2026-06-19",
      [STALL]: "2026-06-26",
      [REVERSAL]: "2026-06-30",
      [LIFTED]: "2026-07-01",
    });
    for (const b of loaded.briefings) {
      expect(b.dateInferred, b.id).toBe(false);
      expect(b.dateNote, b.id).toMatch(/\w{3,}/);
    }
  });

  it("keeps the source of each report, the named outlet included", () => {
    expect(briefing(STALL).source).toMatch(/^SignalDesk retelling of The Verge Policy report/);
    for (const id of [ORDER, TALKS, REVERSAL, LIFTED]) {
      expect(briefing(id).source, id).toMatch(/^Original article \(unnamed outlet\)/);
    }
    // A source line that repeats the front matter's source is shown once, not twice.
    for (const b of loaded.briefings) expect(b.source, b.id).not.toMatch(/·/);
  });

  it("reads the structured stage into its key points and three sections", () => {
    const b = briefing(STALL);
    expect(b.keyPoints).toHaveLength(3);
    expect(joined(b.sections.whatHappened)).toMatch(/June 12/);
    expect(joined(b.sections.whatHappened)).toMatch(/Washington, DC/);
    expect(joined(b.sections.whyItMatters)).toMatch(/IPO/);
    expect(joined(b.sections.whyItMatters)).not.toMatch(/June 12/);
    expect(joined(b.sections.whatToWatch)).toMatch(/negotiations/);
    // The source line is metadata, never body text.
    const body = [b.keyPoints, ...Object.values(b.sections)].map(joined).join("\n");
    expect(body).not.toMatch(/Source assisted/);
  });

  it("splits the two prose stages into all three sections and finds their glossaries", () => {
    for (const id of [ORDER, TALKS]) {
      const b = briefing(id);
      expect(b.sections.whatHappened.length, id).toBeGreaterThan(0);
      expect(b.sections.whyItMatters.length, id).toBeGreaterThan(0);
      expect(b.sections.whatToWatch.length, id).toBeGreaterThan(0);
      // The opening paragraph is what happened; no glossary line leaks into the prose.
      expect(b.sections.whatHappened[0]!.line, id).toBeLessThan(b.sections.whatToWatch[0]!.line);
      for (const para of Object.values(b.sections).flat()) expect(para.text, id).not.toMatch(/^- \w/);
    }
    expect(briefing(ORDER).glossary.map((g) => g.term)).toEqual([
      "Deemed Export",
      "Frontier AI Models",
      "Dual-Use",
    ]);
    expect(briefing(TALKS).glossary.map((g) => g.term)).toEqual(["Jailbreaking", "Export Control"]);
  });

  it("maps the headed stage's own headings onto the sections, keeping the others as subsections", () => {
    const b = briefing(REVERSAL);
    expect(joined(b.sections.whatHappened)).toMatch(/Earlier in June/);
    expect(joined(b.sections.whyItMatters)).toMatch(/China and Europe/);
    expect(joined(b.sections.whatToWatch)).toMatch(/Biden administration/);
    const subsections = Object.values(b.sections)
      .flat()
      .map((p) => p.subsection);
    expect(subsections).toContain("What Are Mythos and Fable?");
    expect(subsections).toContain("What the Reversal Means for Developers");
    expect(subsections).toContain("Conclusion");
  });

  it("keeps the last stage's own headings as subsections and its Source line out of the text", () => {
    const b = briefing(LIFTED);
    expect(b.title).toBe("Commerce lifts export limits on Anthropic's Fable 5 and Mythos 5");
    expect(joined(b.sections.whatHappened)).toMatch(/Department of Commerce/);
    const all = Object.values(b.sections).flat();
    const subsections = all.map((p) => p.subsection);
    expect(subsections).toContain("Conditions for Reinstatement");
    expect(subsections).toContain("Industry Perspectives on the Reversal");
    expect(all.map((p) => p.text).join("\n")).not.toMatch(/^Source:/m);
  });

  it("loses no paragraph of any bundled briefing", () => {
    for (const b of loaded.briefings) {
      const model = [
        ...b.keyPoints.map((p) => p.text),
        ...Object.values(b.sections)
          .flat()
          .map((p) => p.text),
        ...b.glossary.map((g) => `${g.term}: ${g.definition}`),
        b.source ?? "",
      ].join("\n");
      // Headings are short; every longer body line is a paragraph and must land somewhere.
      const paragraphs = bodyLines(b).filter((l) => l.length > 70);
      expect(paragraphs.length, b.id).toBeGreaterThan(4);
      for (const line of paragraphs) {
        expect(model, `${b.id}: ${line.slice(0, 40)}`).toContain(line.replace(/^[-•]\s+/, ""));
      }
    }
  });
});

/** Body lines of the file as written, without front matter, headings or the source line. */
function bodyLines(b: Briefing): string[] {
  const afterFrontMatter = (rawText.get(b.id) ?? "").replace(/^---\n[\s\S]*?\n---\n/, "");
  return afterFrontMatter
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("Source") && !l.startsWith("#"));
}

describe("the story across briefings", () => {
  it("puts both reported dates of the order on the timeline as a conflict, in date order", () => {
    const timeline = buildTimeline(loaded.briefings);
    const dates = timeline.map((e) => e.date);
    for (let i = 1; i < dates.length; i++) {
      const k = Math.min(dates[i - 1]!.length, dates[i]!.length);
      expect(dates[i - 1]!.slice(0, k) <= dates[i]!.slice(0, k), `${dates[i - 1]} before ${dates[i]}`).toBe(
        true,
      );
    }
    const twelfth = timeline.find((e) => e.date === "2026-06-12");
    const thirteenth = timeline.find((e) => e.date === "2026-06-13");
    expect(twelfth).toMatchObject({ precision: "day", briefingId: STALL, conflict: true });
    expect(thirteenth).toMatchObject({ precision: "day", briefingId: ORDER, conflict: true });
    expect(twelfth!.conflictWith).toContainEqual({ date: "2026-06-13", briefingId: ORDER });
    expect(thirteenth!.conflictWith).toContainEqual({ date: "2026-06-12", briefingId: STALL });
    expect(thirteenth!.text).toMatch(/export control order/);
  });

  it("dates the background events at the precision the text gives, resolving missing years", () => {
    const timeline = buildTimeline(loaded.briefings);
    const rule = timeline.find((e) => e.date === "2025");
    expect(rule).toMatchObject({ precision: "year", briefingId: ORDER, conflict: false });
    expect(rule!.text).toMatch(/Bureau of Industry and Security/);
    expect(timeline.find((e) => e.date === "2026-02")).toMatchObject({
      precision: "month",
      briefingId: TALKS,
    });
    const lawsuit = timeline.find((e) => e.date === "2026-03");
    expect(lawsuit).toMatchObject({ precision: "month", briefingId: LIFTED });
    expect(lawsuit!.text).toMatch(/Department of Defense/);
  });

  it("merges the glossaries of all stages", () => {
    const glossary = mergeGlossary(loaded.briefings);
    const byTerm = new Map(glossary.map((g) => [g.term, g]));
    for (const [term, id] of [
      ["Deemed Export", ORDER],
      ["Frontier AI Models", ORDER],
      ["Dual-Use", ORDER],
      ["Jailbreaking", TALKS],
      ["Export Control", TALKS],
    ] as const) {
      const entry = byTerm.get(term);
      expect(entry, term).toBeDefined();
      expect(entry!.briefingIds).toEqual([id]);
      expect(entry!.definition.length, term).toBeGreaterThan(20);
    }
    // Defined once, but the term runs through the story ("export control order", "export controls").
    expect(byTerm.get("Export Control")!.usedIn).toEqual(expect.arrayContaining([ORDER, TALKS, STALL]));
  });

  it("indexes actors with aliases folded and kinds from the registry", () => {
    const index = buildActorIndex(loaded.briefings, loaded.registry);
    const byName = new Map(index.map((a) => [a.name, a]));
    const bis = byName.get("Bureau of Industry and Security");
    expect(bis).toMatchObject({ kind: "agency" });
    expect(bis!.aliases).toContain("BIS");
    // The stall briefing names the agency only as "BIS" and does not list it in front matter.
    expect(bis!.briefingIds).toEqual(expect.arrayContaining([ORDER, STALL]));
    expect(byName.has("BIS")).toBe(false);

    expect(byName.get("Howard Lutnick")).toMatchObject({ kind: "person" });
    expect(byName.get("Howard Lutnick")!.briefingIds).toContain(LIFTED);
    expect(byName.has("Commerce Secretary Howard Lutnick")).toBe(false);
    expect(byName.get("Amazon Web Services")!.briefingIds).toContain(TALKS);
    expect(byName.has("AWS")).toBe(false);
    expect(byName.get("Department of Defense")).toMatchObject({ kind: "agency", briefingIds: [LIFTED] });
    expect(byName.get("President Trump")).toMatchObject({ kind: "person" });
    expect(byName.get("Anthropic")!.briefingIds).toHaveLength(5);

    const keys = index.map((a) => a.name.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
  });
});
