// Starting from the story the last run saved: the second start shows the timeline at once (painted
// before Ink loads) and answers keys typed meanwhile; a changed file, a damaged snapshot and a filter
// on the command line each still give the right reader. Built program, real pseudo-terminal.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BIN, BUNDLED_BRIEFINGS, BUSY, PAINTED, type Session, start } from "./harness.js";
import { cliJson, type ListedBriefing } from "./story.js";

const TIMELINE = "[1 Timeline]";

let root: string;
let dir: string;
let cache: string;
let session: Session | undefined;

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build`);
  root = mkdtempSync(join(tmpdir(), "sd-snapshot-"));
  dir = join(root, "briefings");
  cache = join(root, "cache");
  cpSync(BUNDLED_BRIEFINGS, dir, { recursive: true });
});
afterEach(() => {
  session?.close();
  session = undefined;
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function open(args: string[] = []): Session {
  // The test process runs with SIGNALDESK_NO_CACHE=1 (vitest.config.ts); these runs need the cache.
  session = start({
    cols: 100,
    rows: 30,
    dir,
    args,
    env: { XDG_CACHE_HOME: cache, SIGNALDESK_NO_CACHE: undefined },
  });
  return session;
}

const headerNote = (s: Session) => s.lines()[1] ?? "";
const selected = (s: Session) => s.lines().find((l) => l.startsWith("›")) ?? "";
const eventRow = /^[›●↻ ] (\d{4}-\d{2}(?:-\d{2})?)/;
/** The footer, the frame's last line, ends with the cursor's place ("1/12"): the frame is whole. */
const whole = (s: Session) => /\d+\/\d+\s*$/.test(s.lines()[s.rows - 2] ?? "");

function snapshotFiles(): string[] {
  const folder = join(cache, "signaldesk");
  return existsSync(folder)
    ? readdirSync(folder)
        .filter((f) => f.endsWith(".sqlite"))
        .map((f) => join(folder, f))
    : [];
}

/**
 * Waits until the story on screen is final: the timeline, with no note about checking or saving, and
 * the read counts, which come once the files have been compared with the read state.
 */
async function settled(s: Session): Promise<void> {
  await s.waitFor(
    (screen) =>
      screen.includes(TIMELINE) && whole(s) && !BUSY.test(headerNote(s)) && / unread/.test(headerNote(s)),
    "the final story",
  );
}

async function quit(s: Session): Promise<void> {
  s.press("q");
  expect((await s.exit).exitCode).toBe(0);
  expect(s.state()).toEqual({ buffer: "normal", cursorVisible: true, cooked: true });
}

describe("the reader started from a saved story", () => {
  it("saves the story on the first start", async () => {
    const s = open();
    await s.waitForText(TIMELINE);
    // Loaded from the files: no early paint, and the snapshot is written behind the first screen.
    expect(s.raw()).not.toContain(PAINTED);
    // The loaded story's first frame is painted over the loading line before Ink mounts the App.
    expect(s.raw()).toMatch(/loading[\s\S]*\x1b\[1;1H[\s\S]*\[1 Timeline\]/);
    await settled(s);
    expect(snapshotFiles()).toHaveLength(1);
    const first = s.screenText();
    await quit(s);
    // Painted frame and Ink's frame leave no row of either behind: the screen is the next start's.
    const next = open();
    await settled(next);
    expect(next.screenText()).toBe(first);
    await quit(next);
  });

  it("shows the timeline at once on the next start, and keys typed meanwhile work", async () => {
    const s = open();
    await s.waitFor((screen) => screen.includes("›") && whole(s), "the timeline with its cursor");
    // The first screen with a cursor row is already the whole timeline, never a loading screen.
    expect(s.lines()[0]).toContain(TIMELINE);
    expect(s.raw()).toContain(PAINTED);
    expect(s.raw()).not.toContain("loading");
    const lines = s.lines();
    const from = lines.findIndex((l) => l.startsWith("›"));
    const next = lines.slice(from + 1).find((l) => eventRow.test(l));
    expect(next).toBeDefined();
    // Pressed at once: whether Ink is up yet or not, the key must move the cursor.
    s.press("j");
    await s.waitFor(() => selected(s).slice(2) === next!.slice(2), `cursor on ${JSON.stringify(next)}`);
    const on = selected(s);
    s.press("Enter");
    // The briefing opens scrolled to the event; its top holds the first section.
    await s.waitForText(/lines \d+–\d+ of \d+/);
    s.press("g");
    await s.waitForText("What happened");
    s.press("Esc");
    await s.waitFor(() => selected(s) === on, "back on the timeline, cursor where it was");
    await settled(s);
    await quit(s);
  });

  it("shows a title edited since the snapshot once the files are checked", async () => {
    const file = join(dir, "2026-06-19-negotiations.md");
    const text = readFileSync(file, "utf8");
    const title = "Harbour talks renamed for the snapshot test";
    const edited = text.replace(/^title: .*$/m, `title: ${title}`);
    expect(edited).not.toBe(text);
    writeFileSync(file, edited);
    const old = /^title: (.*)$/m.exec(text)![1]!;
    const s = open();
    await s.waitForText(TIMELINE);
    // The saved story, title and all, is what shows first.
    expect(s.raw()).toContain(PAINTED);
    await settled(s);
    s.press("2");
    await s.waitForText("[2 Briefings]");
    await s.waitForText(title);
    expect(s.screenText()).not.toContain(old.slice(0, 40));
    await quit(s);
  });

  it("starts normally from a snapshot made garbage", async () => {
    const [file] = snapshotFiles();
    expect(file).toBeDefined();
    writeFileSync(file!, "garbage, not a story\n".repeat(200));
    const s = open();
    await s.waitForText(TIMELINE);
    expect(s.raw()).not.toContain(PAINTED);
    await settled(s);
    s.press("2");
    await s.waitForText("[2 Briefings]");
    s.press("Enter");
    await s.waitForText("What happened");
    await quit(s);
    // Written afresh for the next start.
    expect(readFileSync(file!, "utf8").startsWith("garbage")).toBe(false);
  });

  it("applies a filter given on the command line over the saved story", async () => {
    expect(snapshotFiles()).toHaveLength(1);
    const since = "2026-06-26";
    const all = cliJson<ListedBriefing[]>(dir, "list").length;
    const matching = cliJson<ListedBriefing[]>(dir, "list", "--since", since).length;
    expect(matching).toBeLessThan(all);
    const s = open(["--since", since]);
    await s.waitFor(
      (screen) => screen.includes(TIMELINE) && screen.includes("Filter:"),
      "the filtered timeline",
    );
    // Nothing unfiltered is painted first.
    expect(s.raw()).not.toContain(PAINTED);
    expect(s.lines()[0]).toContain(`${matching} of ${all} briefings`);
    expect(headerNote(s)).toContain(`Filter: events dated since ${since}`);
    const dates = s.lines().flatMap((l) => eventRow.exec(l)?.[1] ?? []);
    expect(dates.length).toBeGreaterThan(0);
    // Compared at the event's own precision: "2026-06" lies within since 2026-06-26.
    for (const d of dates) expect(d >= since.slice(0, d.length), d).toBe(true);
    await quit(s);
  });
});
