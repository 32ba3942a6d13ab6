// The store shared by programs, and programs killed while they write it: the built program, run for
// real. Two readers and a `list` started at once on a cold folder all show the folder; a `list`
// killed with SIGKILL during its first load, or while it writes the changes of an edit, leaves a
// store the next run reads right, and nothing but the database behind.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BIN, type Session, start } from "../e2e/harness.js";
import { briefingText, leftovers, makeFolder } from "./helpers.js";

let root: string;
let dir: string;
let cache: string;
const sessions: Session[] = [];
/** Enough files that a first load takes a while; few enough for a loaded two-core machine. */
const FILES = 300;
/** Bounds for a machine shared with other test runs, not targets. */
const LONG = 180_000;

beforeEach(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build`);
  root = await mkdtemp(path.join(tmpdir(), "sd-procs-"));
  dir = path.join(root, "briefings");
  cache = path.join(root, "cache");
  await makeFolder(dir, FILES);
});

afterEach(async () => {
  for (const s of sessions.splice(0)) s.close();
  await rm(root, { recursive: true, force: true });
});

const env = () => ({ ...process.env, XDG_CACHE_HOME: cache, SIGNALDESK_NO_CACHE: "0", NO_COLOR: "1" });

function list(extra: Record<string, string> = {}): { stdout: string; status: number | null } {
  const r = spawnSync(process.execPath, [BIN, "--dir", dir, "list", "--json"], {
    env: { ...env(), ...extra },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { stdout: r.stdout, status: r.status };
}

/** What the folder holds, as a run without the store sees it. */
function truthList(): string {
  const r = list({ SIGNALDESK_NO_CACHE: "1" });
  expect(r.status).toBe(0);
  return r.stdout;
}

/** Starts `list` and kills it with SIGKILL once `when` says so (checked as its store grows). */
async function killedList(when: () => boolean): Promise<void> {
  const child = spawn(process.execPath, [BIN, "--dir", dir, "list", "--json"], {
    env: env(),
    stdio: "ignore",
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  await new Promise<void>((resolve) => {
    const look = () => {
      if (child.exitCode !== null || when()) resolve();
      else setImmediate(look);
    };
    look();
  });
  child.kill("SIGKILL");
  await exited;
}

const cacheFiles = () =>
  existsSync(path.join(cache, "signaldesk")) ? readdirSync(path.join(cache, "signaldesk")) : [];
const hasWal = () => cacheFiles().some((f) => f.endsWith("-wal"));

describe("programs killed while they write the store", () => {
  it("SIGKILL during the first load, then a restart: the full, right list", { timeout: LONG }, async () => {
    await killedList(hasWal);
    const after = list();
    expect(after.status).toBe(0);
    expect(after.stdout).toBe(truthList());
    expect(leftovers(path.join(cache, "signaldesk"))).toEqual([]);
  });

  it("SIGKILL while the changes of an edit are written, then a restart", { timeout: LONG }, async () => {
    expect(list().stdout).toBe(truthList());
    for (let i = 0; i < FILES; i += 3)
      writeFileSync(
        path.join(dir, i % 2 ? "2026" : "", `b-${String(i).padStart(4, "0")}.md`),
        briefingText(i, `Edited ${i}`),
      );
    await killedList(hasWal);
    const after = list();
    expect(after.status).toBe(0);
    expect(after.stdout).toBe(truthList());
    expect(after.stdout).toContain("Edited 3");
    expect(leftovers(path.join(cache, "signaldesk"))).toEqual([]);
  });
});

describe("programs sharing a cold store", () => {
  it("two readers and a list started at once all show the whole folder", { timeout: LONG }, async () => {
    const open = () => {
      const s = start({
        cols: 100,
        rows: 30,
        dir,
        env: { XDG_CACHE_HOME: cache, SIGNALDESK_NO_CACHE: undefined },
      });
      sessions.push(s);
      return s;
    };
    const [a, b] = [open(), open()];
    const listed = new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [BIN, "--dir", dir, "list", "--json"], { env: env() });
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString("utf8");
      });
      child.on("exit", () => resolve(out));
    });
    const count = /(\d+) briefings/;
    for (const s of [a, b]) {
      await s.waitFor(
        () => /\[1 Timeline\]/.test(s.lines()[0] ?? "") && !/checking files|reading/.test(s.lines()[1] ?? ""),
        "the timeline, settled",
        { timeoutMs: LONG },
      );
      expect(count.exec(s.lines()[0] ?? "")?.[1]).toBe(String(FILES));
    }
    expect(await listed).toBe(truthList());
    for (const s of [a, b]) {
      s.press("q");
      expect((await s.exit).exitCode).toBe(0);
    }
    expect(leftovers(path.join(cache, "signaldesk"))).toEqual([]);
  });
});
