// The App's side of a story replaced under it (a live update, `r`): in the same render as the new
// story, before anything is drawn, the state is moved onto it (swap.ts), so no frame shows a cursor on
// the wrong row; an open briefing that left the folder closes with a word why.
import { format } from "date-fns";
import { type Dispatch, useState } from "react";
import type { StoryView } from "../../story/view.js";
import type { Action, State } from "../state.js";
import { storySwap } from "../swap.js";

export const BRIEFING_REMOVED = "The open briefing was removed from the folder";
/** Said when the open briefing's file changed and its new text is shown. */
export const BODY_CHANGED = "This briefing changed on disk: showing the new text";

export function useStorySwap(story: StoryView, state: State, dispatch: Dispatch<Action>, today: Date): void {
  const [seen, setSeen] = useState(story);
  if (seen === story) return;
  // Updates of this component's own state while it renders: React renders again at once with them,
  // and only that render is committed.
  setSeen(story);
  const swap = storySwap(seen, story, state, state.upcoming ? format(today, "yyyy-MM-dd") : null);
  dispatch(swap);
  if (swap.readerGone) dispatch({ type: "notice", text: BRIEFING_REMOVED });
}
