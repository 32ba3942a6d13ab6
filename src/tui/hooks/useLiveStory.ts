// The App's side of live updates (run.ts watches the folder and checks it): a story replaced under
// the App is taken in the same render, before anything is drawn, with the state moved onto it
// (swap.ts), so no frame shows a cursor on the wrong row; an open briefing that left the folder closes
// with a word why; a message from outside (live updates off) is shown once in the footer.
import { format } from "date-fns";
import { type Dispatch, useEffect, useState } from "react";
import type { StoryView } from "../../story/view.js";
import type { Action, State } from "../state.js";
import { storySwap } from "../swap.js";

export const BRIEFING_REMOVED = "The open briefing was removed from the folder";
/** Said when the open briefing's file changed and its new text is shown (useBriefingBody). */
export const BODY_CHANGED = "This briefing changed on disk: showing the new text";

export interface LiveOptions {
  story: StoryView;
  state: State;
  dispatch: Dispatch<Action>;
  today: Date;
  /** A notice from outside the App; a new object is shown again, even with the same text. */
  message: { text: string; seq: number } | undefined;
}

export function useLiveStory({ story, state, dispatch, today, message }: LiveOptions): void {
  const [seen, setSeen] = useState(story);
  if (seen !== story) {
    // Updates of this component's own state while it renders: React renders again at once with
    // them, and only that render is committed.
    setSeen(story);
    const swap = storySwap(seen, story, state, state.upcoming ? format(today, "yyyy-MM-dd") : null);
    dispatch(swap);
    if (swap.readerGone) dispatch({ type: "notice", text: BRIEFING_REMOVED });
  }
  useEffect(() => {
    if (message !== undefined) dispatch({ type: "notice", text: message.text });
  }, [message, dispatch]);
}
