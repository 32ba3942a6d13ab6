// The story across briefings, in a real pseudo-terminal on the bundled story: the timeline's date
// filter (later: the agenda, actor pages, the picker's removal and the story picker).
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BIN, type Session, start } from "./harness.js";

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build`);
});

const header = (s: Session) => s.lines().slice(0, 2).join("\n");

async function session(run: (s: Session) => Promise<void>): Promise<void> {
  const s = start({ cols: 100, rows: 30 });
  try {
    await s.waitForText("[1 Timeline]");
    await run(s);
    s.press("q");
    expect((await s.exit).exitCode).toBe(0);
  } finally {
    s.close();
  }
}

describe("the date filter on the timeline", () => {
  it("selects events by their own date, and briefings by theirs, saying which", {
    timeout: 60_000,
  }, async () => {
    await session(async (s) => {
      s.press("d");
      await s.waitForText(/date/i);
      s.press("..2026-06-15", "Enter");
      await s.waitForText("events dated until 2026-06-15");
      const screen = s.screenText();
      expect(screen).not.toContain("No briefings match");
      expect(screen).toContain("2026-06-13");
      expect(screen).not.toMatch(/^. 2026-06-16/m);
      s.press("2");
      await s.waitForText("briefings dated until 2026-06-15");
      expect(s.screenText()).toContain("No briefings match the filters.");
      s.press("1");
      await s.waitForText("events dated until 2026-06-15");
    });
  });

  it("shows the last briefing, July 1, at the end of the timeline", { timeout: 60_000 }, async () => {
    await session(async (s) => {
      s.press("G");
      await s.waitForText(/› 2026-07-01 ■ Commerce lifts export limits/);
      expect(header(s)).toContain("5 briefings");
    });
  });
});

describe("the agenda", () => {
  it("shows the June 26 watch on the negotiations followed up by July 1, and opens the follow-up", {
    timeout: 60_000,
  }, async () => {
    await session(async (s) => {
      s.press("4");
      await s.waitForText("[4 Agenda]");
      await s.waitForText(/2026-06-26 ✓ First, whether the negotiations/);
      expect(s.screenText()).toMatch(/○ This reversal is unlikely to settle the question/);
      // Down to the item, then to its follow-ups; the last is July 1.
      for (let i = 0; i < 12 && !/› 2026-06-26 ✓ First/.test(s.screenText()); i++) {
        const before = s.screenText();
        s.press("j");
        await s.waitFor((screen) => screen !== before, "the cursor moves");
      }
      expect(s.screenText()).toContain("Followed up by 2 later briefings");
      s.press("j");
      await s.waitForText(/› +↳ 2026-06-30/);
      s.press("j");
      await s.waitForText(/› +↳ 2026-07-01 {2}Commerce lifts export limits/);
      s.press("Enter");
      await s.waitForText("Conditions for Reinstatement");
    });
  });
});

describe("actors", () => {
  it("opens an actor's page from the picker, filters by it and goes to another actor", {
    timeout: 60_000,
  }, async () => {
    await session(async (s) => {
      s.press("a");
      await s.waitForText("Filter by actor");
      s.press("lutnick");
      await s.waitForText("Actor: lutnick");
      s.press("Enter");
      await s.waitForText("[5 Actors]");
      await s.waitForText("Briefings (1)");
      expect(s.screenText()).toMatch(/Howard Lutnick +person/);
      expect(s.screenText()).toMatch(/Anthropic +1 briefing together/);
      s.press("+");
      await s.waitForText("actor Howard Lutnick");
      s.press("Esc");
      await s.waitForText(/Amazon Web Services +company/);
    });
  });

  it("takes an actor already in the filter out again in the picker", { timeout: 60_000 }, async () => {
    await session(async (s) => {
      s.press("a");
      await s.waitForText("Filter by actor");
      s.press("palantir");
      await s.waitForText("Actor: palantir");
      s.press("Tab");
      await s.waitForText(/✓ Palantir/);
      s.press("Esc");
      // The header shows the filter while the picker is open: wait for the picker to close.
      await s.waitFor((screen) => !screen.includes("Filter by actor"), "the picker closes");
      expect(header(s)).toContain("actor Palantir");
      s.press("a");
      await s.waitForText("Filter by actor");
      s.press("palantir");
      await s.waitForText(/✓ Palantir/);
      s.press("Tab");
      await s.waitFor((screen) => !/✓ Palantir/.test(screen) && /› +Palantir/.test(screen), "the tick goes");
      s.press("Esc");
      // The header shows the filter while the picker is open: wait for the picker to close, so
      // the session's q is not read with the Esc as Alt-q.
      await s.waitFor((screen) => !screen.includes("Filter by actor"), "the picker closes");
      expect(header(s)).toContain("No filters");
    });
  });
});

describe("stories", () => {
  it("picks a story with s and shows it in the header", { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "sd-stories-"));
    try {
      mkdirSync(join(dir, "harbour"));
      mkdirSync(join(dir, "rail"));
      writeFileSync(
        join(dir, "harbour/a.md"),
        "---\ntitle: Ferry stops\ndate: 2031-01-05\n---\nThe ferry stopped.\n",
      );
      writeFileSync(
        join(dir, "harbour/b.md"),
        "---\ntitle: Ferry resumes\ndate: 2031-02-01\n---\nIt resumed.\n",
      );
      writeFileSync(
        join(dir, "rail/c.md"),
        "---\ntitle: Rail plan drawn up\ndate: 2031-03-01\n---\nA plan.\n",
      );
      const s = start({ cols: 100, rows: 30, dir, env: { XDG_CACHE_HOME: join(dir, ".cache") } });
      try {
        await s.waitForText("[1 Timeline]");
        s.press("s");
        await s.waitForText(/harbour +2 briefings +2031-01-05\.\.2031-02-01/);
        expect(s.screenText()).toMatch(/rail +1 briefing +2031-03-01/);
        s.press("Down", "Down");
        await s.waitForText(/› +rail/);
        s.press("Enter");
        await s.waitForText("story rail");
        expect(s.screenText()).toContain("Rail plan drawn up");
        expect(s.screenText()).not.toContain("Ferry stops");
        s.press("q");
        expect((await s.exit).exitCode).toBe(0);
      } finally {
        s.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
