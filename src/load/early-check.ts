// The start's check of the files (check.ts `look`) begun in a thread of its own as soon as the reader
// knows its folder, so the stats of every file run beside the first frame's paint and the loading of
// the code after it, instead of after them: at a start after an edit, the check is what the parse,
// and so the edit on screen, waits for. The sync (sync.ts) takes the finding only when it is of the
// stored scan it sees itself and the registry did not change; else it checks for itself, as without.
//
// The look is taken before the reader watches the folder: a file changed between the two would be
// seen by neither. So once the watch is up, the thread looks once more (`laterChanges`) and the
// reader checks what changed since (the thread's work, off the reader's thread, after the start).
import { Worker } from "node:worker_threads";
import { cacheDirFrom } from "../store/open.js";
import { builtEntry } from "./built.js";
import type { Finding } from "./check.js";

export type EarlyReply = { kind: "found"; finding: Finding | null } | { kind: "later"; paths: string[] };

interface Early {
  worker: Worker;
  next(): Promise<EarlyReply | null>;
  found: Promise<Finding | null>;
  /** Set once the finding came (or the thread ended without one). */
  arrived: boolean;
  taken: boolean;
  /** Resolves with whether the sync took the finding (the second look is then due). */
  used: Promise<boolean>;
  decide(used: boolean): void;
}

let early: Early | null = null;

/**
 * Starts the look at `dir`'s files against its store (nothing when there is no built thread, as when
 * the sources run, or no cache folder). Resolves once the look is done (nothing waits for it but tests).
 * `file`: the built thread (tests); default: check.js beside the bundle.
 */
export function startEarlyCheck(
  dir: string,
  env: NodeJS.ProcessEnv,
  file = builtEntry("check.js"),
): Promise<void> {
  const cacheDir = cacheDirFrom(env);
  if (file === null || cacheDir === null || early !== null) return Promise.resolve();
  let worker: Worker;
  try {
    // Anything it prints would land on the reader's screen: read and dropped.
    worker = new Worker(file, { workerData: { dir, cacheDir }, stdout: true, stderr: true });
  } catch {
    return Promise.resolve();
  }
  worker.stdout.resume();
  worker.stderr.resume();
  // Never what keeps the process alive.
  worker.unref();
  const waiting: ((r: EarlyReply | null) => void)[] = [];
  const queued: EarlyReply[] = [];
  let ended = false;
  worker.on("message", (r: EarlyReply) => {
    const w = waiting.shift();
    if (w) w(r);
    else queued.push(r);
  });
  const end = () => {
    ended = true;
    for (const w of waiting.splice(0)) w(null);
  };
  worker.on("error", end);
  worker.on("exit", end);
  let decide: (used: boolean) => void = () => {};
  const used = new Promise<boolean>((resolve) => {
    decide = resolve;
  });
  const next = () =>
    queued.length > 0
      ? Promise.resolve(queued.shift() ?? null)
      : ended
        ? Promise.resolve(null)
        : new Promise<EarlyReply | null>((resolve) => waiting.push(resolve));
  const e: Early = { worker, next, found: Promise.resolve(null), arrived: false, taken: false, used, decide };
  e.found = next().then((r) => {
    e.arrived = true;
    return r?.kind === "found" ? r.finding : null;
  });
  early = e;
  return e.found.then(() => {});
}

/**
 * The early look's finding for the folder whose real path is `real`, once (null: none was started);
 * `arrived` says whether it is already here. The caller says whether it took it (`tookFinding`).
 */
export function earlyFinding(real: string): { arrived: boolean; found: Promise<Finding | null> } | null {
  if (early === null || early.taken) return null;
  early.taken = true;
  return { arrived: early.arrived, found: early.found.then((f) => (f?.real === real ? f : null)) };
}

/** Whether the sync took the early finding in place of its own check. */
export function tookFinding(used: boolean): void {
  early?.decide(used);
  if (!used) endEarlyCheck();
}

/**
 * Once the folder is watched: the files changed since the early look, by a second look (["."]: look
 * at everything); null when the finding was not taken (the sync's own check came after the watch).
 */
export async function laterChanges(): Promise<string[] | null> {
  const e = early;
  if (e === null || !(await e.used)) return null;
  e.worker.postMessage("again");
  const reply = await e.next();
  endEarlyCheck();
  return reply?.kind === "later" ? reply.paths : ["."];
}

/** Ends the thread (the session ends, or its second look is not wanted). */
export function endEarlyCheck(): void {
  if (early === null) return;
  void early.worker.terminate();
  early.decide(false);
  early = null;
}
