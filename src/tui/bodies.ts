// The whole briefing behind a summary, for the reader. A story read from a snapshot holds no bodies:
// the briefing's file is read and parsed when it is opened (a millisecond or two), so a story of 100k
// briefings costs summaries, not bodies. The last few opened (and the one read ahead under a resting
// cursor) are kept for going back and forth, each with its file's stamp as it was before the read:
// at every open the file is stamped again, and read again when anything differs, so a body shown is
// never older than its file.
import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { Briefing, RegistryActor } from "../briefing/schema.js";
import type { Parser } from "../load/pool.js";
import { insideFolder, readSource } from "../load/read.js";
import type { Store } from "../store/store.js";
import type { StoryView, Summary } from "../story/view.js";

const KEEP = 32;

/** A stand-in the reader can show when the file cannot be read or no longer parses. */
function unreadable(s: Summary, message: string): Briefing {
  return {
    ...s,
    dateNote: null,
    keyPoints: [],
    sections: {
      whatHappened: [{ text: `This briefing could not be opened: ${message}`, line: 1 }],
      whyItMatters: [],
      whatToWatch: [],
    },
    glossary: [],
    events: [],
    warnings: [],
    story: null,
    follows: [],
  };
}

// The parser's matcher of registry names is built once per registry array it is given (a trie of
// every name and alias: about 2 ms, 40% of a briefing's parse at 10,000): each story's registry is
// handed over as one array, not a copy per parse, and a story read again with the same registry
// (after a check of the folder) hands over the array the one before it did.
const registries = new WeakMap<readonly RegistryActor[], RegistryActor[]>();
let lastRegistry: { text: string; own: RegistryActor[] } | null = null;

function registryOf(story: StoryView | null): RegistryActor[] {
  if (story === null) return [];
  let own = registries.get(story.registry);
  if (own === undefined) {
    const text = JSON.stringify(story.registry);
    own = lastRegistry?.text === text ? lastRegistry.own : [...story.registry];
    lastRegistry = { text, own };
    registries.set(story.registry, own);
  }
  return own;
}

/**
 * The parser the sync uses too (load/pool.ts `threadParser`: dist/parser.cjs through its code cache),
 * so a process loads one parser, whichever needs it first.
 */
async function threadParser(): Promise<Parser> {
  const pool = await import("../load/pool.js");
  return pool.threadParser();
}

async function parseFile(story: StoryView, s: Summary): Promise<Briefing> {
  const displayPath = path.join(story.dir, s.relPath);
  let openPath: string;
  try {
    const root = await realpath(story.dir);
    openPath = await realpath(path.join(story.dir, s.relPath));
    if (!insideFolder(root, openPath)) return unreadable(s, `${displayPath} now points outside the folder`);
  } catch {
    return unreadable(s, `${displayPath} is gone`);
  }
  const read = await readSource({ path: s.path, relPath: s.relPath, displayPath, openPath });
  if ("problem" in read) return unreadable(s, read.problem.message);
  const { parseBriefing } = (await threadParser()).exports;
  const parsed = parseBriefing(read.file, registryOf(story));
  if (!("briefing" in parsed)) {
    const first = parsed.problems[0];
    return unreadable(s, first ? `${displayPath}: ${first.message}` : `${displayPath} no longer parses`);
  }
  // The story may have renamed a duplicate id; the reader keeps the story's.
  return { ...parsed.briefing, id: s.id, path: s.path };
}

/**
 * What tells one state of a file from another: size and mtime, and ctime and inode for an edit whose
 * mtime was set back (`touch -d`, tar) or a file swapped for another of the same size and mtime.
 */
interface Stamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

async function stampOf(file: string): Promise<Stamp | null> {
  try {
    const st = await stat(file);
    return { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino };
  } catch {
    return null;
  }
}

function sameStamp(a: Stamp | null, b: Stamp | null): boolean {
  return (
    a !== null &&
    b !== null &&
    a.size === b.size &&
    a.mtimeMs === b.mtimeMs &&
    a.ctimeMs === b.ctimeMs &&
    a.ino === b.ino
  );
}

interface Kept {
  /** Taken before the read began: a change during the read shows as a change at the next open. */
  stamp: Promise<Stamp | null>;
  body: Promise<Briefing>;
}

const recent = new WeakMap<StoryView, Map<number, Kept>>();

function readKept(story: StoryView, s: Summary, file: string): Kept {
  const stamp = stampOf(file);
  return { stamp, body: stamp.then(() => parseFile(story, s)) };
}

/** The briefing at `index` of the story, from memory when the story holds it, else from its file. */
export function loadBody(story: StoryView, index: number): Promise<Briefing> | Briefing | undefined {
  const own = story.body?.(index);
  if (own) return own;
  const s = story.briefings.get(index);
  if (!s) return undefined;
  let cache = recent.get(story);
  if (!cache) {
    cache = new Map();
    recent.set(story, cache);
  }
  const file = path.join(story.dir, s.relPath);
  const keep = (kept: Kept) => {
    cache.delete(index);
    if (cache.size >= KEEP) cache.delete(cache.keys().next().value!);
    cache.set(index, kept);
    return kept.body;
  };
  const hit = cache.get(index);
  if (!hit) return keep(readKept(story, s, file));
  return (async () => {
    const [was, now] = await Promise.all([hit.stamp, stampOf(file)]);
    if (sameStamp(was, now)) return hit.body;
    // Changed since it was read (or read ahead): read again, unless another open already did.
    const current = cache.get(index);
    return current !== undefined && current !== hit ? current.body : keep(readKept(story, s, file));
  })();
}

// Parsed and laid out once while nothing else happens: the first open then runs code that is already
// loaded and compiled, not the parser's and the layout's first pass (tens of milliseconds).
const WARM_UP = [
  "---",
  "title: Warm-up",
  "date: 2026-01-02",
  "actors: [Example Agency]",
  "---",
  "## What happened",
  "On January 2, 2026 the Example Agency (EA) published a rule; Jane Doe, its director, said so.",
  "## Why it matters",
  "Rules change what firms may ship.",
  "## What to watch",
  "A vote is due on 2026-02-03.",
  "## Glossary",
  "- Rule: what the agency published.",
].join("\n");

/**
 * Loads the parser (zod, yaml) and warms it and the reader's layout before the first open. `store`:
 * where the registry's matchers are kept, so the story's registry gets them without building them.
 */
export function warmParser(story: StoryView | null, store: Store | null = null): Promise<void> {
  return (async () => {
    const [parser, { storedImages }, { layoutBriefing }] = await Promise.all([
      threadParser(),
      import("../load/pool.js"),
      import("./readerLayout.js"),
    ]);
    const registry = registryOf(story);
    const images = story !== null && store !== null ? storedImages(store, story.registry) : null;
    if (images !== null) parser.exports.keepIndex(registry, images);
    const file = {
      path: "/warm-up.md",
      relPath: "warm-up.md",
      text: WARM_UP,
      size: WARM_UP.length,
      mtimeMs: 0,
    };
    const parsed = parser.exports.parseBriefing(file, registry);
    if ("briefing" in parsed) layoutBriefing(parsed.briefing, 80, ["Rule"]);
    // A start that parsed nothing loaded the parser here: its code cache is written now if it was not used.
    parser.save();
  })().catch(() => {});
}
