// Watching the briefings folder while the reader runs, so a change on disk reaches the screen without
// a key. One non-recursive `fs.watch` (an inotify watch on Linux) per folder, not Node's recursive
// watch: on Node 20 for Linux that one watches every file by its inode, so after the first save that
// replaces a file (write a temporary copy, rename it over: vim, most editors, git) it never reports
// that file again, and it stats every file synchronously when it starts. A folder's watch reports
// whatever happens to the names inside it, whatever replaces them.
//
// Changes are coalesced: the first one starts a short wait that each further change extends (up to a
// ceiling), so a `git pull` of 500 files is one report, not 500. Only names the scan would read are
// reported (`*.md`, `*.txt`, `actors.yaml`, folders; never hidden names), so an editor's swap, backup
// and lock files (`.a.md.swp`, `a.md~`, `4913`, `#a.md#`) pass unseen.
//
// Where the system refuses a watch (the inotify limit: ENOSPC; too many open files; permission),
// every watch is closed and `unavailable` is called once: a partial watch would show some changes and
// silently miss others. A filesystem that accepts watches but sends no events (some network and FUSE
// mounts) cannot be told apart from a quiet folder; the README says so.
import { type Dirent, type FSWatcher, readdirSync, realpathSync, statSync, watch } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { BRIEFING_NAME } from "../briefing/ids.js";
// The names the scan reads, so the two never disagree on what a briefing or the registry is.
import { type DirStamp, REGISTRY_NAME } from "./read.js";

const SKIPPED_DIRS = new Set(["node_modules"]);

export interface WatchTiming {
  /** Quiet time after the last change before a report. */
  settleMs: number;
  /** The longest a report waits after the first change of a burst, however long the burst lasts. */
  maxWaitMs: number;
}

/**
 * What the wait is for: the events of one save arrive together (a create and its writes, an editor's
 * write-then-rename, `cp`'s chunks), microseconds to a few milliseconds apart, and a `git pull`'s files
 * back to back; 40 ms of quiet ends such a burst, so the check reads each file once, whole. It is
 * not what keeps a half-written file off the screen: a writer slower than that makes a further event,
 * and the check it starts reads the file again (a file that changes while it is read is read again:
 * parse-file.ts). Each millisecond here is one more before a change is on screen (it was 120 ms).
 */
export const DEFAULT_TIMING: WatchTiming = { settleMs: 40, maxWaitMs: 400 };

export interface WatchEvents {
  /** Paths inside the folder (`sub/a.md`) that changed since the last report; never empty. */
  changed(paths: readonly string[]): void;
  /** Watching stopped for good: why, in words for the header. Called at most once. */
  unavailable(reason: string): void;
}

export interface FolderWatch {
  /** Closes every watch; nothing is reported after it. Safe to call twice. */
  stop(): void;
  /** Resolves once every folder there was at the start is watched (or watching stopped). */
  ready: Promise<void>;
}

/** What a refused watch means to the person at the terminal. */
export function watchFailure(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOSPC")
    return "the system's limit of watched folders is reached (fs.inotify.max_user_watches)";
  if (code === "EMFILE" || code === "ENFILE") return "too many open files to watch the folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied to watch the folder";
  if (code === "ENOSYS" || code === "EOPNOTSUPP") return "this filesystem cannot be watched";
  return `the folder cannot be watched (${code ?? (err instanceof Error ? err.message : String(err))})`;
}

/** Whether a change to this name (inside the folder at `rel`) can change the story. */
function relevant(name: string, rel: string): boolean {
  if (name.startsWith(".")) return false;
  return BRIEFING_NAME.test(name) || (rel === "" && name === REGISTRY_NAME);
}

function isFolder(abs: string): boolean {
  try {
    return statSync(abs, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

/**
 * The subfolders of each folder the last scan listed (stored-scan.ts: real paths and mtimes), for a
 * folder whose mtime has not moved since: a name added, removed or renamed in it moves its mtime.
 */
function knownTree(root: string, known: readonly DirStamp[]) {
  if (known.length === 0) return null;
  let real: string;
  try {
    real = realpathSync(root);
  } catch {
    return null;
  }
  const mtimes = new Map<string, number>();
  const children = new Map<string, string[]>();
  for (const d of known) {
    mtimes.set(d.path, d.mtimeMs);
    if (d.path === real) continue;
    const parent = path.dirname(d.path);
    const names = children.get(parent);
    if (names) names.push(path.basename(d.path));
    else children.set(parent, [path.basename(d.path)]);
  }
  /** The names of the folders in `rel`, or null when it is not as the scan left it (to be listed). */
  return (rel: string): string[] | null => {
    const at = rel === "" ? real : path.join(real, rel);
    const then = mtimes.get(at);
    if (then === undefined || then === -1) return null;
    try {
      const st = statSync(at, { throwIfNoEntry: false });
      return st?.isDirectory() === true && st.mtimeMs === then ? (children.get(at) ?? []) : null;
    } catch {
      return null;
    }
  };
}

/**
 * Watches `dir` and every folder under it. `known`: the folders the last scan found, so that at the
 * start a folder it found unchanged is not listed again (a 10k folder's start listed every file's
 * name, on the thread that is checking their stamps at the same time).
 */
export function watchFolder(
  dir: string,
  on: WatchEvents,
  timing: WatchTiming = DEFAULT_TIMING,
  known: readonly DirStamp[] = [],
): FolderWatch {
  const root = path.resolve(dir);
  const unchanged = knownTree(root, known);
  /** Watched folders by their path inside the root ("" for the root). */
  const watchers = new Map<string, FSWatcher>();
  let stopped = false;
  let pending = new Set<string>();
  let settle: NodeJS.Timeout | undefined;
  let ceiling: NodeJS.Timeout | undefined;

  const flush = () => {
    clearTimeout(settle);
    clearTimeout(ceiling);
    settle = undefined;
    ceiling = undefined;
    if (stopped || pending.size === 0) return;
    const paths = [...pending].sort();
    pending = new Set();
    on.changed(paths);
  };

  const note = (rel: string) => {
    pending.add(rel);
    clearTimeout(settle);
    settle = setTimeout(flush, timing.settleMs);
    ceiling ??= setTimeout(flush, timing.maxWaitMs);
  };

  const closeAll = () => {
    for (const w of watchers.values()) w.close();
    watchers.clear();
  };

  const fail = (err: unknown) => {
    if (stopped) return;
    stopped = true;
    clearTimeout(settle);
    clearTimeout(ceiling);
    closeAll();
    on.unavailable(watchFailure(err));
  };

  /** Stops watching `rel` and every folder under it (it was removed or renamed away). */
  const forget = (rel: string) => {
    for (const [key, w] of watchers) {
      if (key === rel || key.startsWith(`${rel}/`)) {
        w.close();
        watchers.delete(key);
      }
    }
  };

  /**
   * Watches the folder at `rel` and every folder under it; false once watching has failed. The
   * folders under it are listed synchronously for a folder that just appeared (a few entries, and a
   * file written in it next must not be missed), asynchronously at the start, which may list a
   * hundred thousand names the reader's thread must not wait for.
   */
  const add = (rel: string, walks?: Promise<void>[]): boolean => {
    if (stopped || watchers.has(rel)) return !stopped;
    const abs = rel === "" ? root : path.join(root, rel);
    let w: FSWatcher;
    try {
      // Not persistent: a watch must never be what keeps the process alive after the reader ends.
      w = watch(abs, { persistent: false }, (_type, name) => onEvent(rel, name));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // Gone or replaced by a file between the event and the watch: its parent's watch reports it.
      // A subfolder this user may not read: the scan reports it as a problem, the rest is watched.
      if (rel !== "" && (code === "ENOENT" || code === "ENOTDIR" || code === "EACCES" || code === "EPERM"))
        return true;
      fail(err);
      return false;
    }
    w.on("error", (err) => {
      // A watched folder removed: not a failure of watching; its parent reports the removal.
      if (rel !== "" && !isFolder(abs)) {
        forget(rel);
        return;
      }
      fail(err);
    });
    watchers.set(rel, w);
    const under = (entries: readonly (Dirent | string)[]): boolean => {
      for (const e of entries) {
        if (stopped) return false;
        const name = typeof e === "string" ? e : e.name;
        if ((typeof e !== "string" && !e.isDirectory()) || name.startsWith(".") || SKIPPED_DIRS.has(name))
          continue;
        if (!add(rel === "" ? name : `${rel}/${name}`, walks)) return false;
      }
      return true;
    };
    // Stat'ed after its watch is on: a change after that is an event, one before it a new mtime.
    const folders = walks ? unchanged?.(rel) : null;
    if (folders) return under(folders);
    if (walks) {
      walks.push(
        readdir(abs, { withFileTypes: true }).then(
          (entries) => void under(entries),
          () => {},
        ),
      );
      return true;
    }
    try {
      return under(readdirSync(abs, { withFileTypes: true }));
    } catch {
      return true;
    }
  };

  const onEvent = (folder: string, name: string | Buffer | null) => {
    if (stopped) return;
    if (name === null) {
      // The system did not say which name (an overflowed queue): anything in the folder may have changed.
      note(folder === "" ? "." : folder);
      return;
    }
    const base = String(name);
    // The folder itself removed or renamed away: the check this starts says so.
    if (folder === "" && !isFolder(root)) {
      note(".");
      return;
    }
    const rel = folder === "" ? base : `${folder}/${base}`;
    if (base.startsWith(".") || SKIPPED_DIRS.has(base)) return;
    if (watchers.has(rel)) {
      // A watched folder renamed away or removed: what was in it is gone from the story.
      if (!isFolder(path.join(root, rel))) forget(rel);
      note(rel);
      return;
    }
    if (isFolder(path.join(root, rel))) {
      // A new folder (made here, or moved in whole): watched from now on; what it already holds is
      // found by the check that this report starts.
      if (add(rel)) note(rel);
      return;
    }
    if (relevant(base, folder)) note(rel);
  };

  const walks: Promise<void>[] = [];
  add("", walks);
  // Each listing may add more to wait for: waited for until none is left.
  const ready = (async () => {
    let done = 0;
    while (done < walks.length) {
      const now = walks.length;
      await Promise.all(walks.slice(done, now));
      done = now;
    }
  })();
  return {
    ready,
    stop() {
      if (stopped) return;
      stopped = true;
      clearTimeout(settle);
      clearTimeout(ceiling);
      closeAll();
    },
  };
}
