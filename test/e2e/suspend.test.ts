// Ctrl-Z in the reader, and SIGTSTP from outside: the terminal is given back as a shell expects it
// (main screen, cooked mode with echo, cursor shown) and the process stops; SIGCONT (what `fg` sends)
// takes the terminal back, draws the whole screen again, and keys act at once (raw mode).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readlinkSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type Session, start, stopped } from "./harness.js";

const READER = /signaldesk.*Timeline.*Briefings.*Glossary/;
const CTRL_Z = "\x1a";

let session: Session | undefined;
let cache: string | undefined;
afterEach(() => {
  session?.close();
  session = undefined;
  if (cache) rmSync(cache, { recursive: true, force: true });
});

function open(): Session {
  cache = mkdtempSync(join(tmpdir(), "sd-e2e-suspend-"));
  session = start({ env: { XDG_CACHE_HOME: cache } });
  return session;
}

/** The terminal's line discipline flags, read from outside while the program is stopped. */
function ttyFlags(pid: number): Set<string> {
  const tty = readlinkSync(`/proc/${pid}/fd/0`);
  return new Set(execFileSync("stty", ["-a", "-F", tty], { encoding: "utf8" }).split(/\s+/));
}

async function expectSuspended(s: Session) {
  await s.waitFor(() => s.state().buffer === "normal", "the main screen");
  await stopped(s);
  expect(s.state().cursorVisible).toBe(true);
  const flags = ttyFlags(s.pid());
  expect(flags.has("icanon")).toBe(true);
  expect(flags.has("echo")).toBe(true);
  expect(s.screenText()).not.toMatch(READER);
}

async function expectResumed(s: Session) {
  s.kill("SIGCONT");
  await s.waitFor(() => s.state().buffer === "alternate" && READER.test(s.screenText()), "the reader again");
  // The whole screen, not only what changed: the footer is there too.
  await s.waitForText(/q quit/);
  expect(ttyFlags(s.pid()).has("icanon")).toBe(false);
  // A key acts without Enter: raw mode is back.
  s.press("2");
  await s.waitForText("[2 Briefings]");
  s.press("1");
  await s.waitForText("[1 Timeline]");
}

describe("suspend and resume", () => {
  it("Ctrl-Z gives the terminal back and stops; SIGCONT redraws and keys work", async () => {
    const s = open();
    await s.waitForText(READER);
    s.press(CTRL_Z);
    await expectSuspended(s);
    await expectResumed(s);
    // And again, from the briefings view.
    s.press("2");
    await s.waitForText("[2 Briefings]");
    s.press(CTRL_Z);
    await expectSuspended(s);
    await expectResumed(s);
    s.press("q");
    expect((await s.exit).exitCode).toBe(0);
    expect(s.state()).toEqual({ buffer: "normal", cursorVisible: true, cooked: true });
  });

  it("SIGTSTP from outside does the same", async () => {
    const s = open();
    await s.waitForText(READER);
    s.kill("SIGTSTP");
    await expectSuspended(s);
    await expectResumed(s);
    s.press("q");
    expect((await s.exit).exitCode).toBe(0);
    expect(s.state()).toEqual({ buffer: "normal", cursorVisible: true, cooked: true });
  });
});
