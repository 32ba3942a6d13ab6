import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { type DirStamp, scanFolder } from "../../src/load/read.js";
import { DEFAULT_TIMING, type FolderWatch, watchFailure, watchFolder } from "../../src/load/watch.js";

/** A watched temp folder and every report it made, with a way to wait for the next that matches. */
interface Watched {
  dir: string;
  reports: string[][];
  /** Resolves with all paths reported so far once `check` holds for them. */
  until(check: (seen: Set<string>) => boolean): Promise<Set<string>>;
  /** Forgets what was reported so far. */
  reset(): void;
  unavailable: string[];
  watch: FolderWatch;
}

const open: Watched[] = [];

afterEach(() => {
  for (const w of open.splice(0)) {
    w.watch.stop();
    rmSync(w.dir, { recursive: true, force: true });
  }
});

async function watched(
  setup?: (dir: string) => void,
  dir = mkdtempSync(path.join(tmpdir(), "sd-watch-")),
  /** The folders a scan found (as the store keeps them), taken after `setup`, before `later`. */
  known?: { later(dir: string): void },
): Promise<Watched> {
  setup?.(dir);
  let dirs: DirStamp[] = [];
  if (known) {
    dirs = (await scanFolder(dir)).dirs;
    known.later(dir);
  }
  let seen = new Set<string>();
  let waiters: (() => boolean)[] = [];
  // Filled while watchFolder runs when watching is refused at once.
  const unavailable: string[] = [];
  const w: Watched = {
    dir,
    reports: [],
    unavailable,
    until: (check) =>
      new Promise((resolve) => {
        const test = () => {
          if (!check(seen)) return false;
          resolve(seen);
          return true;
        };
        if (!test()) waiters.push(test);
      }),
    reset() {
      seen = new Set();
      w.reports.length = 0;
    },
    watch: watchFolder(
      dir,
      {
        changed(paths) {
          w.reports.push([...paths]);
          for (const p of paths) seen.add(p);
          waiters = waiters.filter((t) => !t());
        },
        unavailable: (reason) => unavailable.push(reason),
      },
      DEFAULT_TIMING,
      dirs,
    ),
  };
  open.push(w);
  await w.watch.ready;
  return w;
}

const write = (dir: string, rel: string, text = "x") => writeFileSync(path.join(dir, rel), text);

describe("the folder watch", () => {
  it("reports a file added, edited in place, replaced by a rename (twice), renamed and removed", async () => {
    const w = await watched((d) => write(d, "a.md", "first"));
    write(w.dir, "b.md");
    await w.until((s) => s.has("b.md"));
    w.reset();
    write(w.dir, "a.md", "edited in place");
    await w.until((s) => s.has("a.md"));
    // An editor's save: a temporary copy renamed over the file; Node's recursive watch on Linux
    // goes deaf to a file after the first of these.
    for (const text of ["saved once", "saved twice"]) {
      w.reset();
      write(w.dir, "a.md.tmp-save", text);
      renameSync(path.join(w.dir, "a.md.tmp-save"), path.join(w.dir, "a.md"));
      await w.until((s) => s.has("a.md"));
    }
    w.reset();
    renameSync(path.join(w.dir, "b.md"), path.join(w.dir, "c.md"));
    await w.until((s) => s.has("b.md") && s.has("c.md"));
    w.reset();
    unlinkSync(path.join(w.dir, "c.md"));
    await w.until((s) => s.has("c.md"));
    expect(w.unavailable).toEqual([]);
  });

  it("watches folders made after it started, however deep, and files moved in with a folder", async () => {
    const w = await watched();
    mkdirSync(path.join(w.dir, "2026/june"), { recursive: true });
    write(w.dir, "2026/june/one.md");
    await w.until((s) => s.has("2026"));
    // Once the new folders are watched, a file written in them later is reported by its own path.
    write(w.dir, "2026/june/two.md");
    await w.until((s) => s.has("2026/june/two.md"));
    const outside = mkdtempSync(path.join(tmpdir(), "sd-watch-out-"));
    mkdirSync(path.join(outside, "inner"));
    write(outside, "inner/moved.md");
    renameSync(outside, path.join(w.dir, "moved"));
    await w.until((s) => s.has("moved"));
    write(w.dir, "moved/inner/later.md");
    await w.until((s) => s.has("moved/inner/later.md"));
    rmSync(path.join(w.dir, "2026"), { recursive: true });
    await w.until((s) => [...s].some((p) => p.startsWith("2026") && p !== "2026/june/two.md"));
  });

  it("watches the folders a scan found without listing them, and lists those changed since", async () => {
    const w = await watched(
      (d) => {
        mkdirSync(path.join(d, "2025/may/notes"), { recursive: true });
        mkdirSync(path.join(d, "2026"));
      },
      undefined,
      // Made after the scan: 2026's mtime moves, so it is listed and its new folder watched.
      { later: (d) => mkdirSync(path.join(d, "2026/june")) },
    );
    write(w.dir, "2025/may/notes/a.md");
    write(w.dir, "2026/june/b.md");
    write(w.dir, "2026/c.md");
    expect(await w.until((s) => s.size === 3)).toEqual(
      new Set(["2025/may/notes/a.md", "2026/june/b.md", "2026/c.md"]),
    );
  });

  it("reports actors.yaml at the top, and never an editor's swap, backup or lock files", async () => {
    const w = await watched();
    for (const junk of [".a.md.swp", "a.md~", "4913", "#a.md#", ".#a.md", "notes.docx"]) write(w.dir, junk);
    write(w.dir, "actors.yaml", "- name: A\n");
    await w.until((s) => s.has("actors.yaml"));
    write(w.dir, "last.md");
    const seen = await w.until((s) => s.has("last.md"));
    expect([...seen].sort()).toEqual(["actors.yaml", "last.md"]);
  });

  it("coalesces a burst of 500 new files into a report or two, naming every file", async () => {
    const w = await watched((d) => mkdirSync(path.join(d, "pulled")));
    for (let i = 0; i < 500; i++) write(w.dir, `pulled/n${String(i).padStart(3, "0")}.md`, `# ${i}`);
    const seen = await w.until((s) => [...s].filter((p) => p.startsWith("pulled/")).length === 500);
    expect(seen.size).toBe(500);
    expect(w.reports.length).toBeLessThanOrEqual(3);
  });

  it("says once, in words, why a folder cannot be watched", async () => {
    const missing = path.join(tmpdir(), `sd-watch-missing-${process.pid}-${Date.now()}`);
    const w = await watched(undefined, missing);
    expect(w.unavailable).toHaveLength(1);
    expect(w.unavailable[0]).toMatch(/cannot be watched/);
    const limit = Object.assign(new Error("watch"), { code: "ENOSPC" });
    expect(watchFailure(limit)).toContain("fs.inotify.max_user_watches");
    expect(watchFailure(Object.assign(new Error("x"), { code: "EPERM" }))).toContain("permission denied");
  });

  it("reports nothing once stopped", async () => {
    const w = await watched();
    w.watch.stop();
    write(w.dir, "after-stop.md");
    // A second watch of the same folder sees the next file; by then the first would have seen its own.
    const other = await watched(undefined, w.dir);
    open.splice(open.indexOf(other), 1);
    write(w.dir, "second.md");
    await other.until((s) => s.has("second.md"));
    other.watch.stop();
    expect(w.reports).toEqual([]);
  });
});
