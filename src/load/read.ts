// Finding briefing files in a folder and reading them, safely: nothing in the folder can make this
// block (FIFOs, sockets and devices are never opened), hang (symlink loops), escape the folder (links
// pointing outside are reported, not followed), exhaust memory (size cap checked before reading) or
// throw. Every such case comes back as a Problem.
//
// Problem paths are the folder as the user gave it joined with the path inside it (`briefings/a.md`
// for `--dir briefings`, `/srv/news/a.md` for `--dir /srv/news`), so `check` output points at files
// the user can open from where they ran the command.
import { createHash } from "node:crypto";
import { type Dirent, type Stats, stat as statCb, statSync } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { BRIEFING_NAME } from "../briefing/ids.js";
import type { Problem, SourceFile } from "../briefing/schema.js";
import {
  errorCode,
  insideFolder,
  type ReadIo,
  type SafeRead,
  safeRead,
  safeReadSync,
  typeName,
} from "./safe-open.js";

export { formatBytes, insideFolder, type ReadIo, syncIo } from "./safe-open.js";

/** Files larger than this are refused before a byte is read. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** The actor registry, read only at the top of the folder. */
export const REGISTRY_NAME = "actors.yaml";

const SKIPPED_DIRS = new Set(["node_modules"]);
const DIR_CONCURRENCY = 16;
export interface FileEntry {
  /** Absolute path as found in the folder (for a symlink, the link's own path). */
  path: string;
  /** Relative to the briefings folder, `/`-separated. */
  relPath: string;
  /** The folder as given by the user joined with `relPath`: how problems name this file. */
  displayPath: string;
  /** What is opened: the real path, checked to lie inside the folder, with no symlinks in it. */
  openPath: string;
}

export interface ScanResult {
  /** Briefing files (`*.md`, `*.txt`), sorted by relPath. */
  entries: FileEntry[];
  /**
   * Every folder read, by real path, with its mtime taken before it was read (-1 when it could not be
   * stat'ed): a file added, removed or renamed in a folder changes the folder's mtime.
   */
  dirs: DirStamp[];
  /** `actors.yaml` at the top of the folder, when there is one. */
  registry: FileEntry | null;
  problems: Problem[];
}

/** The briefings folder itself is missing or unusable; the CLI maps this to exit 66. */
export class FolderError extends Error {
  override readonly name = "FolderError";
  constructor(
    readonly dir: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Runs `fn` over `items` with at most `limit` calls in flight. `fn` must not reject. */
export async function runPool<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

interface DirJob {
  abs: string;
  rel: string;
  /** Real path of this directory (symlink-free), for containment and loop checks. */
  real: string;
}

interface LinkJob {
  abs: string;
  rel: string;
  name: string;
  parentReal: string;
}

interface ScanState {
  dir: string;
  dirs: DirStamp[];
  rootReal: string;
  /** Real directory path -> relPath it was scanned under. */
  visited: Map<string, string>;
  entries: FileEntry[];
  registry: FileEntry | null;
  problems: Problem[];
  links: LinkJob[];
  rootError: unknown;
}

function problem(state: ScanState, rel: string, message: string, severity: Problem["severity"] = "error") {
  state.problems.push({ path: path.join(state.dir, rel), message, severity });
}

function isInside(state: ScanState, real: string): boolean {
  return real === state.rootReal || insideFolder(state.rootReal, real);
}

function addFile(state: ScanState, abs: string, rel: string, openPath: string) {
  const entry: FileEntry = { path: abs, relPath: rel, displayPath: path.join(state.dir, rel), openPath };
  if (rel === REGISTRY_NAME) state.registry = entry;
  else state.entries.push(entry);
}

/**
 * A file found in a directory the scan walked: its three paths are that directory's joined with its
 * name, made when asked for. 100k entries holding four absolute paths each were 200 MB of heap; these
 * hold a name and a relPath.
 */
class ListedFile implements FileEntry {
  constructor(
    private readonly dir: DirJob & { display: string },
    private readonly name: string,
    readonly relPath: string,
  ) {}
  get path(): string {
    return path.join(this.dir.abs, this.name);
  }
  get displayPath(): string {
    return path.join(this.dir.display, this.name);
  }
  get openPath(): string {
    return path.join(this.dir.real, this.name);
  }
  /** A plain copy, for a worker (a message copies fields, not getters) or a test. */
  toJSON(): FileEntry {
    return plainEntry(this);
  }
}

/** `entry` as a plain object, whatever it was made as. */
export function plainEntry(entry: FileEntry): FileEntry {
  return {
    path: entry.path,
    relPath: entry.relPath,
    displayPath: entry.displayPath,
    openPath: entry.openPath,
  };
}

/** Reads one directory; sub-directories go to `next`, symlinks to `state.links` for the second pass. */
async function scanDir(state: ScanState, job: DirJob, next: DirJob[]) {
  let dirents: Dirent[];
  try {
    state.dirs.push({ path: job.real, mtimeMs: (await stat(job.real)).mtimeMs });
  } catch {
    state.dirs.push({ path: job.real, mtimeMs: -1 });
  }
  try {
    dirents = await readdir(job.abs, { withFileTypes: true });
  } catch (err) {
    if (job.rel === "") {
      state.rootError = err;
      return;
    }
    const code = errorCode(err);
    if (code === "ENOENT" || code === "ENOTDIR") problem(state, job.rel, "vanished during scan", "warning");
    else if (code === "EACCES" || code === "EPERM") problem(state, job.rel, "folder: permission denied");
    else problem(state, job.rel, errorText(err));
    return;
  }
  const place = { ...job, display: path.join(state.dir, job.rel) };
  for (const d of dirents) {
    const name = d.name;
    if (name.startsWith(".")) continue;
    const rel = job.rel === "" ? name : `${job.rel}/${name}`;
    const wanted = BRIEFING_NAME.test(name) || rel === REGISTRY_NAME;
    if (d.isDirectory()) {
      if (SKIPPED_DIRS.has(name)) continue;
      // Walked like any folder; reported as well, since its name promises a briefing it is not.
      if (wanted) problem(state, rel, "not a regular file (directory)");
      const real = path.join(job.real, name);
      state.visited.set(real, rel);
      next.push({ abs: path.join(job.abs, name), rel, real });
    } else if (d.isSymbolicLink()) {
      if (SKIPPED_DIRS.has(name)) continue;
      state.links.push({ abs: path.join(job.abs, name), rel, name, parentReal: job.real });
    } else if (wanted && d.isFile()) {
      if (rel === REGISTRY_NAME) addFile(state, path.join(job.abs, name), rel, path.join(job.real, name));
      else state.entries.push(new ListedFile(place, name, rel));
    } else if (wanted) {
      // FIFOs, sockets and devices are reported from the directory entry alone, never opened.
      problem(state, rel, `not a regular file (${typeName(d)})`);
    }
  }
}

async function walk(state: ScanState, start: DirJob[]) {
  let level = start;
  while (level.length > 0) {
    const next: DirJob[] = [];
    await runPool(level, DIR_CONCURRENCY, (job) => scanDir(state, job, next));
    level = next;
  }
}

type Resolved = { real: string; st: Stats } | { err: unknown };

async function resolveLink(link: LinkJob): Promise<Resolved> {
  try {
    const real = await realpath(link.abs);
    return { real, st: await stat(real) };
  } catch (err) {
    return { err };
  }
}

/**
 * Decides about each symlink found by the last walk, in relPath order so the outcome does not depend
 * on timing; returns the linked folders to walk next. Plain folders were all registered before any
 * link is looked at, so a link never "steals" files from their real place.
 */
async function followLinks(state: ScanState): Promise<DirJob[]> {
  const links = state.links.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  state.links = [];
  const resolved: Resolved[] = new Array(links.length);
  await runPool(
    links.map((l, i) => [l, i] as const),
    DIR_CONCURRENCY,
    async ([l, i]) => {
      resolved[i] = await resolveLink(l);
    },
  );
  const dirs: DirJob[] = [];
  links.forEach((link, i) => {
    const r = resolved[i] as Resolved;
    const wanted = BRIEFING_NAME.test(link.name) || link.rel === REGISTRY_NAME;
    if ("err" in r) {
      const code = errorCode(r.err);
      if (code === "ELOOP") problem(state, link.rel, "symbolic link loop");
      else if (!wanted) return;
      else if (code === "ENOENT")
        problem(state, link.rel, "broken symbolic link (its target does not exist)");
      else if (code === "EACCES" || code === "EPERM") problem(state, link.rel, "permission denied");
      else problem(state, link.rel, errorText(r.err));
      return;
    }
    const isDir = r.st.isDirectory();
    if (!isDir && !wanted) return;
    if (!isInside(state, r.real)) {
      const what = isDir ? "a folder" : "a file";
      problem(
        state,
        link.rel,
        `symbolic link to ${what} outside the briefings folder (${r.real}), not followed`,
      );
      return;
    }
    if (isDir) {
      const parent = link.parentReal;
      if (parent === r.real || parent.startsWith(r.real + path.sep)) {
        problem(state, link.rel, "symbolic link loop");
      } else if (state.visited.has(r.real)) {
        const first = state.visited.get(r.real) || ".";
        problem(
          state,
          link.rel,
          `symbolic link to a folder already scanned as ${first}, not scanned twice`,
          "warning",
        );
      } else {
        if (wanted) problem(state, link.rel, "not a regular file (directory)");
        state.visited.set(r.real, link.rel);
        dirs.push({ abs: link.abs, rel: link.rel, real: r.real });
      }
    } else if (r.st.isFile()) {
      addFile(state, link.abs, link.rel, r.real);
    } else {
      problem(state, link.rel, `not a regular file (${typeName(r.st)})`);
    }
  });
  return dirs;
}

/**
 * Finds every `*.md` / `*.txt` (any case) under `dir`, skipping hidden files and folders and
 * `node_modules`. Throws only `FolderError`, when `dir` itself cannot be read.
 */
export async function scanFolder(dir: string): Promise<ScanResult> {
  const root = path.resolve(dir);
  let rootReal: string;
  try {
    const st = await stat(root);
    if (!st.isDirectory()) throw new FolderError(dir, "ENOTDIR", `not a folder: ${dir}`);
    rootReal = await realpath(root);
  } catch (err) {
    throw folderError(dir, err);
  }
  const state: ScanState = {
    dir,
    dirs: [],
    rootReal,
    visited: new Map([[rootReal, ""]]),
    entries: [],
    registry: null,
    problems: [],
    links: [],
    rootError: undefined,
  };
  let level: DirJob[] = [{ abs: root, rel: "", real: rootReal }];
  while (level.length > 0) {
    await walk(state, level);
    if (state.rootError !== undefined) throw folderError(dir, state.rootError);
    level = await followLinks(state);
  }
  state.entries.sort((a, b) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0));
  state.dirs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { entries: state.entries, dirs: state.dirs, registry: state.registry, problems: state.problems };
}

function folderError(dir: string, err: unknown): FolderError {
  if (err instanceof FolderError) return err;
  const code = errorCode(err);
  if (code === "ENOENT") return new FolderError(dir, code, `briefings folder not found: ${dir}`);
  if (code === "ENOTDIR") return new FolderError(dir, code, `not a folder: ${dir}`);
  if (code === "EACCES" || code === "EPERM") return new FolderError(dir, code, `permission denied: ${dir}`);
  return new FolderError(dir, code, `cannot read briefings folder ${dir}: ${errorText(err)}`);
}

/** 1-based line of byte `offset`. */
function lineAtByte(buf: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = buf.indexOf(0x0a); i !== -1 && i < offset; i = buf.indexOf(0x0a, i + 1)) line++;
  return line;
}

function lineAtChar(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence (RFC 3629), or -1. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  const n = buf.length;
  const cont = (j: number, lo = 0x80, hi = 0xbf) =>
    j < n && (buf[j] as number) >= lo && (buf[j] as number) <= hi;
  let i = 0;
  while (i < n) {
    const b = buf[i] as number;
    if (b < 0x80) i += 1;
    else if (b >= 0xc2 && b <= 0xdf && cont(i + 1)) i += 2;
    else if (b === 0xe0 && cont(i + 1, 0xa0) && cont(i + 2)) i += 3;
    else if (((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) && cont(i + 1) && cont(i + 2)) i += 3;
    else if (b === 0xed && cont(i + 1, 0x80, 0x9f) && cont(i + 2)) i += 3;
    else if (b === 0xf0 && cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (b >= 0xf1 && b <= 0xf3 && cont(i + 1) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (b === 0xf4 && cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3)) i += 4;
    else return i;
  }
  return -1;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const utf16le = new TextDecoder("utf-16le", { fatal: true, ignoreBOM: true });
const utf16be = new TextDecoder("utf-16be", { fatal: true, ignoreBOM: true });

type Decoded = { text: string } | { line?: number; message: string };

/** Bytes to text: UTF-8 (BOM stripped) or UTF-16 with a BOM; NUL bytes and bad encodings refused. */
export function decode(buf: Uint8Array): Decoded {
  const b0 = buf[0];
  const b1 = buf[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const name = b0 === 0xff ? "UTF-16LE" : "UTF-16BE";
    let text: string;
    try {
      text = (b0 === 0xff ? utf16le : utf16be).decode(buf.subarray(2));
    } catch {
      return { message: `invalid ${name} (odd length or unpaired surrogate)` };
    }
    const nul = text.indexOf("\0");
    if (nul !== -1) return { line: lineAtChar(text, nul), message: "binary file (NUL character)" };
    return { text };
  }
  const nul = buf.indexOf(0);
  if (nul !== -1) {
    // ASCII text saved as UTF-16 without a BOM has every other byte NUL.
    const hint = buf.length > 1 && buf[0] !== 0 && buf[1] === 0 ? "; UTF-16 without a byte order mark?" : "";
    return { line: lineAtByte(buf, nul), message: `binary file (NUL byte${hint})` };
  }
  const hasBom = b0 === 0xef && b1 === 0xbb && buf[2] === 0xbf;
  try {
    return { text: utf8.decode(hasBom ? buf.subarray(3) : buf) };
  } catch {
    const at = firstInvalidUtf8(buf);
    const byte =
      at === -1 ? "" : ` (byte 0x${(buf[at] as number).toString(16).toUpperCase().padStart(2, "0")})`;
    return at === -1
      ? { message: "invalid UTF-8" }
      : { line: lineAtByte(buf, at), message: `invalid UTF-8${byte}; is the file saved as UTF-8?` };
  }
}

function readProblem(entry: FileEntry, got: Extract<SafeRead, { code: string }>): Problem {
  const message =
    got.code === "ENOENT" && entry.relPath.includes("\ufffd")
      ? "file name is not valid UTF-8 and cannot be opened; rename it"
      : got.message;
  return { path: entry.displayPath, message, severity: got.code === "ENOENT" ? "warning" : "error" };
}

/** Reads one scanned file (through the one safe open, load/safe-open.ts); never throws. */
export async function readSource(
  entry: FileEntry,
  io?: ReadIo,
): Promise<{ file: SourceFile } | { problem: Problem; transient?: boolean }> {
  return sourceOf(entry, await safeRead(entry.openPath, { maxBytes: MAX_FILE_BYTES }, io));
}

/**
 * `readSource`, with the open file's own stat (taken before its bytes were read): what a caller that
 * checks the file held still while it was read needs of it before the read.
 */
export async function readSourceStat(
  entry: FileEntry,
  io?: ReadIo,
): Promise<{ file: SourceFile; stat: Stats } | { problem: Problem; transient?: boolean }> {
  const got = await safeRead(entry.openPath, { maxBytes: MAX_FILE_BYTES }, io);
  const read = sourceOf(entry, got);
  // A file comes only from bytes, which come with their stat.
  return "file" in read && "stat" in got
    ? { file: read.file, stat: got.stat }
    : (read as Exclude<typeof read, { file: SourceFile }>);
}

/**
 * `readSource` with synchronous calls, for a file outside any scan: `entry.openPath` is resolved and
 * must lie inside the real folder `inside`.
 */
export function readSourceSync(
  entry: FileEntry,
  inside: string,
): { file: SourceFile } | { problem: Problem; transient?: boolean } {
  return sourceOf(entry, safeReadSync(entry.openPath, { maxBytes: MAX_FILE_BYTES, inside }));
}

/** Failures that say nothing about the file: it is tried again next time, never stored as unreadable. */
const PASSING = new Set([
  "EMFILE",
  "ENFILE",
  "EACCES",
  "EPERM",
  "EIO",
  "ENOMEM",
  "EAGAIN",
  "EINTR",
  "EBUSY",
  "ETIMEDOUT",
]);

function sourceOf(
  entry: FileEntry,
  got: SafeRead,
): { file: SourceFile } | { problem: Problem; transient?: boolean } {
  const fail = (message: string, line?: number) => ({
    problem: {
      path: entry.displayPath,
      ...(line === undefined ? {} : { line }),
      message,
      severity: "error" as const,
    },
  });
  if (!("bytes" in got))
    return PASSING.has(got.code)
      ? { problem: readProblem(entry, got), transient: true }
      : { problem: readProblem(entry, got) };
  const buf = got.bytes;
  if (buf.length === 0) return fail("empty file");
  const decoded = decode(buf);
  if (!("text" in decoded)) return fail(decoded.message, decoded.line);
  let text = decoded.text;
  if (text.includes("\r")) text = text.replace(/\r\n?/g, "\n");
  if (text.trim() === "") return fail("empty file (only blank lines)");
  return {
    file: { path: entry.path, relPath: entry.relPath, text, size: buf.length, mtimeMs: got.stat.mtimeMs },
  };
}

/** A folder as a scan saw it. */
export interface DirStamp {
  path: string;
  mtimeMs: number;
}

/** A briefing file as the load saw it; size and mtime -1 when it could not be stat'ed. */
export interface FileStamp {
  relPath: string;
  size: number;
  mtimeMs: number;
}

export interface LoadedFiles {
  /** One per briefing file of the scan, in scan (relPath) order. */
  stamps: FileStamp[];
  /** The scan's folders (see ScanResult.dirs). */
  dirs: DirStamp[];
  /** `scanDigest` of the scan. */
  scan: string;
}

/** Everything a scan saw besides the files' contents: which files, which problems, the registry. */
export function scanDigest(scan: ScanResult): string {
  const seen = JSON.stringify([
    scan.entries.map((e) => e.relPath),
    scan.problems.map((p) => [p.path, p.line ?? 0, p.message, p.severity]),
    scan.registry?.relPath ?? null,
  ]);
  return createHash("sha256").update(seen).digest("hex");
}

/** `fileStat` for a parse worker. */
export function fileStatSync(p: string): { size: number; mtimeMs: number } | null {
  try {
    const st = statSync(p);
    return st.isFile() ? { size: st.size, mtimeMs: st.mtimeMs } : null;
  } catch {
    return null;
  }
}

export function fileStat(p: string): Promise<{ size: number; mtimeMs: number } | null> {
  return new Promise((resolve) =>
    statCb(p, (err, st) => resolve(err || !st.isFile() ? null : { size: st.size, mtimeMs: st.mtimeMs })),
  );
}
