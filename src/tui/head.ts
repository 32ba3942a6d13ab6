// The story's head: what the first frame shows, read from the store by LIMIT and index queries, so
// a warm start paints it at the same cost in a folder of 100 briefings or 100,000. It is a StoryView
// that holds only the timeline's first rows, the counts, the titles of the briefings those rows name
// and the errors the header counts: paint.ts draws it with the same line functions as the App, and
// the App then mounts over the whole story (source.ts `storedStory`), read after the frame is up.
// Anything the head cannot tell exactly (an id two files share, a row not as written) gives null,
// and the whole story is read before the first frame, as without a head.
import path from "node:path";
import { storedErrors } from "../load/folder-store.js";
import type { Store } from "../store/store.js";
import { readTimelineHead } from "../store/timeline.js";
import { groupStarts, type StoryEvent, type StoryView, type Summary, storedEvent } from "../story/view.js";

/**
 * The head of the story the store holds, with the timeline's first `rows` events (a frame shows
 * fewer); null when the store has no complete story, or one the head cannot show exactly.
 * `usesPending`: the sync is recomputing the term uses, which no first frame shows (sync.ts
 * `onTimeline`); the rest must be up to date all the same.
 */
export function storyHead(dir: string, store: Store, rows: number, usesPending = false): StoryView | null {
  if (
    store.meta("scan") === null ||
    (!usesPending && store.meta("uses") !== "fresh") ||
    store.meta("timeline") !== "fresh"
  )
    return null;
  try {
    // One read transaction: the counts, the rows and the summaries of one state of the store, even
    // while another program writes it.
    return store.db.transaction(() => readHead(dir, store, rows))();
  } catch {
    // A damaged row: the whole story's read says what to do about it.
    return null;
  }
}

function readHead(dir: string, store: Store, rows: number): StoryView | null {
  const counts = store.counts();
  if (counts.briefings === 0) return null;
  const { head } = readTimelineHead(store.db, rows);
  const files = new Set<number>();
  for (let i = 0; i < head.length; i++) {
    files.add(head.file[i]!);
    for (const c of head.fields(i)?.conflictWith ?? []) files.add(c.file);
  }
  const rowsOf = store.summariesOf([...files]);
  // An event of a file without a summary, or an id a load would make unique by renaming: the
  // whole story's ids are needed.
  if (rowsOf.length !== files.size || store.sharedIds(rowsOf.map((r) => r.bid)).size > 0) return null;
  const root = path.resolve(dir);
  const under = root.endsWith(path.sep) ? root : root + path.sep;
  const briefings: Summary[] = rowsOf.map((r) => ({
    id: r.bid,
    path: under + r.relPath,
    relPath: r.relPath,
    title: r.title,
    date: r.date,
    // Not in the summary row, and not on the first frame.
    dateInferred: false,
    source: null,
    actors: r.actors,
    tags: r.tags,
    story: r.story,
  }));
  const index = new Map(rowsOf.map((r, i) => [r.fileId, i]));
  const idOf = (file: number) => briefings[index.get(file) ?? -1]?.id ?? "";
  const eventBriefing = Int32Array.from(head.file, (f) => index.get(f) ?? -1);
  const events: (StoryEvent | undefined)[] = [];
  for (let i = 0; i < head.length; i++) events.push(storedEvent(head, i, eventBriefing[i]!, idOf));
  return {
    dir,
    registry: [],
    problems: storedErrors(dir, store),
    // Indexes here are into the head's own briefings; the lengths are the whole story's.
    briefings: { length: counts.briefings, get: (i) => briefings[i] },
    newest: new Int32Array(counts.briefings),
    timeline: { length: counts.events, get: (i) => events[i] },
    eventDate: head.code,
    eventBriefing,
    // The headings among the rows read: a frame shows no row past them.
    timelineHeads: groupStarts(head.code),
    glossary: [],
    actors: [],
    agenda: [],
    termsOf: () => [],
    text: { query: () => null, mentions: () => new Set() },
  };
}
