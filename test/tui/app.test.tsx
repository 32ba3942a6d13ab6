import { afterEach, describe, expect, it } from "vitest";
import type { Briefing } from "../../src/briefing/schema.js";
import type { Filter } from "../../src/story/filter.js";
import { buildStoryView } from "../../src/story/view.js";
import { displayWidth } from "../../src/text/width.js";
import { App } from "../../src/tui/App.js";
import { briefing, event, loadResult, many, para, pumpVote } from "./fixtures.js";

import { KEYS, type Rendered, render } from "./render.js";

const today = new Date(2026, 5, 1);
const noFilter = (): Filter => ({ actors: [], tags: [] });
let app: Rendered | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

async function open(size = { columns: 100, rows: 30 }, briefings?: Briefing[], filter = noFilter()) {
  app = await render(
    <App story={buildStoryView(loadResult(briefings))} initialFilter={filter} today={today} color={false} />,
    size,
  );
  return app;
}

/** The line the list cursor is on. */
const cursorLine = (a: Rendered) => a.lines().find((l) => l.startsWith("›")) ?? "";

function expectFits(a: Rendered, columns: number, rows: number) {
  const lines = a.lines();
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const l of lines) expect(displayWidth(l), JSON.stringify(l)).toBeLessThanOrEqual(columns);
}

describe("the reader", () => {
  it("opens on the timeline: month headings, dates at their precision, sentences, briefings", async () => {
    const a = await open();
    const f = a.frame();
    expect(f).toContain("[1 Timeline]");
    expect(f).toContain("March 2026");
    expect(f).toContain("May 2026");
    expect(f).toMatch(/2026-03-03 +On March 3 the council postponed/);
    expect(f).toMatch(/2026-05 +Tidewater Utility is expected/);
    expect(f).toContain("pump-vote");
    expect(f).toContain("3 briefings");
    expect(cursorLine(a)).toContain("2026-03-03");
  });

  it("switches views with 1/2/3, Tab and Shift-Tab", async () => {
    const a = await open();
    await a.press("2");
    expect(a.frame()).toContain("[2 Briefings]");
    expect(a.frame()).toContain("Mara Quell writes to residents about water prices");
    await a.press("3");
    expect(a.frame()).toContain("[3 Glossary]");
    expect(a.frame()).toContain("Aquifer");
    expect(a.frame()).toContain("Rate case");
    await a.press(KEYS.tab);
    expect(a.frame()).toContain("[4 Agenda]");
    await a.press(KEYS.tab, KEYS.tab);
    expect(a.frame()).toContain("[1 Timeline]");
    await a.press(KEYS.shiftTab);
    expect(a.frame()).toContain("[5 Actors]");
    await a.press(KEYS.shiftTab, KEYS.shiftTab);
    expect(a.frame()).toContain("[3 Glossary]");
    await a.press("1");
    expect(a.frame()).toContain("March 2026");
  });

  it("moves with j/k, arrows, G and g", async () => {
    const a = await open();
    await a.press("j");
    // The pump-vote briefing itself, on its date.
    expect(cursorLine(a)).toContain("2026-03-04 ■ Council delays vote");
    await a.press(KEYS.down);
    expect(cursorLine(a)).toContain("2026-03-17");
    await a.press("k");
    expect(cursorLine(a)).toContain("2026-03-04");
    await a.press("G");
    expect(cursorLine(a)).toContain("2026-05-02");
    await a.press("g");
    expect(cursorLine(a)).toContain("2026-03-03");
  });

  it("opens a briefing with all three sections, its facts and glossary, and goes back", async () => {
    const a = await open({ columns: 100, rows: 50 });
    await a.press("2", "G", KEYS.enter);
    const f = a.frame();
    expect(f).toContain("Council delays vote on the north pump station");
    expect(f).toContain("What happened");
    expect(f).toContain("Why it matters");
    expect(f).toContain("What to watch");
    expect(f).toContain("Key points");
    expect(f).toContain("The survey");
    expect(f).toContain("https://example.org/harbor/pump-vote");
    expect(f).toContain("Harbor City Council, Tidewater Utility");
    expect(f).toContain("Glossary");
    expect(f).toMatch(/Aquifer — Rock and sand/);
    await a.press("h");
    expect(a.frame()).not.toContain("What happened");
    expect(cursorLine(a)).toContain("Council delays vote");
  });

  it("opens the briefing at the event chosen on the timeline", async () => {
    const a = await open({ columns: 100, rows: 20 });
    await a.press("j", "j", KEYS.enter);
    const marked = a.lines().find((l) => l.startsWith("›")) ?? "";
    expect(marked).toContain("A new vote is planned for March 17.");
    await a.press(KEYS.esc);
    expect(a.frame()).toContain("[1 Timeline]");
    expect(cursorLine(a)).toContain("2026-03-17");
  });

  it("scrolls the reader a page at a time", async () => {
    const a = await open({ columns: 60, rows: 14 });
    await a.press("2", "G", KEYS.enter);
    expect(a.frame()).toMatch(/lines 1–/);
    await a.press(KEYS.pageDown);
    expect(a.frame()).not.toMatch(/lines 1–/);
    await a.press("b");
    expect(a.frame()).toMatch(/lines 1–/);
    // Space pages as in less; Ctrl-d and Ctrl-u move half as far, and come back to the same place.
    await a.press(" ");
    const paged = /lines (\d+)–/.exec(a.frame())?.[1];
    await a.press("b", KEYS.ctrlD);
    const half = /lines (\d+)–/.exec(a.frame())?.[1];
    expect(Number(half)).toBeGreaterThan(1);
    expect(Number(half)).toBeLessThan(Number(paged));
    await a.press(KEYS.ctrlU);
    expect(a.frame()).toMatch(/lines 1–/);
  });

  it("jumps to the first match while typing a search in a list; n/N move between matches", async () => {
    const a = await open();
    await a.press("/");
    await a.type("vote");
    expect(cursorLine(a)).toContain("2026-03-03");
    await a.press(KEYS.enter);
    await a.press("n");
    expect(cursorLine(a)).toContain("2026-03-04");
    await a.press("n");
    expect(cursorLine(a)).toContain("2026-03-17");
    await a.press("n");
    expect(cursorLine(a)).toContain("2026-03-03");
    await a.press("N");
    expect(cursorLine(a)).toContain("2026-03-17");
    await a.press("/");
    await a.type("quell");
    expect(cursorLine(a)).toContain("2026-04-09");
    await a.press(KEYS.esc);
    expect(cursorLine(a)).toContain("2026-03-17");
  });

  it("says when a search finds nothing", async () => {
    const a = await open();
    await a.press("/");
    await a.type("zebra");
    expect(a.frame()).toContain("no match");
  });

  it("counts and steps through search matches in the reader", async () => {
    const a = await open({ columns: 100, rows: 40 });
    await a.press("2", "G", KEYS.enter, "/");
    await a.type("aquifer");
    expect(a.frame()).toContain("3 matches");
    expect(a.frame()).toContain("match 1/3");
    await a.press(KEYS.enter, "n");
    expect(a.frame()).toContain("match 2/3");
    await a.press("N", "N");
    expect(a.frame()).toContain("match 3/3");
  });

  it("filters by actor from the picker and shows it in the header", async () => {
    const a = await open();
    await a.press("a");
    expect(a.frame()).toContain("Filter by actor");
    expect(a.frame()).toMatch(/Mara Quell +person +1 briefing/);
    expect(a.frame()).toMatch(/Tidewater Utility +company +2 briefings/);
    await a.type("mara");
    expect(a.frame()).not.toMatch(/Tidewater Utility +company/);
    await a.press(KEYS.tab);
    expect(a.frame()).toMatch(/✓ Mara Quell/);
    await a.press(KEYS.esc);
    expect(a.frame()).toContain("actor Mara Quell");
    expect(a.frame()).toContain("1 of 3 briefings");
    expect(a.frame()).not.toContain("pump-vote");
    await a.press("2");
    expect(a.frame()).toContain("Mara Quell writes to residents");
    expect(a.frame()).not.toContain("Council delays vote");
  });

  it("keeps every letter typed into a prompt faster than a frame", async () => {
    const a = await open();
    await a.press("/");
    await a.burst("M", "a", "r");
    expect(a.frame()).toContain("/Mar");
  });

  it("keeps letters typed into a prompt out of the views", async () => {
    const a = await open();
    await a.press("a");
    await a.type("q2");
    expect(a.frame()).toContain("Filter by actor");
    expect(a.frame()).toContain("Actor: q2");
    await a.press(KEYS.esc);
    expect(a.frame()).toContain("[1 Timeline]");
    expect(a.frame()).toContain("No filters");
  });

  it("refuses a bad date, says why and keeps the prompt open; a good one filters", async () => {
    const a = await open();
    await a.press("d");
    await a.type("2026-13");
    await a.press(KEYS.enter);
    expect(a.frame()).toContain("month 13 does not exist");
    expect(a.frame()).toContain("Date: 2026-13");
    await a.press(KEYS.backspace, KEYS.backspace);
    await a.type("04");
    await a.press(KEYS.enter);
    expect(a.frame()).toContain("2026-04-01..2026-04-30");
    expect(a.frame()).toContain("1 of 3 briefings");
    expect(a.frame()).not.toContain("March 2026");
  });

  it("filters the timeline by event date and the briefings by briefing date, and says which", async () => {
    // No briefing is dated before March 4; the pump vote's March 3 event is.
    const a = await open(undefined, undefined, { actors: [], tags: [], until: "2026-03-03" });
    expect(a.frame()).toContain("events dated until 2026-03-03");
    expect(cursorLine(a)).toContain("2026-03-03");
    expect(a.frame()).not.toContain("2026-03-17");
    await a.press("2");
    expect(a.frame()).toContain("briefings dated until 2026-03-03");
    expect(a.frame()).toContain("No briefings match the filters.");
  });

  it("jumps from a conflicting report to the one it conflicts with, and shows upcoming events", async () => {
    const order12 =
      "On June 12 the Trump administration ordered Anthropic to cut off foreign nationals from its Mythos 5 and Fable 5 models.";
    const order13 =
      "On June 13, 2026, the Trump administration issued a directive barring foreign nationals from Anthropic's Fable 5 and Mythos 5 models.";
    const later = { ...event("2026-06-30", "Talks are due to end on June 30.", 9), expected: true };
    const story = buildStoryView(
      loadResult([
        briefing({ id: "stall", date: "2026-06-26", events: [event("2026-06-12", order12, 5), later] }),
        briefing({ id: "talks", date: "2026-06-16", events: [event("2026-06-13", order13, 5)] }),
      ]),
    );
    app = await render(
      <App story={story} initialFilter={noFilter()} today={new Date(2026, 5, 20)} color={false} />,
      { columns: 100, rows: 30 },
    );
    const a = app;
    expect(cursorLine(a)).toContain("2026-06-12 ! On June 12");
    await a.press("x");
    expect(cursorLine(a)).toContain("2026-06-13 ! On June 13");
    await a.press("x");
    expect(cursorLine(a)).toContain("2026-06-12");
    await a.press("j", "j", "x");
    expect(a.frame()).toContain("No conflicting report here");
    await a.press("G");
    expect(cursorLine(a)).toContain("2026-06-30 → Talks are due");
    expect(a.frame()).toContain("Expected: dated after the briefing");
    await a.press("u");
    expect(a.frame()).toContain("upcoming (dated 2026-06-20 or later)");
    expect(a.frame()).not.toContain("On June 12");
    expect(cursorLine(a)).toContain("2026-06-26 ■");
    expect(a.frame()).toContain("2026-06-30 → Talks are due");
    await a.press("u");
    expect(a.frame()).toContain("On June 12");
  });

  it("says when nothing matches and clears every filter with c", async () => {
    const a = await open(undefined, undefined, { actors: [], tags: [], since: "2030-01-01" });
    expect(a.frame()).toContain("No events match the filters");
    expect(a.frame()).toContain("Press c to clear");
    await a.press("2");
    expect(a.frame()).toContain("No briefings match the filters.");
    await a.press("c", "1");
    expect(a.frame()).toContain("No filters");
    expect(a.frame()).toContain("March 2026");
  });

  it("opens a glossary term's briefings with Enter and comes back with Esc", async () => {
    const a = await open();
    await a.press("3");
    await a.press("/");
    await a.type("tariff");
    await a.press(KEYS.enter, KEYS.enter);
    expect(a.frame()).toContain("[2 Briefings]");
    expect(a.frame()).toContain('term "Tariff"');
    expect(a.frame()).toContain("Mara Quell writes to residents");
    expect(a.frame()).not.toContain("Council delays vote");
    await a.press(KEYS.esc);
    expect(a.frame()).toContain("[3 Glossary]");
    expect(a.frame()).toContain("No filters");
  });

  it("shows every key in the help overlay and closes it with ? or Esc", async () => {
    const a = await open({ columns: 100, rows: 60 });
    await a.press("?");
    const f = a.frame();
    for (const text of [
      "Quit from anywhere",
      "Filter by date",
      "Page down",
      "Space / PgDn / f / Ctrl-f",
      "Half a page",
      "Shift-Tab",
    ]) {
      expect(f).toContain(text);
    }
    await a.press("?");
    expect(a.frame()).not.toContain("Quit from anywhere");
    await a.press("?", KEYS.esc);
    expect(a.frame()).toContain("March 2026");
  });

  it("quits on q", async () => {
    const a = await open();
    const done = a.exited();
    await a.press("q");
    await expect(done).resolves.toBeUndefined();
  });

  it("quits on Ctrl-C even inside a prompt", async () => {
    const a = await open();
    await a.press("d");
    const done = a.exited();
    await a.press(KEYS.ctrlC);
    await expect(done).resolves.toBeUndefined();
  });

  it("says the terminal is too small below 40×10, and recovers when it grows", async () => {
    const a = await open({ columns: 39, rows: 20 });
    expect(a.frame()).toContain("Terminal too small");
    expectFits(a, 39, 20);
    await a.resize(80, 9);
    expect(a.frame()).toContain("too small");
    await a.resize(80, 24);
    expect(a.frame()).toContain("March 2026");
    expectFits(a, 80, 24);
  });

  it("keeps the open briefing and the view through a spell of too-small terminal", async () => {
    const a = await open();
    await a.press("2");
    await a.press(KEYS.enter);
    expect(a.frame()).toContain("What happened");
    await a.resize(20, 5);
    expect(a.frame()).toContain("too small");
    await a.resize(100, 30);
    expect(a.frame()).toContain("[2 Briefings]");
    expect(a.frame()).toContain("What happened");
  });

  it("never draws a line wider than the terminal, CJK and emoji included, nor a frame too tall", async () => {
    for (const [columns, rows] of [
      [40, 10],
      [41, 11],
      [57, 13],
      [120, 40],
    ] as const) {
      const a = await open({ columns, rows });
      expectFits(a, columns, rows);
      await a.press("G", "k", KEYS.enter);
      expect(a.frame()).toContain("What happened");
      expectFits(a, columns, rows);
      await a.press(KEYS.pageDown);
      expectFits(a, columns, rows);
      await a.press(KEYS.esc, "2");
      expectFits(a, columns, rows);
      await a.press("3");
      expectFits(a, columns, rows);
      await a.press("a");
      expectFits(a, columns, rows);
      await a.press(KEYS.esc, "d", KEYS.enter);
      await a.type("nonsense");
      await a.press(KEYS.enter);
      expectFits(a, columns, rows);
      await a.press(KEYS.esc, "?");
      expectFits(a, columns, rows);
      a.unmount();
      app = undefined;
    }
  });

  it("re-lays out at once on resize", async () => {
    const a = await open({ columns: 100, rows: 30 });
    await a.resize(50, 12);
    expectFits(a, 50, 12);
    expect(a.lines().length).toBe(11);
    await a.resize(120, 40);
    expect(a.lines().length).toBe(39);
  });

  it("mounts only the rows that fit in a long list and reaches its end", async () => {
    const a = await open({ columns: 80, rows: 20 }, many(2000));
    await a.press("2");
    expect(a.frame()).toContain("1/2000");
    await a.press("G");
    expect(a.frame()).toContain("2000/2000");
    expectFits(a, 80, 20);
    await a.press(KEYS.pageUp);
    expect(a.frame()).toMatch(/\d+\/2000/);
    await a.press(KEYS.home);
    expect(a.frame()).toContain("1/2000");
  });
});

describe("the story across briefings", () => {
  it("lists what to watch in the agenda, open or followed up, and opens an item's briefing", async () => {
    const a = await open({ columns: 100, rows: 30 });
    await a.press("4");
    expect(a.frame()).toContain("[4 Agenda]");
    expect(a.frame()).toMatch(/2026-03-04 ○ A new vote is planned for March 17\./);
    expect(a.frame()).toMatch(/\d open of 3/);
    await a.press("G");
    expect(cursorLine(a)).toContain("A new vote is planned");
    await a.press(KEYS.enter);
    expect(a.frame()).toContain("Council delays vote on the north pump station");
    expect(a.frame()).toContain("What happened");
  });

  it("shows a follow-up under the item and opens it", async () => {
    const ask = briefing({
      id: "ask",
      date: "2026-03-01",
      actors: ["Harbor City Council"],
      sections: {
        whatHappened: [],
        whyItMatters: [],
        whatToWatch: [para("Watch whether the council approves the pump station contract.", 5)],
      },
    });
    const answer = briefing({
      id: "answer",
      title: "Council approves the pump contract",
      date: "2026-03-20",
      actors: ["Harbor City Council"],
      sections: {
        whatHappened: [para("The council approved the pump station contract on Friday.", 5)],
        whyItMatters: [],
        whatToWatch: [],
      },
    });
    const a = await open({ columns: 100, rows: 30 }, [ask, answer]);
    await a.press("4");
    expect(a.frame()).toMatch(/2026-03-01 ✓ Watch whether the council approves/);
    expect(a.frame()).toContain("↳ 2026-03-20  Council approves the pump contract");
    expect(a.frame()).toContain("Followed up by 1 later briefing");
    await a.press("j", KEYS.enter);
    expect(a.frame()).toContain("The council approved the pump station contract on Friday.");
  });

  it("opens an actor's page from the picker, filters by it, and goes to another actor", async () => {
    const a = await open({ columns: 100, rows: 40 });
    await a.press("a");
    await a.type("tide");
    await a.press(KEYS.enter);
    const f = a.frame();
    expect(f).toContain("[5 Actors]");
    expect(f).toMatch(/Tidewater Utility +company/);
    expect(f).toContain("Briefings (2)");
    expect(f).toContain("Events (4)");
    expect(f).toMatch(/Harbor City Council +1 briefing together/);
    expect(f).toMatch(/Mara Quell +1 briefing together/);
    expect(f).toContain("Aquifer, Rate case, Tariff");
    await a.press("+");
    expect(a.frame()).toContain("actor Tidewater Utility");
    await a.press("G", KEYS.enter);
    expect(a.frame()).toMatch(/Mara Quell +person/);
    expect(a.frame()).toContain("Briefings (1)");
    await a.press(KEYS.esc);
    expect(a.frame()).toMatch(/Harbor City Council +government +1 briefing/);
  });

  it("takes an actor already in the filter out again from the picker", async () => {
    const a = await open(undefined, undefined, { actors: ["Mara Quell"], tags: [] });
    expect(a.frame()).toContain("actor Mara Quell");
    await a.press("a");
    await a.type("mara");
    expect(a.frame()).toMatch(/✓ Mara Quell/);
    await a.press(KEYS.tab);
    expect(a.frame()).not.toMatch(/✓ Mara Quell/);
    await a.press(KEYS.esc);
    expect(a.frame()).toContain("No filters");
  });

  it("picks a story with s, shows it in the header, and goes back to all of them", async () => {
    const a = await open({ columns: 100, rows: 30 }, [
      { ...pumpVote, story: "harbour" },
      briefing({ id: "rail", title: "Rail plan", date: "2026-05-01", story: "rail" }),
    ]);
    await a.press("s");
    expect(a.frame()).toMatch(/All stories +2 briefings/);
    expect(a.frame()).toMatch(/harbour +1 briefing +2026-03-04/);
    await a.press(KEYS.down, KEYS.down, KEYS.enter);
    expect(a.frame()).toContain("story rail");
    expect(a.frame()).toContain("Rail plan");
    expect(a.frame()).not.toContain("Council delays vote");
    await a.press("s", KEYS.enter);
    expect(a.frame()).toContain("No filters");
  });
});
