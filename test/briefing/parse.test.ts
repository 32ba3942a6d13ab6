import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { idFromPath, parseBriefing } from "../../src/briefing/parse.js";
import { Briefing, type RegistryActor, type SourceFile } from "../../src/briefing/schema.js";

const shapes = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/shapes");

function file(relPath: string, text: string): SourceFile {
  return { path: `/data/${relPath}`, relPath, text, size: text.length, mtimeMs: 0 };
}

function load(relPath: string, text: string, registry: RegistryActor[] = []) {
  const r = parseBriefing(file(relPath, text), registry);
  if (!("briefing" in r)) throw new Error(JSON.stringify(r.problems));
  return r.briefing;
}

function problems(relPath: string, text: string) {
  const r = parseBriefing(file(relPath, text), []);
  if ("briefing" in r) throw new Error("expected problems");
  return r.problems;
}

describe("parseBriefing", () => {
  it("builds a valid briefing from front matter and body", () => {
    const text = readFileSync(path.join(shapes, "structured.md"), "utf8");
    const b = load("2031/structured.md", text);
    expect(Briefing.parse(b)).toEqual(b);
    expect(b).toMatchObject({
      id: "canal-tolls",
      relPath: "2031/structured.md",
      title: "Harbour authority freezes canal tolls for the autumn",
      date: "2031-09-04",
      dateInferred: false,
      source: "Northport Gazette",
      tags: ["shipping", "tolls"],
      warnings: [],
    });
    expect(b.actors.slice(0, 2)).toEqual(["Northport Harbour Authority", "Mara Lindqvist"]);
    expect(b.keyPoints).toHaveLength(3);
    expect(b.glossary.map((g) => g.term)).toEqual(["Lock", "Draught"]);
    // Line numbers count the front matter: the first key point is on line 12 of the file.
    expect(b.keyPoints[0]?.line).toBe(12);
    expect(text.split("\n")[11]).toContain(b.keyPoints[0]!.text);
  });

  it("takes the id from the file name without extension when front matter has none", () => {
    expect(idFromPath("2026/june/order.md")).toBe("order");
    expect(idFromPath("notes.v2.txt")).toBe("notes.v2");
    expect(load("deep/dir/canal.txt", "Canal Notes\n\nText.").id).toBe("canal");
  });

  it("infers the date from the first full date in the text and resolves events against it", () => {
    const b = load(
      "a.md",
      "Ferry Talks\n\nTalks began on March 3, 2030 after a strike in February.\n\nThey resume on March 20.",
    );
    expect(b.date).toBe("2030-03-03");
    expect(b.dateInferred).toBe(true);
    expect(b.events.map((e) => [e.date, e.precision, e.line])).toEqual([
      ["2030-03-03", "day", 3],
      ["2030-02", "month", 3],
      ["2030-03-20", "day", 5],
    ]);
  });

  it("loads a briefing with no date at all as undated", () => {
    const b = load("a.md", "Ferry Talks\n\nNothing dated here.");
    expect(b.date).toBeNull();
    expect(b.dateInferred).toBe(false);
  });

  it("keeps a body source line next to a different front matter source", () => {
    expect(load("a.md", "---\nsource: Gazette\n---\nT\n\nText.\n\nSource: Harbour Log").source).toBe(
      "Gazette · Harbour Log",
    );
    expect(load("a.md", "---\nsource: Gazette\n---\nT\n\nText.\n\nSource: Gazette").source).toBe("Gazette");
  });

  it("folds actors through the registry", () => {
    const registry: RegistryActor[] = [
      { name: "Northport Harbour Authority", kind: "agency", aliases: ["NHA"] },
    ];
    const b = load("a.md", "---\nactors: [NHA]\n---\nT\n\nText.", registry);
    expect(b.actors).toEqual(["Northport Harbour Authority"]);
  });

  it("carries front matter warnings and the date note", () => {
    const b = load("a.md", "---\ntitle: T\ndate_note: vote day\nmood: calm\n---\nText.");
    expect(b.dateNote).toBe("vote day");
    expect(b.warnings).toEqual([
      { path: "a.md", line: 4, message: "unknown front matter key 'mood'", severity: "warning" },
    ]);
  });

  it("reports an empty file or a whitespace-only body without a title as an empty briefing", () => {
    for (const text of ["", "  \n\n\t\n", "---\ntags: [x]\n---\n\n"]) {
      expect(problems("e.md", text)).toEqual([
        { path: "e.md", message: "empty briefing", severity: "error" },
      ]);
    }
    expect(load("e.md", "---\ntitle: Only a title\n---\n").title).toBe("Only a title");
  });

  it("returns front matter errors as problems", () => {
    expect(problems("b.md", "---\ntitle: T\n")).toEqual([
      { path: "b.md", line: 1, message: "front matter opened on line 1 is never closed", severity: "error" },
    ]);
  });

  it("never throws, whatever the text", () => {
    const odd = ["\u0000\u0001", "---\n---\n---", "# \n#\n##", "\u202e- x: y", "Source:", "- :", "***\n***"];
    for (const text of odd) {
      const r = parseBriefing(file("x.md", text), []);
      if ("briefing" in r) expect(Briefing.safeParse(r.briefing).success, JSON.stringify(text)).toBe(true);
      else expect(r.problems.length).toBeGreaterThan(0);
    }
  });
});

describe("a title with no words", () => {
  it("falls back to the id", () => {
    const r = parseBriefing(file("dots.md", ". . .\n\nText follows."), []);
    expect("briefing" in r && r.briefing.title).toBe("dots");
  });
});
