import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openReadState, type ReadStateOptions, type Seen, STATE_FILE } from "../../src/store/state.js";

let dir: string;
let stateDir: string;
const warnings: string[] = [];

function open(extra: Partial<ReadStateOptions> = {}) {
  return openReadState({
    stateDir,
    folder: "/briefings/story",
    warn: (m) => warnings.push(m),
    create: true,
    ...extra,
  });
}

function seen(relPath: string, hash = `h-${relPath}`): Seen {
  return { relPath, id: relPath.replace(/\..*$/, ""), hash, size: 10, mtimeMs: 1000.5 };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "sd-state-"));
  stateDir = join(dir, "state", "signaldesk");
  warnings.length = 0;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the read state store", () => {
  it("keeps marks, the last visit and the last place across opens", () => {
    let now = 5_000;
    const a = open({ now: () => now });
    expect(a.persistent).toBe(true);
    expect(a.lastVisit).toBeNull();
    a.beginSession();
    a.markRead([seen("a.md"), seen("b.md")]);
    a.markUnread(["b.md"]);
    a.savePlace({ view: "briefings", cursor: "a" });
    now = 9_000;
    a.endSession();
    a.close();

    const b = open();
    expect([...b.marks().keys()]).toEqual(["a.md"]);
    expect(b.marks().get("a.md")).toMatchObject({ hash: "h-a.md", size: 10, mtimeMs: 1000.5, readAt: 5_000 });
    expect(b.lastVisit).toBe(9_000);
    expect(b.place()).toEqual({ view: "briefings", cursor: "a" });
    b.close();
    expect(warnings).toEqual([]);
  });

  it("keeps folders apart", () => {
    const a = open();
    a.markRead([seen("a.md")]);
    a.close();
    const other = open({ folder: "/briefings/other" });
    expect(other.marks().size).toBe(0);
    other.close();
  });

  it("loses no mark when two connections mark at once", () => {
    const a = open();
    const b = open();
    for (let i = 0; i < 50; i++) {
      a.markRead([seen(`a${i}.md`)]);
      b.markRead([seen(`b${i}.md`)]);
    }
    // b never loaded a's marks, and still its writes did not replace them.
    expect(b.marks().has("a0.md")).toBe(false);
    expect(b.refresh()).toBe(true);
    expect(b.marks().size).toBe(100);
    a.close();
    b.close();
    const c = open();
    expect(c.marks().size).toBe(100);
    c.close();
  });

  it("loses no mark when two processes mark at once", () => {
    open().close();
    const file = join(stateDir, STATE_FILE);
    // Two processes, each with its own connection, writing 200 transactions as fast as they can.
    const script = (tag: string) => `
      const D = require("better-sqlite3");
      const db = new D(${JSON.stringify(file)}, { timeout: 10000 });
      const put = db.prepare("INSERT INTO marks VALUES (1, ?, ?, 'h', 1, 1, 1)");
      for (let i = 0; i < 200; i++) db.transaction(() => put.run("${tag}" + i, "${tag}" + i)).immediate();
      db.close();`;
    const both = `
      const { spawn } = require("node:child_process");
      const run = (s) => new Promise((ok, ko) => spawn(process.execPath, ["-e", s], { stdio: "inherit" })
        .on("exit", (c) => (c === 0 ? ok() : ko(new Error("exit " + c)))));
      Promise.all([run(${JSON.stringify(script("x"))}), run(${JSON.stringify(script("y"))})])
        .catch((e) => { console.error(e); process.exit(1); });`;
    execFileSync(process.execPath, ["-e", both], { cwd: process.cwd(), stdio: "inherit" });
    const s = open();
    expect(s.marks().size).toBe(400);
    s.close();
  });

  it("reports a corrupt state file once and keeps marks in memory", () => {
    mkdirSync(stateDir, { recursive: true });
    writeFileSync(join(stateDir, STATE_FILE), "this is not a database, it is text ".repeat(200));
    const s = open();
    expect(s.persistent).toBe(false);
    s.markRead([seen("a.md")]);
    s.markRead([seen("b.md")]);
    s.beginSession();
    s.endSession();
    expect(s.marks().size).toBe(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(join(stateDir, STATE_FILE));
    expect(warnings[0]).toContain("corrupt");
    s.close();
    // The file is left as it was: nothing is written over what might be someone's data.
    expect(readFileSync(join(stateDir, STATE_FILE), "utf8")).toMatch(/^this is not a database/);
  });

  it("refuses a FIFO in place of the state file without blocking", () => {
    mkdirSync(stateDir, { recursive: true });
    execFileSync("mkfifo", [join(stateDir, STATE_FILE)]);
    const s = open();
    expect(s.persistent).toBe(false);
    expect(warnings).toEqual([
      `${join(stateDir, STATE_FILE)}: not a regular file (FIFO); read state is not saved`,
    ]);
    s.close();
  });

  it("refuses a FIFO in place of the write-ahead log", () => {
    open().close();
    execFileSync("mkfifo", [join(stateDir, `${STATE_FILE}-wal`)]);
    const s = open();
    expect(s.persistent).toBe(false);
    expect(warnings[0]).toContain("state.db-wal is not a regular file (FIFO)");
    s.close();
  });

  it("reports a state folder it cannot create and goes on", () => {
    // A file where the state folder's parent should be: no write permission (root ignores those) can
    // make a folder there.
    writeFileSync(join(dir, "state"), "");
    const s = open();
    expect(s.persistent).toBe(false);
    s.markRead([seen("a.md")]);
    expect(s.marks().has("a.md")).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /state\/signaldesk\/state\.db: .*not a directory.*; read state is not saved$/,
    );
    s.close();
  });

  it("refuses a folder in place of the state file", () => {
    mkdirSync(join(stateDir, STATE_FILE), { recursive: true });
    const s = open();
    expect(s.persistent).toBe(false);
    expect(warnings[0]).toContain("not a regular file (directory)");
    s.close();
  });

  it("leaves a state file from a newer version alone", () => {
    const s = open();
    s.markRead([seen("a.md")]);
    s.close();
    execFileSync(process.execPath, [
      "-e",
      `const D = require("better-sqlite3"); const db = new D(${JSON.stringify(join(stateDir, STATE_FILE))}); db.pragma("user_version = 99"); db.close();`,
    ]);
    const t = open();
    expect(t.persistent).toBe(false);
    expect(warnings[0]).toContain("newer signaldesk");
    t.close();
  });

  it("creates nothing when opened only to read", () => {
    const s = open({ create: false });
    expect(s.persistent).toBe(false);
    expect(s.marks().size).toBe(0);
    s.close();
    expect(() => readFileSync(join(stateDir, STATE_FILE))).toThrow(/ENOENT/);
    expect(warnings).toEqual([]);
  });
});
