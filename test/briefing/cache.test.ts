import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { cacheEnabledByDefault, defaultCacheDir } from "../../src/briefing/cache.js";
import { loadBriefings } from "../../src/briefing/load.js";

let root: string;
let dir: string;
let cacheDir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "signaldesk-cache-"));
  dir = path.join(root, "briefings");
  cacheDir = path.join(root, "cache");
  await mkdir(dir);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function briefing(title: string, body = "The agency issued an order on June 12, 2026.") {
  return `---\ntitle: ${title}\ndate: 2026-06-12\n---\n\n${body}\n\n## Why it matters\n\nAcme Corp is affected.\n`;
}

// Whole seconds, so that putting an mtime back with utimes restores it exactly.
const WRITTEN_AT = new Date("2026-06-20T10:00:00Z");

async function write(rel: string, content: string) {
  const file = path.join(dir, rel);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, content);
  await utimes(file, WRITTEN_AT, WRITTEN_AT);
}

/**
 * Rewrites a file with same-length content and puts its mtime back: the cache, which trusts size and
 * mtime, keeps answering with what it parsed before. This is how a test sees that an entry was used.
 */
async function swapKeepingStat(rel: string, from: string, to: string) {
  expect(to.length).toBe(from.length);
  const file = path.join(dir, rel);
  const text = await readFile(file, "utf8");
  await writeFile(file, text.replace(from, to));
  await utimes(file, WRITTEN_AT, WRITTEN_AT);
}

const load = () => loadBriefings(dir, { cacheDir });
const titles = async () => (await load()).briefings.map((b) => b.title);

describe("the parsed-briefing cache", () => {
  it("answers a second load from the cache while size and mtime are unchanged", async () => {
    await write("a.md", briefing("Alpha"));
    await write("b.md", briefing("Bravo"));
    const first = await load();
    await swapKeepingStat("a.md", "Alpha", "Omega");
    const second = await load();
    expect(second.briefings.map((b) => b.title)).toEqual(["Alpha", "Bravo"]);
    expect(second.briefings).toEqual(first.briefings);
  });

  it("re-parses a file whose mtime changed", async () => {
    await write("a.md", briefing("Alpha"));
    await load();
    const file = path.join(dir, "a.md");
    await writeFile(file, briefing("Omega"));
    await utimes(file, WRITTEN_AT, new Date(WRITTEN_AT.getTime() + 5000));
    expect(await titles()).toEqual(["Omega"]);
  });

  it("re-parses a file whose size changed even when its mtime was put back", async () => {
    await write("a.md", briefing("Alpha"));
    await load();
    const file = path.join(dir, "a.md");
    await writeFile(file, briefing("Alpha, revised"));
    await utimes(file, WRITTEN_AT, WRITTEN_AT);
    expect(await titles()).toEqual(["Alpha, revised"]);
  });

  it("ignores a corrupt cache file and writes a good one in its place", async () => {
    await write("a.md", briefing("Alpha"));
    await load();
    const [data] = (await readdir(cacheDir)).filter((f) => f.endsWith(".v8"));
    await writeFile(path.join(cacheDir, data!), "not a cache at all");
    expect(await titles()).toEqual(["Alpha"]);
    // The rebuilt cache is used again.
    await swapKeepingStat("a.md", "Alpha", "Omega");
    expect(await titles()).toEqual(["Alpha"]);
  });

  it("drops every entry when actors.yaml changes", async () => {
    await write("a.md", briefing("Alpha"));
    await write("actors.yaml", "- name: Acme Corp\n  kind: company\n");
    expect((await load()).briefings[0]!.actors).toContain("Acme Corp");
    await write("actors.yaml", "- name: Acme Corp\n  kind: company\n  aliases: [Acme]\n- name: The agency\n");
    await swapKeepingStat("a.md", "Alpha", "Omega");
    const after = await load();
    expect(after.briefings[0]!.title).toBe("Omega");
    expect(after.briefings[0]!.actors).toContain("Acme Corp");
  });

  it("forgets a deleted file", async () => {
    await write("a.md", briefing("Alpha"));
    await write("b.md", briefing("Bravo"));
    await load();
    await rm(path.join(dir, "b.md"));
    expect(await titles()).toEqual(["Alpha"]);
  });

  it("keeps reporting the problems of a broken file from the cache, under the folder as given", async () => {
    await write("bad.md", "---\ndate: not-a-date\n---\n\nText.\n");
    const first = await load();
    const second = await load();
    expect(first.problems.length).toBeGreaterThan(0);
    expect(second.problems).toEqual(first.problems);
    expect(second.problems[0]!.path).toBe(path.join(dir, "bad.md"));
  });

  it("still loads when the cache folder cannot be created", async () => {
    await writeFile(path.join(root, "a-file"), "");
    await write("a.md", briefing("Alpha"));
    const result = await loadBriefings(dir, { cacheDir: path.join(root, "a-file", "cache") });
    expect(result.briefings.map((b) => b.title)).toEqual(["Alpha"]);
  });

  it("writes nothing when turned off", async () => {
    await write("a.md", briefing("Alpha"));
    await loadBriefings(dir, { cacheDir: null });
    await expect(readdir(cacheDir)).rejects.toThrow();
  });

  it("is off by default with SIGNALDESK_NO_CACHE=1 and lives in the XDG cache folder", () => {
    expect(cacheEnabledByDefault({ SIGNALDESK_NO_CACHE: "1" })).toBe(false);
    expect(cacheEnabledByDefault({})).toBe(true);
    expect(defaultCacheDir({ XDG_CACHE_HOME: "/x/cache" })).toBe("/x/cache/signaldesk");
  });
});
