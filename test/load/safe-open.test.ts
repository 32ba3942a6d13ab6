// The one safe open (src/load/safe-open.ts) against what can sit where a file is expected: each case
// answers at once with a message, never blocks, never reads a device, never holds more than the cap.
import { execFileSync } from "node:child_process";
import { mkdtempSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFolder } from "../../src/load/folder.js";
import { formatBytes, safeRead, safeReadSync } from "../../src/load/safe-open.js";
import { REPLACEMENTS } from "../hostile/environments.js";

let dir: string;
let outside: string;
const CAP = 2 * 1024 * 1024;

beforeAll(() => {
  dir = realpathSync(mkdtempSync(path.join(tmpdir(), "sd-safe-open-")));
  outside = realpathSync(mkdtempSync(path.join(tmpdir(), "sd-safe-outside-")));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const place = (name: string) => path.join(dir, name);

/** Both drivers, which must agree; the async answer is returned. */
async function both(p: string, opts: Parameters<typeof safeRead>[1]) {
  const a = await safeRead(p, opts);
  const s = safeReadSync(p, opts);
  expect("bytes" in s ? { bytes: s.bytes.toString("latin1") } : s).toEqual(
    "bytes" in a ? { bytes: a.bytes.toString("latin1") } : a,
  );
  return a;
}

describe("safeRead", () => {
  it("reads a regular file inside the folder", async () => {
    writeFileSync(place("ok.yaml"), "- name: Mara Quell\n");
    const r = await both(place("ok.yaml"), { maxBytes: CAP, inside: dir });
    expect("bytes" in r && r.bytes.toString()).toBe("- name: Mara Quell\n");
  });

  it("refuses a link to /dev/zero without reading a byte", async () => {
    symlinkSync("/dev/zero", place("zero.yaml"));
    expect(await both(place("zero.yaml"), { maxBytes: CAP, inside: dir })).toMatchObject({
      message: "symbolic link to a file outside its folder (/dev/zero), not followed",
    });
    // Without a folder to stay in, the link itself is not followed.
    expect(await both(place("zero.yaml"), { maxBytes: CAP })).toMatchObject({
      message: expect.stringMatching(/symbolic link/),
    });
    // And the device itself, named directly, is never read.
    expect(await both("/dev/zero", { maxBytes: CAP })).toMatchObject({
      message: "not a regular file (character device)",
    });
  });

  it("refuses a FIFO with no writer at once (never waits for one)", async () => {
    execFileSync("mkfifo", [place("fifo.yaml")]);
    expect(await both(place("fifo.yaml"), { maxBytes: CAP, inside: dir })).toMatchObject({
      message: "not a regular file (FIFO)",
    });
  });

  it("refuses a terminal: a link to /dev/tty, and /dev/tty itself", async () => {
    symlinkSync("/dev/tty", place("tty.yaml"));
    expect(await both(place("tty.yaml"), { maxBytes: CAP, inside: dir })).toMatchObject({
      message: expect.stringMatching(/outside its folder \(\/dev\/tty\)/),
    });
    // With a controlling terminal, a character device; without one, the open fails (ENXIO).
    expect(await both("/dev/tty", { maxBytes: CAP })).toMatchObject({
      message: expect.stringMatching(/^not a regular file \((character device|socket or device)\)$/),
    });
  });

  it("refuses a folder", async () => {
    expect(await both(dir, { maxBytes: CAP })).toMatchObject({ message: "not a regular file (directory)" });
  });

  it("refuses a 1.9 GiB sparse file from its size, before a byte is read", async () => {
    writeFileSync(place("sparse.yaml"), "");
    truncateSync(place("sparse.yaml"), Math.round(1.9 * 1024 ** 3));
    const before = process.memoryUsage().rss;
    expect(await both(place("sparse.yaml"), { maxBytes: CAP, inside: dir })).toMatchObject({
      message: `file is 1.9 GiB, over the ${formatBytes(CAP, true)} limit`,
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
  });

  it("refuses a link that leads out of the folder to a regular file", async () => {
    writeFileSync(path.join(outside, "secret.yaml"), "x");
    symlinkSync(path.join(outside, "secret.yaml"), place("out.yaml"));
    expect(await both(place("out.yaml"), { maxBytes: CAP, inside: dir })).toMatchObject({
      message: expect.stringMatching(/outside its folder/),
    });
  });

  it("follows a link that stays inside the folder", async () => {
    writeFileSync(place("real.yaml"), "inside");
    symlinkSync("real.yaml", place("alias.yaml"));
    const r = await both(place("alias.yaml"), { maxBytes: CAP, inside: dir });
    expect("bytes" in r && r.bytes.toString()).toBe("inside");
  });

  it("says when there is no file at all", async () => {
    expect(await both(place("none.yaml"), { maxBytes: CAP, inside: dir })).toMatchObject({ code: "ENOENT" });
  });

  it("gives up after the first chunk of a file that does not start with the header asked for", async () => {
    writeFileSync(place("sparse-cache"), "");
    truncateSync(place("sparse-cache"), Math.round(1.9 * 1024 ** 3));
    const before = process.memoryUsage().rss;
    const opts = { maxBytes: 2 * 1024 ** 3, startsWith: Buffer.from('{"format":4}\n') };
    expect(await both(place("sparse-cache"), opts)).toMatchObject({
      message: "not the kind of file expected here",
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    writeFileSync(place("short-cache"), "{");
    expect(await both(place("short-cache"), opts)).toMatchObject({
      message: "not the kind of file expected here",
    });
    writeFileSync(place("good-cache"), '{"format":4}\nrest');
    const r = await both(place("good-cache"), opts);
    expect("bytes" in r && r.bytes.toString()).toBe('{"format":4}\nrest');
  });

  it("gives up past its deadline", async () => {
    writeFileSync(place("slow.yaml"), "x".repeat(10));
    expect(await safeRead(place("slow.yaml"), { maxBytes: CAP, deadlineMs: -1 })).toMatchObject({
      code: "ETIMEDOUT",
      message: expect.stringMatching(/^reading took longer than/),
    });
  });
});

describe("actors.yaml as the store's sync reads it", () => {
  it.each(REPLACEMENTS)("is a problem, at once, for $name", async ({ make }) => {
    const folder = mkdtempSync(path.join(tmpdir(), "sd-registry-"));
    try {
      make(path.join(folder, "actors.yaml"));
      writeFileSync(
        path.join(folder, "a.md"),
        "---\ntitle: Alpha\ndate: 2026-06-12\n---\n\n# Alpha\n\nText.\n",
      );
      const load = await loadFolder(folder, { cacheDir: null, warn: () => {} });
      expect(load.summaries.map((b) => b.id)).toEqual(["a"]);
      expect(load.registry).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
