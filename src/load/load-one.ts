// One briefing by its exact id, without loading the whole folder: what makes `print ID` start fast.
//
// Warm: the store names the file whose briefing had that id, and the folders' mtimes say no file came
// or went since the last complete check; then only that one file is looked at (not the folder's 10k).
// The briefing the store keeps of it is shown when the file still has the stamps (size, mtime, ctime,
// inode) the store recorded and was parsed under the registry the folder has now; else the file alone
// is read and parsed again, and must still have that id. Cold: the one file whose name is the
// id, when it parses to that id. Anything else (no such file, several, a broken file, an unreadable
// registry) answers null and the caller does the full load, so the answer is never different from
// the full load's except when another file's front matter claims the same id (the full load would
// then rename one of the two).
// Synchronous calls: print asks the file system a handful of things, one after the other, and each
// answer through the thread pool cost more in its round trip than the call itself.
import { lstatSync, realpathSync } from "node:fs";
import path from "node:path";
import { idFromPath } from "../briefing/ids.js";
import type { Briefing, RegistryActor } from "../briefing/schema.js";
import { cacheDirFrom, storeFile } from "../store/open.js";
import { StoreReader } from "../store/reader.js";
import { contentHash } from "./hash.js";
import { type FileEntry, insideFolder, REGISTRY_NAME, readSource, scanFolder, syncIo } from "./read.js";
import { storedBriefing } from "./stored-briefing.js";
import { keptScan } from "./stored-scan.js";

export interface LoadOneOptions {
  /** The store's folder; null: no store (the file named by the id only). */
  cacheDir?: string | null;
}

/** An entry for `relPath` the way the scan would make it, or null when it is not a plain file inside. */
function entryFor(dir: string, rootReal: string, relPath: string): FileEntry | null {
  const abs = path.join(path.resolve(dir), relPath);
  try {
    if (!lstatSync(abs).isFile()) return null;
    const openPath = realpathSync(abs);
    if (!insideFolder(rootReal, openPath)) return null;
    return { path: abs, relPath, displayPath: path.join(dir, relPath), openPath };
  } catch {
    return null;
  }
}

interface RegistrySource {
  hash: string;
  actors(): Promise<RegistryActor[]>;
}

/** The registry's hash (as the store records it) and its actors, parsed only when asked for. */
async function registryOf(dir: string, rootReal: string): Promise<RegistrySource | null> {
  const abs = path.join(path.resolve(dir), REGISTRY_NAME);
  if (lstatSync(abs, { throwIfNoEntry: false }) === undefined)
    return { hash: "none", actors: async () => [] };
  const entry = entryFor(dir, rootReal, REGISTRY_NAME);
  if (entry === null) return null;
  const read = await readSource(entry, syncIo);
  if ("problem" in read) return null;
  const text = read.file.text;
  let actors: RegistryActor[] | undefined;
  const parse = async () => {
    const { parseRegistry } = await import("../briefing/registry.js");
    return parseRegistry(text, REGISTRY_NAME).registry;
  };
  return { hash: contentHash(text), actors: async () => (actors ??= await parse()) };
}

// The parser (and with it zod and yaml) is imported only when a file must be parsed.
async function parseAs(entry: FileEntry, registry: RegistryActor[], id: string): Promise<Briefing | null> {
  const read = await readSource(entry, syncIo);
  if ("problem" in read) return null;
  const { parseBriefing } = await import("../briefing/parse.js");
  const parsed = parseBriefing(read.file, registry);
  return "briefing" in parsed && parsed.briefing.id === id ? parsed.briefing : null;
}

/** The file the store says has briefing `id`, when the store is current for it; null otherwise. */
async function fromStore(
  dir: string,
  rootReal: string,
  registry: RegistrySource,
  id: string,
  cacheDir: string,
): Promise<{ entry: FileEntry; actors: RegistryActor[] | null; briefing: Briefing | null } | null> {
  // Read-only: a store that is missing or not current is the full load's to make.
  const store = StoreReader.readOnly(storeFile(cacheDir, rootReal), rootReal);
  if (store === null) return null;
  try {
    const rows = store.byId(id);
    if (rows.length !== 1) return null;
    // A broken file of that name is a candidate too: the full load says which is meant.
    if (store.broken().some((rel) => idFromPath(rel) === id)) return null;
    // A file that came or went since the last complete check (a folder's mtime moved) may take the
    // id or have been this one: the full load says.
    if ((await keptScan(store)) === null) return null;
    const row = rows[0]!;
    const entry = entryFor(dir, rootReal, row.relPath);
    if (entry === null) return null;
    const st = lstatSync(entry.openPath);
    const same =
      st.size === row.size &&
      st.mtimeMs === row.mtimeMs &&
      st.ctimeMs === row.ctimeMs &&
      Number(st.ino) === row.ino;
    // The briefing as stored when it was parsed under the registry the folder has now: no parser.
    // A file changed since is parsed again alone, and must still have the id.
    const body = same ? store.briefingAt(row.relPath, registry.hash) : null;
    const briefing = body === null ? null : storedBriefing(body, entry.path);
    if (briefing !== null) return { entry, actors: null, briefing };
    const stored = store.meta("registry");
    const reg = stored === null ? null : (JSON.parse(stored) as { hash: string; actors: RegistryActor[] });
    return { entry, actors: reg !== null && reg.hash === registry.hash ? reg.actors : null, briefing: null };
  } catch {
    return null;
  } finally {
    store.close();
  }
}

/** The briefing whose id is exactly `id`, or null when that cannot be told without the full load. */
export async function loadBriefingById(
  dir: string,
  id: string,
  opts: LoadOneOptions = {},
): Promise<Briefing | null> {
  try {
    const rootReal = realpathSync(dir);
    const registry = await registryOf(dir, rootReal);
    if (registry === null) return null;
    const cacheDir = opts.cacheDir !== undefined ? opts.cacheDir : cacheDirFrom(process.env);
    const known = cacheDir === null ? null : await fromStore(dir, rootReal, registry, id, cacheDir);
    if (known?.briefing) return known.briefing.id === id ? known.briefing : null;
    if (known !== null) return await parseAs(known.entry, known.actors ?? (await registry.actors()), id);

    const scan = await scanFolder(dir);
    const named = scan.entries.filter((e) => idFromPath(e.relPath) === id);
    const problemNamed = scan.problems.some((p) => idFromPath(p.path) === id);
    if (named.length !== 1 || problemNamed) return null;
    return await parseAs(named[0]!, await registry.actors(), id);
  } catch {
    return null;
  }
}
