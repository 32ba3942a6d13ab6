import { describe, expect, it } from "vitest";
import type { RegistryActor } from "../../src/briefing/schema.js";
import {
  applyFilter,
  describeFilter,
  emptyFilter,
  type Filter,
  filterTimeline,
  isEmptyFilter,
  withoutDates,
} from "../../src/story/filter.js";
import { buildTimeline } from "../../src/story/timeline.js";
import { makeBriefing } from "./factory.js";

const REGISTRY: RegistryActor[] = [
  { name: "Bureau of Industry and Security", kind: "agency", aliases: ["BIS"] },
];

const june = makeBriefing({
  id: "june",
  date: "2026-06-14",
  actors: ["Bureau of Industry and Security"],
  tags: ["export-controls"],
  text: ["The order reached Anthropic."],
  events: [
    { date: "2026-06-12", text: "The order came." },
    { date: "2025", precision: "year", text: "Rules were written in 2025." },
  ],
});
const july = makeBriefing({
  id: "july",
  date: "2026-07-02",
  tags: ["Reversal"],
  text: ["The White House lifted the rules; the bureau (BIS) agreed."],
  events: [{ date: "2026-06", precision: "month", text: "The order of June was lifted." }],
});
const undated = makeBriefing({ id: "undated", date: null, text: ["Palantir watched."] });
const ALL = [june, july, undated];

function filter(f: Partial<Filter>): Filter {
  return { ...emptyFilter, ...f };
}

function ids(f: Partial<Filter>): string[] {
  return applyFilter(ALL, filter(f), REGISTRY).map((b) => b.id);
}

describe("empty filter", () => {
  it("is empty and lets everything through", () => {
    expect(isEmptyFilter(emptyFilter)).toBe(true);
    expect(ids({})).toEqual(["june", "july", "undated"]);
  });

  it("is not empty with only a query", () => {
    expect(isEmptyFilter(filter({ query: "order" }))).toBe(false);
  });
});

describe("dates", () => {
  it("keeps briefings dated within the bounds, inclusive", () => {
    expect(ids({ since: "2026-06-14", until: "2026-07-01" })).toEqual(["june"]);
  });

  it("leaves out undated briefings when a bound is set", () => {
    expect(ids({ since: "2000-01-01" })).toEqual(["june", "july"]);
  });
});

describe("actors", () => {
  it("matches the canonical name through an alias", () => {
    expect(ids({ actors: ["bis"] })).toContain("june");
  });

  it("matches a mention in the text", () => {
    expect(ids({ actors: ["BIS"] })).toEqual(["june", "july"]);
  });

  it("matches any of several actors", () => {
    expect(ids({ actors: ["Palantir", "Bureau of Industry and Security"] })).toEqual([
      "june",
      "july",
      "undated",
    ]);
  });

  it("does not match inside another word", () => {
    expect(ids({ actors: ["Pal"] })).toEqual([]);
  });
});

describe("tags and query", () => {
  it("matches any tag, case-insensitively", () => {
    expect(ids({ tags: ["reversal", "nothing"] })).toEqual(["july"]);
  });

  it("combines the parts: every part must hold", () => {
    expect(ids({ tags: ["export-controls"], query: "lifted" })).toEqual([]);
  });

  it("matches the query in the text", () => {
    expect(ids({ query: "palantir" })).toEqual(["undated"]);
  });
});

describe("timeline filter", () => {
  const timeline = buildTimeline(ALL);

  it("keeps events within the dates at their own precision", () => {
    const f = filter({ since: "2026-06-10", until: "2026-06-30" });
    const kept = filterTimeline(timeline, f, applyFilter(ALL, withoutDates(f), REGISTRY));
    // The june briefing's own entry (June 14) is an event of the timeline like any other.
    expect(kept.map((e) => [e.kind, e.date])).toEqual([
      ["event", "2026-06"],
      ["event", "2026-06-12"],
      ["entry", "2026-06-14"],
    ]);
  });

  it("keeps only events of the briefings given", () => {
    const kept = filterTimeline(timeline, emptyFilter, [july]);
    expect(kept.map((e) => e.briefingId)).toEqual(["july", "july"]);
  });
});

describe("description", () => {
  it("reads as a header line", () => {
    expect(describeFilter(filter({ since: "2026-06-01", actors: ["BIS"], tags: ["export-controls"] }))).toBe(
      "since 2026-06-01 · actor BIS · tag export-controls",
    );
  });

  it("shows a range, several actors and a query", () => {
    expect(
      describeFilter(
        filter({ since: "2026-06-01", until: "2026-06-30", actors: ["BIS", "Anthropic"], query: "ban" }),
      ),
    ).toBe('2026-06-01..2026-06-30 · actors BIS or Anthropic · search "ban"');
  });

  it("is empty for the empty filter", () => {
    expect(describeFilter(emptyFilter)).toBe("");
  });
});
