// Whether a saved story still tells what the folder holds: any change a reader would see in the
// folder must make the check fail, so the reader reloads instead of showing stale briefings.
import { execFileSync } from "node:child_process";
import { mkdtemp, rename, rm, unlink, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadBriefings } from "../../src/briefing/load.js";
import type { LoadedFiles } from "../../src/briefing/read.js";
import { filesUnchanged, registryText } from "../../src/story/current.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

let dir: string;
let cache: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "signaldesk-current-"));
  cache = await mkdtemp(path.join(tmpdir(), "signaldesk-current-cache-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(cache, { recursive: true, force: true });
});

function text(title: string, date: string) {
  return `---\ntitle: ${title}\ndate: ${date}\n---\n\n# ${title}\n\nThe agency issued an order.\n`;
}

async function write(rel: string, content: string) {
  await writeFile(path.join(dir, rel), content);
}

/** Loads the folder through the cache, as the reader does, and returns what the load recorded. */
async function load(): Promise<LoadedFiles> {
  let seen: LoadedFiles | null = null;
  await loadBriefings(dir, {
    cacheDir: cache,
    onFiles(f) {
      seen = f;
    },
  });
  if (seen === null) throw new Error("the load did not report its files");
  return seen;
}

function hasMkfifo(): boolean {
  try {
    execFileSync("mkfifo", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("filesUnchanged", () => {
  beforeEach(async () => {
    await write("a.md", text("Alpha", "2026-06-12"));
    await write("b.md", text("Bravo", "2026-06-14"));
    await write("actors.yaml", "- name: Mara Quell\n  kind: person\n  aliases: []\n");
  });

  it("is true right after a load", async () => {
    const recorded = await load();
    expect(recorded.stamps.map((s) => s.relPath)).toEqual(["a.md", "b.md"]);
    expect(await filesUnchanged(dir, recorded)).toBe(true);
  });

  it("is false once a file's content changes size", async () => {
    const recorded = await load();
    await write("a.md", text("Alpha, revised at length", "2026-06-12"));
    expect(await filesUnchanged(dir, recorded)).toBe(false);
  });

  it("is false once a file's mtime changes, even at the same size", async () => {
    const recorded = await load();
    await write("b.md", text("Bravx", "2026-06-14"));
    const when = new Date("2020-01-02T03:04:05Z");
    await utimes(path.join(dir, "b.md"), when, when);
    const after = await load();
    expect(after.stamps[1]?.size).toBe(recorded.stamps[1]?.size);
    expect(await filesUnchanged(dir, recorded)).toBe(false);
  });

  it("is false once a file is added", async () => {
    const recorded = await load();
    await write("c.md", text("Charlie", "2026-06-15"));
    expect(await filesUnchanged(dir, recorded)).toBe(false);
  });

  it("is false once a file is removed", async () => {
    const recorded = await load();
    await unlink(path.join(dir, "b.md"));
    expect(await filesUnchanged(dir, recorded)).toBe(false);
  });

  it("is false once a file is renamed", async () => {
    const recorded = await load();
    await rename(path.join(dir, "b.md"), path.join(dir, "bb.md"));
    expect(await filesUnchanged(dir, recorded)).toBe(false);
  });

  it("is false once the registry is removed", async () => {
    const recorded = await load();
    await unlink(path.join(dir, "actors.yaml"));
    expect(await filesUnchanged(dir, recorded)).toBe(false);
  });

  it.skipIf(!hasMkfifo())("is false once an entry the scan reports as a problem appears", async () => {
    const recorded = await load();
    execFileSync("mkfifo", [path.join(dir, "pipe.md")]);
    expect(await filesUnchanged(dir, recorded)).toBe(false);
    // And a load that saw it records it, so the check agrees with that load.
    expect(await filesUnchanged(dir, await load())).toBe(true);
  });

  it("is true again for a load made after the change", async () => {
    await load();
    await write("a.md", text("Alpha, revised at length", "2026-06-12"));
    expect(await filesUnchanged(dir, await load())).toBe(true);
  });
});

describe("registryText", () => {
  it("reads the folder's actors.yaml", async () => {
    const yaml = "- name: Mara Quell\n  kind: person\n  aliases: [Quell]\n";
    await write("actors.yaml", yaml);
    expect(registryText(dir)).toBe(yaml);
    expect(registryText(path.join(repoRoot, "briefings"))).toContain("name: Anthropic");
  });

  it("is null when the folder has none", () => {
    expect(registryText(dir)).toBeNull();
    expect(registryText(path.join(dir, "no-such-folder"))).toBeNull();
  });
});
