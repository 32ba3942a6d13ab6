// A Markdown briefing opened in the reader, in a real pseudo-terminal: the table, the lists and the
// link numbers are read off the screen a person sees.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BIN, type Session, start } from "./harness.js";

const BRIEFING = `---
title: Canal tolls frozen
date: 2031-09-04
---

## What happened

The [harbour authority](https://port.example/authority) froze tolls, **effective at once**.

| Port | Toll | From |
|:--|--:|:--|
| Northport | €12 | 2031-09-10 |
| Southbay | €9 | 2031-10-01 |

- Repairs wait
  - lock gates first
    1. Northport lock
    2. Southbay lock

## What to watch

The board meets again; see the [minutes](https://port.example/minutes).
`;

let dir: string;
beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build`);
  dir = mkdtempSync(join(tmpdir(), "sd-e2e-md-"));
  writeFileSync(join(dir, "canal.md"), BRIEFING);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a Markdown briefing in the reader", () => {
  let s: Session;
  afterAll(() => s?.close());

  it("shows its table, nested and numbered lists and numbered links", async () => {
    s = start({ dir, cols: 100, rows: 44, env: { SIGNALDESK_NO_CACHE: "1" } });
    await s.waitForText("[1 Timeline]");
    s.press("2");
    await s.waitForText("Canal tolls frozen");
    s.press("Enter");
    const screen = await s.waitForText("┌");
    const lines = s.lines();
    expect(screen).toContain("The harbour authority[1] froze tolls, effective at once.");
    const top = lines.findIndex((l) => l.includes("┌"));
    expect(lines[top]).toMatch(/┌─+┬─+┬─+┐/);
    expect(lines[top + 1]).toMatch(/│ Port +│ Toll │ From +│/);
    expect(lines[top + 3]).toMatch(/│ Northport │ +€12 │ 2031-09-10 │/);
    expect(lines[top + 4]).toMatch(/│ Southbay +│ +€9 │ 2031-10-01 │/);
    expect(lines[top + 5]).toMatch(/└─+┴─+┴─+┘/);
    const list = lines.findIndex((l) => l.includes("• Repairs wait"));
    expect(list).toBeGreaterThan(top);
    expect(lines[list + 1]).toMatch(/^ {3}◦ lock gates first$/);
    expect(lines[list + 2]).toMatch(/^ {5}1\. Northport lock$/);
    expect(lines[list + 3]).toMatch(/^ {5}2\. Southbay lock$/);
    expect(screen).toContain("see the minutes[2].");
    expect(screen).toMatch(/\[1\] https:\/\/port\.example\/authority/);
    expect(screen).toMatch(/\[2\] https:\/\/port\.example\/minutes/);
    expect(s.overflow()).toEqual([]);
  });
});

// A README-style briefing: task boxes, footnotes, inline HTML and a callout, as its writer meant them.
const README = `Model Transparency Registry
===========================

The registry went live on 3 November 2031 with 41 entries[^launch].<br>
Run by the Digital Standards Institute.

> [!WARNING] Contested
> Two members abstained.

What to watch
-------------

- [x] Registry launched
- [ ] First audit cycle

[^launch]: Count taken on launch day.
`;

describe("a README-style briefing in the reader", () => {
  let s: Session;
  afterAll(() => s?.close());

  it("shows task boxes once, footnote numbers, the line break and the callout's title, no markup", async () => {
    const own = mkdtempSync(join(tmpdir(), "sd-e2e-readme-"));
    writeFileSync(join(own, "registry.md"), README);
    s = start({ dir: own, cols: 100, rows: 44, env: { SIGNALDESK_NO_CACHE: "1" } });
    await s.waitForText("[1 Timeline]");
    s.press("2");
    await s.waitForText("Model Transparency Registry");
    s.press("Enter");
    const screen = await s.waitForText("Registry launched");
    const lines = s.lines();
    expect(screen).toContain("with 41 entries¹.");
    const at = lines.findIndex((l) => l.includes("with 41 entries¹."));
    expect(lines[at + 1]).toMatch(/^ Run by the Digital Standards Institute\.$/);
    expect(screen).toMatch(/│ Warning: Contested\s*\n\s*│ Two members abstained\./);
    expect(screen).toMatch(/• \[x\] Registry launched\s*\n\s*• \[ \] First audit cycle/);
    expect(screen).toContain("¹ Count taken on launch day.");
    expect(screen).not.toMatch(/\[\^|<br>|\[!WARNING\]|\[x\] \[x\]/);
    expect(s.overflow()).toEqual([]);
    rmSync(own, { recursive: true, force: true });
  });
});

describe("links in the reader as OSC 8 hyperlinks", () => {
  let s: Session;
  afterEach(() => s?.close());

  const open = async (env: Record<string, string | undefined>) => {
    s = start({
      dir,
      cols: 100,
      rows: 44,
      env: { SIGNALDESK_NO_CACHE: "1", FORCE_HYPERLINK: undefined, ...env },
    });
    await s.waitForText("[1 Timeline]");
    s.press("2");
    await s.waitForText("Canal tolls frozen");
    s.press("Enter");
    return s.waitForText("┌");
  };

  it("makes link text a hyperlink where the terminal shows them, the numbers and the list staying", async () => {
    const screen = await open({ TERM_PROGRAM: "WezTerm" });
    const lines = s.lines();
    const row = lines.findIndex((l) =>
      l.includes("The harbour authority[1] froze tolls, effective at once."),
    );
    expect(row).toBeGreaterThan(0);
    // The link covers its text on that row, not the number after it.
    expect(s.hyperlinks()).toContainEqual({
      url: "https://port.example/authority",
      row,
      text: "harbour authority",
    });
    expect(s.hyperlinks().every((l) => !l.text.includes("["))).toBe(true);
    expect(screen).toMatch(/\[1\] https:\/\/port\.example\/authority/);
    const listed = lines.findIndex((l) => l.includes("[2] https://port.example/minutes"));
    expect(s.hyperlinks()).toContainEqual({
      url: "https://port.example/minutes",
      row: listed,
      text: "https://port.example/minutes",
    });
    // Rows intact: nothing of the escape shows, nothing wraps, the table's rules line up.
    expect(screen).not.toMatch(/8;;|\]8|\^G/);
    expect(s.overflow()).toEqual([]);
    const top = lines.findIndex((l) => l.includes("┌"));
    expect(lines[top + 3]).toMatch(/│ Northport │ +€12 │ 2031-09-10 │/);
    expect(lines[top]!.length).toBe(lines[top + 5]!.length);
    expect(lines.some((l) => /lines 1–\d+ of \d+/.test(l))).toBe(true);
    // On a shorter screen the briefing scrolls: the rows move up one, the link with them, intact.
    s.resize(100, 16);
    await s.waitForText(/lines 1–\d+ of \d+ \((?!100%)/);
    await s.waitForText("The harbour authority[1]");
    const at = s.lines().findIndex((l) => l.includes("harbour authority[1]"));
    expect(at).toBeGreaterThan(0);
    s.press("j");
    await s.waitForText(/lines 2–\d+ of/);
    expect(s.lines()[at - 1]).toContain("The harbour authority[1] froze tolls, effective at once.");
    expect(s.screenText()).not.toMatch(/8;;|\]8|\^G/);
    expect(s.overflow()).toEqual([]);
    const last = s
      .hyperlinks()
      .filter((l) => l.url === "https://port.example/authority")
      .pop();
    expect(last).toEqual({ url: "https://port.example/authority", row: at - 1, text: "harbour authority" });
  });

  it("writes no hyperlink where the terminal is not known to show them, or without colour", async () => {
    const plain = await open({ TERM_PROGRAM: "WezTerm", NO_COLOR: "1" });
    expect(plain).toContain("The harbour authority[1] froze tolls, effective at once.");
    expect(plain).toMatch(/\[1\] https:\/\/port\.example\/authority/);
    expect(s.raw()).not.toContain("\x1b]8");
    s.close();
    const unknown = await open({
      TERM_PROGRAM: undefined,
      VTE_VERSION: undefined,
      KITTY_WINDOW_ID: undefined,
      WT_SESSION: undefined,
      DOMTERM: undefined,
      KONSOLE_VERSION: undefined,
    });
    expect(unknown).toContain("The harbour authority[1] froze tolls, effective at once.");
    expect(s.raw()).not.toContain("\x1b]8");
    expect(s.hyperlinks()).toEqual([]);
  });
});
