// The open briefing's text read again after an edit (a live update, or `e`): until the new text is
// read, the old one stays on screen and takes keys, and a G pressed meanwhile ends at the end of the
// new text. A reader restored at the start keeps the keys pressed before its text is read, too. The
// read is held back by a gate the test opens, so the key lands inside that moment.
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Briefing } from "../../src/briefing/schema.js";
import type { ReadState } from "../../src/store/state.js";
import { buildStoryView, type StoryView } from "../../src/story/view.js";
import { App } from "../../src/tui/App.js";
import { BODY_CHANGED } from "../../src/tui/hooks/useLiveStory.js";
import { loadResult, para, pumpVote, quellLetter, tokyo } from "./fixtures.js";
import { flush, KEYS, type Rendered, render } from "./render.js";

const reads = vi.hoisted(() => ({
  /** While set, every body read waits for it. */
  gate: null as Promise<void> | null,
  /** Bodies of stories that hold none (as a story read from the store), by story. */
  files: new WeakMap<object, Briefing[]>(),
}));

vi.mock("../../src/tui/bodies.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/tui/bodies.js")>();
  const loadBody = (story: StoryView, index: number) => {
    const fromFile = reads.files.get(story);
    const body = fromFile ? fromFile[index] : real.loadBody(story, index);
    const gate = reads.gate;
    return gate ? gate.then(() => body) : body;
  };
  return { ...real, loadBody };
});

/** Holds every body read until the returned function is called. */
function holdReads(): () => Promise<void> {
  let open = () => {};
  reads.gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return async () => {
    reads.gate = null;
    open();
    await flush();
  };
}

const today = new Date(2026, 5, 1);
let app: Rendered | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
  reads.gate = null;
});

const LAST = "The last word of the edited text.";
/** The pump briefing edited: retitled and twice as long, with a new last paragraph. */
const edited: Briefing = {
  ...pumpVote,
  title: "Council holds the pump vote after all",
  sections: {
    ...pumpVote.sections,
    whatHappened: [
      ...pumpVote.sections.whatHappened,
      ...Array.from({ length: 12 }, (_, i) => para(`Added paragraph number ${i + 1} of the edit.`, 30 + i)),
    ],
    whatToWatch: [...pumpVote.sections.whatToWatch, para(LAST, 50)],
  },
  glossary: [],
  source: null,
};

/** A story of these briefings; `fromFiles`: one that holds no bodies, so the reader reads them. */
function storyOf(briefings: Briefing[], fromFiles: boolean): StoryView {
  const whole = buildStoryView(loadResult(briefings));
  if (!fromFiles) return whole;
  const story: StoryView = { ...whole, body: undefined };
  reads.files.set(story, briefings);
  return story;
}

const tree = (story: StoryView, edit?: (file: string) => Promise<string | null>) => (
  <App story={story} initialFilter={{ actors: [], tags: [] }} today={today} color={false} edit={edit} />
);

/** The reader's status line: "lines 3–14 of 20 (70%)". */
function status(a: Rendered): { end: number; total: number } | null {
  const m = a.frame().match(/lines \d+–(\d+) of (\d+)/);
  return m ? { end: Number(m[1]), total: Number(m[2]) } : null;
}

/** The oldest briefing, the pump vote, opened from the briefings list. */
async function openPump() {
  await app!.press("2", "G", KEYS.enter);
  expect(app!.frame()).toContain("Council delays vote on the north pump station");
}

describe("the open briefing read again", () => {
  it("after a live update: the old text takes G meanwhile, and the new one is shown from its end", async () => {
    const before = storyOf([pumpVote, quellLetter, tokyo], false);
    app = await render(tree(before), { columns: 80, rows: 16 });
    await openPump();
    const release = holdReads();
    await app.rerender(tree(storyOf([edited, quellLetter, tokyo], false)));
    // The new story is in, its body not yet read: the old text is still there, and G acts on it.
    expect(app.frame()).toContain("Council delays vote on the north pump station");
    await app.press("G");
    const old = status(app);
    expect(old).not.toBeNull();
    expect(old!.end).toBe(old!.total);
    await release();
    expect(app.frame()).toContain(LAST);
    expect(app.frame()).toContain(BODY_CHANGED);
    const now = status(app)!;
    expect(now.total).toBeGreaterThan(old!.total);
    expect(now.end).toBe(now.total);
  });

  it("after e on a story that holds no bodies: the reader stays, takes G, and ends at the new end", async () => {
    let current = storyOf([pumpVote, quellLetter, tokyo], true);
    const edit = async () => {
      // The file is saved; the story read again is handed over, its body still being read.
      current = storyOf([edited, quellLetter, tokyo], true);
      return null;
    };
    app = await render(tree(current, edit), { columns: 80, rows: 16 });
    await openPump();
    const release = holdReads();
    await app.press("e");
    expect(app.frame()).toMatch(/Edited [\w-]+\.md/);
    await app.rerender(tree(current, edit));
    expect(app.frame()).toContain("Council delays vote on the north pump station");
    await app.press("G");
    expect(status(app)).not.toBeNull();
    await release();
    expect(app.frame()).toContain(LAST);
    const now = status(app)!;
    expect(now.end).toBe(now.total);
    // The edit was made here: its notice named it, and no word of a change on disk follows.
    expect(app.frame()).not.toContain(BODY_CHANGED);
  });

  it("keeps the place on the same lines when text is added above them", async () => {
    const before = storyOf([pumpVote, quellLetter, tokyo], false);
    app = await render(tree(before), { columns: 80, rows: 16 });
    await openPump();
    // Down until the first line of the text on screen (under the header's two) is the first sentence.
    for (let i = 0; i < 20 && !app.lines()[2]?.includes("On March 3 the council"); i++) await app.press("j");
    const top = app.lines()[2];
    expect(top).toContain("On March 3 the council postponed the vote");
    const above: Briefing = {
      ...pumpVote,
      keyPoints: [...pumpVote.keyPoints, para("A second key point, added above the place.", 9)],
    };
    await app.rerender(tree(storyOf([above, quellLetter, tokyo], false)));
    expect(app.frame()).toContain(BODY_CHANGED);
    expect(app.lines()[2]).toBe(top);
  });
});

/** Read state that holds only a saved place (marks and sessions kept in memory, never saved). */
function savedPlace(place: unknown): ReadState {
  return {
    persistent: false,
    lastVisit: null,
    marks: () => new Map(),
    markRead: () => {},
    markUnread: () => {},
    refresh: () => false,
    beginSession: () => {},
    endSession: () => {},
    place: () => place,
    savePlace: () => {},
    close: () => {},
  };
}

describe("a reader restored at the start, its text still being read", () => {
  const place = (scroll: number) => ({
    v: 1,
    view: "briefings",
    filter: { actors: [], tags: [] },
    upcoming: false,
    timeline: null,
    briefings: pumpVote.id,
    reader: { briefingId: pumpVote.id, scroll },
  });
  const start = async (scroll: number) => {
    const story = storyOf([edited, quellLetter, tokyo], true);
    const release = holdReads();
    app = await render(
      <App
        story={story}
        initialFilter={{ actors: [], tags: [] }}
        today={today}
        color={false}
        readState={savedPlace(place(scroll))}
      />,
      { columns: 80, rows: 16 },
    );
    // The text is not read yet: no lines of it to count.
    expect(status(app)).toBeNull();
    return release;
  };

  it("says the briefing is being read, then shows it at the restored place", async () => {
    const release = await start(3);
    expect(app!.frame()).toContain(`${pumpVote.id} · reading…`);
    await release();
    expect(app!.frame()).toMatch(/lines 4–\d+ of \d+/);
  });

  it("keeps a G pressed meanwhile: the text shows from its end", async () => {
    const release = await start(0);
    await app!.press("G");
    await release();
    expect(app!.frame()).toContain(LAST);
    const now = status(app!)!;
    expect(now.end).toBe(now.total);
  });

  it("keeps moves pressed meanwhile, made from the restored place", async () => {
    const release = await start(3);
    await app!.press("j", "j");
    await release();
    expect(app!.frame()).toMatch(/lines 6–\d+ of \d+/);
  });
});
