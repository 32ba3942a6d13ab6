// The story across briefings, in a real pseudo-terminal on the bundled story: the timeline's date
// filter (later: the agenda, actor pages, the picker's removal and the story picker).
import { existsSync } from "node:fs";
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
  it("selects events by their own date, and briefings by theirs, saying which", async () => {
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

  it("shows the last briefing, July 1, at the end of the timeline", async () => {
    await session(async (s) => {
      s.press("G");
      await s.waitForText(/› 2026-07-01 ■ Commerce lifts export limits/);
      expect(header(s)).toContain("5 briefings");
    });
  });
});
