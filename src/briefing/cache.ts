// An on-disk index of parsed briefings, so a second start does not parse 100k files again.
//
// One file per briefings folder in $XDG_CACHE_HOME/signaldesk (else ~/.cache/signaldesk), named by a
// hash of the folder's real path. It is never trusted over the files: an entry is used only when the
// file's relPath, size and mtime are what they were when it was parsed, and only when the actor
// registry, the cache format and the program itself are unchanged. Anything wrong with the cache
// (corrupt, unreadable, unwritable folder) means "no cache", never an error.
//
// Format: a header line (JSON: format and stamp), then one frame per entry: a 4-byte little-endian
// length and the v8.serialize'd CacheEntry (v8 reads back as fast as JSON.parse here and writes twice
// as fast). Entries are read and written CHUNK at a time with a turn of the event loop between, so
// 100k entries (600 MB) never hold the thread for long: a reader loading behind its first frame keeps
// answering keys. The id index records each briefing's frame, so `print ID` reads just that one.
// Beside it, a small `.ids` file maps each briefing id to its file, for `print ID` without a full load.
import { closeSync, mkdirSync, openSync, realpathSync, statSync, unlinkSync, writeSync } from "node:fs";
import { mkdir, open, realpath, rename, unlink } from "node:fs/promises";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { OPEN_FLAGS, type SafeReadOptions, safeRead, safeReadSync } from "../load/safe-open.js";
import type { ParseResult } from "./parse.js";

// An `import` of node:crypto or node:v8 builds the module's whole namespace (web crypto and all): 7 ms
// of a `print ID` that needs one hash and one deserialize. `require` loads just the module.
const builtin = createRequire(import.meta.url);
const { createHash } = builtin("node:crypto") as typeof import("node:crypto");
const { deserialize, serialize } = builtin("node:v8") as typeof import("node:v8");

const FORMAT = 5;
// Cache files go through the safe open too: a FIFO or a link to a device put in their place is no
// cache. The cap is far above a 100k-briefing index (600 MB); the deadline only stops a file that
// never ends.
const CACHE_READ: SafeReadOptions = { maxBytes: 2 * 1024 ** 3, deadlineMs: 120_000 };
const CHUNK = 500;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface CacheEntry {
  relPath: string;
  size: number;
  mtimeMs: number;
  /** The absolute path the file had when parsed (problems may name it). */
  path: string;
  result: ParseResult;
}

/** id -> the file that held it at the last full load, with that file's size and mtime then. */
export interface IdIndexEntry {
  relPath: string;
  size: number;
  mtimeMs: number;
}

/** Where the entry of an indexed id sits in the data file. */
export interface IdLocation extends IdIndexEntry {
  offset: number;
  length: number;
}

/** The cache folder: `$XDG_CACHE_HOME/signaldesk`, else `~/.cache/signaldesk`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, "signaldesk");
  try {
    return path.join(homedir(), ".cache", "signaldesk");
  } catch {
    return null;
  }
}

/** Whether loads use the cache unless told otherwise: not with SIGNALDESK_NO_CACHE=1. */
export function cacheEnabledByDefault(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SIGNALDESK_NO_CACHE !== "1";
}

let programStamp: string | undefined;
/** Changes whenever the program is rebuilt or updated, so a new parser never reads old results. */
function program(): string {
  if (programStamp === undefined) {
    try {
      const st = statSync(fileURLToPath(import.meta.url));
      programStamp = `${st.size}:${st.mtimeMs}`;
    } catch {
      programStamp = "unknown";
    }
  }
  return programStamp;
}

function hash(s: string): string {
  return createHash("sha256").update(s).digest("hex");
}

/** Everything an entry's validity depends on besides the file itself. */
export function cacheStamp(registryText: string | null): string {
  return `${FORMAT}|${program()}|${hash(registryText ?? "")}`;
}

export interface CacheFiles {
  data: string;
  ids: string;
  /** The reader's snapshot of the whole story (story/snapshot.ts). */
  story: string;
}

function filesAt(cacheDir: string, real: string): CacheFiles {
  const base = path.join(cacheDir, hash(real).slice(0, 32));
  return { data: `${base}.v8`, ids: `${base}.ids.json`, story: `${base}.story` };
}

/** Where the cache of `dir` lives, or null when its real path cannot be found. */
export async function cacheFiles(cacheDir: string, dir: string): Promise<CacheFiles | null> {
  try {
    return filesAt(cacheDir, await realpath(dir));
  } catch {
    return null;
  }
}

/** `cacheFiles`, for the reader's first frame, which has nothing else to wait for. */
export function cacheFilesSync(cacheDir: string, dir: string): CacheFiles | null {
  try {
    return filesAt(cacheDir, realpathSync(dir));
  } catch {
    return null;
  }
}

function isEntry(e: unknown): e is CacheEntry {
  if (typeof e !== "object" || e === null) return false;
  const c = e as Partial<CacheEntry>;
  const r = c.result as Record<string, unknown> | undefined;
  return (
    typeof c.relPath === "string" &&
    typeof c.size === "number" &&
    typeof c.mtimeMs === "number" &&
    typeof c.path === "string" &&
    typeof r === "object" &&
    r !== null &&
    ((typeof r.briefing === "object" && r.briefing !== null) || Array.isArray(r.problems))
  );
}

function header(stamp: string): string {
  return `${JSON.stringify({ format: FORMAT, stamp })}\n`;
}

/** The entries of a cache file written with `stamp`, by relPath; empty when missing, stale or corrupt. */
export async function readCache(file: string, stamp: string): Promise<Map<string, CacheEntry>> {
  const byPath = new Map<string, CacheEntry>();
  try {
    const head = Buffer.from(header(stamp));
    const got = await safeRead(file, { ...CACHE_READ, startsWith: head });
    if (!("bytes" in got)) return byPath;
    const data = got.bytes;
    if (data.length < head.length || !data.subarray(0, head.length).equals(head)) return byPath;
    let at = head.length;
    for (let n = 1; at + 4 <= data.length; n++) {
      const size = data.readUInt32LE(at);
      if (at + 4 + size > data.length) break;
      const e = deserialize(data.subarray(at + 4, at + 4 + size)) as unknown;
      at += 4 + size;
      if (isEntry(e)) byPath.set(e.relPath, e);
      if (n % CHUNK === 0) await nextTurn();
    }
  } catch {
    // Corrupt or unreadable: what was read so far is still checked entry by entry; the rest is parsed.
  }
  return byPath;
}

/** One entry of a cache file written with `stamp`, from the frame the id index gave; null if anything is off. */
export async function readCacheEntry(
  file: string,
  stamp: string,
  at: IdLocation,
): Promise<CacheEntry | null> {
  try {
    const handle = await open(file, OPEN_FLAGS);
    try {
      if (!(await handle.stat()).isFile()) return null;
      const head = Buffer.from(header(stamp));
      const got = Buffer.alloc(head.length);
      await handle.read(got, 0, head.length, 0);
      if (!got.equals(head) || at.offset < head.length || at.length < 4) return null;
      const frame = Buffer.alloc(at.length);
      const { bytesRead } = await handle.read(frame, 0, at.length, at.offset);
      if (bytesRead !== at.length || frame.readUInt32LE(0) !== at.length - 4) return null;
      const e = deserialize(frame.subarray(4)) as unknown;
      return isEntry(e) && e.relPath === at.relPath ? e : null;
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

/**
 * Temp file + rename, so a reader never sees half a cache; `parts` are written one at a time (and
 * may be produced lazily). Any failure leaves no cache, silently.
 */
async function writeAtomic(file: string, parts: Iterable<Uint8Array> | AsyncIterable<Uint8Array>) {
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const handle = await open(tmp, "w", 0o600);
    try {
      for await (const part of parts) await handle.write(part);
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch {
    await unlink(tmp).catch(() => {});
  }
}

async function* framed(
  stamp: string,
  entries: CacheEntry[],
  frames: Map<string, FramePlace>,
): AsyncGenerator<Uint8Array> {
  const head = Buffer.from(header(stamp));
  yield head;
  let at = head.length;
  for (let i = 0; i < entries.length; i += CHUNK) {
    const parts: Buffer[] = [];
    for (const e of entries.slice(i, i + CHUNK)) {
      const bytes = serialize(e);
      const size = Buffer.alloc(4);
      size.writeUInt32LE(bytes.length);
      parts.push(size, bytes);
      frames.set(e.relPath, { offset: at, length: 4 + bytes.length });
      at += 4 + bytes.length;
    }
    yield Buffer.concat(parts);
    await nextTurn();
  }
}

// The id index is one JSON array per line, `["id","relPath",size,mtimeMs,offset,length]`, after a
// header line: an id is found with one string search, without parsing the lines of 100k others.
function idHeader(stamp: string): string {
  return JSON.stringify({ format: FORMAT, stamp });
}

type FramePlace = { offset: number; length: number };

/** The id index's lines, a megabyte at a time: at 100k ids the whole text was tens of megabytes at once. */
function* idLines<E extends IdIndexEntry>(
  stamp: string,
  ids: Iterable<[string, E]>,
  frameOf: (entry: E) => FramePlace | undefined,
): Generator<Buffer> {
  let lines = [idHeader(stamp)];
  let size = 0;
  for (const [id, e] of ids) {
    const f = frameOf(e);
    if (!f) continue;
    const line = JSON.stringify([id, e.relPath, e.size, e.mtimeMs, f.offset, f.length]);
    lines.push(line);
    size += line.length;
    if (size >= FLUSH_BYTES) {
      yield Buffer.from(`${lines.join("\n")}\n`);
      lines = [];
      size = 0;
    }
  }
  if (lines.length > 0) yield Buffer.from(`${lines.join("\n")}\n`);
}

export async function writeCache(
  files: CacheFiles,
  stamp: string,
  entries: CacheEntry[],
  ids: Map<string, IdIndexEntry>,
): Promise<void> {
  const frames = new Map<string, FramePlace>();
  await writeAtomic(files.data, framed(stamp, entries, frames));
  await writeAtomic(
    files.ids,
    idLines(stamp, ids, (e) => frames.get(e.relPath)),
  );
}

/**
 * A cache written as a load goes, from frames serialised elsewhere (a parse worker), so that the
 * entries of 100k briefings are never held at once. Writes are synchronous and a megabyte at a time.
 * Nothing replaces the current cache until `finish`; any failure leaves it as it was.
 */
export interface CacheWriter {
  /** The frame of the file at `index` in the scan. */
  add(index: number, frame: Uint8Array): void;
  /** `ids` give each id's file by its index in the scan. */
  finish(ids: Iterable<[string, IdIndexEntry & { index: number }]>): Promise<void>;
  /** Gives up: the temp file goes, the current cache stays. */
  abandon(): void;
}

const FLUSH_BYTES = 1 << 20;

export function openCacheWriter(files: CacheFiles, stamp: string, count: number): CacheWriter | null {
  const tmp = `${files.data}.${process.pid}.${Date.now()}.tmp`;
  let fd: number;
  try {
    mkdirSync(path.dirname(files.data), { recursive: true, mode: 0o700 });
    fd = openSync(tmp, "w", 0o600);
  } catch {
    return null;
  }
  // Where each file's frame went, by scan index: a map of 100k small objects was held through the load.
  const offsets = new Float64Array(count);
  const lengths = new Int32Array(count).fill(-1);
  let parts: Uint8Array[] = [Buffer.from(header(stamp))];
  let buffered = parts[0]!.length;
  let at = buffered;
  let ok = true;
  const flush = () => {
    if (!ok || parts.length === 0) return;
    try {
      const chunk = Buffer.concat(parts);
      let done = 0;
      while (done < chunk.length) done += writeSync(fd, chunk, done);
    } catch {
      ok = false;
    }
    parts = [];
    buffered = 0;
  };
  const close = () => {
    try {
      closeSync(fd);
    } catch {}
  };
  return {
    add(index, frame) {
      if (!ok) return;
      const size = Buffer.alloc(4);
      size.writeUInt32LE(frame.length);
      parts.push(size, frame);
      offsets[index] = at;
      lengths[index] = 4 + frame.length;
      at += 4 + frame.length;
      buffered += 4 + frame.length;
      if (buffered >= FLUSH_BYTES) flush();
    },
    async finish(ids) {
      flush();
      close();
      try {
        if (!ok) throw new Error("cache not written");
        await rename(tmp, files.data);
      } catch {
        await unlink(tmp).catch(() => {});
        return;
      }
      await writeAtomic(
        files.ids,
        idLines(stamp, ids, (e) => {
          const length = lengths[e.index] ?? -1;
          return length < 0 ? undefined : { offset: offsets[e.index]!, length };
        }),
      );
    },
    abandon() {
      ok = false;
      close();
      try {
        unlinkSync(tmp);
      } catch {}
    },
  };
}

/**
 * The file that held `id` at the last full load, when the index was written with `stamp`; null when
 * there is no such index, it is stale or corrupt, or it does not know the id.
 */
export function lookupId(file: string, stamp: string, id: string): IdLocation | null {
  try {
    // Searched as bytes: at 100k ids the file is 14 MB, and decoding it whole cost more than the search.
    const head = Buffer.from(`${idHeader(stamp)}\n`);
    const got = safeReadSync(file, { ...CACHE_READ, startsWith: head });
    if (!("bytes" in got)) return null;
    const bytes = got.bytes;
    if (!bytes.subarray(0, head.length).equals(head)) return null;
    const at = bytes.indexOf(Buffer.from(`\n[${JSON.stringify(id)},`));
    if (at === -1) return null;
    const end = bytes.indexOf(0x0a, at + 1);
    const line = JSON.parse(bytes.toString("utf8", at + 1, end === -1 ? bytes.length : end)) as unknown;
    if (!Array.isArray(line) || line.length !== 6) return null;
    const [, relPath, size, mtimeMs, offset, length] = line as unknown[];
    if (typeof relPath !== "string") return null;
    if (![size, mtimeMs, offset, length].every((n) => typeof n === "number")) return null;
    return {
      relPath,
      size: size as number,
      mtimeMs: mtimeMs as number,
      offset: offset as number,
      length: length as number,
    };
  } catch {
    return null;
  }
}
