// A cache file replaced by something that is not a file (test/hostile/environments.ts: a FIFO nobody
// writes, a link to /dev/zero or /dev/tty, a huge sparse file) is no cache: list and print answer from the briefings at once, as with no cache at all.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPLACEMENTS } from "../hostile/environments.js";
import { type Built, buildCli, removeAll, runCli } from "./helpers.js";

let built: Built;
beforeAll(async () => {
  built = await buildCli();
}, 120_000);
afterAll(() => removeAll([built.root]));

const dir = () => join(built.root, "briefings");

describe.each(REPLACEMENTS)("every cache file replaced by $name", ({ make }) => {
  it("list and print still answer from the briefings", async () => {
    const cache = mkdtempSync(join(tmpdir(), "sd-hostile-cache-"));
    try {
      const env = { XDG_CACHE_HOME: cache };
      const first = await runCli(built, ["--dir", dir(), "list"], { env });
      expect(first.code).toBe(0);
      const folder = join(cache, "signaldesk");
      const files = readdirSync(folder);
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        rmSync(join(folder, f));
        make(join(folder, f));
      }
      const list = await runCli(built, ["--dir", dir(), "list"], { env });
      expect(list).toEqual(first);
      const print = await runCli(built, ["--dir", dir(), "print", "2026-06-16-export-order"], { env });
      expect(print.code).toBe(0);
      expect(print.stdout).toContain("What happened");
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});
