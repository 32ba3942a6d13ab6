// `e`: the briefing under the cursor (or the open one) in the user's editor. The terminal handover and
// the editor itself are run.ts's (`edit`); here the file is chosen, and after the editor exits the
// open briefing is read again so the edit shows at once (the story is loaded again by run.ts).
import path from "node:path";
import type { Dispatch } from "react";
import type { StoryView } from "../../story/view.js";
import { sanitizeLine } from "../../text/sanitize.js";
import type { Action, State } from "../state.js";
import { useCommands } from "./useCommands.js";

export interface EditKeyOptions {
  story: StoryView;
  state: State;
  /** The open briefing's index (-1: none), and the one under the list's cursor. */
  openIndex: number;
  underCursor: number | undefined;
  /** Runs the editor on a file; resolves with why it failed, or null. Absent: no terminal to hand over. */
  edit: ((file: string) => Promise<string | null>) | undefined;
  refresh: () => void;
  dispatch: Dispatch<Action>;
}

export function useEditKey({
  story,
  state,
  openIndex,
  underCursor,
  edit,
  refresh,
  dispatch,
}: EditKeyOptions): void {
  useCommands(
    ["global"],
    {
      onCommand(id) {
        if (id !== "edit") return;
        const index = state.reader ? openIndex : underCursor;
        const s = index === undefined || index < 0 ? undefined : story.briefings.get(index);
        if (!s) {
          dispatch({ type: "notice", text: "No briefing here to edit" });
          return;
        }
        if (!edit) {
          dispatch({ type: "notice", text: "No terminal to hand to an editor" });
          return;
        }
        void edit(path.resolve(story.dir, s.relPath)).then((error) => {
          if (error !== null) {
            dispatch({ type: "notice", text: sanitizeLine(error) });
            return;
          }
          refresh();
          dispatch({ type: "notice", text: `Edited ${sanitizeLine(s.relPath)}` });
        });
      },
    },
    true,
  );
}
