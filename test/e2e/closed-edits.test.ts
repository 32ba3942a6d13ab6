// Files changed while the reader was closed: the next start paints the saved story at once, with
// "checking files…" over it, and the first screen without that note already holds every change (an
// edited title, a removed file), however early it comes; no screen before it shows the old state as
// checked. Built program, real pseudo-terminal.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BIN, BUNDLED_BRIEFINGS, BUSY, PAINTED, type Session, start } from "./harness.js";

const TIMELINE = "[1 Timeline]";

let root: string;
let dir: string;
let cache: string;
let session: Session | undefined;

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build`);
  root = mkdtempSync(join(tmpdir(), "sd-closed-edits-"));
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

function open(): Session {
  // The test process runs with SIGNALDESK_NO_CACHE=1 (vitest.config.ts); these runs need the cache.
  session = start({
    cols: 100,
    rows: 30,
    dir,
    env: { XDG_CACHE_HOME: cache, SIGNALDESK_NO_CACHE: undefined },
  });
  return session;
}

const note = (s: Session) => s.lines()[1] ?? "";
/** The footer, the frame's last line, ends with the cursor's place ("1/12"): the frame is whole. */
const whole = (s: Session) => /\d+\/\d+\s*$/.test(s.lines()[s.rows - 2] ?? "");

/**
 * The first whole timeline with no note of a check going on, and every screen before it in which
 * `stale` shows without that note (there must be none).
 */
async function firstChecked(s: Session, stale: (screen: string) => boolean) {
  const unchecked: string[] = [];
  const screen = await s.waitFor((text) => {
    if (!text.includes(TIMELINE) || !whole(s)) return false;
    if (BUSY.test(note(s))) return false;
    if (stale(text)) unchecked.push(text);
    return true;
  }, "the first checked timeline");
  return { screen, unchecked };
}

async function quit(s: Session): Promise<void> {
  s.press("q");
  expect((await s.exit).exitCode).toBe(0);
}

describe("files changed while the reader was closed", () => {
  it("saves the story on a first start", async () => {
    const s = open();
    await s.waitFor((text) => text.includes(TIMELINE) && whole(s) && !BUSY.test(note(s)), "the story");
    await quit(s);
  });

  it("shows an edited title on the first screen that is not checking files", async () => {
    const file = join(dir, "2026-06-19-negotiations.md");
    const text = readFileSync(file, "utf8");
    const old = /^title: (.*)$/m.exec(text)![1]!;
    const title = "Harbour talks renamed while closed";
    writeFileSync(file, text.replace(/^title: .*$/m, `title: ${title}`));
    const s = open();
    const first = await firstChecked(s, (screen) => screen.includes(old.slice(0, 30)));
    // The saved story was painted first (the head), checked, and painted again with the edit.
    expect(s.raw()).toContain(PAINTED);
    expect(first.unchecked).toEqual([]);
    expect(first.screen).toContain(title);
    expect(first.screen).not.toContain(old.slice(0, 30));
    // Keys work once the whole story is up, and it is the edited one.
    s.press("2");
    await s.waitForText("[2 Briefings]");
    await s.waitForText(title);
    await quit(s);
  });

  it("leaves a removed file out of the first screen that is not checking files", async () => {
    const name = "2026-06-30-white-house-reversal";
    unlinkSync(join(dir, `${name}.md`));
    const s = open();
    const first = await firstChecked(s, (screen) => screen.includes(name.slice(0, 20)));
    expect(s.raw()).toContain(PAINTED);
    expect(first.unchecked).toEqual([]);
    expect(first.screen).toContain("4 briefings");
    expect(first.screen).not.toContain(name.slice(0, 20));
    s.press("j");
    await s.waitFor((text) => /\b2\/\d+\s*$/m.test(text), "the cursor on the second row");
    await quit(s);
  });
});
