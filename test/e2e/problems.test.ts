// Files that failed to load, in the reader: the header counts them, `!` lists every problem as
// `path:line: message`, Enter shows the lines of the file around one (sanitised), Esc goes back.
import { chmodSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BUNDLED_BRIEFINGS, KEYS, type Session, start } from "./harness.js";

let session: Session | undefined;
let dir: string | undefined;
afterEach(() => {
  session?.close();
  session = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function folder(): string {
  dir = mkdtempSync(join(tmpdir(), "sd-e2e-problems-"));
  for (const f of ["2026-06-16-export-order.md", "2026-06-19-negotiations.md"])
    copyFileSync(join(BUNDLED_BRIEFINGS, f), join(dir, f));
  writeFileSync(join(dir, "broken.md"), "---\ntitle: Broken\ndate: 2026-07-02\nactors: [a\n---\nText.\n");
  // A control sequence in the file: shown as text in the context, never acted on.
  writeFileSync(
    join(dir, "bad-date.md"),
    "---\ntitle: Bad date\ndate: not-a-date\n---\nSome \x1b[2Jtext here.\n",
  );
  return dir;
}

describe("problems in the reader", () => {
  it("counts the failed files, lists the problems, and shows one in its file", async () => {
    session = start({ dir: folder(), env: { SIGNALDESK_NO_CACHE: "1" } });
    const s = session;
    await s.waitForText("2 files failed");
    s.press("!");
    await s.waitForText(/bad-date\.md:3: date: expected YYYY-MM-DD/);
    expect(s.screenText()).toMatch(/broken\.md:5: front matter is not valid YAML/);
    expect(s.screenText()).toMatch(/export-order\.md:\d+: warning: /);
    // Errors come first: the cursor starts on bad-date.md.
    s.press(KEYS.Enter);
    await s.waitForText(/› +3 │ date: not-a-date/);
    expect(s.screenText()).toMatch(/5 │ Some \^\[\[2Jtext here\./);
    expect(s.screenText()).toMatch(/2 │ title: Bad date/);
    s.press(KEYS.Esc);
    await s.waitForText(/Problems .*Enter shows the lines/);
    s.press("j");
    s.press(KEYS.Enter);
    await s.waitForText(/› +5 │ ---/);
    expect(s.screenText()).toMatch(/4 │ actors: \[a/);
    s.press(KEYS.Esc);
    await s.waitForText(/Problems /);
    s.press(KEYS.Esc);
    await s.waitFor((screen) => /\[1 Timeline\]/.test(screen) && !/Problems /.test(screen), "the timeline");
    s.press("q");
    expect((await s.exit).exitCode).toBe(0);
  });

  it("e on a problem edits its file; fixed, it leaves the list and the count", async () => {
    const d = folder();
    const fixer = join(d, "..", `${d.split("/").pop()}-fix.sh`);
    writeFileSync(fixer, "#!/bin/sh\nsed -i 's/^date: not-a-date$/date: 2026-07-03/' \"$1\"\n");
    chmodSync(fixer, 0o755);
    session = start({ dir: d, env: { SIGNALDESK_NO_CACHE: "1", VISUAL: fixer } });
    const s = session;
    await s.waitForText("2 files failed");
    s.press("!");
    await s.waitForText(/bad-date\.md:3: date: expected/);
    s.press(KEYS.Enter);
    await s.waitForText(/3 │ date: not-a-date/);
    s.press("e");
    await s.waitForText("1 file failed");
    // The lines are read again, and the problem is marked as no longer reported.
    await s.waitForText(/3 │ date: 2026-07-03/);
    expect(s.screenText()).toMatch(/No longer reported: .*bad-date\.md:3: date: expected/);
    s.press(KEYS.Esc);
    await s.waitForText(/broken\.md:5: /);
    expect(s.screenText()).not.toContain("bad-date.md:3");
    rmSync(fixer, { force: true });
  });
});
