// Work the reader does ahead, while it rests (hooks/usePrepare.ts runs the steps), so that no key pays
// for a first visit: the glossary's first build (key 3), then what the first Enter paid for at 10,000
// briefings (the bench's Enter, 58-77 ms against 16 for the next ones): the story's index of ids
// (10,000 summaries decoded), the lists of each briefing's glossary terms (every term's uses walked),
// and the first measure of text beyond ASCII by Ink's width code (its regular expressions compiled
// and its tables' code loaded: lists and the timeline are drawn in ASCII, the open briefing is the
// first text that is not; 20-60 ms on a loaded machine).
import type { StoryView } from "../story/view.js";
import { indexOfId } from "./model.js";

/**
 * The steps, in the order their first visits come: the glossary's (each about a millisecond: see
 * story/view.ts), the id index and the terms' lists (a few ms each), then Ink's width code in pieces
 * (BEYOND_ASCII), each a few ms quiet and up to 30 on a loaded machine, too big to run before the
 * glossary's steps, where they held the first keys on the timeline.
 */
export function* aheadSteps(story: StoryView, measure: (text: string) => number): Generator<void> {
  const glossary = story.prepareGlossary?.();
  if (glossary === undefined) return;
  while (glossary.next().done !== true) yield;
  indexOfId(story, "");
  yield;
  // The glossary is built by now, so this walks its terms and builds nothing else.
  story.termsOf(0);
  for (const text of BEYOND_ASCII) {
    yield;
    measure(text);
  }
}

/**
 * Text of the kinds a briefing holds that a list row does not, one piece a step: a zero-width space
 * (the grapheme segmenter and the regular expression of visible characters), an accent (that of
 * emoji), a quotation mark (the table of ambiguous widths: the longest), then the rest.
 */
export const BEYOND_ASCII = ["\u200b", "é", "“", "½ — l’été, ±2 °C · 東京 …"];
