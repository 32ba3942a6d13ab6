// One briefing by its exact id, without loading the whole folder: what makes `print ID` start fast.
//
// Warm: the id index written by the last full load names the file and where its parsed entry sits in
// the cache; it is used only when that file still has the size and mtime the index recorded, and the
// entry (or, failing that, a fresh parse of the file) has that id. No YAML is parsed on this path. Cold: the one file
// whose name is the id, when it parses to that id. Anything else (no such file, several, a front
// matter id, a broken file, a symlinked registry) answers null and the caller does the full load, so
// the answer is never different from the full load's except when another file's front matter claims
// the same id (the full load would then rename one of the two).
import { lstat, realpath } from "node:fs/promises";
import path from "node:path";
import {
  cacheEnabledByDefault,
  cacheFiles,
  cacheStamp,
  defaultCacheDir,
  lookupId,
  readCacheEntry,
} from "./cache.js";
import { type FileEntry, insideFolder, REGISTRY_NAME, readSource, scanFolder } from "./read.js";
import type { Briefing, RegistryActor } from "./schema.js";

export interface LoadOneOptions {
  /** As for `loadBriefings`: null turns the id index off. */
  cacheDir?: string | null;
}

/** An entry for `relPath` the way the scan would make it, or null when it is not a plain file inside. */
async function entryFor(dir: string, rootReal: string, relPath: string): Promise<FileEntry | null> {
  const abs = path.join(path.resolve(dir), relPath);
  try {
    if (!(await lstat(abs)).isFile()) return null;
    const openPath = await realpath(abs);
    if (!insideFolder(rootReal, openPath)) return null;
    return { path: abs, relPath, displayPath: path.join(dir, relPath), openPath };
  } catch {
    return null;
  }
}

interface RegistrySource {
  text: string | null;
  actors(): Promise<RegistryActor[]>;
}

/** The registry's text (what the cache is keyed on) and its actors, parsed only when asked for. */
async function registryOf(dir: string, rootReal: string): Promise<RegistrySource | null> {
  const abs = path.join(path.resolve(dir), REGISTRY_NAME);
  try {
    await lstat(abs);
  } catch {
    return { text: null, actors: async () => [] };
  }
  const entry = await entryFor(dir, rootReal, REGISTRY_NAME);
  if (entry === null) return null;
  const read = await readSource(entry);
  if ("problem" in read) return null;
  const text = read.file.text;
  let actors: RegistryActor[] | undefined;
  const parse = async () => {
    const { parseRegistry } = await import("./registry.js");
    return parseRegistry(text, REGISTRY_NAME).registry;
  };
  return { text, actors: async () => (actors ??= await parse()) };
}

// The parser (and with it zod and yaml) is imported only when a file must be parsed: the warm path,
// answered from the cache, never evaluates it.
async function parseAs(entry: FileEntry, registry: RegistryActor[], id: string): Promise<Briefing | null> {
  const read = await readSource(entry);
  if ("problem" in read) return null;
  const { parseBriefing } = await import("./parse.js");
  const parsed = parseBriefing(read.file, registry);
  return "briefing" in parsed && parsed.briefing.id === id ? parsed.briefing : null;
}

/** The briefing whose id is exactly `id`, or null when that cannot be told without the full load. */
export async function loadBriefingById(
  dir: string,
  id: string,
  opts: LoadOneOptions = {},
): Promise<Briefing | null> {
  try {
    const rootReal = await realpath(dir);
    const registry = await registryOf(dir, rootReal);
    if (registry === null) return null;

    const cacheDir =
      opts.cacheDir !== undefined ? opts.cacheDir : cacheEnabledByDefault() ? defaultCacheDir() : null;
    const files = cacheDir === null ? null : await cacheFiles(cacheDir, dir);
    if (files !== null) {
      const stamp = cacheStamp(registry.text);
      const known = lookupId(files.ids, stamp, id);
      if (known !== null) {
        const entry = await entryFor(dir, rootReal, known.relPath);
        if (entry === null) return null;
        const st = await lstat(entry.path);
        if (st.size !== known.size || st.mtimeMs !== known.mtimeMs) return null;
        const cached = await readCacheEntry(files.data, stamp, known);
        if (
          cached !== null &&
          cached.size === st.size &&
          cached.mtimeMs === st.mtimeMs &&
          "briefing" in cached.result &&
          cached.result.briefing.id === id
        )
          return { ...cached.result.briefing, path: entry.path };
        return await parseAs(entry, await registry.actors(), id);
      }
    }

    const scan = await scanFolder(dir);
    const { idFromPath } = await import("./parse.js");
    const named = scan.entries.filter((e) => idFromPath(e.relPath) === id);
    const problemNamed = scan.problems.some((p) => idFromPath(p.path) === id);
    if (named.length !== 1 || problemNamed) return null;
    return await parseAs(named[0]!, await registry.actors(), id);
  } catch {
    return null;
  }
}
