import { describe, expect, it } from "vitest";
import { FrontMatter, formatZodIssues } from "../../src/briefing/schema.js";

describe("front matter schema", () => {
  it("normalises an ISO date-time to its calendar day", () => {
    expect(FrontMatter.parse({ date: "2026-06-13T09:30:00Z" }).date).toBe("2026-06-13");
  });

  it("rejects an impossible date with a readable field message", () => {
    const result = FrontMatter.safeParse({ date: "2026-02-30" });
    expect(result.success).toBe(false);
    if (!result.success) expect(formatZodIssues(result.error)[0]).toMatch(/^date: /);
  });

  it("rejects a title that is not a string", () => {
    const result = FrontMatter.safeParse({ title: 123 });
    expect(result.success).toBe(false);
  });
});
