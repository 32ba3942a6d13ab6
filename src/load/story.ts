// A folder's story, built by the one builder (story/view.ts) from a load of its store: the timeline
// read from the store's derived table when it is up to date (no conflict search), else built from the
// digests. The reader and the commands (`timeline`, `actors NAME`) get their story here, so both show
// the same order and the same conflicts. Apart from folder.ts so `list` and `print` never load the
// story builder.
import type { GlossaryLine } from "../store/glossary.js";
import { DamagedRows, type Store } from "../store/store.js";
import { readTimeline, type StoredTimeline } from "../store/timeline.js";
import {
  buildStory,
  buildStoryAsync,
  type FileStamp,
  type StoryItem,
  type StoryView,
} from "../story/view.js";
import type { FolderLoad } from "./folder.js";

/** Whether the store's derived timeline is up to date with its rows (store/timeline.ts). */
export function timelineFresh(store: Store): boolean {
  return store.meta("timeline") === "fresh";
}

/**
 * The story of the store's rows, the one way the reader and the commands get it: the timeline read
 * from the store's derived table (no conflict search), the summaries from their rows; the digests are
 * decoded only when the glossary, actors or agenda are first asked for. A digest found damaged then is dropped from the
 * store (its file is read again by the next check) and those lists are built without it.
 */
export function storyFromRows(
  load: FolderLoad,
  fresh = timelineFresh(load.store),
  read?: StoredTimeline,
): StoryView {
  const { store } = load;
  let items: StoryItem[] | undefined;
  // Another program may write the store meanwhile (rows of new ids): its digests then go missing here.
  const digests = () => {
    if (items === undefined) {
      try {
        items = load.items;
      } catch (err) {
        if (!(err instanceof DamagedRows)) throw err;
        try {
          store.forget(err.relPaths);
        } catch {}
        items = [];
      }
    }
    return items;
  };
  // The glossary lines come from their own rows; a damaged one makes this story read them from the
  // digests (decoded first: forgetting a file drops its digest too) and the next check read its file.
  let lines: readonly (readonly GlossaryLine[])[] | undefined;
  const glossaries = (): readonly (readonly GlossaryLine[])[] => {
    if (lines !== undefined) return lines;
    try {
      lines = load.glossaries;
    } catch (err) {
      if (!(err instanceof DamagedRows)) throw err;
      const byId = new Map(digests().map((d) => [d.id, d.glossary]));
      try {
        store.forget(err.relPaths);
      } catch {}
      lines = load.summaries.map((s) => byId.get(s.id) ?? []);
    }
    return lines;
  };
  const timeline = fresh ? (read ?? readTimeline(store.db)) : undefined;
  const stored = timeline
    ? {
        timeline,
        fileIds: load.fileIds,
        summaries: load.summaries,
        glossaries,
        termUses: () => load.termUses(),
        glossaryReads: () => load.glossaryReads(),
      }
    : undefined;
  const story = buildStory({
    dir: load.dir,
    registry: load.registry,
    problems: load.problems,
    get items() {
      return digests();
    },
    usedKeys: load.usedKeys,
    text: load.text,
    ...(stored ? { stored } : {}),
  });
  if (timeline) readFrom.set(story, { load, timeline });
  return story;
}

/** What a story was read from (`storyFromRows`), kept so the next check can patch it (patch.ts). */
const readFrom = new WeakMap<StoryView, { load: FolderLoad; timeline: StoredTimeline }>();

/** The load and timeline `story` was read from, when it was read from the store's derived timeline. */
export function storyRows(story: StoryView): { load: FolderLoad; timeline: StoredTimeline } | undefined {
  return readFrom.get(story);
}

/**
 * The story of a folder's store (the one builder, story/view.ts), pausing between slices of the
 * conflict search (the reader's thread).
 */
export async function storyOfAsync(
  load: FolderLoad,
  pause: () => Promise<void> | undefined,
): Promise<StoryView> {
  return buildStoryAsync(load, pause);
}

/**
 * A story read right after a check of the folder, with the stamps that check compared every file
 * with (see `StoryView.stamps`), taken from the store when first asked for. A store closed or
 * replaced by then gives none, and the files are statted instead.
 */
export function withStamps(story: StoryView, store: Store): StoryView {
  let byPath: ((relPath: string) => FileStamp | undefined) | undefined;
  story.stamps = (relPath) => {
    if (byPath === undefined) {
      try {
        byPath = store.stampsOf();
      } catch {
        byPath = () => undefined;
      }
    }
    return byPath(relPath);
  };
  return story;
}
