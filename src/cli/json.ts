// The documented JSON shapes. Field names here are a public interface: add, never rename.
import { type BriefingLink, briefingLinks } from "../briefing/links.js";
import type { Block, Briefing } from "../briefing/schema.js";
import { SECTION_KEYS, type SectionKey } from "../briefing/sections.js";

export interface BriefingJson {
  id: string;
  title: string;
  date: string | null;
  dateInferred: boolean;
  source: string | null;
  actors: string[];
  tags: string[];
  keyPoints: string[];
  sections: Record<SectionKey, string[]>;
  glossary: { term: string; definition: string }[];
  events: {
    date: string;
    precision: string;
    text: string;
    yearInferred: boolean;
    yearUnknown: boolean;
    expected: boolean;
  }[];
  path: string;
  /** Extras beyond the shape. */
  relPath: string;
  dateNote: string | null;
  /** Parallel to `sections`: the named subsection each paragraph sits under, or null. */
  subsections: Record<SectionKey, (string | null)[]>;
  /** Parallel to `keyPoints` and `sections`: each paragraph's structure (Markdown files), or null. */
  keyPointBlocks: (Block | null)[];
  blocks: Record<SectionKey, (Block | null)[]>;
  /** The briefing's links, numbered as the reader and `print` show them. */
  links: BriefingLink[];
  /** Its story (front matter `story`, else its top-level subfolder), or null. */
  story: string | null;
  /** Front matter `follows`. */
  follows: string[];
  /** Read in the reader or marked read, and unchanged since (see `signaldesk mark`). */
  read: boolean;
  /** Read, and its file's content changed since: to be read again. */
  updated: boolean;
}

/** A briefing's read state as the JSON shows it; both false when nothing is known. */
export interface JsonReadState {
  read: boolean;
  updated: boolean;
}

const UNREAD: JsonReadState = { read: false, updated: false };

export function briefingToJson(b: Briefing, state: JsonReadState = UNREAD): BriefingJson {
  const sections = {} as Record<SectionKey, string[]>;
  const subsections = {} as Record<SectionKey, (string | null)[]>;
  const blocks = {} as Record<SectionKey, (Block | null)[]>;
  for (const key of SECTION_KEYS) {
    blocks[key] = b.sections[key].map((p) => p.block ?? null);
    sections[key] = b.sections[key].map((p) => p.text);
    subsections[key] = b.sections[key].map((p) => p.subsection ?? null);
  }
  return {
    id: b.id,
    title: b.title,
    date: b.date,
    dateInferred: b.dateInferred,
    source: b.source,
    actors: [...b.actors],
    tags: [...b.tags],
    keyPoints: b.keyPoints.map((p) => p.text),
    sections,
    glossary: b.glossary.map((g) => ({ term: g.term, definition: g.definition })),
    events: b.events.map((e) => ({
      date: e.date,
      precision: e.precision,
      text: e.text,
      yearInferred: e.yearInferred,
      yearUnknown: e.yearUnknown,
      expected: e.expected,
    })),
    path: b.path,
    relPath: b.relPath,
    dateNote: b.dateNote,
    subsections,
    keyPointBlocks: b.keyPoints.map((p) => p.block ?? null),
    blocks,
    links: briefingLinks(b),
    story: b.story,
    follows: [...b.follows],
    read: state.read,
    updated: state.updated,
  };
}

// JSON.stringify escapes C0 controls but leaves DEL, C1, the line/paragraph separators and bidi
// controls raw; a JSON document printed to a terminal must not carry those either.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** One JSON document, pretty-printed, with every terminal-affecting character as a \u escape. */
export function toJsonText(value: unknown): string {
  return `${escapeUnsafe(JSON.stringify(value, null, 2))}\n`;
}

function escapeUnsafe(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Where JSON is written: a stream, or a string in tests. */
interface JsonSink {
  /** false: what was written waits in memory (a pipe's reader is behind); see `drained`. */
  write(s: string): unknown;
  drained?(): Promise<void>;
}

/**
 * Writes the same text as `toJsonText(items.map(toJson))`, an element at a time: one string for a
 * 100k-briefing archive is past what V8 allows in a single string.
 */
export async function writeJsonArray<T>(out: JsonSink, items: Iterable<T>, toJson: (item: T) => unknown) {
  const array = jsonArrayWriter(out, toJson);
  for (const item of items) await array.add(item);
  array.end();
}

/**
 * `writeJsonArray` for elements that come one by one: `add` each (awaiting what it returns), then
 * `end`. A chunk the stream could not take at once is waited for: `list --json | jq` at 100k
 * briefings otherwise queued the whole output in memory (4.2 GB of RSS, for 700 MB of JSON).
 */
export function jsonArrayWriter<T>(
  out: JsonSink,
  toJson: (item: T) => unknown,
): { add(item: T): Promise<void> | undefined; end(): void } {
  let chunk = "";
  let count = 0;
  return {
    add(item) {
      const element = escapeUnsafe(JSON.stringify(toJson(item), null, 2)).replaceAll("\n", "\n  ");
      chunk += `${count++ === 0 ? "[\n" : ",\n"}  ${element}`;
      if (chunk.length <= 1 << 20) return undefined;
      const full = out.write(chunk) === false;
      chunk = "";
      return full && out.drained !== undefined ? out.drained() : undefined;
    },
    end() {
      out.write(count === 0 ? "[]\n" : `${chunk}\n]\n`);
    },
  };
}
