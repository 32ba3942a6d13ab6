// Output that cannot be written: a full disk, a terminal gone. Each ends the command with one line on
// stderr and exit 74 (EX_IOERR), never a stack trace; a reader that went away (EPIPE) stays quiet
// with 0. (A stdout closed before the start is /dev/null by the time JavaScript runs: output-errors.ts.)
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn as spawnPty } from "node-pty";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Built, buildCli, cleanEnv, removeAll } from "./helpers.js";

let built: Built;
let cache: string;
beforeAll(async () => {
  built = await buildCli();
  cache = mkdtempSync(join(tmpdir(), "sd-output-cache-"));
}, 120_000);
afterAll(() => removeAll([built.root, cache]));

const dir = () => join(built.root, "briefings");

/** Runs the command under sh, so a test can redirect its stdout the way a user would. */
function underShell(args: string, redirect: string) {
  const r = spawnSync("sh", ["-c", `exec "$0" "$1" ${args} ${redirect}`, process.execPath, built.bin], {
    encoding: "utf8",
    env: cleanEnv({ XDG_CACHE_HOME: cache }),
  });
  return { code: r.status, stderr: r.stderr };
}

const ONE_LINE_74 = (r: { code: number | null; stderr: string }, why: RegExp) => {
  expect(r.code).toBe(74);
  const lines = r.stderr.split("\n").filter((l) => l !== "");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(why);
  expect(r.stderr).not.toMatch(/\bat .*\(|node:internal|Error:/);
};

describe.each([
  ["list", `--dir "${"$DIR"}" list`],
  ["list --json", `--dir "${"$DIR"}" list --json`],
  ["print", `--dir "${"$DIR"}" print 2026-06-16-export-order`],
  ["check", `--dir "${"$DIR"}" check`],
  ["--help", "--help"],
])("%s", (_, template) => {
  const args = () => template.replaceAll("$DIR", dir());

  it("to a full disk (> /dev/full): one line, exit 74", () => {
    ONE_LINE_74(
      underShell(args(), "> /dev/full"),
      /^signaldesk: cannot write the output: no space left on the device \(ENOSPC\)$/,
    );
  });
});

it.each([["> /dev/null"], ["1<> /dev/null"]])("%s is no error", (redirect) => {
  expect(underShell(`--dir "${dir()}" list`, redirect)).toEqual({ code: 0, stderr: "" });
});

it("to a terminal that has gone (EIO): one line, exit 74", async () => {
  const scratch = mkdtempSync(join(tmpdir(), "sd-eio-"));
  const flag = join(scratch, "wait");
  const code = join(scratch, "code");
  const err = join(scratch, "err");
  writeFileSync(flag, "");
  // The shell ignores the hangup and waits for the flag to go, so the command starts writing only
  // once its terminal is closed.
  const script = `trap "" HUP; echo ready; while [ -e "${flag}" ]; do sleep 0.05; done; "${process.execPath}" "${built.bin}" --dir "${dir()}" list 2>"${err}"; echo $? > "${code}.tmp"; mv "${code}.tmp" "${code}"`;
  const pty = spawnPty("sh", ["-c", script], { cwd: built.root, env: cleanEnv({ XDG_CACHE_HOME: cache }) });
  try {
    await new Promise<void>((resolve) => {
      pty.onData((d) => {
        if (d.includes("ready")) resolve();
      });
    });
    // Closes the terminal's master side (no signal sent): what a closed terminal window does.
    (pty as typeof pty & { destroy(): void }).destroy();
    rmSync(flag);
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (existsSync(code)) {
          clearInterval(poll);
          resolve();
        }
      }, 20);
    });
    ONE_LINE_74(
      { code: Number(readFileSync(code, "utf8")), stderr: readFileSync(err, "utf8") },
      /^signaldesk: cannot write the output: input\/output error .*\(EIO\)$/,
    );
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

it("a pipe whose reader is gone stays quiet with 0", async () => {
  const child = spawn(process.execPath, [built.bin, "--dir", dir(), "list", "--json"], {
    env: cleanEnv({ XDG_CACHE_HOME: cache }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.destroy();
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (s: string) => {
    stderr += s;
  });
  const status = await new Promise<number | null>((resolve) => child.on("close", (c) => resolve(c)));
  expect({ status, stderr }).toEqual({ status: 0, stderr: "" });
});
