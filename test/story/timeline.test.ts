import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildTimeline,
  buildTimelineAsync,
  CONFLICT_WINDOW_DAYS,
  conflictRanges,
  eventFeatures,
  MAX_CONFLICT_WITH,
} from "../../src/story/timeline.js";
import { makeBriefing } from "./factory.js";

const ORDER_12 =
  "On June 12 the Trump administration ordered Anthropic to cut off foreign nationals from its Mythos 5 and Fable 5 models.";
const ORDER_13 =
  "It started on June 13, 2026, when the Trump Administration issued a directive barring foreign nationals from Anthropic's Fable 5 and Mythos 5 models.";

describe("timeline order", () => {
  it("puts events from all briefings in date order", () => {
    const a = makeBriefing({ date: null, id: "a", events: [{ date: "2026-06-20", text: "Talks began." }] });
    const b = makeBriefing({
      date: null,
      id: "b",
      events: [{ date: "2026-06-12", text: "The order came." }],
    });
    expect(buildTimeline([a, b]).map((e) => [e.date, e.briefingId])).toEqual([
      ["2026-06-12", "b"],
      ["2026-06-20", "a"],
    ]);
  });

  it("puts a month before the days of that month and after earlier days", () => {
    const b = makeBriefing({
      date: null,
      id: "a",
      events: [
        { date: "2026-06-01", text: "Day one." },
        { date: "2026-06", precision: "month", text: "Sometime in June." },
        { date: "2026-05-31", text: "The last of May." },
        { date: "2026", precision: "year", text: "This year." },
      ],
    });
    expect(buildTimeline([b]).map((e) => e.date)).toEqual(["2026", "2026-05-31", "2026-06", "2026-06-01"]);
  });

  it("keeps briefing order for events on the same date", () => {
    const a = makeBriefing({ date: null, id: "a", events: [{ date: "2026-06-12", text: "First report." }] });
    const b = makeBriefing({ date: null, id: "b", events: [{ date: "2026-06-12", text: "Second report." }] });
    expect(buildTimeline([a, b]).map((e) => e.briefingId)).toEqual(["a", "b"]);
    expect(buildTimeline([b, a]).map((e) => e.briefingId)).toEqual(["b", "a"]);
  });

  it("carries the sentence, line and briefing of each event", () => {
    const a = makeBriefing({
      date: null,
      id: "a",
      events: [{ date: "2026-06-12", text: ORDER_12, line: 9 }],
    });
    expect(buildTimeline([a])[0]).toEqual({
      kind: "event",
      expected: false,
      yearUnknown: false,
      date: "2026-06-12",
      precision: "day",
      text: ORDER_12,
      line: 9,
      briefingId: "a",
      conflict: false,
      conflictWith: [],
    });
  });
});

describe("conflicting reports", () => {
  it("flags two briefings that date the same order a day apart, each naming the other", () => {
    const a = makeBriefing({ date: null, id: "stalled", events: [{ date: "2026-06-12", text: ORDER_12 }] });
    const b = makeBriefing({ date: null, id: "talks", events: [{ date: "2026-06-13", text: ORDER_13 }] });
    const [first, second] = buildTimeline([a, b]);
    expect(first).toMatchObject({
      conflict: true,
      conflictWith: [{ date: "2026-06-13", briefingId: "talks" }],
    });
    expect(second).toMatchObject({
      conflict: true,
      conflictWith: [{ date: "2026-06-12", briefingId: "stalled" }],
    });
  });

  it("does not flag reports that agree on the date", () => {
    const a = makeBriefing({ date: null, id: "a", events: [{ date: "2026-06-12", text: ORDER_12 }] });
    const b = makeBriefing({
      date: null,
      id: "b",
      events: [{ date: "2026-06-12", text: ORDER_13.replace("13", "12") }],
    });
    expect(buildTimeline([a, b]).some((e) => e.conflict)).toBe(false);
  });

  it("does not flag two dates inside one briefing", () => {
    const a = makeBriefing({
      date: null,
      id: "a",
      events: [
        { date: "2026-06-12", text: ORDER_12 },
        { date: "2026-06-13", text: ORDER_13 },
      ],
    });
    expect(buildTimeline([a]).some((e) => e.conflict)).toBe(false);
  });

  it("does not flag the same event reported more than a week apart", () => {
    const a = makeBriefing({ date: null, id: "a", events: [{ date: "2026-06-12", text: ORDER_12 }] });
    const b = makeBriefing({ date: null, id: "b", events: [{ date: "2026-06-20", text: ORDER_13 }] });
    expect(buildTimeline([a, b]).some((e) => e.conflict)).toBe(false);
  });

  it("does not flag a different event about the same company a few days later", () => {
    const a = makeBriefing({ date: null, id: "a", events: [{ date: "2026-06-12", text: ORDER_12 }] });
    const b = makeBriefing({
      date: null,
      id: "b",
      events: [
        { date: "2026-06-15", text: "On June 15 Anthropic sent executives to Washington to negotiate." },
      ],
    });
    expect(buildTimeline([a, b]).some((e) => e.conflict)).toBe(false);
  });

  it("does not flag the lifting of the order as the order itself", () => {
    const a = makeBriefing({ date: null, id: "a", events: [{ date: "2026-06-12", text: ORDER_12 }] });
    const b = makeBriefing({
      date: null,
      id: "b",
      events: [
        {
          date: "2026-06-16",
          text: "On June 16 Anthropic restored access to its Mythos 5 and Fable 5 models for foreign nationals.",
        },
      ],
    });
    expect(buildTimeline([a, b]).some((e) => e.conflict)).toBe(false);
  });

  it("does not flag the same kind of order against a different company", () => {
    const a = makeBriefing({ date: null, id: "a", events: [{ date: "2026-06-12", text: ORDER_12 }] });
    const b = makeBriefing({
      date: null,
      id: "b",
      events: [
        {
          date: "2026-06-14",
          text: "On June 14 the Trump administration ordered OpenAI to stagger GPT-5.6.",
        },
      ],
    });
    expect(buildTimeline([a, b]).some((e) => e.conflict)).toBe(false);
  });

  it("does not compare month-precision events", () => {
    const a = makeBriefing({
      date: null,
      id: "a",
      events: [{ date: "2026-06", precision: "month", text: ORDER_12 }],
    });
    const b = makeBriefing({ date: null, id: "b", events: [{ date: "2026-06-13", text: ORDER_13 }] });
    expect(buildTimeline([a, b]).some((e) => e.conflict)).toBe(false);
  });

  it("names every other report of the event", () => {
    const a = makeBriefing({ date: null, id: "a", events: [{ date: "2026-06-12", text: ORDER_12 }] });
    const b = makeBriefing({ date: null, id: "b", events: [{ date: "2026-06-13", text: ORDER_13 }] });
    const c = makeBriefing({
      date: null,
      id: "c",
      events: [{ date: "2026-06-14", text: ORDER_12.replace("12", "14") }],
    });
    const first = buildTimeline([a, b, c])[0]!;
    expect(first.conflictWith.map((x) => x.briefingId).sort()).toEqual(["b", "c"]);
  });

  it("finds the conflict among many unrelated events", () => {
    // Unrelated sentences: each made of words no other sentence uses.
    const word = (n: number) =>
      [0, 1, 2, 3].map((k) => String.fromCharCode(97 + ((n >> (k * 4)) % 16))).join("");
    const noise = Array.from({ length: 300 }, (_, i) =>
      makeBriefing({
        date: null,
        id: `n${i}`,
        events: [
          {
            date: `2026-06-${String((i % 28) + 1).padStart(2, "0")}`,
            text: `The ${word(i * 3)} ${word(i * 3 + 1)} met the ${word(i * 3 + 2)} administration.`,
          },
        ],
      }),
    );
    const a = makeBriefing({ date: null, id: "a", events: [{ date: "2026-06-12", text: ORDER_12 }] });
    const b = makeBriefing({ date: null, id: "b", events: [{ date: "2026-06-13", text: ORDER_13 }] });
    const flagged = buildTimeline([...noise, a, b]).filter((e) => e.conflict);
    expect(flagged.map((e) => e.briefingId)).toEqual(["a", "b"]);
  });
});

describe("a syndicated story repeated many times", () => {
  it("flags every copy but names only a handful of the others", () => {
    // 400 briefings carrying the same sentence, half dated a day after the other half.
    const copies = Array.from({ length: 400 }, (_, i) =>
      makeBriefing({
        date: null,
        id: `copy-${i}`,
        events: [{ date: i % 2 === 0 ? "2026-06-12" : "2026-06-13", text: ORDER_12 }],
      }),
    );
    const timeline = buildTimeline(copies);
    expect(timeline).toHaveLength(400);
    expect(timeline.every((e) => e.conflict)).toBe(true);
    expect(Math.max(...timeline.map((e) => e.conflictWith.length))).toBe(MAX_CONFLICT_WITH);
    for (const e of timeline) expect(e.conflictWith.every((c) => c.date !== e.date)).toBe(true);
  });
});

describe("buildTimelineAsync", () => {
  it("builds the same timeline, pausing along the way", async () => {
    const briefings = Array.from({ length: 300 }, (_, i) =>
      makeBriefing({
        date: null,
        id: `b${i}`,
        events: [
          { date: `2026-06-${String(10 + (i % 9)).padStart(2, "0")}`, text: i % 2 ? ORDER_12 : ORDER_13 },
          { date: "2026-07", precision: "month", text: `Talks number ${i} began.` },
        ],
      }),
    );
    let pauses = 0;
    const async = await buildTimelineAsync(briefings, () => {
      pauses++;
      return undefined;
    });
    expect(async).toEqual(buildTimeline(briefings));
    expect(async.some((e) => e.conflict)).toBe(true);
    expect(pauses).toBeGreaterThan(0);
  });
});

describe("briefings on the timeline", () => {
  it("puts every dated briefing on its own date as an entry, before that date's events", () => {
    const a = makeBriefing({
      id: "a",
      title: "Talks open",
      date: "2026-06-16",
      events: [
        { date: "2026-06-16", text: "Talks opened today." },
        { date: "2026-06-13", text: "The order came." },
      ],
    });
    const b = makeBriefing({ id: "b", title: "Controls lifted", date: "2026-07-01" });
    expect(buildTimeline([a, b]).map((e) => [e.kind, e.date, e.text])).toEqual([
      ["event", "2026-06-13", "The order came."],
      ["entry", "2026-06-16", "Talks open"],
      ["event", "2026-06-16", "Talks opened today."],
      ["entry", "2026-07-01", "Controls lifted"],
    ]);
  });

  it("gives an undated briefing no entry", () => {
    const u = makeBriefing({ id: "u", date: null, events: [{ date: "2026-06-12", text: "It began." }] });
    expect(buildTimeline([u]).map((e) => e.kind)).toEqual(["event"]);
  });

  it("never flags an entry as a conflicting report, even with a title like an event a day away", () => {
    const a = makeBriefing({ id: "a", title: ORDER_12, date: "2026-06-13" });
    const b = makeBriefing({ id: "b", date: null, events: [{ date: "2026-06-12", text: ORDER_12 }] });
    expect(buildTimeline([a, b]).some((e) => e.conflict)).toBe(false);
  });

  it("carries an event's expected flag", () => {
    const a = makeBriefing({
      id: "a",
      date: "2026-06-26",
      events: [{ date: "2026-07-10", text: "The vote is due.", expected: true }],
    });
    expect(buildTimeline([a]).find((e) => e.kind === "event")).toMatchObject({ expected: true });
  });

  it("puts events with an unknown year after every dated one", () => {
    const u = makeBriefing({
      id: "u",
      date: null,
      events: [
        { date: "--06-12", text: "It began.", yearUnknown: true },
        { date: "--03", precision: "month", text: "Talks in March.", yearUnknown: true },
      ],
    });
    const d = makeBriefing({ id: "d", date: null, events: [{ date: "2031-01-01", text: "Later." }] });
    expect(buildTimeline([u, d]).map((e) => e.date)).toEqual(["2031-01-01", "--03", "--06-12"]);
  });
});

describe("conflictRanges (what a change on some days makes the store search again)", () => {
  it("is each changed day and the week before it, overlapping weeks merged, apart ones kept apart", () => {
    const w = CONFLICT_WINDOW_DAYS;
    expect(conflictRanges([100])).toEqual([{ from: 100 - w, to: 100 }]);
    expect(conflictRanges([112, 100, 104, 100])).toEqual([{ from: 100 - w, to: 112 }]);
    expect(conflictRanges([100, 100 + w + 2])).toEqual([
      { from: 100 - w, to: 100 },
      { from: 102, to: 100 + w + 2 },
    ]);
    expect(conflictRanges([])).toEqual([]);
  });
});

describe("eventFeatures cuts words as /\\p{L}[\\p{L}\\p{N}'’-]*/u does", () => {
  const WORD = /\p{L}[\p{L}\p{N}'’-]*/gu;
  const pieces = fc.constantFrom(
    ..."a B z Z 0 9 ' ’ - _ . , ( ) é É ß Σ ς ı İ ٣ ² 𝐀 😀 \u0301 \ud800 \udc00 \u00a0 \t \n  Order orders lifted the US's Biden’s co-founder".split(
      " ",
    ),
    " ",
  );
  it("on generated text: the same words, names and acts as word by word", () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (ps) => {
        const text = ps.join("");
        const words = [...text.matchAll(WORD)].map((m) => m[0]);
        const expected = { words: new Set<string>(), names: new Set<string>(), acts: new Set<string>() };
        words.forEach((w, i) => {
          for (const x of eventFeatures(w).words) expected.words.add(x);
          for (const x of eventFeatures(w).acts) expected.acts.add(x);
          // A word's name counts only after the first word ("x" is a word too short to keep).
          if (i > 0) for (const x of eventFeatures(`x ${w}`).names) expected.names.add(x);
        });
        expect(eventFeatures(text)).toEqual(expected);
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });
});
