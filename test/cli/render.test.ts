// The text renderers in-process, on a hand-made briefing: width limits with wide characters, hostile
// text, and the resolution rules of `print ID`.
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import type { Briefing, LoadResult } from "../../src/briefing/schema.js";
import { briefingMarkdown } from "../../src/cli/render/briefing-markdown.js";
import { briefingText } from "../../src/cli/render/briefing-text.js";
import { humanDate, monthHeading } from "../../src/cli/render/layout.js";
import { resolveBriefing } from "../../src/cli/resolve.js";
import { createStyle } from "../../src/cli/style.js";

function briefing(over: Partial<Briefing> = {}): Briefing {
  return {
    id: "harbour-vote",
    path: "/f/harbour-vote.md",
    relPath: "harbour-vote.md",
    title: "Council backs 港湾 ferry plan 🚢 after long debate",
    date: "2025-05-14",
    dateInferred: false,
    dateNote: null,
    story: null,
    follows: [],
    source: "Harbour Weekly",
    actors: ["Kestrel Bay Council"],
    tags: ["transport"],
    keyPoints: [{ text: "The vote was 7 to 2.", line: 6 }],
    sections: {
      whatHappened: [
        { text: "Councillors voted to keep the ferries running until the bridge reopens.", line: 9 },
        {
          text: "渡し船の運航は橋の再開まで続く予定で、費用は港湾局が負担する。",
          line: 11,
          subsection: "In Japanese",
        },
      ],
      whyItMatters: [{ text: "Commuters \x1b[2Jget certainty\u202e for the summer.", line: 14 }],
      whatToWatch: [],
    },
    glossary: [{ term: "Quorum", definition: "the fewest members needed for a valid vote.", line: 20 }],
    events: [],
    warnings: [],
    ...over,
  };
}

const plain = createStyle(false);

describe("print as text", () => {
  it.each([20, 27, 45, 80])("no line is wider than %i columns, CJK and emoji included", (width) => {
    const text = briefingText(briefing(), width, plain, null);
    for (const line of text.split("\n")) expect(stringWidth(line), line).toBeLessThanOrEqual(width);
  });

  it("shows hostile text visibly and an empty section as such", () => {
    const text = briefingText(briefing(), 80, plain, null);
    expect(text).not.toMatch(/[\x1b\u202e]/);
    expect(text).toContain("Commuters ^[[2Jget certainty<U+202E> for the summer.");
    expect(text).toMatch(/What to watch\n {2}\(nothing in this briefing\)/);
    expect(text).toMatch(/^Date +2025-05-14$/m);
  });

  it("says when a briefing has no date", () => {
    expect(briefingText(briefing({ date: null }), 80, plain, null)).toMatch(/^Date +undated$/m);
  });
});

describe("print as markdown", () => {
  it("writes the canonical shape with quoted front matter", () => {
    const md = briefingMarkdown(briefing({ title: "2026", dateInferred: true }), null);
    expect(md).toMatch(/^---\nid: "harbour-vote"\ntitle: "2026"\nsource: "Harbour Weekly"\n/);
    // An inferred date is left for the loader to infer again from the same text.
    expect(md).not.toMatch(/^date:/m);
    expect(md).toContain("\n- The vote was 7 to 2.\n\n## What happened\n\nCouncillors voted");
    expect(md).toContain("\n### In Japanese\n\n渡し船");
    expect(md).not.toContain("## What to watch");
    expect(md).toMatch(/## Glossary\n\n- Quorum: the fewest members needed for a valid vote\.\n$/);
    expect(md).not.toMatch(/[\x1b\u202e]/);
  });
});

describe("dates", () => {
  it("are shown at their precision", () => {
    expect(humanDate("2026-06-13")).toBe("Jun 13 2026");
    expect(humanDate("2026-03")).toBe("Mar 2026");
    expect(humanDate("2025")).toBe("2025");
    expect(monthHeading("2026-06")).toBe("June 2026");
    expect(monthHeading("2025")).toBe("2025");
  });
});

describe("resolving print ID", () => {
  const result: LoadResult = {
    dir: "/f",
    registry: [],
    briefings: [
      briefing(),
      briefing({ id: "harbour-view", path: "/f/sub/harbour-view.md", relPath: "sub/harbour-view.md" }),
      briefing({ id: "vote", path: "/f/vote.md", relPath: "vote.md" }),
    ],
    problems: [
      { path: "/f/broken.md", line: 2, message: "front matter is never closed", severity: "error" },
      { path: "/f/vote.md", line: 3, message: "unknown key", severity: "warning" },
    ],
  };
  const idOf = (q: string) => {
    const r = resolveBriefing(q, result, "/elsewhere");
    return r.kind === "briefing" ? r.briefing.id : r;
  };

  it("takes an exact id over a prefix, then a path, then a unique prefix", () => {
    expect(idOf("vote")).toBe("vote");
    expect(idOf("harbour-v")).toEqual({
      kind: "ambiguous",
      candidates: ["harbour-vote.md", "sub/harbour-view.md"],
    });
    expect(idOf("harbour-vi")).toBe("harbour-view");
    expect(idOf("HARBOUR-VOTE")).toBe("harbour-vote");
    expect(idOf("sub/harbour-view.md")).toBe("harbour-view");
    expect(idOf("/f/sub/harbour-view.md")).toBe("harbour-view");
    expect(idOf("nothing")).toEqual({ kind: "none", closest: [] });
  });

  it("takes a unique piece of an id or a title when nothing starts with it, and suggests ids on no match", () => {
    expect(idOf("view")).toBe("harbour-view");
    expect(idOf("VIEW")).toBe("harbour-view");
    expect(idOf("harbour")).toMatchObject({ kind: "ambiguous" });
    expect(idOf("vot")).toBe("vote");
    expect(idOf("arbour-vote")).toBe("harbour-vote");
    expect(idOf("harbuor-view")).toEqual({ kind: "none", closest: ["harbour-view"] });
    expect(idOf("harbour-vot")).toBe("harbour-vote");
    expect(idOf("harbor-vot")).toEqual({ kind: "none", closest: ["harbour-vote", "harbour-view"] });
  });

  it("finds a file that did not load, with its problems", () => {
    expect(idOf("broken")).toEqual({
      kind: "invalid",
      path: "/f/broken.md",
      problems: [result.problems[0]],
    });
    expect(idOf("bro")).toMatchObject({ kind: "invalid" });
  });
});
