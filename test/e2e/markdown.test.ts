// A Markdown briefing opened in the reader, in a real pseudo-terminal: the table, the lists and the
// link numbers are read off the screen a person sees.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
