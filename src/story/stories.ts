// The stories of a folder: a briefing's story is its front matter `story`, else its top-level
// subfolder, else none (briefing/parse.ts `storyOf`). Pure: over summaries.
import type { Summary } from "./view.js";

export interface StoryEntry {
  /** null: the briefings that belong to no story. */
  name: string | null;
  briefingIds: string[];
  /** First and last briefing date, null when none is dated. */
  first: string | null;
  last: string | null;
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Every story, A–Z (names that differ only in case are one story), then the briefings of none. */
export function listStories(summaries: Iterable<Pick<Summary, "id" | "date" | "story">>): StoryEntry[] {
  const byKey = new Map<string, StoryEntry>();
  let none: StoryEntry | null = null;
  for (const s of summaries) {
    let entry: StoryEntry;
    if (s.story === null) {
      none ??= { name: null, briefingIds: [], first: null, last: null };
      entry = none;
    } else {
      const key = s.story.toLowerCase();
      const had = byKey.get(key);
      entry = had ?? { name: s.story, briefingIds: [], first: null, last: null };
      if (!had) byKey.set(key, entry);
    }
    entry.briefingIds.push(s.id);
    if (s.date !== null) {
      if (entry.first === null || s.date < entry.first) entry.first = s.date;
      if (entry.last === null || s.date > entry.last) entry.last = s.date;
    }
  }
  const named = [...byKey.values()].sort((a, b) => collator.compare(a.name ?? "", b.name ?? ""));
  return none ? [...named, none] : named;
}
