import { describe, expect, it } from "vitest";
import { briefingLinks } from "../../src/briefing/links.js";

const para = (text: string) => ({ text, line: 1 });
const parts = (what: string[], source: string | null = null) => ({
  source,
  keyPoints: [],
  sections: { whatHappened: what.map(para), whyItMatters: [], whatToWatch: [] },
  glossary: [],
});

describe("briefingLinks", () => {
  it("numbers Markdown links, autolinks and bare URLs in reading order, each URL once", () => {
    const links = briefingLinks(
      parts(
        [
          "Read [the order](https://example.gov/order) and <https://example.org/a?b=1&c=2>.",
          "More at https://example.org/analysis, and again https://example.gov/order.",
        ],
        "https://news.example/story",
      ),
    );
    expect(links).toEqual([
      { n: 1, text: "https://news.example/story", url: "https://news.example/story" },
      { n: 2, text: "the order", url: "https://example.gov/order" },
      { n: 3, text: "https://example.org/a?b=1&c=2", url: "https://example.org/a?b=1&c=2" },
      { n: 4, text: "https://example.org/analysis", url: "https://example.org/analysis" },
    ]);
  });

  it("keeps only http and https links: a hostile briefing's file: or javascript: link is never opened", () => {
    const links = briefingLinks(
      parts(["[x](file:///etc/passwd) [y](javascript:alert(1)) <ssh://host> ftp://example.org/f"]),
    );
    expect(links).toEqual([]);
  });
});
