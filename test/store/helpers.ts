// A folder of briefings and a cache folder for the store's fault tests, and the checks every one of
// them makes: the output is the output of a load from memory, and the cache holds the database only.
import { existsSync, readdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect } from "vitest";
import type { LoadResult } from "../../src/briefing/schema.js";
import { type FolderLoad, loadFolder } from "../../src/load/folder.js";
import { loadBriefings } from "../../src/load/load.js";
import { storyFromRows } from "../../src/load/story.js";
import { buildStory, buildStoryView } from "../../src/story/view.js";
import { expectSameStory } from "../story/same-story.js";

const TERMS = ["Deemed Export", "Canal Toll", "Frontier Model", "Berth"];

export function briefingText(i: number, title = `Briefing number ${i}`): string {
  const day = String((i % 28) + 1).padStart(2, "0");
  const month = String((i % 12) + 1).padStart(2, "0");
  const term = TERMS[i % TERMS.length]!;
  return [
    "---",
    `title: ${title}`,
    `date: 2026-${month}-${day}`,
    "actors: [Northport Harbour Authority]",
    "---",
    "",
    `# ${title}`,
    "",
    `On 2026-${month}-${day} Mara Lindqvist said the ${TERMS[(i + 1) % TERMS.length]!.toLowerCase()} would change.`,
    "",
    "## Why it matters",
    "",
    `Valley Rail expects the ${term.toLowerCase()} to matter.`,
    "",
    "## Glossary",
    "",
    `**${term}**: A term defined in briefing ${i}.`,
    "",
  ].join("\n");
}

export async function makeFolder(dir: string, n: number): Promise<void> {
  await mkdir(path.join(dir, "2026"), { recursive: true });
  for (let i = 0; i < n; i++)
    await writeFile(
      path.join(dir, i % 2 ? "2026" : "", `b-${String(i).padStart(4, "0")}.md`),
      briefingText(i),
    );
}

/** What every file read and parsed gives, no store: the truth every load through the store must equal. */
export function truth(dir: string): Promise<LoadResult> {
  return loadBriefings(dir);
}

/** A load through the store in `cacheDir` (closed once `use` is done with it). */
export async function withLoad<T>(dir: string, cacheDir: string, use: (load: FolderLoad) => T): Promise<T> {
  const load = await loadFolder(dir, { cacheDir, warn: () => {} });
  try {
    return use(load);
  } finally {
    load.store.close();
  }
}

/** The titles a load through the store shows. */
export function titlesVia(dir: string, cacheDir: string): Promise<string[]> {
  return withLoad(dir, cacheDir, (load) => load.summaries.map((s) => s.title));
}

/**
 * Loads through the store in `cacheDir`, checks what it gives against the truth (every briefing's
 * summary, the problems, and the whole story: timeline, glossary with its uses, actors; built over
 * the digests and read from the store's derived timeline), and returns
 * the warnings.
 */
export async function expectTrueLoad(dir: string, cacheDir: string): Promise<string[]> {
  const warnings: string[] = [];
  const got = await loadFolder(dir, { cacheDir, warn: (m) => warnings.push(m) });
  try {
    const want = await truth(dir);
    expect(got.problems).toEqual(want.problems);
    expect(got.summaries.map((s) => [s.id, s.relPath, s.title, s.date, s.actors, s.tags])).toEqual(
      want.briefings.map((b) => [b.id, b.relPath, b.title, b.date, b.actors, b.tags]),
    );
    expectSameStory(buildStory(got), buildStoryView(want));
    // The reader's story, from the store's derived timeline, is the same story.
    expectSameStory(storyFromRows(got), buildStoryView(want));
  } finally {
    got.store.close();
  }
  return warnings;
}

/**
 * Files in the cache folder besides the database itself and the parser's code cache (store/code-cache.ts):
 * none may ever be left.
 */
export function leftovers(cacheDir: string): string[] {
  if (!existsSync(cacheDir)) return [];
  return readdirSync(cacheDir).filter((f) => !/^([0-9a-f]{32}\.sqlite(-wal|-shm)?|parser\.v8cache)$/.test(f));
}

/** The one database in the cache folder. */
export function dbFile(cacheDir: string): string {
  const [db] = readdirSync(cacheDir).filter((f) => f.endsWith(".sqlite"));
  if (!db) throw new Error("no database");
  return path.join(cacheDir, db);
}
