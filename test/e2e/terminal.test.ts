// Every way out of the reader gives the terminal back: main screen, visible cursor, cooked mode, and
// the documented exit code. Checked on the built program in a real pseudo-terminal.
import { spawnSync } from "node:child_process";
import { closeSync, cpSync, existsSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { BIN, BUNDLED_BRIEFINGS, type Session, start } from "./harness.js";

const ALT_SCREEN_ON = "\x1b[?1049h";
// The reader is on screen once its header (product name and the three views as tabs) is drawn.
// The other views show by their keys alone on a narrow terminal.
const READER = /signaldesk.*\[1 Timeline\]/;

let session: Session | undefined;
const open = (...args: Parameters<typeof start>) => {
  session = start(...args);
  return session;
};
afterEach(() => {
  session?.close();
  session = undefined;
});

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build`);
});

async function expectRestored(s: Session, exitCode: number) {
  const exit = await s.exit;
  expect(exit).toMatchObject({ exitCode, signal: null });
  expect(s.state()).toEqual({ buffer: "normal", cursorVisible: true, cooked: true });
  expect(s.raw()).toContain(ALT_SCREEN_ON);
  // Back on the main screen, the reader's frame is gone.
  expect(s.screenText()).not.toMatch(READER);
}

describe("leaving the reader restores the terminal", () => {
  it("q quits with 0", async () => {
    const s = open();
    await s.waitForText(READER);
    expect(s.state().buffer).toBe("alternate");
    expect(s.state().cursorVisible).toBe(false);
    s.press("q");
    await expectRestored(s, 0);
  });

  it("Ctrl-C quits with 130", async () => {
    const s = open();
    await s.waitForText(READER);
    s.press("CtrlC");
    await expectRestored(s, 130);
  });

  it.each([
    ["SIGTERM", 143],
    ["SIGHUP", 129],
    ["SIGINT", 130],
  ] as const)("%s exits with %i", async (signal, code) => {
    const s = open();
    await s.waitForText(READER);
    s.kill(signal);
    await expectRestored(s, code);
  });

  it("an exception inside a view is reported on the main screen, exit 70", async () => {
    const s = open({ env: { SIGNALDESK_TEST_CRASH: "render" } });
    await expectRestored(s, 70);
    expect(s.screenText()).toContain("signaldesk: internal error: test crash inside a view");
  });

  it("an uncaught exception outside React is reported the same way", async () => {
    const s = open({ env: { SIGNALDESK_TEST_CRASH: "async" } });
    await expectRestored(s, 70);
    expect(s.screenText()).toContain("signaldesk: internal error: test crash outside a view");
  });

  it("a missing folder says so and exits 66", async () => {
    const s = open({ dir: join(tmpdir(), "signaldesk-no-such-folder") });
    const exit = await s.exit;
    expect(exit.exitCode).toBe(66);
    expect(s.state()).toEqual({ buffer: "normal", cursorVisible: true, cooked: true });
    expect(s.screenText()).toContain("signaldesk: no briefings folder at");
  });

  it("a folder deleted while the reader is open does not crash it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sd-e2e-gone-"));
    cpSync(BUNDLED_BRIEFINGS, dir, { recursive: true });
    try {
      const s = open({ dir });
      await s.waitForText(READER);
      rmSync(dir, { recursive: true, force: true });
      // Walk every view and open what is under the cursor, then quit normally.
      s.press("2");
      await s.waitForText("[2 Briefings]");
      s.press("Enter");
      await s.waitForText("What happened");
      s.press("3");
      await s.waitForText("[3 Glossary]");
      s.press("Enter");
      await s.waitForText("[2 Briefings]");
      s.press("q");
      await expectRestored(s, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the harness", () => {
  it("notices raw mode left on by a program that dies without restoring it", async () => {
    const s = open({
      command: [
        process.execPath,
        "-e",
        "process.stdin.setRawMode(true); process.kill(process.pid, 'SIGKILL')",
      ],
    });
    const exit = await s.exit;
    expect(exit.signal).toBe("SIGKILL");
    expect(s.state().cooked).toBe(false);
  });
});

describe("not a terminal", () => {
  it("prints the list and never switches screens", () => {
    const devNull = openSync("/dev/null", "r");
    try {
      const run = spawnSync(process.execPath, [BIN], {
        stdio: [devNull, "pipe", "pipe"],
        encoding: "utf8",
        env: { ...process.env, SIGNALDESK_DIR: BUNDLED_BRIEFINGS, TERM: "xterm-256color" },
        timeout: 120_000,
      });
      expect(run.status).toBe(0);
      expect(run.stdout).not.toContain(ALT_SCREEN_ON);
      expect(run.stdout).not.toContain("\x1b[?25l");
      const list = spawnSync(process.execPath, [BIN, "list", "--json"], {
        encoding: "utf8",
        env: { ...process.env, SIGNALDESK_DIR: BUNDLED_BRIEFINGS },
      });
      const titles = (JSON.parse(list.stdout) as { title: string }[]).map((b) => b.title);
      expect(titles.length).toBeGreaterThan(0);
      for (const title of titles) expect(run.stdout).toContain(title.slice(0, 15));
    } finally {
      closeSync(devNull);
    }
  });
});
