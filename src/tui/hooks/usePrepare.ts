// Work a view would do on its first visit, done ahead while the reader rests: the glossary's first
// build read every glossary line and use in the folder (tens of milliseconds at 10,000 briefings, more
// on a busy machine), which the key `3` paid for. Run in steps, each its own turn of the event loop,
// so a key typed meanwhile waits for one step at most.
import { useEffect } from "react";
import type { StoryView } from "../../story/view.js";

/** How long a story must have been on screen, with its check done, before the work starts. */
export const PREPARE_AFTER_MS = 250;

/** Runs `story.prepareGlossary`'s steps once the story is `settled` (its check of the files done). */
export function usePrepare(story: StoryView, settled: boolean): void {
  useEffect(() => {
    if (!settled || story.prepareGlossary === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let steps: Iterator<void> | undefined;
    const step = () => {
      steps ??= story.prepareGlossary!();
      // A failure here (a store closed under it) is left for the view's own build to meet and show.
      let done = true;
      try {
        done = steps.next().done === true;
      } catch {}
      if (!done) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, PREPARE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [story, settled]);
}
