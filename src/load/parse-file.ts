// One file read and parsed into what the store keeps of it (store/store.ts FileRecord). Runs in a
// parse worker (synchronous reads) or on the calling thread (callbacks). Never throws.
import { type Stats, stat, statSync } from "node:fs";
import { digestOf } from "../briefing/digest.js";
import { parseBriefing } from "../briefing/parse.js";
import type { Briefing, Problem, RegistryActor } from "../briefing/schema.js";
import { encodeActorRecord, searchColumns } from "../store/actor-inputs.js";
import type { FileRecord, Stamp } from "../store/store.js";
import { digestDays } from "../store/timeline.js";
import { termKey } from "../story/glossary.js";
import { briefingTextParts, textAround } from "../story/search.js";
import { contentHash } from "./hash.js";
import { type FileEntry, readSourceStat, syncIo } from "./read.js";
import { storableBriefing } from "./stored-briefing.js";

export interface FileOutcome {
  /** The file's place in the list it was sent in. */
  index: number;
  /** What the store keeps; null when the file is not to be stored this time (see `transient`). */
  record: FileRecord | null;
  /** The problem of a file that could not be read for a passing reason (EMFILE, EACCES, EIO...). */
  transient: Problem | null;
}

/** Times a file that keeps changing while it is read is read again before it is left for next time. */
const ATTEMPTS = 3;

function stampOf(st: Stats): Stamp {
  return { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: Number(st.ino) };
}

export function statOf(p: string, sync: boolean): Promise<Stamp | null> | Stamp | null {
  if (sync) {
    try {
      const st = statSync(p);
      return st.isFile() ? stampOf(st) : null;
    } catch {
      return null;
    }
  }
  return new Promise((resolve) => stat(p, (err, st) => resolve(err || !st.isFile() ? null : stampOf(st))));
}

export function sameStamp(a: Stamp, b: Stamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

/** Problems as stored: the file's own display path becomes null (the folder may be named otherwise next time). */
function own(problems: readonly Problem[], entry: FileEntry, parsedPath: string): FileRecord["problems"] {
  return problems.map((p) => ({
    ...p,
    path: p.path === entry.relPath || p.path === parsedPath || p.path === entry.displayPath ? null : p.path,
  }));
}

/** The keys of the terms a briefing defines, once each, in glossary order. */
function definedKeys(briefing: Briefing): string[] {
  // A loop, not map and filter: their arrays' elements kinds made parseFile compile again.
  const keys = new Set<string>();
  for (const g of briefing.glossary) {
    const key = termKey(g.term);
    if (key) keys.add(key);
  }
  return [...keys];
}

export interface ParseOptions {
  registry: RegistryActor[];
  /** Synchronous reads (a worker) or callbacks (the calling thread). */
  sync: boolean;
}

/** Reads and parses one file; never throws. */
export async function parseFile(entry: FileEntry, index: number, opts: ParseOptions): Promise<FileOutcome> {
  for (let attempt = 1; ; attempt++) {
    const read = await readSourceStat(entry, opts.sync ? syncIo : undefined);
    if ("problem" in read) {
      // A passing failure (too many open files, above all) is tried again after a moment: a low
      // `ulimit -n` slows the load down; what still fails is reported and read again next start.
      if (read.transient && attempt < ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, 25 * attempt));
        continue;
      }
      const before = read.transient ? null : await statOf(entry.openPath, opts.sync);
      if (before === null || read.transient) return { index, record: null, transient: read.problem };
      return {
        index,
        record: {
          relPath: entry.relPath,
          stamp: before,
          hash: "",
          digest: null,
          days: [],
          briefing: null,
          problems: own([read.problem], entry, entry.path),
          title: "",
          body: "",
          defines: [],
          actorRecord: null,
        },
        transient: null,
      };
    }
    let result: ReturnType<typeof parseBriefing>;
    try {
      result = parseBriefing(read.file, opts.registry);
    } catch (err) {
      // parseBriefing promises not to throw; if it does, one file fails, not the folder.
      const why = err instanceof Error ? err.message : String(err);
      result = {
        problems: [{ path: entry.displayPath, message: `internal error: ${why}`, severity: "error" }],
      };
    }
    // The stamp before: the open file's (safe-open's fstat, taken before its bytes were read), one
    // stat call a file fewer than a stat of the path before the read, and as close to the bytes.
    const before = stampOf(read.stat);
    const after = await statOf(entry.openPath, opts.sync);
    // Changed while it was read: read again; a file that never holds still is left for the next run
    // (stored with a stamp no file has, so the next start reads it again).
    const steady = before !== null && after !== null && sameStamp(before, after);
    if (!steady && attempt < ATTEMPTS) continue;
    const stamp = steady ? after : { size: -1, mtimeMs: -1, ctimeMs: -1, ino: -1 };
    const parsed = "briefing" in result ? result : null;
    const briefing = parsed?.briefing ?? null;
    const around = briefing && briefingTextParts(briefing);
    const search = searchColumns(briefing && around ? textAround(around, briefing.actors) : "");
    const digest = briefing && digestOf(briefing, opts.registry);
    return {
      index,
      record: {
        relPath: entry.relPath,
        stamp,
        hash: contentHash(read.file.text),
        digest: digest && JSON.stringify(digest),
        days: digest ? digestDays(digest) : [],
        briefing: briefing && storableBriefing(briefing),
        problems: own(
          briefing ? briefing.warnings : "problems" in result ? result.problems : [],
          entry,
          read.file.path,
        ),
        title: search.title,
        body: search.body,
        defines: briefing ? definedKeys(briefing) : [],
        actorRecord: parsed && around && encodeActorRecord({ inputs: parsed.actorInputs, text: around }),
      },
      transient: null,
    };
  }
}
