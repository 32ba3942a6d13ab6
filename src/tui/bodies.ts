// The whole briefing behind a summary, for the reader. A story read from a snapshot holds no bodies:
// the briefing's file is read and parsed when it is opened (a millisecond or two), so a story of 100k
// briefings costs summaries, not bodies. The last few opened are kept for going back and forth.
import { realpath } from "node:fs/promises";
import path from "node:path";
import { insideFolder, readSource } from "../briefing/read.js";
import type { Briefing } from "../briefing/schema.js";
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
  const { parseBriefing } = await import("../briefing/parse.js");
  const parsed = parseBriefing(read.file, [...story.registry]);
  if (!("briefing" in parsed)) {
    const first = parsed.problems[0];
    return unreadable(s, first ? `${displayPath}: ${first.message}` : `${displayPath} no longer parses`);
  }
  // The story may have renamed a duplicate id; the reader keeps the story's.
  return { ...parsed.briefing, id: s.id, path: s.path };
}

const recent = new WeakMap<StoryView, Map<number, Promise<Briefing>>>();

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
  let hit = cache.get(index);
  if (!hit) {
    hit = parseFile(story, s);
    if (cache.size >= KEEP) cache.delete(cache.keys().next().value!);
    cache.set(index, hit);
  }
  return hit;
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

/** Loads the parser (zod, yaml) and warms it and the reader's layout before the first open. */
export function warmParser(story: StoryView | null): Promise<void> {
  return (async () => {
    const [{ parseBriefing }, { layoutBriefing }] = await Promise.all([
      import("../briefing/parse.js"),
      import("./readerLayout.js"),
    ]);
    const file = {
      path: "/warm-up.md",
      relPath: "warm-up.md",
      text: WARM_UP,
      size: WARM_UP.length,
      mtimeMs: 0,
    };
    const parsed = parseBriefing(file, [...(story?.registry ?? [])]);
    if ("briefing" in parsed) layoutBriefing(parsed.briefing, 80, ["Rule"]);
  })().catch(() => {});
}
