// Work a view would do on its first visit, done ahead while the reader rests: the glossary's first
// build reads every glossary line and use in the folder (tens of milliseconds at 10,000 briefings, more
// on a busy machine), which the key `3` paid for. Its steps run only once nothing has happened for a
// while (no key, no new state), each in its own turn of the event loop, so keys typed in a row never
// wait for it; a key between two steps puts the rest off until the next rest.
import { useEffect, useRef } from "react";
import type { StoryView } from "../../story/view.js";

/** How long the reader must rest (its story checked, its state unchanged) before a step runs. */
export const PREPARE_AFTER_MS = 250;

interface Steps {
  story: StoryView;
  next: Iterator<void>;
  done: boolean;
}

/**
 * Runs `story.prepareGlossary`'s steps while the story is `settled` (its check of the files done) and
 * `activity` (the reader's state) stays the same for PREPARE_AFTER_MS.
 */
export function usePrepare(story: StoryView, settled: boolean, activity: unknown): void {
  const steps = useRef<Steps | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `activity` (a key) puts the next step off
  useEffect(() => {
    if (!settled || story.prepareGlossary === undefined) return;
    if (steps.current?.story !== story) steps.current = { story, next: story.prepareGlossary(), done: false };
    const own = steps.current;
    if (own.done) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      // A failure here (a store closed under it) is left for the view's own build to meet and show.
      try {
        own.done = own.next.next().done === true;
      } catch {
        own.done = true;
      }
      if (!own.done) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, PREPARE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [story, settled, activity]);
}
