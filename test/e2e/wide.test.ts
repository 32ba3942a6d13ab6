// Titles made of emoji sequences that terminals draw wider than one grapheme's width: a ZWJ chain of
// 60 families, flags, skin tones, VS16 hearts. Drawn in xterm.js (the harness's terminal, as in VS
// Code), no row may be wider than the screen: a wider one wraps, scrolls the header off and repeats
// rows. Every row of every view is checked, and the header and footer appear once each.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WIDE_TERM, WIDE_TITLES } from "../hostile/environments.js";
import { type Session, start } from "./harness.js";

let dir: string;
let cache: string;
let session: Session | undefined;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "sd-e2e-wide-"));
  cache = mkdtempSync(join(tmpdir(), "sd-e2e-wide-cache-"));
  WIDE_TITLES.forEach((title, i) => {
    writeFileSync(
      join(dir, `wide-${i}.md`),
      `---\ntitle: "${title}"\ndate: 2026-06-1${i}\n---\n\n## What happened\n\n${title} happened on June 1${i}, 2026.\n\n## Why it matters\n\n${title}\n\n## What to watch\n\nMore ${title}.\n\n## Glossary\n\n- ${WIDE_TERM}: ${title}\n`,
    );
  });
});
afterAll(() => {
  session?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

// The active tab is always spelled out; the others shorten to their numbers on a narrow screen.
const HEADER = /signaldesk.*\[\d [A-Z][a-z]+\]/;
// The footer starts with the move keys in every view checked here.
const FOOTER = /^ j\/k move/;

/** Waits for a settled frame (header on top, footer at the bottom), then checks every row. */
async function expectWhole(s: Session, where: string) {
  await s.waitFor(
    () =>
      HEADER.test(s.lines()[0] ?? "") &&
      FOOTER.test(
        s
          .lines()
          .filter((l) => l !== "")
          .at(-1) ?? "",
      ),
    `a whole frame of ${where}`,
  );
  const lines = s.lines();
  expect(s.overflow(), `rows wrapped in ${where}:\n${lines.join("\n")}`).toEqual([]);
  expect(
    lines.filter((l) => HEADER.test(l)),
    `header in ${where}`,
  ).toHaveLength(1);
  expect(
    lines.filter((l) => FOOTER.test(l)),
    `footer in ${where}`,
  ).toHaveLength(1);
}

describe.each([
  [100, 30],
  [60, 20],
])("wide emoji titles at %ix%i", (cols, rows) => {
  it("no row wider than the screen in any view", async () => {
    session = start({ dir, cols, rows, env: { XDG_CACHE_HOME: cache } });
    const s = session;
    await s.waitForText(HEADER);
    await s.waitForText("Families");
    await expectWhole(s, "the timeline");
    s.press("2");
    await s.waitForText("[2 Briefings]");
    await expectWhole(s, "the briefings");
    for (let i = 0; i < WIDE_TITLES.length; i++) {
      s.press("Enter");
      await s.waitForText("What happened");
      await expectWhole(s, `briefing ${i}`);
      s.press("End");
      await s.waitForText("(100%)");
      await expectWhole(s, `the end of briefing ${i}`);
      s.press("Esc");
      await s.waitForText("Enter open");
      s.press("j");
    }
    s.press("3");
    await s.waitForText("[3 Glossary]");
    await expectWhole(s, "the glossary");
    s.press("q");
    expect((await s.exit).exitCode).toBe(0);
    session = undefined;
  });
});
