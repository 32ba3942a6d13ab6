// The App's own commands: quitting, views, filters and help (global), the timeline's, an actor's page's
// and the open briefing's links. The views handle their lists' keys; which of these handlers hears a
// key is the focus table's decision (useCommands), plus the view each belongs to.
import { useApp } from "ink";
import type { Dispatch } from "react";
import type { StoryView } from "../../story/view.js";
import { sanitizeLine } from "../../text/sanitize.js";
import type { CommandId } from "../keymap.js";
import { indexOfId } from "../model.js";
import type { Action, State } from "../state.js";
import { settle } from "../windowing.js";
import { useCommands } from "./useCommands.js";
import type { Links } from "./useLinks.js";
import type { ViewModel } from "./useViewModel.js";

const GLOBAL: Partial<Record<CommandId, Action>> = {
  "view.timeline": { type: "view", view: "timeline" },
  "view.briefings": { type: "view", view: "briefings" },
  "view.glossary": { type: "view", view: "glossary" },
  "view.agenda": { type: "view", view: "agenda" },
  "view.actors": { type: "view", view: "actors" },
  "story.pick": { type: "promptOpen", kind: "story" },
  "view.next": { type: "cycleView", dir: 1 },
  "view.prev": { type: "cycleView", dir: -1 },
  back: { type: "back" },
  "filter.actor": { type: "promptOpen", kind: "actor" },
  "filter.date": { type: "promptOpen", kind: "date" },
  "filter.tag": { type: "promptOpen", kind: "tag" },
  "filter.text": { type: "promptOpen", kind: "text" },
  "filter.clear": { type: "clearFilters" },
  "help.open": { type: "helpToggle" },
  "problems.open": { type: "problemsOpen" },
};

/** Ctrl-C, whatever has focus (prompts included); q too where the table lets it (a too small screen). */
export function useQuitKeys(): void {
  const { exit } = useApp();
  useCommands(["always", "exit"], { onCommand: () => exit() }, true);
}

export interface AppKeysOptions {
  story: StoryView;
  state: State;
  model: ViewModel;
  links: Links;
  /** Rows of the timeline on screen (for a jump to the other report). */
  timelinePage: number;
  dispatch: Dispatch<Action>;
  /** `r`: check the folder for changes now. */
  onRefresh?: () => void;
}

export function useAppKeys({
  story,
  state,
  model,
  links,
  timelinePage,
  dispatch,
  onRefresh,
}: AppKeysOptions): void {
  // q and the view/filter keys only where a letter is not text being typed (Ctrl-C is useQuitKeys').
  useCommands(
    ["global"],
    {
      onCommand(id) {
        if (id === "refresh") {
          dispatch({ type: "notice", text: "Checking the folder for changes…" });
          onRefresh?.();
          return;
        }
        const action = GLOBAL[id];
        if (action) dispatch(action);
      },
    },
    true,
  );

  // Keys of the timeline: the other side of a conflict, and what is still ahead.
  useCommands(
    ["timeline"],
    {
      onCommand(id) {
        if (id === "timeline.upcoming") {
          dispatch({ type: "toggleUpcoming" });
          return;
        }
        if (id !== "timeline.conflict") return;
        const t = model.narrowed.timeline;
        const e = t.entryAt(settle(state.lists.timeline.cursor, t.total, t.selectable));
        if (!e?.conflict) {
          dispatch({ type: "notice", text: "No conflicting report here" });
          return;
        }
        for (const c of e.conflictWith) {
          const row = t.rowOf(indexOfId(story, c.briefingId), c.date);
          if (row >= 0) {
            dispatch({ type: "jump", row, total: t.total, page: timelinePage });
            return;
          }
        }
        dispatch({ type: "notice", text: "The other report is hidden by the filters" });
      },
    },
    state.view === "timeline",
  );

  // An actor's page: `+` puts the actor in the filter, or takes it out.
  const pageActor = model.pageActor;
  useCommands(
    ["actor"],
    {
      onCommand(id) {
        if (id !== "actor.filter" || pageActor === null) return;
        const had = state.filter.actors.includes(pageActor);
        dispatch({ type: "toggleActor", name: pageActor });
        dispatch({
          type: "notice",
          text: had
            ? `${sanitizeLine(pageActor)} taken out of the filter`
            : `Filtering by ${sanitizeLine(pageActor)}`,
        });
      },
    },
    pageActor !== null,
  );

  useCommands(
    ["reader"],
    {
      onCommand(id) {
        if (id !== "link.open") return;
        const { links: all, openLink } = links;
        if (all.length === 0) dispatch({ type: "notice", text: "No links in this briefing" });
        else if (all.length === 1) openLink(all[0]!.url);
        else dispatch({ type: "promptOpen", kind: "links" });
      },
    },
    true,
  );
}
