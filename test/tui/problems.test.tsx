import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Problem } from "../../src/briefing/schema.js";
import { buildStoryView } from "../../src/story/view.js";
import { App } from "../../src/tui/App.js";
import { failedFiles, failedText } from "../../src/tui/lines/header.js";
import { contextScroll, problemRows, problemText, readContext } from "../../src/tui/problems.js";
import { loadResult } from "./fixtures.js";
import { KEYS, type Rendered, render } from "./render.js";

const broken: Problem = {
  path: "b/broken.md",
  line: 5,
  message: "front matter is not valid YAML",
  severity: "error",
};
const badDate: Problem = {
  path: "a-date.md",
  line: 3,
  message: "date: expected YYYY-MM-DD",
  severity: "error",
};
const badDateToo: Problem = { path: "a-date.md", line: 4, message: "title: missing", severity: "error" };
const warning: Problem = {
  path: "a-ok.md",
  line: 2,
  message: "no heading names What happened",
  severity: "warning",
};

let dir: string | undefined;
let app: Rendered | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("the problems list", () => {
  it("counts files that failed, not problems, and leaves warnings out of the count", () => {
    expect(failedFiles([broken, badDate, badDateToo, warning])).toBe(2);
    expect(failedText([broken, badDate, badDateToo, warning])).toBe("2 files failed");
    expect(failedText([broken])).toBe("1 file failed");
    expect(failedText([warning])).toBe("");
  });

  it("lists errors first, each in file order, then warnings, as path:line: message", () => {
    const rows = problemRows([warning, broken, badDateToo, badDate]);
    expect(rows.map(problemText)).toEqual([
      "a-date.md:3: date: expected YYYY-MM-DD",
      "a-date.md:4: title: missing",
      "b/broken.md:5: front matter is not valid YAML",
      "a-ok.md:2: warning: no heading names What happened",
    ]);
  });

  it("never lets a path or message from a file write to the terminal", () => {
    const hostile: Problem = {
      path: "evil\x1b]0;x\x07.md",
      line: 1,
      message: "bad \x1b[2J\x9b",
      severity: "error",
    };
    expect(problemText(hostile)).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
  });

  it("places the problem's line a third of the way down, within the file", () => {
    expect(contextScroll(30, 100, 12)).toBe(25);
    expect(contextScroll(2, 100, 12)).toBe(0);
    expect(contextScroll(99, 100, 12)).toBe(88);
    expect(contextScroll(undefined, 100, 12)).toBe(0);
  });
});

describe("a problem's context", () => {
  it("reads the file's lines, sanitised", async () => {
    dir = mkdtempSync(join(tmpdir(), "sd-problems-"));
    writeFileSync(join(dir, "a-date.md"), "---\ntitle: x\ndate: soon\x1b[31m\n---\ttext\n");
    const read = await readContext(dir, badDate);
    expect(read).toEqual({ lines: ["---", "title: x", "date: soon^[[31m", "--- text"] });
  });

  it("says why when the file is gone or points outside the folder", async () => {
    dir = mkdtempSync(join(tmpdir(), "sd-problems-"));
    const outside = mkdtempSync(join(tmpdir(), "sd-problems-out-"));
    writeFileSync(join(outside, "secret.md"), "secret\n");
    symlinkSync(join(outside, "secret.md"), join(dir, "a-date.md"));
    const escaped = await readContext(dir, badDate);
    rmSync(outside, { recursive: true, force: true });
    expect("error" in escaped && escaped.error).toMatch(/^a-date\.md: /);
    const gone = await readContext(dir, broken);
    expect("error" in gone && gone.error).toMatch(/^b\/broken\.md: /);
  });
});

describe("the problems view", () => {
  const story = (problems: Problem[]) => buildStoryView({ ...loadResult(), problems });

  it("shows the count in the header, lists the problems with !, and follows a swapped story", async () => {
    const tree = (problems: Problem[]) => (
      <App
        story={story(problems)}
        initialFilter={{ actors: [], tags: [] }}
        today={new Date(2026, 5, 1)}
        color={false}
      />
    );
    app = await render(tree([broken, badDate, warning]));
    expect(app.frame()).toContain("2 files failed");
    await app.press("!");
    expect(app.frame()).toContain("a-date.md:3: date: expected YYYY-MM-DD");
    expect(app.frame()).toContain("b/broken.md:5: front matter is not valid YAML");
    expect(app.frame()).toContain("a-ok.md:2: warning: no heading names");
    // The problems view has the keys: a view's key does nothing here (the focus table), j moves.
    await app.press("2");
    expect(app.frame()).toContain("[1 Timeline]");
    expect(app.frame()).toContain("a-date.md:3: date: expected YYYY-MM-DD");
    await app.press("j");
    expect(app.lines().find((l) => l.startsWith("›"))).toContain("b/broken.md:5");
    // The date fixed and the story loaded again: gone from the list and the header, cursor kept in range.
    await app.rerender(tree([broken, warning]));
    expect(app.frame()).not.toContain("a-date.md:3");
    expect(app.frame()).toContain("1 file failed");
    expect(app.frame()).toContain("b/broken.md:5");
    await app.press(KEYS.esc);
    expect(app.frame()).toContain("[1 Timeline]");
    expect(app.frame()).not.toContain("b/broken.md:5");
  });
});
