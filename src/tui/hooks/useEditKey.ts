// `e`: the briefing under the cursor (or the open one) in the user's editor; in the problems view, the
// problem's file. The terminal handover and
// the editor itself are run.ts's (`edit`); here the file is chosen, and after the editor exits the
// open briefing is read again so the edit shows at once (the story is loaded again by run.ts).
import path from "node:path";
import type { Dispatch } from "react";
import type { Problem } from "../../briefing/schema.js";
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
  /** The problems view's rows, as shown. */
  problems: readonly Problem[];
  /** Runs the editor on a file; resolves with why it failed, or null. Absent: no terminal to hand over. */
  edit: ((file: string) => Promise<string | null>) | undefined;
  refresh: () => void;
  dispatch: Dispatch<Action>;
}

export function useEditKey(o: EditKeyOptions): void {
  const { story, state, dispatch } = o;
  const editFile = (relPath: string) => {
    if (!o.edit) {
      dispatch({ type: "notice", text: "No terminal to hand to an editor" });
      return;
    }
    void o.edit(path.resolve(story.dir, relPath)).then((error) => {
      if (error !== null) {
        dispatch({ type: "notice", text: sanitizeLine(error) });
        return;
      }
      o.refresh();
      dispatch({ type: "notice", text: `Edited ${sanitizeLine(relPath)}` });
    });
  };
  useCommands(
    ["global", "problems"],
    {
      onCommand(id) {
        if (id === "problems.edit") {
          const view = state.problems;
          const at = Math.min(view?.pos.cursor ?? 0, o.problems.length - 1);
          const p = view?.context?.problem ?? o.problems[at];
          if (p) editFile(p.path);
          return;
        }
        if (id !== "edit") return;
        const index = state.reader ? o.openIndex : o.underCursor;
        const s = index === undefined || index < 0 ? undefined : story.briefings.get(index);
        if (s) editFile(s.relPath);
        else dispatch({ type: "notice", text: "No briefing here to edit" });
      },
    },
    true,
  );
}
