// A story saved whole, so that the next start shows the reader without loading the folder again.
//
// The file is read lazily: on open only its header and a few typed columns (a number per briefing and
// per timeline event) are read; summaries and timeline entries are JSON records in two blobs, read
// by position when a row is drawn, through a small cache of 64 KiB blocks. Opening a snapshot of 100k
// briefings therefore costs about what opening one of 10k does, and memory holds the columns and the
// glossary and actor index, not a million decoded events.
//
// It is never trusted over the files: it records the program, the registry and every briefing file
// (relPath, size, mtime) it was built from, and the reader checks those against the folder right after
// showing it (see current.ts), rebuilding from the files when anything differs. Anything wrong with
// the file itself (missing, another version, truncated, unreadable) means "no snapshot".
//
// Layout: one JSON header line (format, stamp, counts, and where each section starts and ends),
// then the sections, each starting on an 8-byte boundary so the columns can be viewed in place.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { mkdir, open, rename, unlink } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { DirStamp, LoadedFiles } from "../briefing/read.js";
import type { Precision, Problem, RegistryActor } from "../briefing/schema.js";
import { OPEN_FLAGS } from "../load/safe-open.js";
import type { AgendaItem } from "./agenda.js";
import { eventFlags, flagFields } from "./timeline.js";
import {
  codeDate,
  dateCode,
  groupStarts,
  type StoryActor,
  type StoryEvent,
  type StoryTerm,
  type StoryView,
  type Summary,
  type Table,
  termIndexes,
} from "./view.js";

const MAGIC = "signaldesk-story";
const FORMAT = 8;
const BLOCK = 64 * 1024;
const BLOCKS_KEPT = 128;
const HEAD_MAX = 16 * 1024;
const ALIGN = 8;
/**
 * Records encoded per turn of the event loop while writing. Small enough that a chunk's strings die
 * young: with 2,000, at 30k briefings, the heap grew by 86 MB of promoted garbage while saving; with
 * 500 by 37 MB, in the same time.
 */
const CHUNK = 500;
/**
 * Records between full collections, when the writer may ask for them (the loader worker): what a
 * chunk leaves behind still reaches the old generation, which V8 lets grow by tens of megabytes
 * before it collects on its own.
 */
const COLLECT_EVERY = 100 * CHUNK;

const SECTIONS = [
  "meta",
  "glossary",
  "actors",
  "agenda",
  "files",
  "newest",
  "eventDate",
  "eventBriefing",
  "timelineHeads",
  "summaryOffsets",
  "eventOffsets",
  "summaries",
  "events",
] as const;
/** Sections written as they are encoded, after every other (their offsets are known only then). */
const STREAMED = ["summaries", "events"] as const;
const isStreamed = (name: Section): name is (typeof STREAMED)[number] =>
  (STREAMED as readonly Section[]).includes(name);
/** Room for the header line; it holds counts and positions, a few hundred bytes. */
const HEAD_ROOM = 4096;
type Section = (typeof SECTIONS)[number];

interface Header {
  magic: string;
  format: number;
  stamp: string;
  briefings: number;
  events: number;
  sections: Record<Section, [number, number]>;
}

interface Meta {
  dir: string;
  registry: RegistryActor[];
  problems: Problem[];
}

/** What the snapshot records of the files it was built from (see current.ts). */
export type SnapshotFiles = LoadedFiles;

export interface Snapshot {
  story: StoryView;
  /** Read on demand: the check needs it, the first frame does not. */
  files(): SnapshotFiles | null;
  close(): void;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

// --- writing ---

// The files as columns: 100k small objects take v8 a tenth of a second to read back; two number
// arrays and one JSON array of paths (a name may hold a newline) do not.
interface FileColumns {
  relPaths: string;
  dirs: string;
  sizes: Float64Array;
  mtimes: Float64Array;
  scan: string;
}

function fileColumns(files: SnapshotFiles): FileColumns {
  return {
    relPaths: JSON.stringify(files.stamps.map((f) => f.relPath)),
    dirs: JSON.stringify(files.dirs),
    sizes: Float64Array.from(files.stamps, (f) => f.size),
    mtimes: Float64Array.from(files.stamps, (f) => f.mtimeMs),
    scan: files.scan,
  };
}

function fromFileColumns(v: unknown): SnapshotFiles | null {
  const c = v as Partial<FileColumns> | null;
  if (typeof c?.relPaths !== "string" || typeof c.scan !== "string") return null;
  if (!(c.sizes instanceof Float64Array) || !(c.mtimes instanceof Float64Array)) return null;
  const relPaths = JSON.parse(c.relPaths) as unknown;
  if (!Array.isArray(relPaths) || relPaths.length !== c.sizes.length || relPaths.length !== c.mtimes.length)
    return null;
  const { sizes, mtimes } = c;
  const dirs = typeof c.dirs === "string" ? (JSON.parse(c.dirs) as unknown) : null;
  if (!Array.isArray(dirs)) return null;
  return {
    dirs: dirs.filter((d): d is DirStamp => typeof d?.path === "string" && typeof d?.mtimeMs === "number"),
    stamps: relPaths.map((relPath, i) => ({
      relPath: String(relPath),
      size: sizes[i]!,
      mtimeMs: mtimes[i]!,
    })),
    scan: c.scan,
  };
}

// Records are JSON arrays rather than objects: no key repeated a million times, and conflicting
// reports are named by briefing index and date code rather than by id and date string.
type SummaryRecord = [
  string,
  string,
  string,
  string | null,
  boolean,
  string | null,
  string[],
  string[],
  /** Indexes of the glossary terms the briefing defines or uses. */
  number[],
  /** Its story. */
  string | null,
];
/** The last field: the event's flags (`eventFlags`). */
type EventRecord = [string, Precision, string, number, number, number, number[], number];

function summaryRecord(s: Summary, terms: number[]): SummaryRecord {
  return [s.id, s.relPath, s.title, s.date, s.dateInferred, s.source, s.actors, s.tags, terms, s.story];
}

function fromSummaryRecord(r: SummaryRecord, root: string): Summary {
  const [id, relPath, title, date, dateInferred, source, actors, tags, , story] = r;
  return {
    id,
    path: path.join(root, relPath),
    relPath,
    title,
    date,
    dateInferred,
    source,
    actors,
    tags,
    story: story ?? null,
  };
}

function eventRecord(e: StoryEvent, indexOf: (id: string) => number): EventRecord {
  const others: number[] = [];
  for (const c of e.conflictWith) others.push(indexOf(c.briefingId), dateCode(c.date));
  return [e.date, e.precision, e.text, e.line, e.briefing, e.conflict ? 1 : 0, others, eventFlags(e)];
}

function fromEventRecord(r: EventRecord, summaries: Table<Summary>): StoryEvent {
  const [date, precision, text, line, briefing, conflict, others, flags] = r;
  const conflictWith: StoryEvent["conflictWith"] = [];
  for (let i = 0; i + 1 < others.length; i += 2)
    conflictWith.push({ date: codeDate(others[i + 1]!), briefingId: summaries.get(others[i]!)?.id ?? "?" });
  const briefingId = summaries.get(briefing)?.id ?? "?";
  return {
    ...flagFields(flags ?? 0),
    date,
    precision,
    text,
    line,
    briefingId,
    briefing,
    conflict: conflict === 1,
    conflictWith,
  };
}

/**
 * Encodes `table` as JSON records, CHUNK at a time, each chunk written at `at` onwards as soon as it
 * is made (a million timeline records are never one buffer), with a turn of the event loop between
 * chunks. Returns the records' offsets and their total length; null when over 4 GiB.
 */
async function writeRecords<T, R>(
  write: (bytes: Buffer, at: number) => Promise<void>,
  at: number,
  table: Table<T>,
  encode: (row: T, i: number) => R,
  collect?: () => void,
): Promise<{ offsets: Uint32Array; length: number } | null> {
  const offsets = new Uint32Array(table.length + 1);
  let length = 0;
  for (let i = 0; i < table.length; i += CHUNK) {
    if (collect && i > 0 && i % COLLECT_EVERY === 0) collect();
    const end = Math.min(table.length, i + CHUNK);
    const strings: string[] = [];
    for (let j = i; j < end; j++) {
      const row = table.get(j);
      const s = JSON.stringify(row === undefined ? null : encode(row, j));
      strings.push(s);
      const next = length + Buffer.byteLength(s);
      // Offsets are 32-bit: a blob of 4 GiB is not worth snapshotting.
      if (next > 0xffffffff) return null;
      offsets[j + 1] = length = next;
    }
    const bytes = Buffer.from(strings.join(""));
    await write(bytes, at + offsets[i]!);
    await nextTurn();
  }
  return { offsets, length };
}

function bytesOf(view: ArrayBufferView): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

const align = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

/**
 * Writes `story` to `file` (temp file and rename: a reader never sees half of one). Returns false,
 * leaving no file, when it cannot be written; that only costs the next start its speed.
 */
export async function writeSnapshot(
  file: string,
  stamp: string,
  story: StoryView,
  files: SnapshotFiles,
  opts: { collect?: () => void } = {},
): Promise<boolean> {
  const ids = new Map<string, number>();
  for (let i = 0; i < story.briefings.length; i++) ids.set(story.briefings.get(i)?.id ?? "", i);
  const terms = termIndexes(story.glossary);
  const meta: Meta = { dir: story.dir, registry: [...story.registry], problems: [...story.problems] };
  const n = story.briefings.length;
  const m = story.timeline.length;
  // Everything but the two record blobs is known now; the offset columns get their room now and
  // their bytes once the blobs are written.
  const fixed: Record<Exclude<Section, (typeof STREAMED)[number]>, Buffer> = {
    meta: serialize(meta),
    glossary: serialize(story.glossary),
    actors: serialize(story.actors),
    agenda: serialize(story.agenda),
    files: serialize(fileColumns(files)),
    newest: bytesOf(story.newest),
    eventDate: bytesOf(story.eventDate),
    eventBriefing: bytesOf(story.eventBriefing),
    timelineHeads: bytesOf(story.timelineHeads ?? groupStarts(story.eventDate)),
    summaryOffsets: Buffer.alloc((n + 1) * 4),
    eventOffsets: Buffer.alloc((m + 1) * 4),
  };
  const sections = {} as Header["sections"];
  let at = HEAD_ROOM;
  for (const name of SECTIONS) {
    if (isStreamed(name)) continue;
    at = align(at);
    sections[name] = [at, fixed[name].length];
    at += fixed[name].length;
  }

  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const handle = await open(tmp, "w", 0o600);
    try {
      const write = async (bytes: Buffer, position: number) => {
        let done = 0;
        while (done < bytes.length) {
          const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
          done += bytesWritten;
        }
      };
      at = align(at);
      const summaries = await writeRecords(
        write,
        at,
        story.briefings,
        (row, i) => summaryRecord(row, terms.get(i) ?? []),
        opts.collect,
      );
      if (summaries === null) throw new Error("too big");
      sections.summaries = [at, summaries.length];
      at = align(at + summaries.length);
      const events = await writeRecords(
        write,
        at,
        story.timeline,
        (e) => eventRecord(e, (id) => ids.get(id) ?? -1),
        opts.collect,
      );
      if (events === null) throw new Error("too big");
      sections.events = [at, events.length];
      const end = at + events.length;
      fixed.summaryOffsets = bytesOf(summaries.offsets);
      fixed.eventOffsets = bytesOf(events.offsets);
      for (const name of SECTIONS) {
        if (isStreamed(name)) continue;
        if (fixed[name].length > 0) await write(fixed[name], sections[name][0]);
      }
      const h: Header = { magic: MAGIC, format: FORMAT, stamp, briefings: n, events: m, sections };
      const head = Buffer.from(`${JSON.stringify(h)}\n`);
      if (head.length > HEAD_ROOM) throw new Error("header too long");
      await write(head, 0);
      // An empty section at the end starts past the last byte written; the file must reach it.
      await handle.truncate(end);
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
    return true;
  } catch {
    await unlink(tmp).catch(() => {});
    return false;
  }
}

// --- reading ---

class Blob {
  private blocks = new Map<number, Buffer>();
  constructor(
    private fd: number,
    private base: number,
    private length: number,
  ) {}

  private block(n: number): Buffer {
    let b = this.blocks.get(n);
    if (b) {
      // Most recently used last: the first key is the one to drop.
      this.blocks.delete(n);
      this.blocks.set(n, b);
      return b;
    }
    const size = Math.min(BLOCK, this.length - n * BLOCK);
    b = Buffer.allocUnsafe(size);
    const got = readSync(this.fd, b, 0, size, this.base + n * BLOCK);
    if (got !== size) throw new Error("snapshot truncated");
    if (this.blocks.size >= BLOCKS_KEPT) this.blocks.delete(this.blocks.keys().next().value!);
    this.blocks.set(n, b);
    return b;
  }

  /** The little-endian 32-bit number at `index` (a column of offsets, read a block at a time). */
  u32(index: number): number {
    const at = index * 4;
    if (!(at >= 0 && at + 4 <= this.length)) throw new Error("snapshot column out of range");
    const n = Math.floor(at / BLOCK);
    return this.block(n).readUInt32LE(at - n * BLOCK);
  }

  text(start: number, end: number): string {
    if (start < 0 || end > this.length || end < start) throw new Error("snapshot record out of range");
    const first = Math.floor(start / BLOCK);
    if (first === Math.floor((end - 1) / BLOCK) || end === start) {
      return this.block(first).toString("utf8", start - first * BLOCK, end - first * BLOCK);
    }
    const buf = Buffer.allocUnsafe(end - start);
    const got = readSync(this.fd, buf, 0, buf.length, this.base + start);
    if (got !== buf.length) throw new Error("snapshot truncated");
    return buf.toString("utf8");
  }
}

/** Rows decoded lately, kept: a redraw asks again for the rows it drew last time. */
const ROWS_KEPT = 512;

function records<R, T>(blob: Blob, offsets: Blob, count: number, decode: (r: R) => T): Table<T> {
  const recent = new Map<number, T>();
  return {
    length: count,
    get(i) {
      if (!(i >= 0 && i < count)) return undefined;
      const hit = recent.get(i);
      if (hit !== undefined) return hit;
      try {
        const r = JSON.parse(blob.text(offsets.u32(i), offsets.u32(i + 1))) as unknown;
        const row = Array.isArray(r) ? decode(r as R) : undefined;
        if (row !== undefined) {
          if (recent.size >= ROWS_KEPT) recent.clear();
          recent.set(i, row);
        }
        return row;
      } catch {
        // A damaged record draws as a blank row rather than stopping the reader.
        return undefined;
      }
    },
  };
}

function readExact(fd: number, offset: number, length: number): Buffer {
  // Its own ArrayBuffer, offset 0: typed columns are viewed in place and need the alignment.
  const buf = Buffer.from(new ArrayBuffer(length));
  if (length > 0 && readSync(fd, buf, 0, length, offset) !== length) throw new Error("snapshot truncated");
  return buf;
}

function int32s(buf: Buffer): Int32Array {
  return new Int32Array(buf.buffer, buf.byteOffset, buf.length / 4);
}

function isHeader(h: unknown, stamp: string, size: number): h is Header {
  if (typeof h !== "object" || h === null) return false;
  const x = h as Partial<Header>;
  if (x.magic !== MAGIC || x.format !== FORMAT || x.stamp !== stamp) return false;
  if (!Number.isInteger(x.briefings) || !Number.isInteger(x.events) || typeof x.sections !== "object")
    return false;
  return SECTIONS.every((name) => {
    const s = x.sections?.[name];
    return (
      Array.isArray(s) &&
      Number.isInteger(s[0]) &&
      Number.isInteger(s[1]) &&
      s[0] % ALIGN === 0 &&
      s[0] >= 0 &&
      s[1] >= 0 &&
      s[0] + s[1] <= size
    );
  });
}

/** The snapshot in `file` when it was written with `stamp` and looks whole; null otherwise. */
export function openSnapshot(file: string, stamp: string, dir: string): Snapshot | null {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch {
    return null;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new Error("not a regular file");
    const size = st.size;
    const first = Buffer.allocUnsafe(Math.min(HEAD_MAX, size));
    const got = readSync(fd, first, 0, first.length, 0);
    const nl = first.subarray(0, got).indexOf(10);
    if (nl === -1) throw new Error("no header");
    const header = JSON.parse(first.toString("utf8", 0, nl)) as unknown;
    if (!isHeader(header, stamp, size)) throw new Error("stale or damaged");
    const s = header.sections;
    const section = (name: Section) => readExact(fd, s[name][0], s[name][1]);
    const n = header.briefings;
    const m = header.events;
    // Only what the first frame needs is read now; the columns a filter or another view needs are
    // read when first asked for, and row offsets a block at a time, so a story of 100k briefings
    // opens about as fast as one of 10k.
    const column = (name: Section, count: number) => s[name][1] === count * 4;
    if (
      !column("newest", n) ||
      !column("eventDate", m) ||
      !column("eventBriefing", m) ||
      !column("summaryOffsets", n + 1) ||
      !column("eventOffsets", m + 1) ||
      s.timelineHeads[1] > m * 4
    )
      throw new Error("damaged columns");
    const summaryOffsets = new Blob(fd, s.summaryOffsets[0], s.summaryOffsets[1]);
    const eventOffsets = new Blob(fd, s.eventOffsets[0], s.eventOffsets[1]);
    if (summaryOffsets.u32(n) !== s.summaries[1] || eventOffsets.u32(m) !== s.events[1])
      throw new Error("damaged offsets");
    const timelineHeads = int32s(section("timelineHeads"));
    if (m > 0 && timelineHeads[0] !== 0) throw new Error("damaged timeline headings");
    let newest: Int32Array | undefined;
    let eventDate: Int32Array | undefined;
    let eventBriefing: Int32Array | undefined;
    const meta = deserialize(section("meta")) as Meta;
    if (meta?.dir !== dir || !Array.isArray(meta.registry) || !Array.isArray(meta.problems))
      throw new Error("damaged meta, or saved for the folder spelled otherwise");
    const root = path.resolve(dir);
    // The glossary and the actor index are decoded when first shown, not before the first frame.
    let glossary: StoryTerm[] | undefined;
    let actors: StoryActor[] | undefined;
    let agenda: AgendaItem[] | undefined;
    const decodeList = <T>(name: Section): T[] => {
      try {
        const v = deserialize(section(name)) as unknown;
        return Array.isArray(v) ? (v as T[]) : [];
      } catch {
        return [];
      }
    };
    const saved = records(
      new Blob(fd, s.summaries[0], s.summaries[1]),
      summaryOffsets,
      n,
      (r: SummaryRecord) => ({ summary: fromSummaryRecord(r, root), terms: Array.isArray(r[8]) ? r[8] : [] }),
    );
    const briefings: Table<Summary> = { length: n, get: (i) => saved.get(i)?.summary };
    const story: StoryView = {
      dir: meta.dir,
      registry: meta.registry,
      problems: meta.problems,
      briefings,
      get newest() {
        newest ??= int32s(section("newest"));
        return newest;
      },
      timeline: records(new Blob(fd, s.events[0], s.events[1]), eventOffsets, m, (r: EventRecord) =>
        fromEventRecord(r, briefings),
      ),
      get eventDate() {
        eventDate ??= int32s(section("eventDate"));
        return eventDate;
      },
      get eventBriefing() {
        eventBriefing ??= int32s(section("eventBriefing"));
        return eventBriefing;
      },
      timelineHeads,
      get glossary() {
        glossary ??= decodeList<StoryTerm>("glossary");
        return glossary;
      },
      get actors() {
        actors ??= decodeList<StoryActor>("actors");
        return actors;
      },
      get agenda() {
        agenda ??= decodeList<AgendaItem>("agenda");
        return agenda;
      },
      termsOf(i) {
        const all = story.glossary;
        return (saved.get(i)?.terms ?? []).flatMap((t) => all[t]?.term ?? []);
      },
    };
    return {
      story,
      files() {
        try {
          return fromFileColumns(deserialize(section("files")));
        } catch {
          return null;
        }
      },
      close() {
        try {
          closeSync(fd);
        } catch {
          // Already closed.
        }
      },
    };
  } catch {
    try {
      closeSync(fd);
    } catch {
      // Nothing to release.
    }
    return null;
  }
}
