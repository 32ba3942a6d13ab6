// Work a view would do on its first visit, done ahead while the reader rests (ahead.ts names it): the
// glossary's first build reads every glossary line and use in the folder and merges them (120-200 ms
// of CPU at 10,000 briefings on a busy machine), which the key `3` paid for, and the first Enter paid
// 40-60 ms for the rest. Its steps (each about a millisecond) run once nothing has happened for
// PREPARE_AFTER_MS (no key, no new state), a few in each turn of the event loop (TURN_MS); a key
// between two turns puts the rest off until the next rest, and a key read but not yet drawn
// (keys.ts `keyWaiting`) goes first.

import { useEffect, useRef } from "react";
import widestLine from "widest-line";
import type { StoryView } from "../../story/view.js";
import { aheadSteps } from "../ahead.js";
import { keyWaiting } from "../keys.js";

/**
 * How long the reader must rest (its story checked, its state unchanged) before a step runs: shorter
 * than the gap between keys typed in a row (the bench presses one 40 ms after the last frame), so the
 * glossary is ready at its first visit however quickly the keys before it came. Short is safe only
 * because no turn is long (TURN_MS): when the two reads were one step each (70-80 and 40 ms), a rest
 * of 20 ms put them between the first timeline keys and doubled those keys' time. Not zero: the
 * frames of a burst of keys (a paste, a mouse wheel) follow one another with no turn between them.
 */
export const PREPARE_AFTER_MS = 10;

/**
 * How long the steps run in one turn of the event loop before a key may be read: the steps are small
 * (about a millisecond of CPU on a quiet machine) so that on a busy one, where each takes longer,
 * a key still waits for little more than this.
 */
const TURN_MS = 3;

interface Steps {
  story: StoryView;
  next: Iterator<void>;
  done: boolean;
}

/**
 * Runs the steps ahead for `story` while it is `settled` (its check of the files done) and `activity`
 * (the reader's state) stays the same for PREPARE_AFTER_MS.
 */
export function usePrepare(story: StoryView, settled: boolean, activity: unknown): void {
  const steps = useRef<Steps | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new `activity` (a key) puts the next step off
  useEffect(() => {
    if (!settled || story.prepareGlossary === undefined) return;
    if (steps.current?.story !== story)
      steps.current = { story, next: aheadSteps(story, widestLine), done: false };
    const own = steps.current;
    if (own.done) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      // A timer runs before the poll phase reads input and React draws a key a turn after it is read:
      // a key read during the last turn would otherwise wait for this one too.
      if (keyWaiting()) {
        timer = setTimeout(step, PREPARE_AFTER_MS);
        return;
      }
      const until = performance.now() + TURN_MS;
      // A failure here (a store closed under it) is left for the view's own build to meet and show.
      try {
        do own.done = own.next.next().done === true;
        while (!own.done && performance.now() < until);
      } catch {
        own.done = true;
      }
      if (!own.done) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, PREPARE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [story, settled, activity]);
}
