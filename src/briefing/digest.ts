// One file -> what a story needs of it, and no more: its summary, its dated events, the terms it
// defines and what its text says about actors the registry does not know. A story of 100k briefings
// is built from these (story/builder.ts) without ever holding the briefings, whose bodies are most of
// their size; a parse worker (story/worker.ts) sends them, or the reader's own thread makes them.
import { serialize } from "node:v8";
import { agendaSource } from "../story/agenda.js";
import { type FoundActor, unregisteredActors } from "./actors.js";
import type { CacheEntry } from "./cache.js";
import { parseBriefing } from "./parse.js";
import { type FileEntry, fileStat, fileStatSync, type ReadIo, readSource, syncIo } from "./read.js";
import type { Briefing, DatedEvent, GlossaryEntry, Problem, RegistryActor } from "./schema.js";

/** A briefing without its body. */
export interface BriefingDigest
  extends Pick<
    Briefing,
    "id" | "relPath" | "title" | "date" | "dateInferred" | "source" | "actors" | "tags" | "story" | "follows"
  > {
  events: Pick<DatedEvent, "date" | "precision" | "text" | "line" | "expected" | "yearUnknown">[];
  glossary: Pick<GlossaryEntry, "term" | "definition">[];
  /** See `unregisteredActors`. */
  learnt: FoundActor[];
  /** Its What to watch, one item per paragraph or bullet (story/agenda.ts). */
  watch: string[];
  /** The content words of its report, for the agenda's follow-ups (`reportWords`). */
  words: string[];
}

/** Everything one file gave: a digest when it loaded, and its problems (warnings included) either way. */
export interface FileOutcome {
  /** The file's place in the scan. */
  index: number;
  /** Size and mtime when the file is a regular file, else -1 (see LoadedFiles). */
  size: number;
  mtimeMs: number;
  digest: BriefingDigest | null;
  /** Named the way the user names the file (its display path). */
  problems: Problem[];
  /** The parse result as a parsed-briefing cache frame (cache.ts), when asked for and parsed. */
  frame: Uint8Array | null;
}

function digestOf(b: Briefing, registry: readonly RegistryActor[]): BriefingDigest {
  return {
    id: b.id,
    relPath: b.relPath,
    title: b.title,
    date: b.date,
    dateInferred: b.dateInferred,
    source: b.source,
    actors: b.actors,
    tags: b.tags,
    events: b.events.map(({ date, precision, text, line, expected, yearUnknown }) => ({
      date,
      precision,
      text,
      line,
      expected,
      yearUnknown,
    })),
    glossary: b.glossary.map(({ term, definition }) => ({ term, definition })),
    learnt: unregisteredActors(b, registry),
    story: b.story,
    follows: b.follows,
    watch: b.sections.whatToWatch.map((p) => p.text),
    words: [...agendaSource(b).words],
  };
}

function relocate(problems: readonly Problem[], entry: FileEntry, parsedPath: string): Problem[] {
  return problems.map((p) =>
    p.path === entry.relPath || p.path === parsedPath ? { ...p, path: entry.displayPath } : p,
  );
}

export interface DigestOptions {
  registry: RegistryActor[];
  /** Also return the parse result as a cache frame. */
  frames: boolean;
  /** Synchronous reads (a worker) or callbacks (the reader's thread). */
  sync: boolean;
}

/** Reads, parses and digests one scanned file; never throws. */
export async function digestFile(entry: FileEntry, index: number, opts: DigestOptions): Promise<FileOutcome> {
  const io: ReadIo | undefined = opts.sync ? syncIo : undefined;
  const st = opts.sync ? fileStatSync(entry.openPath) : await fileStat(entry.openPath);
  const out: FileOutcome = {
    index,
    size: st?.size ?? -1,
    mtimeMs: st?.mtimeMs ?? -1,
    digest: null,
    problems: [],
    frame: null,
  };
  const read = await readSource(entry, io);
  if ("problem" in read) {
    out.problems.push(read.problem);
    return out;
  }
  let result: ReturnType<typeof parseBriefing>;
  try {
    result = parseBriefing(read.file, opts.registry);
  } catch (err) {
    // parseBriefing promises not to throw; if it does, one file fails, not the folder.
    const why = err instanceof Error ? err.message : String(err);
    out.problems.push({ path: entry.displayPath, message: `internal error: ${why}`, severity: "error" });
    return out;
  }
  if (opts.frames && st) {
    const cached: CacheEntry = { relPath: entry.relPath, ...st, path: read.file.path, result };
    out.frame = serialize(cached);
  }
  if ("briefing" in result) {
    out.digest = digestOf(result.briefing, opts.registry);
    out.problems.push(...relocate(result.briefing.warnings, entry, read.file.path));
  } else {
    out.problems.push(...relocate(result.problems, entry, read.file.path));
  }
  return out;
}
