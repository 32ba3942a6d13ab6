import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractEvents, findFirstDate, splitSentences } from "../../src/briefing/dates.js";

const REF = "2026-06-27";

function events(text: string, refDate: string | null = REF, line = 1) {
  return extractEvents([{ text, line }], refDate);
}

function dates(text: string, refDate: string | null = REF): string[] {
  return events(text, refDate).map((e) => e.date);
}

describe("sentences", () => {
  it("does not end a sentence at U.S., Inc. or Dr.", () => {
    const text = "Officials in the U.S. government met Acme Inc. and Dr. Rivera on Monday. Talks ended.";
    const parts = splitSentences(text).map((s) => text.slice(s.start, s.end));
    expect(parts).toEqual([
      "Officials in the U.S. government met Acme Inc. and Dr. Rivera on Monday.",
      "Talks ended.",
    ]);
  });

  it("ends a sentence at U.S. when a new sentence clearly follows", () => {
    const text = "The models were pulled in the U.S. The company complied.";
    expect(splitSentences(text)).toHaveLength(2);
  });

  it("ends sentences at question and exclamation marks", () => {
    const text = "Was it June 12? Nobody agrees! Reports differ.";
    expect(splitSentences(text)).toHaveLength(3);
  });
});

describe("day dates", () => {
  it("reads 'June 12' with the year of the briefing and says so", () => {
    expect(events("The order arrived on June 12.")).toEqual([
      {
        date: "2026-06-12",
        precision: "day",
        yearInferred: true,
        yearUnknown: false,
        expected: false,
        text: "The order arrived on June 12.",
        line: 1,
      },
    ]);
  });

  it("reads 'June 13, 2026' with its own year", () => {
    const [e] = events("It began on June 13, 2026, with a directive.", "2027-01-01");
    expect(e).toMatchObject({ date: "2026-06-13", precision: "day", yearInferred: false });
  });

  it("reads day-first dates", () => {
    expect(dates("Signed 12 June 2026 in Washington.")).toEqual(["2026-06-12"]);
  });

  it("reads ISO dates", () => {
    expect(dates("Filed 2026-06-13 by the bureau.")).toEqual(["2026-06-13"]);
  });

  it("reads abbreviated months with and without a dot", () => {
    expect(dates("Talks opened Jun. 15 and resumed Sept 2.")).toEqual(["2026-06-15", "2026-09-02"]);
  });

  it("reads ordinal days", () => {
    expect(dates("The ban took effect on June 12th.")).toEqual(["2026-06-12"]);
  });

  it("rejects February 30", () => {
    expect(dates("A memo dated February 30, 2026 circulated.")).toEqual([]);
  });

  it("rejects an impossible ISO date", () => {
    expect(dates("Stamped 2026-02-30 by mistake.")).toEqual([]);
  });

  it("keeps a date without a year in an undated briefing, with its year unknown", () => {
    expect(events("The order arrived on June 12.", null)).toEqual([
      expect.objectContaining({ date: "--06-12", precision: "day", yearUnknown: true, yearInferred: false }),
    ]);
  });

  it("keeps a bare month in an undated briefing with its year unknown", () => {
    expect(events("Talks began in March.", null)).toEqual([
      expect.objectContaining({ date: "--03", precision: "month", yearUnknown: true }),
    ]);
  });

  it("still drops a day no year has (February 30) when the year is unknown", () => {
    expect(dates("It was due on February 30.", null)).toEqual([]);
    expect(dates("It was due on February 29.", null)).toEqual(["--02-29"]);
  });

  it("never takes a date with an unknown year as the briefing's date", () => {
    expect(findFirstDate([{ text: "On June 12 it began; on June 13, 2026 it ended.", line: 1 }])).toBe(
      "2026-06-13",
    );
  });

  it("keeps a fully written date when the briefing has no date", () => {
    expect(dates("The order arrived on June 12, 2026.", null)).toEqual(["2026-06-12"]);
  });
});

describe("expected events", () => {
  it("marks an event dated after the briefing as expected, at the event's precision", () => {
    const marks = (text: string) => events(text, "2026-06-26").map((e) => [e.date, e.expected]);
    expect(marks("The vote is on July 10.")).toEqual([["2026-07-10", true]]);
    expect(marks("Rules apply from July 2026.")).toEqual([["2026-07", true]]);
    expect(marks("It happened in June 2026.")).toEqual([["2026-06", false]]);
    expect(marks("It happened on June 26, 2026.")).toEqual([["2026-06-26", false]]);
    expect(marks("The law takes effect in 2027.")).toEqual([["2027", true]]);
  });

  it("expects nothing of an undated briefing", () => {
    expect(events("The vote is on July 10, 2031.", null)[0]!.expected).toBe(false);
  });
});

describe("month and year dates", () => {
  it("reads 'June 2026' as a month", () => {
    expect(events("Reviews resume in June 2026.")[0]).toMatchObject({ date: "2026-06", precision: "month" });
  });

  it("reads 'Earlier in March' as March of the briefing's year", () => {
    expect(events("Earlier in March, the company sued the Pentagon.")[0]).toMatchObject({
      date: "2026-03",
      precision: "month",
      yearInferred: true,
    });
  });

  it("reads 'mid-March' and 'early May' as months", () => {
    expect(dates("Drafts circulated in mid-March and again in early May.")).toEqual(["2026-03", "2026-05"]);
  });

  it("reads 'in 2025' and 'since 2025' as years", () => {
    const found = events("The rule dates from 2025. It has applied since 2024.");
    expect(found.map((e) => [e.date, e.precision])).toEqual([
      ["2025", "year"],
      ["2024", "year"],
    ]);
  });

  it("does not read a month name used as a verb or modal", () => {
    expect(dates("Protesters march on the capital; officials may respond.")).toEqual([]);
  });

  it("does not read a bare capitalised month without a cue", () => {
    expect(dates("March brought rain.")).toEqual([]);
  });
});

describe("numbers that are not dates", () => {
  it("ignores model versions, money and counts", () => {
    expect(dates("GPT-5.6 costs $2025 a seat for 2,000 users; Mythos 5 has 2025 parameters.")).toEqual([]);
  });

  it("ignores years outside 1900-2100", () => {
    expect(dates("In 1850 and by 2150 nothing happened.")).toEqual([]);
  });

  it("ignores decades and ranges that are not one year", () => {
    expect(dates("Growth in the 2020s and in 2025-26 budgets.")).toEqual([]);
  });

  it("ignores relative phrases", () => {
    expect(dates("Earlier this month and two weeks after the order, talks stalled.")).toEqual([]);
  });

  it("does not read a day into a larger number", () => {
    expect(dates("By June 12,000 accounts had been closed.")).toEqual([]);
  });
});

describe("events", () => {
  it("gives each date the sentence it came from", () => {
    const found = events("The U.S. ordered a halt on June 12. Talks began on June 20 in Washington.");
    expect(found.map((e) => e.text)).toEqual([
      "The U.S. ordered a halt on June 12.",
      "Talks began on June 20 in Washington.",
    ]);
  });

  it("gives the line the date is on when a paragraph spans lines", () => {
    const found = extractEvents(
      [{ text: "The order came\nlate, on\nJune 12, and talks followed.", line: 10 }],
      REF,
    );
    expect(found[0]?.line).toBe(12);
    expect(found[0]?.text).toBe("The order came late, on June 12, and talks followed.");
  });

  it("gives each of several dates the line it is on, dates on one line and lines with none between", () => {
    const found = extractEvents(
      [{ text: "On June 12\nand June 13 talks\n\nwent on.\nThen June 20,\nJune 21 and June 22.", line: 3 }],
      REF,
    );
    expect(found.map((e) => [e.date.slice(5), e.line])).toEqual([
      ["06-12", 3],
      ["06-13", 4],
      ["06-20", 7],
      ["06-21", 8],
      ["06-22", 8],
    ]);
  });

  it("lists two dates in one sentence as two events", () => {
    expect(dates("Reports put the order on June 12 or June 13.")).toEqual(["2026-06-12", "2026-06-13"]);
  });

  it("keeps text order across paragraphs", () => {
    const found = extractEvents(
      [
        { text: "In 2025 rules were written.", line: 1 },
        { text: "On June 12 they were used.", line: 3 },
      ],
      REF,
    );
    expect(found.map((e) => [e.date, e.line])).toEqual([
      ["2025", 1],
      ["2026-06-12", 3],
    ]);
  });
});

describe("first date", () => {
  it("is the first day with a written year", () => {
    const paras = [
      { text: "On June 12 the order came; in 2025 the rule was set.", line: 1 },
      { text: "It all began on June 13, 2026, in Washington.", line: 3 },
    ];
    expect(findFirstDate(paras)).toBe("2026-06-13");
  });

  it("is null when no date carries its year", () => {
    expect(findFirstDate([{ text: "It began on June 13 in 2026.", line: 1 }])).toBeNull();
  });

  it("is the first full date of the events an undated briefing shows", () => {
    // Slash dates whose order only another paragraph tells, impossible days, dates without a year,
    // months and years before the day: the first full event, whatever comes before it.
    const piece = fc.constantFrom(
      "On June 12 it began.",
      "It ended on June 13, 2026.",
      "Talks resumed on 14 March 2025 in Geneva.",
      "In 2025 rules were written.",
      "By early May nothing had moved.",
      "Filed 4/9/2027 and again 4/10/2027.",
      "Signed 25/3/2027.",
      "Due 3/26/2027.",
      "Not on February 30, 2026.",
      "Version 1.2.2026 shipped.",
      "Set for 2026-07-01.",
      "No date here. Mr. Smith spoke.",
      "",
    );
    const paras = fc
      .array(
        fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(" ")),
        { maxLength: 5 },
      )
      .map((texts) => texts.map((text, i) => ({ text, line: 2 * i + 1 })));
    fc.assert(
      fc.property(paras, (ps) => {
        const first = extractEvents(ps, null).find((e) => e.precision === "day" && !e.yearUnknown);
        expect(findFirstDate(ps)).toBe(first?.date ?? null);
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });
});

describe("numeric dates", () => {
  it("reads a dotted date day first", () => {
    expect(dates("The deal was signed on 25.03.2027 and dated 12.03.2027.")).toEqual([
      "2027-03-25",
      "2027-03-12",
    ]);
  });

  it("reads a slash date when a number above 12 says which is the day", () => {
    expect(dates("Noted on 3/26/2027.")).toEqual(["2027-03-26"]);
    expect(dates("Noted on 26/3/2027.")).toEqual(["2027-03-26"]);
  });

  it("leaves an ambiguous slash date alone unless the briefing's other slash dates tell the order", () => {
    expect(dates("The meeting is on 4/9/2027.")).toEqual([]);
    const paras = [
      { text: "The deal was noted on 3/26/2027.", line: 1 },
      { text: "The meeting is on 4/9/2027.", line: 3 },
    ];
    expect(extractEvents([paras[1]!], REF, paras).map((e) => e.date)).toEqual(["2027-04-09"]);
    const dayFirst = [{ text: "Noted on 26/3/2027; the meeting is on 4/9/2027.", line: 1 }];
    expect(extractEvents(dayFirst, REF).map((e) => e.date)).toEqual(["2027-03-26", "2027-09-04"]);
    const mixed = [{ text: "On 26/3/2027 and 3/27/2027; then 4/9/2027.", line: 1 }];
    expect(extractEvents(mixed, REF).map((e) => e.date)).toEqual(["2027-03-26", "2027-03-27"]);
  });

  it("takes no version number, address or impossible day for a date", () => {
    expect(dates("Version 1.2.2027.4 and 10.12.20271 and 31.02.2027 and /12/03/2027.")).toEqual([]);
  });
});
