import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { heldByAnother, isCorrupt } from "../../src/store/open.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "signaldesk-open-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The error SQLite really raises when `act` runs against a database another connection holds. */
function errorOf(act: () => void): unknown {
  try {
    act();
  } catch (err) {
    return err;
  }
  throw new Error("no error was raised");
}

describe("a database another program is using is never taken for a damaged one", () => {
  it("an extended busy code (a stale snapshot in WAL) counts as held, and is not corruption", () => {
    const file = path.join(dir, "store.sqlite");
    const a = new Database(file);
    a.pragma("journal_mode = WAL");
    a.exec("CREATE TABLE t (x)");
    const b = new Database(file, { timeout: 0 });
    b.exec("BEGIN");
    b.prepare("SELECT count(*) FROM t").get();
    a.exec("INSERT INTO t VALUES (1)");
    const err = errorOf(() => b.exec("INSERT INTO t VALUES (2)"));
    expect((err as { code: string }).code).toBe("SQLITE_BUSY_SNAPSHOT");
    expect(heldByAnother(err)).toBe(true);
    expect(isCorrupt(err)).toBe(false);
    b.exec("ROLLBACK");
    a.close();
    b.close();
  });

  it("a plain write lock held elsewhere counts as held", () => {
    const file = path.join(dir, "store.sqlite");
    const a = new Database(file);
    a.exec("CREATE TABLE t (x)");
    a.exec("BEGIN IMMEDIATE");
    const b = new Database(file, { timeout: 0 });
    const err = errorOf(() => b.exec("BEGIN IMMEDIATE"));
    expect(heldByAnother(err)).toBe(true);
    a.exec("ROLLBACK");
    a.close();
    b.close();
  });

  it("a file that is not a database is not held: it is damage", async () => {
    const file = path.join(dir, "store.sqlite");
    await writeFile(file, "x".repeat(4096));
    const err = errorOf(() => new Database(file).pragma("user_version"));
    expect(heldByAnother(err)).toBe(false);
    expect(isCorrupt(err)).toBe(true);
  });
});
