// The read state of the story on screen: each briefing's flags (reading.ts), worked out from the
// store's marks and the files once per story, then changed here as briefings are marked. Marks go to
// the store at once, one small transaction each (src/store/state.ts); another reader's marks are
// picked up when the store says its data changed.
import { useCallback, useEffect, useRef, useState } from "react";
import { fingerprint, readStatuses } from "../../load/read-status.js";
import type { ReadState, Seen } from "../../store/state.js";
import type { StoryView } from "../../story/view.js";
import { allSummaries } from "../model.js";
import { NEW, READ, type ReadingFlags, UPDATED } from "../reading.js";

/** How often another process's marks are looked for: a read of one number from the store's header. */
const REFRESH_MS = 3000;

export interface Reading extends ReadingFlags {
  /** Marks briefings (indexes) read or unread, on screen at once and in the store. */
  mark(indexes: readonly number[], read: boolean): void;
}

/**
 * A mark made here, kept over a check of the files that began before the store had it (a check reads
 * the store's marks when it starts; a read mark reaches the store once its file is hashed).
 */
interface Pending {
  read: boolean;
  /** The check that was current when the store got the mark; undefined until then. */
  storedDuring?: number;
}

export function useReading(story: StoryView, store: ReadState | null): Reading {
  const [flags, setFlags] = useState<Uint8Array | null>(null);
  const [generation, setGeneration] = useState(0);
  const storyRef = useRef(story);
  storyRef.current = story;
  const check = useRef(0);
  const pending = useRef(new Map<string, Pending>());
  const writes = useRef(Promise.resolve());

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new generation (another reader's marks) runs the check again
  useEffect(() => {
    let alive = true;
    const run = ++check.current;
    const files = allSummaries(story).map((s) => ({ relPath: s.relPath, path: s.path, id: s.id }));
    // A story read from the store right after a check comes with the stamps that check compared.
    readStatuses(files, store?.marks() ?? new Map(), store?.lastVisit ?? null, undefined, story.stamps).then(
      (got) => {
        if (!alive) return;
        if (got.remark.length > 0) store?.markRead(got.remark);
        if (got.dropped.length > 0) store?.markUnread(got.dropped);
        const next = new Uint8Array(files.length);
        const byPath = new Map(files.map((f, i) => [f.relPath, i]));
        got.statuses.forEach((s, i) => {
          next[i] = (s.read ? READ : 0) | (s.updated ? UPDATED : 0) | (s.isNew ? NEW : 0);
        });
        for (const [relPath, p] of pending.current) {
          // Stored before this check began: the check saw it, and it needs no help any more.
          if (p.storedDuring !== undefined && p.storedDuring < run) {
            pending.current.delete(relPath);
            continue;
          }
          const i = byPath.get(relPath);
          if (i !== undefined) next[i] = (next[i]! & NEW) | (p.read ? READ : 0);
        }
        setFlags(next);
      },
      () => {
        // Statuses are a stat and at most a hash per file, each failure already an unread briefing.
      },
    );
    return () => {
      alive = false;
    };
  }, [story, store, generation]);

  useEffect(() => {
    if (store === null) return;
    const timer = setInterval(() => {
      if (store.refresh()) setGeneration((g) => g + 1);
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [store]);

  const mark = useCallback(
    (indexes: readonly number[], read: boolean) => {
      setFlags((old) => {
        if (old === null) return old;
        const next = old.slice();
        for (const i of indexes) next[i] = ((next[i] ?? 0) & NEW) | (read ? READ : 0);
        return next;
      });
      const summaries = indexes.map((i) => storyRef.current.briefings.get(i)).filter((s) => s !== undefined);
      const marks = summaries.map((s): [string, Pending] => [s.relPath, { read }]);
      for (const [relPath, p] of marks) pending.current.set(relPath, p);
      const stored = () => {
        for (const [, p] of marks) p.storedDuring = check.current;
      };
      if (store === null) return;
      // One write after another, in the order the keys were pressed: a read mark waits for its
      // file's hash, and an unread mark pressed meanwhile must not be overtaken by it.
      writes.current = writes.current.then(async () => {
        if (read) {
          const prints = await Promise.all(summaries.map((s) => fingerprint(s)));
          const seen = prints.filter((p): p is Seen => p !== null);
          if (seen.length > 0) store.markRead(seen);
        } else store.markUnread(summaries.map((s) => s.relPath));
        stored();
      });
    },
    [store],
  );

  return { flags, lastVisit: store?.lastVisit ?? null, mark };
}
