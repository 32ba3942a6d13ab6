// A reader's tour of the bundled story in a real pseudo-terminal: views, a briefing read to the end,
// search, filters, help and resizing, each checked on the screen a person would see.
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, BUNDLED_BRIEFINGS, type Session, start } from "./harness.js";
import { cliJson, type ListedBriefing, newestFirst } from "./story.js";

const HEADINGS = ["What happened", "Why it matters", "What to watch"];
const TAB = {
  timeline: "[1 Timeline]",
  briefings: "[2 Briefings]",
  glossary: "[3 Glossary]",
  agenda: "[4 Agenda]",
};

let briefings: ListedBriefing[];

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build`);
  briefings = cliJson<ListedBriefing[]>(BUNDLED_BRIEFINGS, "list");
});

const header = (s: Session) => s.lines().slice(0, 2).join("\n");
/** The row under the cursor, marked `›` in every list. */
const selected = (s: Session) => s.lines().find((l) => l.trimStart().startsWith("›")) ?? "";
const titleStart = (b: ListedBriefing) => b.title.slice(0, 24);

/** Presses `key` until `check` holds, waiting for each press to change the screen. */
async function pressUntil(s: Session, key: string, check: (screen: string) => boolean, what: string) {
  for (let i = 0; i < 40 && !check(s.screenText()); i++) {
    const before = s.screenText();
    s.press(key);
    await s.waitFor((screen) => screen !== before, `${what} (after ${key})`);
  }
  expect(check(s.screenText()), what).toBe(true);
}

describe("a tour of the bundled story", () => {
  let s: Session;
  beforeAll(async () => {
    s = start({ cols: 100, rows: 30 });
    await s.waitForText(TAB.timeline);
  });
  afterAll(async () => {
    s.press("q");
    expect((await s.exit).exitCode).toBe(0);
    s.close();
  });

  it("opens on the timeline, grouped by month, with every briefing counted", () => {
    expect(header(s)).toContain("signaldesk");
    expect(header(s)).toContain(`${briefings.length} briefings`);
    expect(s.screenText()).toMatch(/^ *(January|February|March|April|May|June|July|August) 20\d\d/m);
    expect(s.overflow()).toEqual([]);
  });

  it("moves between the three views with 1/2/3, Tab and Shift-Tab", async () => {
    s.press("2");
    await s.waitForText(TAB.briefings);
    for (const b of briefings) expect(s.screenText()).toContain(titleStart(b));
    s.press("3");
    await s.waitForText(TAB.glossary);
    const terms = briefings.flatMap((b) => b.glossary.map((g) => g.term));
    const first = [...terms].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }))[0]!;
    expect(s.screenText()).toContain(first);
    s.press("Tab");
    await s.waitForText(TAB.agenda);
    s.press("ShiftTab");
    await s.waitForText(TAB.glossary);
    s.press("1");
    await s.waitForText(TAB.timeline);
  });

  it("redraws only what changed, every line in its place: header on top, keys at the bottom", async () => {
    // Frames are written line by line (Ink's incremental mode); a cursor slip in it drew each frame a
    // line lower, over the last one.
    const lastRow = () => s.lines()[28] ?? "";
    for (const key of ["j", "j", "2", "j", "3", "j", "1", "k"]) {
      const before = s.screenText();
      s.press(key);
      await s.waitFor((screen) => screen !== before, `a redraw after ${key}`);
      expect(s.lines()[0]).toMatch(/^ signaldesk .*\[\d (Timeline|Briefings|Glossary|Agenda|Actors)\]/);
      expect(s.lines()[1]).toMatch(/^ (No filters|Filter:)/);
      expect(lastRow()).toMatch(/ q quit/);
      expect(s.lines()[29]?.trim() ?? "").toBe("");
    }
    await s.waitForText(TAB.timeline);
  });

  it("searches the briefings list: / jumps to the first match, n to the next", async () => {
    const actor = pickActor(briefings);
    const word = actor.split(" ").at(-1)!;
    // A list row is found by its date, title, id, actors and tags.
    const hits = newestFirst(briefings).filter((b) =>
      [b.date, b.title, b.id, ...b.actors, ...b.tags].join(" ").toLowerCase().includes(word.toLowerCase()),
    );
    expect(hits.length).toBeGreaterThanOrEqual(2);
    s.press("2");
    await s.waitForText(TAB.briefings);
    // Like a person, type into the prompt once it shows, and press Enter once the text is in.
    s.press("/");
    await s.waitForText("Enter accept");
    s.press(word);
    await s.waitForText(`/${word}`);
    s.press("Enter");
    await s.waitFor((screen) => !screen.includes("Enter accept"), "the search prompt closed");
    expect(selected(s)).toContain(titleStart(hits[0]!));
    s.press("n");
    await s.waitFor(() => selected(s).includes(titleStart(hits[1]!)), `cursor on "${hits[1]!.title}"`);
    s.press("N");
    await s.waitFor(() => selected(s).includes(titleStart(hits[0]!)), `back on "${hits[0]!.title}"`);
  });

  it("opens a briefing and reads all three sections down to the end", async () => {
    const open = selected(s);
    const target = briefings.find((b) => open.includes(titleStart(b)))!;
    s.press("Enter");
    await s.waitForText(HEADINGS[0]!);
    expect(s.screenText()).toContain(titleStart(target));
    const seen = new Set<string>();
    const all = (screen: string) => {
      for (const h of HEADINGS) if (screen.includes(h)) seen.add(h);
      return seen.size === HEADINGS.length;
    };
    await pressUntil(s, "PgDn", all, "all three section headings");
    expect(s.overflow()).toEqual([]);
    s.press("Esc");
    await s.waitFor(() => selected(s).includes(titleStart(target)), "the list, cursor where it was");
  });

  it("filters by actor, then by date, and clears", async () => {
    const actor = pickActor(briefings);
    const byActor = cliJson<ListedBriefing[]>(BUNDLED_BRIEFINGS, "list", "--actor", actor).length;
    s.press("a");
    await s.waitForText("Filter by actor");
    s.press(actor);
    await s.waitForText(`Actor: ${actor}`);
    await s.waitFor(() => selected(s).includes(actor), `${actor} highlighted in the picker`);
    // Tab puts the actor in the filter (Enter opens its page); Esc closes the picker.
    s.press("Tab");
    await s.waitFor(() => selected(s).includes(`✓ ${actor}`), `${actor} ticked`);
    s.press("Esc");
    await s.waitFor((screen) => !screen.includes("Filter by actor"), "the picker closes");
    await s.waitForText(`${byActor} of ${briefings.length} briefings`);
    expect(header(s)).toContain(actor);

    s.press("c");
    await s.waitForText("No filters");
    expect(header(s)).toContain(`${briefings.length} briefings`);

    const month = briefings.at(-1)!.date!.slice(0, 7);
    const inMonth = briefings.filter((b) => b.date?.startsWith(month)).length;
    s.press("d");
    await s.waitForText("Date:");
    s.press(month);
    await s.waitForText(`Date: ${month}`);
    s.press("Enter");
    await s.waitForText(`${inMonth} of ${briefings.length} briefings`);
    expect(s.lines()[1]).toContain(month);

    s.press("c");
    await s.waitForText("No filters");
  });

  it("acts on keys that arrive in one read one after another, as typed", async () => {
    const oldest = newestFirst(briefings).at(-1)!;
    s.press("2G\r");
    await s.waitForText(HEADINGS[0]!);
    expect(s.screenText()).toContain(titleStart(oldest));
    s.press("Esc");
    await s.waitFor(() => selected(s).includes(titleStart(oldest)), "back on the list");
  });

  it("shows the keys with ? and closes with Esc", async () => {
    s.press("?");
    await s.waitForText("Quit from anywhere");
    expect(s.screenText()).toContain("Filter by actor");
    s.press("Esc");
    await s.waitFor((screen) => !screen.includes("Quit from anywhere"), "the help closed");
  });
});

describe("resizing", () => {
  let s: Session;
  afterAll(() => s?.close());

  it("re-lays out at once, never draws past the edge, and says when the terminal is too small", async () => {
    s = start({ cols: 100, rows: 30 });
    await s.waitForText(TAB.timeline);
    // Laid out for the new size: the footer sits on the second-last row and the last row stays empty
    // (Ink clears the whole screen on every frame as tall as the terminal; the reader stays a row short).
    const laidOutFor = (rows: number) => () => {
      const lines = s.lines();
      return (
        lines[0]!.includes("signaldesk") && lines[rows - 2]!.includes("j/k move") && lines[rows - 1] === ""
      );
    };
    for (const [cols, rows] of [
      [60, 20],
      [140, 40],
      [40, 10],
    ] as const) {
      s.resize(cols, rows);
      await s.waitFor(laidOutFor(rows), `the reader laid out for ${cols}x${rows}`);
      expect(s.overflow(), `rows wider than ${cols}`).toEqual([]);
    }
    s.resize(30, 8);
    await s.waitForText(/too small/i);
    expect(s.overflow()).toEqual([]);
    s.resize(100, 30);
    await s.waitFor(laidOutFor(30), "the reader back at 100x30");
    s.press("q");
    expect((await s.exit).exitCode).toBe(0);
  });
});

/** An actor named by some briefings but not all, so filtering by it visibly narrows the list. */
function pickActor(list: ListedBriefing[]): string {
  const counts = new Map<string, number>();
  for (const b of list) for (const a of b.actors) counts.set(a, (counts.get(a) ?? 0) + 1);
  const found = [...counts].find(([, n]) => n >= 2 && n < list.length);
  if (!found) throw new Error("the bundled story has no actor named by some briefings but not all");
  return found[0];
}
