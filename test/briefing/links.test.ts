import { describe, expect, it } from "vitest";
import { briefingLinks, openableLinks } from "../../src/briefing/links.js";
import { parseBriefing } from "../../src/briefing/parse.js";

function briefing(body: string) {
  const text = `# Links\n\n## What happened\n\n${body}\n`;
  const r = parseBriefing({ path: "/l.md", relPath: "l.md", text, size: text.length, mtimeMs: 0 }, []);
  if (!("briefing" in r)) throw new Error(JSON.stringify(r.problems));
  return r.briefing;
}

describe("briefingLinks", () => {
  it("numbers Markdown links, autolinks and bare URLs in reading order, each URL once", () => {
    const b = briefing(
      [
        "Read [the order](https://example.gov/order) and <https://example.org/a?b=1&c=2>.",
        "",
        "More at https://example.org/analysis, and again [here](https://example.gov/order).",
      ].join("\n"),
    );
    expect(briefingLinks(b).map(({ n, url }) => ({ n, url }))).toEqual([
      { n: 1, url: "https://example.gov/order" },
      { n: 2, url: "https://example.org/a?b=1&c=2" },
      { n: 3, url: "https://example.org/analysis" },
    ]);
    expect(briefingLinks(b)[0]!.text).toBe("the order");
  });
});

describe("openableLinks (what `o` may open)", () => {
  it("keeps only http and https links, each with the number the text shows", () => {
    const b = briefing(
      "[x](file:///etc/passwd) [y](javascript:alert(1)) [mail](mailto:a@example.org) [web](https://example.org/w)",
    );
    const all = briefingLinks(b);
    const web = all.find((l) => l.url === "https://example.org/w");
    expect(web).toBeDefined();
    expect(openableLinks(b)).toEqual([web]);
  });
});
