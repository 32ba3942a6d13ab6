import { mkdtempSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fingerprint, readStatuses, type StatusFile } from "../../src/load/read-status.js";
import type { Mark } from "../../src/store/state.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "sd-status-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): StatusFile {
  writeFileSync(join(dir, name), text);
  return { relPath: name, path: join(dir, name), id: name.replace(/\.md$/, "") };
}

async function markOf(f: StatusFile): Promise<Mark> {
  const seen = await fingerprint(f);
  if (seen === null) throw new Error(`${f.path} did not read`);
  return { ...seen, readAt: 1 };
}

describe("read status", () => {
  it("is read while the content is the same, even when the mtime moved, and updated when it changed", async () => {
    const a = file("a.md", "# A\n\nfirst text\n");
    const b = file("b.md", "# B\n\nsecond text\n");
    const c = file("c.md", "# C\n\nthird text\n");
    const marks = new Map([
      ["a.md", await markOf(a)],
      ["b.md", await markOf(b)],
    ]);
    const later = new Date(Date.now() + 120_000);
    utimesSync(a.path, later, later);
    writeFileSync(b.path, "# B\n\nsecond text, corrected\n");
    const got = await readStatuses([a, b, c], marks, null);
    expect(got.statuses.map((s) => [s.read, s.updated])).toEqual([
      [true, false],
      [false, true],
      [false, false],
    ]);
    // a's new stamp is written back, so the next check does not read the file again.
    expect(got.remark.map((m) => [m.relPath, m.mtimeMs])).toEqual([["a.md", statSync(a.path).mtimeMs]]);
    expect(got.dropped).toEqual([]);
  });

  it("finds a renamed file by its content, and not a different file of the same size", async () => {
    const a = file("a.md", "# A\n\nsame size one\n");
    const marks = new Map([["a.md", await markOf(a)]]);
    renameSync(a.path, join(dir, "renamed.md"));
    const moved = { relPath: "renamed.md", path: join(dir, "renamed.md"), id: "renamed" };
    const other = file("other.md", "# O\n\nsame size two\n");
    const got = await readStatuses([moved, other], marks, null);
    expect(got.statuses.map((s) => s.read)).toEqual([true, false]);
    expect(got.remark.map((m) => m.relPath)).toEqual(["renamed.md"]);
    expect(got.dropped).toEqual(["a.md"]);
  });

  it("calls new what was written after the last visit ended, and nothing on a first visit", async () => {
    const old = file("old.md", "# Old\n");
    const past = new Date(Date.now() - 3_600_000);
    utimesSync(old.path, past, past);
    const visit = Date.now() + 60_000;
    const none = await readStatuses([old], new Map(), null);
    expect(none.statuses[0]!.isNew).toBe(false);
    const before = await readStatuses([old], new Map(), visit);
    expect(before.statuses[0]!.isNew).toBe(false);
    // ctime cannot be set back: a file written now is new to a visit that ended an hour ago.
    const fresh = await readStatuses([old], new Map(), Date.now() - 3_600_000 * 2);
    expect(fresh.statuses[0]!.isNew).toBe(true);
  });

  it("counts a briefing whose file is gone as unread, without failing", async () => {
    const gone = { relPath: "gone.md", path: join(dir, "gone.md"), id: "gone" };
    const got = await readStatuses([gone], new Map(), 0);
    expect(got.statuses).toEqual([{ read: false, updated: false, isNew: false }]);
  });
});
