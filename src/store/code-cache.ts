// A CommonJS file of the bundle run with a V8 code cache kept in the cache folder: Node 20 has no
// compile cache for modules (module.enableCompileCache came in 22), and compiling the parser's
// 400 KB is about half of what loading it costs. The cache is never trusted over the code: it is
// used only when it names the exact source (a hash of it) and its bytes are intact (a checksum),
// and V8 checks its own version and flags on top; a cache that fails any of these is ignored and
// written again, and whatever fails here (unreadable, unwritable, a full disk) only costs the compile.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { Script } from "node:vm";
import { safeReadSync } from "../load/safe-open.js";

/** "sdcc1", the source's hash, the payload's hash, each on its line, then V8's bytes. */
const MAGIC = "sdcc1";
const HASH_HEX = 40;
const HEADER_BYTES = MAGIC.length + 1 + HASH_HEX + 1 + HASH_HEX + 1;

/** Far above the parser's (about 500 KB). */
const MAX_CACHE_BYTES = 32 * 1024 * 1024;

const sha1 = (data: string | Uint8Array) => createHash("sha1").update(data).digest("hex");

/** The payload of a cache file written for `sourceHash`, or undefined when it is not one, intact. */
export function cachedBytes(file: Buffer, sourceHash: string): Buffer | undefined {
  if (file.length <= HEADER_BYTES) return undefined;
  const header = file.subarray(0, HEADER_BYTES).toString("latin1");
  const payload = file.subarray(HEADER_BYTES);
  return header === `${MAGIC}\n${sourceHash}\n${sha1(payload)}\n` ? payload : undefined;
}

function withHeader(sourceHash: string, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${MAGIC}\n${sourceHash}\n${sha1(payload)}\n`, "latin1"), payload]);
}

export interface CachedModule<T> {
  exports: T;
  /** Whether it was compiled from the cache (V8 took it). */
  fromCache: boolean;
  /**
   * Writes the cache when it was missing or not used, made now: after the module has run, so that
   * the functions compiled since are in it too. Never throws; a second call does nothing.
   */
  save(): void;
}

/**
 * Runs the CommonJS file `file` as Node would, compiled with the code cache for it in `cacheDir` (null:
 * none). Throws what reading or running the file throws (the caller loads its module another way).
 */
export function runCached<T>(file: string, cacheDir: string | null): CachedModule<T> {
  const source = readFileSync(file, "utf8");
  const sourceHash = sha1(source);
  const name = path.basename(file, path.extname(file));
  const cacheFile = cacheDir === null ? null : path.join(cacheDir, `${name}.v8cache`);
  let cachedData: Buffer | undefined;
  if (cacheFile !== null) {
    // Read as any file someone could replace (a FIFO, a link to a device, a huge sparse file): none
    // yet, or not a cache, and the module is compiled from source and the cache written after.
    const read = safeReadSync(cacheFile, {
      maxBytes: MAX_CACHE_BYTES,
      startsWith: Buffer.from(`${MAGIC}\n`),
    });
    if ("bytes" in read) cachedData = cachedBytes(read.bytes, sourceHash);
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
  });
  const used = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} as T };
  script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
  let saved = used || cacheFile === null;
  return {
    exports: module.exports,
    fromCache: used,
    save() {
      if (saved) return;
      saved = true;
      let bytes: Buffer;
      try {
        bytes = withHeader(sourceHash, script.createCachedData());
      } catch {
        return;
      }
      writeCache(cacheFile!, bytes);
    },
  };
}

/** Whether the process `pid` is running. */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Written whole or not at all (another start may be reading it), and no temporary file left: one a
 * killed start left is removed by the next one that writes.
 */
function writeCache(file: string, bytes: Buffer): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  const temp = `${file}.${process.pid}.tmp`;
  try {
    for (const name of readdirSync(dir)) {
      const pid =
        name.startsWith(prefix) && name.endsWith(".tmp") ? Number(name.slice(prefix.length, -4)) : NaN;
      if (Number.isInteger(pid) && pid !== process.pid && !running(pid)) unlinkSync(path.join(dir, name));
    }
  } catch {
    // Not listed: nothing removed.
  }
  try {
    writeFileSync(temp, bytes, { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    try {
      unlinkSync(temp);
    } catch {
      // Never written.
    }
  }
}
