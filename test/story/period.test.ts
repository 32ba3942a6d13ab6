import { describe, expect, it } from "vitest";
import { parseBound, parsePeriod } from "../../src/story/period.js";

const TODAY = new Date(2026, 6, 15); // 2026-07-15, local time

describe("single periods", () => {
  it("reads a year as its first to last day", () => {
    expect(parsePeriod("2026", TODAY)).toEqual({ ok: true, since: "2026-01-01", until: "2026-12-31" });
  });

  it("reads a month as its first to last day", () => {
    expect(parsePeriod("2026-06", TODAY)).toEqual({ ok: true, since: "2026-06-01", until: "2026-06-30" });
  });

  it("knows February's length in a leap year", () => {
    expect(parsePeriod("2028-02", TODAY)).toEqual({ ok: true, since: "2028-02-01", until: "2028-02-29" });
  });

  it("reads a day as that day", () => {
    expect(parsePeriod("2026-06-13", TODAY)).toEqual({ ok: true, since: "2026-06-13", until: "2026-06-13" });
  });

  it("reads 7d, 2w, 3m and 1y as back from today with no end", () => {
    expect(["7d", "2w", "3m", "1y"].map((s) => parsePeriod(s, TODAY))).toEqual([
      { ok: true, since: "2026-07-08" },
      { ok: true, since: "2026-07-01" },
      { ok: true, since: "2026-04-15" },
      { ok: true, since: "2025-07-15" },
    ]);
  });

  it("ignores surrounding spaces", () => {
    expect(parsePeriod("  2026-06 ", TODAY)).toMatchObject({ ok: true, since: "2026-06-01" });
  });
});

describe("ranges", () => {
  it("reads since..until with mixed forms", () => {
    expect(parsePeriod("2026-06..2026-07-04", TODAY)).toEqual({
      ok: true,
      since: "2026-06-01",
      until: "2026-07-04",
    });
  });

  it("reads an open end", () => {
    expect(parsePeriod("2026-06-10..", TODAY)).toEqual({ ok: true, since: "2026-06-10" });
  });

  it("reads an open start, taking the last day of a period", () => {
    expect(parsePeriod("..2026-06", TODAY)).toEqual({ ok: true, until: "2026-06-30" });
  });

  it("reads a relative bound in a range", () => {
    expect(parsePeriod("2026-06..7d", TODAY)).toEqual({ ok: true, since: "2026-06-01", until: "2026-07-08" });
  });
});

describe("errors say why", () => {
  it("names a month that does not exist", () => {
    expect(parsePeriod("2026-13", TODAY)).toEqual({ ok: false, error: "month 13 does not exist" });
  });

  it("names a day that does not exist and the month's length", () => {
    expect(parsePeriod("2026-02-30", TODAY)).toEqual({
      ok: false,
      error: "2026-02-30 does not exist (February 2026 has 28 days)",
    });
  });

  it("refuses since after until", () => {
    expect(parsePeriod("2026-07..2026-06", TODAY)).toEqual({
      ok: false,
      error: "since 2026-07-01 is after until 2026-06-30",
    });
  });

  it("lists the accepted forms for something unreadable", () => {
    const result = parsePeriod("last week", TODAY);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain("expected YYYY, YYYY-MM, YYYY-MM-DD or Nd/Nw/Nm/Ny");
  });

  it("says which side of a range is wrong", () => {
    const result = parsePeriod("2026-06..2026-14", TODAY);
    expect(result).toEqual({ ok: false, error: "until: month 14 does not exist" });
  });

  it("refuses a bare '..'", () => {
    expect(parsePeriod("..", TODAY).ok).toBe(false);
  });

  it("refuses an empty entry", () => {
    expect(parsePeriod("   ", TODAY).ok).toBe(false);
  });
});

describe("single bounds", () => {
  it("takes the first day of a period for since and the last for until", () => {
    expect([parseBound("2026-06", TODAY, "since"), parseBound("2026-06", TODAY, "until")]).toEqual([
      { ok: true, date: "2026-06-01" },
      { ok: true, date: "2026-06-30" },
    ]);
  });

  it("refuses a range where one date is expected", () => {
    expect(parseBound("2026-06..2026-07", TODAY, "since").ok).toBe(false);
  });
});
