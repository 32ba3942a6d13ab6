// The App when its story is replaced under it, as a live update or `r` does.
import { afterEach, describe, expect, it } from "vitest";
import type { Briefing } from "../../src/briefing/schema.js";
import { buildStoryView } from "../../src/story/view.js";
import { App } from "../../src/tui/App.js";
import { BODY_CHANGED, BRIEFING_REMOVED } from "../../src/tui/hooks/useLiveStory.js";
import { briefing, loadResult, many, para, pumpVote, quellLetter, tokyo } from "./fixtures.js";
import { KEYS, type Rendered, render } from "./render.js";

const today = new Date(2026, 5, 1);
let app: Rendered | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

const tree = (
  briefings: Briefing[],
  extra: { onRefresh?: () => void; message?: { text: string; seq: number } } = {},
) => (
  <App
    story={buildStoryView(loadResult(briefings))}
    initialFilter={{ actors: [], tags: [] }}
    today={today}
    color={false}
    {...extra}
  />
);

const cursorLine = (a: Rendered) => a.lines().find((l) => l.startsWith("›")) ?? "";

describe("a story replaced under the reader", () => {
  it("keeps the cursor on the same briefing when newer ones arrive above it, the newest in view", async () => {
    const all = many(30);
    app = await render(tree(all.slice(0, 20)), { columns: 100, rows: 20 });
    await app.press("2", "j", "j", "j");
    const before = cursorLine(app);
    expect(before).toContain("Item number 16");
    const lineBefore = app.lines().indexOf(before);
    await app.rerender(tree(all));
    expect(cursorLine(app)).toContain("Item number 16");
    // The list was shown from its top: it stays there, so the new rows are seen above the cursor.
    expect(app.lines().indexOf(cursorLine(app))).toBe(lineBefore + 10);
    expect(app.frame()).toContain("Item number 29");
    expect(app.frame()).toContain("30 briefings");
    expect(app.frame()).toMatch(/14\/30\s*$/m);
  });

  it("shows the open briefing's new text with a word that it changed", async () => {
    app = await render(tree([pumpVote, quellLetter, tokyo]), { columns: 100, rows: 40 });
    await app.press("2", "G", KEYS.enter);
    expect(app.frame()).toContain("Council delays vote on the north pump station");
    const edited = {
      ...pumpVote,
      sections: {
        ...pumpVote.sections,
        whatHappened: [para("The vote was held after all, late at night.", 12)],
      },
    };
    await app.rerender(tree([edited, quellLetter, tokyo]));
    expect(app.frame()).toContain("The vote was held after all, late at night.");
    expect(app.frame()).not.toContain("postponed the vote");
    expect(app.frame()).toContain(BODY_CHANGED);
    // The same text again: nothing to say.
    await app.press("j");
    await app.rerender(tree([edited, quellLetter, tokyo]));
    expect(app.frame()).not.toContain(BODY_CHANGED);
    expect(app.frame()).toContain("The vote was held after all");
  });

  it("goes back to the list, saying why, when the open briefing is removed", async () => {
    app = await render(tree([pumpVote, quellLetter, tokyo]), { columns: 100, rows: 40 });
    await app.press("2", "G", KEYS.enter);
    expect(app.frame()).toContain("What happened");
    await app.rerender(tree([quellLetter, tokyo]));
    expect(app.frame()).toContain(BRIEFING_REMOVED);
    expect(app.frame()).not.toContain("What happened");
    expect(app.frame()).not.toContain("Council delays vote");
  });

  it("r asks for a check of the folder, and says it is checking", async () => {
    let asked = 0;
    app = await render(tree([pumpVote, briefing({ id: "x" })], { onRefresh: () => asked++ }));
    await app.press("r");
    expect(asked).toBe(1);
    expect(app.frame()).toContain("Checking the folder for changes");
  });

  it("shows a message from outside once (live updates off), and again when it comes again", async () => {
    const briefings = [pumpVote, quellLetter];
    app = await render(tree(briefings));
    await app.rerender(tree(briefings, { message: { text: "Live updates off: no watching", seq: 1 } }));
    expect(app.frame()).toContain("Live updates off: no watching");
    await app.press("j");
    expect(app.frame()).not.toContain("Live updates off");
    await app.rerender(tree(briefings, { message: { text: "Live updates off: no watching", seq: 2 } }));
    expect(app.frame()).toContain("Live updates off: no watching");
  });
});
