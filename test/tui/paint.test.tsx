// The frame painted before Ink loads must be the frame Ink then draws: any difference shows as a flash
// of changed text at start-up. Both are compared here as the text a person would read, line by line.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { Briefing } from "../../src/briefing/schema.js";
import { loadFolder } from "../../src/load/folder.js";
import { loadBriefings } from "../../src/load/load.js";
import { buildStory, buildStoryView, type StoryView } from "../../src/story/view.js";
import { displayWidth } from "../../src/text/width.js";
import { App } from "../../src/tui/App.js";
import { firstFrameLines, paintFrame, paintLine, type ScreenLine } from "../../src/tui/paint.js";
import { fitSegments } from "../../src/tui/segments.js";
import { CHECKING_NOTE } from "../../src/tui/source.js";
import { colorTheme, plainTheme } from "../../src/tui/theme.js";
import { briefing, event, loadResult, many, para } from "./fixtures.js";
import { FRAME_SIZES } from "./frame-sizes.js";
import { type Rendered, render } from "./render.js";

const HOSTILE_DIR = new URL("../fixtures/hostile/", import.meta.url).pathname;
const today = new Date(2026, 5, 1);

// Every byte a terminal would obey, in titles, sentences and ids of briefings built in code: the line
// functions have to neutralise them, and the painter must not let any through either.
const ESCAPES = [
  "\x1b]0;owned\x07",
  "\x1b[2J",
  "\x1b[31m",
  "\x1bc",
  "\x9b31m",
  "\x1bP+q\x1b\\",
  "\x1b]52;c;aGk=\x07",
  "\u202e",
  "\x08\x7f\x07",
];
const hostileBriefings: Briefing[] = [
  briefing({
    id: "esc-title",
    title: `Port ${ESCAPES.join(" ")} closes`,
    date: "2026-02-01",
    events: [event("2026-01-30", `Harbour ${ESCAPES.join("x")} shut on January 30.`, 4)],
    sections: { whatHappened: [para("Harbour shut.", 4)], whyItMatters: [], whatToWatch: [] },
  }),
  briefing({
    id: "wide-\x1b[7mid",
    title: "東京の港が閉鎖 🚢👨‍👩‍👧 家族 🇯🇵 e\u0301",
    date: "2026-02-03",
    events: [
      event(
        "2026-02-02",
        "港湾局は二月二日に閉鎖を発表した。🚢🚢🚢 長い文章で折り返しを確かめる。".repeat(3),
        6,
      ),
      event("2026-02", "👨‍👩‍👧 families wait\r\nfor news\tof the port.", 8),
    ],
    sections: { whatHappened: [para("港湾局", 6)], whyItMatters: [], whatToWatch: [] },
  }),
];

// At start-up the frame is painted from the story the store holds, built from its rows.
let scratch: string | undefined;
let stored: StoryView | undefined;
const saved = async () => buildStoryView(await loadBriefings(HOSTILE_DIR));
async function fromStore(): Promise<StoryView> {
  if (stored) return stored;
  scratch = mkdtempSync(join(tmpdir(), "sd-paint-"));
  stored = buildStory(await loadFolder(HOSTILE_DIR, { cacheDir: scratch, warn: () => {} }));
  return stored;
}
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const stories: Record<string, () => StoryView | Promise<StoryView>> = {
  "the default fixtures": () => buildStoryView(loadResult()),
  "500 briefings": () => buildStoryView(loadResult(many(500))),
  "escape sequences, CJK and emoji": () => buildStoryView(loadResult(hostileBriefings)),
  "the hostile corpus read from files": async () => buildStoryView(await loadBriefings(HOSTILE_DIR)),
  "the hostile corpus from the store": fromStore,
};

/** What the terminal shows of painted lines: the text of each, cut as the painter cuts it. */
function paintedText(lines: readonly ScreenLine[], width: number): string[] {
  return lines.map((l) =>
    fitSegments(l.segments, width, l.fill !== undefined)
      .map((s) => s.text)
      .join("")
      .trimEnd(),
  );
}

// Ink styles with chalk, which may or may not colour in a test process; only the text is compared.
const stripSgr = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, "");

let app: Rendered | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

async function inkFirstFrame(story: StoryView, columns: number, rows: number, note?: string) {
  app = await render(
    <App
      story={story}
      initialFilter={{ actors: [], tags: [] }}
      today={today}
      color={false}
      {...(note ? { note } : {})}
    />,
    { columns, rows },
  );
  const first = app.stdout.frames[0] ?? "";
  return stripSgr(first)
    .split("\n")
    .map((l) => l.trimEnd());
}

describe("the first frame painted before Ink", () => {
  for (const [name, make] of Object.entries(stories)) {
    for (const [columns, rows] of FRAME_SIZES) {
      it(`is Ink's first frame for ${name} at ${columns}x${rows}`, async () => {
        const story = await make();
        const lines = firstFrameLines(story, columns, rows, CHECKING_NOTE);
        expect(lines).not.toBeNull();
        const painted = paintedText(lines!, columns);
        expect(painted).toEqual(await inkFirstFrame(story, columns, rows, CHECKING_NOTE));
        expect(painted[0]).toContain("[1 Timeline]");
        // The note gives way to the filter hint on a narrow terminal, in both frames alike.
        if (columns >= 80) expect(painted[1]).toContain(CHECKING_NOTE);
        expect(painted.some((l) => l.startsWith("›"))).toBe(true);
      });
    }
  }

  it("is Ink's first frame without a note too", async () => {
    const story = buildStoryView(loadResult());
    const painted = paintedText(firstFrameLines(story, 80, 24)!, 80);
    expect(painted).toEqual(await inkFirstFrame(story, 80, 24));
    expect(painted[1]).not.toContain(CHECKING_NOTE);
  });

  it("from the store is the frame of the story its files make", async () => {
    const story = await fromStore();
    const truth = await saved();
    for (const [columns, rows] of FRAME_SIZES) {
      expect(paintedText(firstFrameLines(story, columns, rows, CHECKING_NOTE)!, columns)).toEqual(
        paintedText(firstFrameLines(truth, columns, rows, CHECKING_NOTE)!, columns),
      );
    }
  });

  it("is not painted when the App would show something other than the timeline first", () => {
    const story = buildStoryView(loadResult());
    expect(firstFrameLines(story, 39, 24)).toBeNull();
    expect(firstFrameLines(story, 80, 9)).toBeNull();
    expect(firstFrameLines(story, 40, 10)).not.toBeNull();
    expect(firstFrameLines(buildStoryView(loadResult([])), 80, 24)).toBeNull();
    const undated = [briefing({ id: "no-dates", title: "Nothing dated" })];
    expect(firstFrameLines(buildStoryView(loadResult(undated)), 80, 24)).toBeNull();
  });
});

// ESC [ row ; 1 H and ESC [ K are all an unstyled frame may hold; everything else is text.
const POSITIONING = /\x1b\[\d+;1H|\x1b\[K/g;

describe("paintFrame", () => {
  for (const [columns, rows] of FRAME_SIZES) {
    it(`writes only positioning and erase-line when unstyled, at ${columns}x${rows}`, async () => {
      for (const make of Object.values(stories)) {
        const lines = firstFrameLines(await make(), columns, rows, CHECKING_NOTE)!;
        const frame = paintFrame(lines, columns, plainTheme, false);
        const rest = frame.replace(POSITIONING, "");
        expect(rest).not.toMatch(/[\x1b\x9b\x07\x08\x7f\r]/);
        expect(frame.match(/\x1b\[\d+;1H/g)).toHaveLength(lines.length);
        expect(frame.match(/\x1b\[K/g)).toHaveLength(lines.length);
        // One row per line, top to bottom, within the frame (the last terminal row is never used).
        expect(lines.length).toBe(rows - 1);
        expect(frame.startsWith("\x1b[1;1H")).toBe(true);
        expect(frame).toContain(`\x1b[${rows - 1};1H`);
        expect(frame).not.toContain(`\x1b[${rows};1H`);
      }
    });
  }

  it("styles with SGR codes only, and resets after each styled run", () => {
    const lines = firstFrameLines(buildStoryView(loadResult(hostileBriefings)), 100, 30, CHECKING_NOTE)!;
    for (const theme of [colorTheme, plainTheme]) {
      const frame = paintFrame(lines, 100, theme, true);
      expect(frame).toMatch(/\x1b\[[0-9;]*m/);
      expect(frame).toContain("\x1b[0m");
      // The selected row is painted inverse whatever the theme.
      expect(frame).toMatch(/\x1b\[(?:\d+;)*7(?:;\d+)*m› /);
      const rest = frame.replace(POSITIONING, "").replace(/\x1b\[[0-9;]*m/g, "");
      expect(rest).not.toMatch(/[\x1b\x9b\x07\x08\x7f\r]/);
    }
  });

  it("never passes a line's own escape bytes to the terminal", () => {
    // Segments straight from a caller that forgot to sanitise: the painter is the last guard.
    const line: ScreenLine = {
      segments: [{ text: "a\x1b]0;owned\x07b", token: "title" }, { text: "\x1b[2J\x9b1m\nc" }],
      fill: "selection",
    };
    for (const styled of [false, true]) {
      const out = paintLine(line, 60, colorTheme, styled)
        .replace(/\x1b\[K$/, "")
        .replace(/\x1b\[[0-9;]*m/g, "");
      expect(out).not.toMatch(/[\x1b\x9b\x07\n]/);
      expect(out).toContain("owned");
    }
  });

  it("cuts each line to the width in terminal columns", async () => {
    for (const make of Object.values(stories)) {
      const lines = firstFrameLines(await make(), 40, 10, CHECKING_NOTE)!;
      for (const l of paintedText(lines, 40)) {
        expect(displayWidth(l), JSON.stringify(l)).toBeLessThanOrEqual(40);
      }
    }
  });
});
