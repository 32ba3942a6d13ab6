// Opening a folder's store, and what it kept of the folder's problems, apart from the sync and the
// reads of the whole folder (folder.ts): the reader paints its first frame from these alone, before
// any of the rest is loaded.
import { realpathSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../briefing/schema.js";
import { cacheDirFrom, storeFile } from "../store/open.js";
import { Store } from "../store/store.js";
import { storedFolder } from "./stored-scan.js";

export interface StoreOptions {
  /** The folder for the store; `null` keeps it in memory. Default: the XDG cache folder, unless SIGNALDESK_NO_CACHE=1. */
  cacheDir?: string | null;
  /** Told, once, when the store cannot be kept on disk; default: stderr. */
  warn?: (message: string) => void;
}

let warned = false;
/** The one line on stderr when the store runs from memory; never twice in a process. */
export function warnOnce(opts: StoreOptions): (message: string) => void {
  return (message) => {
    if (opts.warn) {
      opts.warn(message);
      return;
    }
    if (warned) return;
    warned = true;
    process.stderr.write(`signaldesk: ${message}\n`);
  };
}

/** The store of `dir`, open (not synced); null when the folder itself cannot be found. */
export function openFolderStore(dir: string, opts: StoreOptions = {}): Store | null {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return null;
  }
  const cacheDir = opts.cacheDir !== undefined ? opts.cacheDir : cacheDirFrom(process.env);
  return Store.open({
    file: cacheDir === null ? null : storeFile(cacheDir, real),
    real,
    warn: warnOnce(opts),
  });
}

/** Problems as stored (null path: the file itself) named the way the user names the folder. */
export function storedProblems(dir: string, store: Store, severity?: Problem["severity"]): Problem[] {
  return store.problems(severity).map((p) => ({
    path: p.path ?? path.join(dir, p.relPath),
    ...(p.line === null ? {} : { line: p.line }),
    message: p.message,
    severity: p.severity as Problem["severity"],
  }));
}

/**
 * The folder's errors as a `readFolder` after no sync would have them (what the header's "N files
 * failed" counts), without reading the other problems.
 */
export function storedErrors(dir: string, store: Store): Problem[] {
  const folder = storedFolder(dir, store)?.problems ?? [];
  return [...folder.filter((p) => p.severity === "error"), ...storedProblems(dir, store, "error")];
}
