// The one way signaldesk opens a file that a person or another program could have replaced: a
// briefing, `actors.yaml`, the config, a state or cache file. Whatever sits at the path, this never
// blocks, never reads a device or a FIFO, never follows a link out of the folder it was told to stay
// in, and never holds more than the cap in memory or reads for longer than the deadline. Pure I/O:
// it answers bytes or the reason there are none (a message ready for `path: message`), never throws.
//
// One implementation serves callers that may wait (callbacks through libuv) and callers that must
// not (a first frame painted before anything else runs, a parse worker where a synchronous call costs
// microseconds): the steps are a generator yielding each call's result, driven either way.
import {
  close,
  closeSync,
  constants,
  type Dirent,
  fstat,
  fstatSync,
  open,
  openSync,
  read,
  readSync,
  realpath,
  realpathSync,
  type Stats,
} from "node:fs";
import path from "node:path";

// O_NONBLOCK: a FIFO opens at once instead of waiting for a writer (and is then refused by fstat).
// O_NOFOLLOW: what is opened is the real path already checked; a symlink swapped in since then is
// refused rather than followed. O_NOCTTY: a terminal device never becomes the controlling terminal.
export const OPEN_FLAGS =
  constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0) | (constants.O_NOCTTY ?? 0);

/**
 * Longest a read may take, from open to the last byte, unless a caller says otherwise. It bounds a
 * read from a mount that answers slowly, checked between calls. 5 s was once too little on a
 * machine at load 28: a 1 MB file read beside 63 others through libuv's four threads was given up
 * (reported, and read again at the next start), so a legitimate read on a busy machine did not load.
 */
export const DEFAULT_DEADLINE_MS = 30_000;
/** Bytes asked of one read call: the deadline is checked between calls. */
const CHUNK = 1024 * 1024;

/**
 * The calls a read makes. Either every one returns a promise (a thread that must keep answering keys)
 * or every one returns its value (synchronous: a worker, or the first frame).
 */
export interface ReadIo {
  open(p: string): number | Promise<number>;
  fstat(fd: number): Stats | Promise<Stats>;
  read(fd: number, buf: Buffer, offset: number, length: number): number | Promise<number>;
  close(fd: number): void | Promise<void>;
  realpath(p: string): string | Promise<string>;
}

// The callback API behind small promise wrappers: FileHandle costs several times more per file,
// which at 100k files is the difference between two seconds and ten.
export const callbackIo: ReadIo = {
  open: (p) =>
    new Promise((resolve, reject) => open(p, OPEN_FLAGS, (err, fd) => (err ? reject(err) : resolve(fd)))),
  fstat: (fd) => new Promise((resolve, reject) => fstat(fd, (err, st) => (err ? reject(err) : resolve(st)))),
  read: (fd, buf, offset, length) =>
    new Promise((resolve, reject) =>
      read(fd, buf, offset, length, offset, (err, n) => (err ? reject(err) : resolve(n))),
    ),
  close: (fd) => new Promise((resolve) => close(fd, () => resolve())),
  realpath: (p) =>
    new Promise((resolve, reject) => realpath(p, (err, r) => (err ? reject(err) : resolve(r)))),
};

export const syncIo: ReadIo = {
  open: (p) => openSync(p, OPEN_FLAGS),
  fstat: (fd) => fstatSync(fd),
  read: (fd, buf, offset, length) => readSync(fd, buf, offset, length, offset),
  close: (fd) => {
    try {
      closeSync(fd);
    } catch {}
  },
  realpath: (p) => realpathSync(p),
};

export interface SafeReadOptions {
  /** Files larger than this are refused before a byte is read, and reading stops past it. */
  maxBytes: number;
  /**
   * The real path of a folder the file must lie inside (symlinks resolved). When given, `path` is
   * resolved first; when not, `path` is opened as it is and must not be a symlink.
   */
  inside?: string;
  /** Longest the whole read may take; default DEFAULT_DEADLINE_MS. */
  deadlineMs?: number;
  /**
   * Bytes the file must start with (a format's header): checked on the first read, so a large file
   * of something else (a sparse file of zeros) is given up after one chunk, not read whole.
   */
  startsWith?: Uint8Array;
}

export type SafeRead =
  | { bytes: Buffer; stat: Stats; real: string }
  | {
      /** Why there are no bytes, worded for `path: message`. */
      message: string;
      /** The system error code when there was one (ENOENT: there is no file at all). */
      code: string;
    };

export function errorCode(err: unknown): string {
  return typeof err === "object" && err !== null && "code" in err ? String(err.code) : "";
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function typeName(s: Dirent | Stats): string {
  if (s.isDirectory()) return "directory";
  if (s.isFIFO()) return "FIFO";
  if (s.isSocket()) return "socket";
  if (s.isCharacterDevice()) return "character device";
  if (s.isBlockDevice()) return "block device";
  if (s.isSymbolicLink()) return "symbolic link";
  return "special file";
}

/** `3.0 GiB`, `512 bytes`; `whole` drops a `.0` (for limits). */
export function formatBytes(n: number, whole = false): string {
  const units = ["KiB", "MiB", "GiB", "TiB"];
  if (n < 1024) return `${n} bytes`;
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = value.toFixed(1);
  return `${whole && shown.endsWith(".0") ? shown.slice(0, -2) : shown} ${units[unit]}`;
}

/** True when the real path `real` lies strictly inside the real folder `root`. */
export function insideFolder(root: string, real: string): boolean {
  return real.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
}

/** The message for a failed system call, worded for `path: message`. */
export function ioMessage(err: unknown): string {
  const code = errorCode(err);
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOENT") return "vanished before it could be read";
  if (code === "ELOOP") return "became a symbolic link during the scan, not followed";
  if (code === "ENXIO") return "not a regular file (socket or device)";
  if (code === "EMFILE" || code === "ENFILE") return "could not be opened: too many open files";
  return errorText(err);
}

function fail(message: string, code = ""): SafeRead {
  return { message, code };
}

type Step<T> = Generator<unknown, T, unknown>;

/**
 * Milliseconds on a monotonic clock. Not the global `performance`: its first use loads perf_hooks
 * (a dozen of Node's modules), in every command that reads a file.
 */
const clockMs = () => Number(process.hrtime.bigint()) / 1e6;

/** Each yield hands over a call's result (a value, or a promise the async driver waits for). */
function* steps(p: string, opts: SafeReadOptions, io: ReadIo): Step<SafeRead> {
  const started = clockMs();
  const deadline = opts.deadlineMs ?? DEFAULT_DEADLINE_MS;
  let fd: number | undefined;
  try {
    let real = p;
    if (opts.inside !== undefined) {
      real = (yield io.realpath(p)) as string;
      if (!insideFolder(opts.inside, real))
        return fail(`symbolic link to a file outside its folder (${real}), not followed`);
    }
    fd = (yield io.open(real)) as number;
    const st = (yield io.fstat(fd)) as Stats;
    if (!st.isFile()) return fail(`not a regular file (${typeName(st)})`);
    const cap = opts.maxBytes;
    if (st.size > cap)
      return fail(`file is ${formatBytes(st.size)}, over the ${formatBytes(cap, true)} limit`);
    // One byte of headroom: a short read that stops at the size fstat gave is the end of the file,
    // with no extra read to see EOF; anything else keeps reading until a read returns nothing.
    // With a header to check, only a chunk is allocated until it matches.
    let buf = Buffer.allocUnsafe(Math.min(st.size, cap, opts.startsWith ? CHUNK : cap) + 1);
    let used = 0;
    for (;;) {
      if (used === buf.length) {
        if (buf.length > cap)
          return fail(`file grew past the ${formatBytes(cap, true)} limit while being read`);
        const bigger = Buffer.allocUnsafe(Math.min(Math.max(buf.length * 2, st.size + 1), cap + 1));
        buf.copy(bigger, 0, 0, used);
        buf = bigger;
      }
      if (clockMs() - started > deadline)
        return fail(`reading took longer than ${Math.round(deadline / 1000)} s, given up`, "ETIMEDOUT");
      const n = (yield io.read(fd, buf, used, Math.min(buf.length - used, CHUNK))) as number;
      const head = opts.startsWith;
      if (head !== undefined && used < head.length && used + n >= Math.min(head.length, st.size)) {
        const got = buf.subarray(0, Math.min(used + n, head.length));
        if (got.length < head.length || !got.equals(head)) return fail("not the kind of file expected here");
      }
      if (n === 0) break;
      used += n;
      if (used === st.size && used < buf.length) break;
    }
    return { bytes: buf.subarray(0, used), stat: st, real };
  } catch (err) {
    return fail(ioMessage(err), errorCode(err));
  } finally {
    if (fd !== undefined) yield io.close(fd);
  }
}

async function driveAsync<T>(gen: Step<T>): Promise<T> {
  let next = gen.next();
  while (!next.done) {
    const v = next.value;
    if (v instanceof Promise) {
      let got: unknown;
      try {
        got = await v;
      } catch (err) {
        next = gen.throw(err);
        continue;
      }
      next = gen.next(got);
    } else next = gen.next(v);
  }
  return next.value;
}

function driveSync<T>(gen: Step<T>): T {
  let next = gen.next();
  while (!next.done) {
    if (next.value instanceof Promise) throw new Error("safeReadSync needs synchronous I/O");
    next = gen.next(next.value);
  }
  return next.value;
}

/** Reads `p` under the rules above; never throws. */
export function safeRead(p: string, opts: SafeReadOptions, io: ReadIo = callbackIo): Promise<SafeRead> {
  return driveAsync(steps(p, opts, io));
}

/** `safeRead` with synchronous calls, for code that must not wait (each call is bounded anyway). */
export function safeReadSync(p: string, opts: SafeReadOptions): SafeRead {
  return driveSync(steps(p, opts, syncIo));
}

/** The real path of a folder, for `inside`; null when it has none (missing, unreadable). */
export function realFolder(dir: string): string | null {
  try {
    return realpathSync(dir);
  } catch {
    return null;
  }
}
