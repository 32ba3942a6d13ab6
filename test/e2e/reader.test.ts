// A reader's tour of the bundled story in a real pseudo-terminal: views, a briefing read to the end,
// search, filters, help and resizing, each checked on the screen a person would see.
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, BUNDLED_BRIEFINGS, type Session, start } from "./harness.js";
import { cliJson, escapeRegExp, type IndexedActor, type ListedBriefing } from "./story.js";

const HEADINGS = ["What happened", "Why it matters", "What to watch"];

let briefings: ListedBriefing[];
let actors: IndexedActor[];

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build`);
  briefings = cliJson<ListedBriefing[]>(BUNDLED_BRIEFINGS, "list");
  actors = cliJson<IndexedActor[]>(BUNDLED_BRIEFINGS, "actors");
});

const header = (s: Session) => s.lines().slice(0, 2).join("\n");

/** Presses `key` until `check` holds, waiting for each press to change the screen; fails at the end. */
async function pressUntil(s: Session, key: string, check: (screen: string) => boolean, what: string) {
  for (let i = 0; i < 40 && !check(s.screenText()); i++) {
    const before = s.screenText();
    s.press(key);
    await s.waitFor((screen) => screen !== before, `${what} (after ${key})`);
  }
  expect(check(s.screenText()), what).toBe(true);
}

describe("the reader on the bundled story", () => {
  let s: Session;
  beforeAll(async () => {
    s = start({ cols: 100, rows: 30 });
    await s.waitForText(/Timeline/);
  });
  afterAll(() => s?.close());

  it("opens on the timeline, grouped by month", async () => {
    expect(header(s)).toContain("signaldesk");
    expect(s.screenText()).toMatch(/June 2026/);
  });

  it("moves between the three views with 1/2/3 and Tab", async () => {
    s.press("2");
    for (const b of briefings.slice(0, 5)) await s.waitForText(b.title.slice(0, 30));
    s.press("3");
    const terms = briefings.flatMap((b) => b.glossary.map((g) => g.term)).sort((a, b) => a.localeCompare(b));
    await s.waitForText(terms[0]!);
    s.press("Tab");
    await s.waitForText(/June 2026/);
    s.press("ShiftTab");
    await s.waitForText(terms[0]!);
    s.press("1");
    await s.waitForText(/June 2026/);
  });

  it("opens a briefing and reads all three sections", async () => {
    s.press("2");
    await s.waitForText(briefings[0]!.title.slice(0, 30));
    s.press("Enter");
    await s.waitForText(HEADINGS[0]!);
    const seen = new Set<string>();
    const note = (screen: string) => {
      for (const h of HEADINGS) if (screen.includes(h)) seen.add(h);
      return seen.size === HEADINGS.length;
    };
    await pressUntil(s, "PgDn", note, "all three section headings");
    s.press("Esc");
    await s.waitFor((screen) => !screen.includes(HEADINGS[2]!), "the list again");
  });
});

describe("resizing", () => {
  it("re-lays out at once and never draws past the edge", async () => {
    const s = start({ cols: 100, rows: 30 });
    try {
      await s.waitForText(/Timeline/);
      expect(s.overflow()).toEqual([]);
      s.resize(60, 20);
      await s.waitFor((screen) => screen.split("\n").length === 20, "the smaller frame");
      expect(s.overflow()).toEqual([]);
      s.resize(30, 8);
      await s.waitForText(/too small/i);
      s.resize(100, 30);
      await s.waitForText(/Timeline/);
      expect(s.overflow()).toEqual([]);
      s.press("q");
      expect((await s.exit).exitCode).toBe(0);
    } finally {
      s.close();
    }
  });
});

export { actors, escapeRegExp };
