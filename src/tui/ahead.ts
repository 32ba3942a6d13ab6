// Work the reader does ahead, while it rests (hooks/usePrepare.ts runs the steps), so that no key pays
// for a first visit: the glossary's first build (key 3), then what the first Enter paid for at 10,000
// briefings (the bench's Enter, 58-77 ms against 16 for the next ones): the story's index of ids
// (10,000 summaries decoded), the lists of each briefing's glossary terms (every term's uses walked),
// and the first measure of text beyond ASCII by Ink's width code (its regular expressions compiled:
// lists and the timeline are drawn in ASCII, the open briefing is the first text that is not).
import type { StoryView } from "../story/view.js";
import { indexOfId } from "./model.js";

/**
 * The steps, each about a millisecond (the glossary's are its own: story/view.ts) but the first: Ink's
 * first measure beyond ASCII (10-40 ms, one piece) runs in the first rest, before the keys come.
 */
export function* aheadSteps(story: StoryView, measure: (text: string) => number): Generator<void> {
  const glossary = story.prepareGlossary?.();
  if (glossary === undefined) return;
  measure(BEYOND_ASCII);
  yield;
  indexOfId(story, "");
  yield;
  while (glossary.next().done !== true) yield;
  // The glossary is built by now, so this walks its terms and builds nothing else.
  story.termsOf(0);
}

/** Text of the kinds a briefing holds that a list row does not: dashes, quotes, accents, CJK. */
export const BEYOND_ASCII = "“Le café” — l’été, naïve 1½ ±2 °C · 東京 …";
