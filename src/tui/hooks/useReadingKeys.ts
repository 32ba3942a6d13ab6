// The read-state keys: next / previous unread (in the timeline or the briefings list, and from an open
// briefing to the next one), toggling read on the cursor's briefing, marking everything the filters
// show read (after a yes), and showing only unread or only new briefings.
import type { Dispatch } from "react";
import type { StoryView } from "../../story/view.js";
import type { CommandId } from "../keymap.js";
import { indexOfId, type TimelineEntry } from "../model.js";
import { briefingsWith, isUnread, nextUnreadRow, rowMark } from "../reading.js";
import type { Action, State } from "../state.js";
import { settle } from "../windowing.js";
import { useCommands } from "./useCommands.js";
import type { Reading } from "./useReading.js";
import type { ViewModel } from "./useViewModel.js";

export interface ReadingKeysOptions {
  story: StoryView;
  state: State;
  model: ViewModel;
  reading: Reading;
  open: (index: number, event?: TimelineEntry) => void;
  /** Rows of the timeline's and the briefings' lists on screen (for a jump). */
  timelinePage: number;
  listPage: number;
  dispatch: Dispatch<Action>;
}

const plural = (n: number) => `${n} briefing${n === 1 ? "" : "s"}`;

export function useReadingKeys(o: ReadingKeysOptions): void {
  const { story, state, model, reading, dispatch } = o;
  const { flags } = reading;
  const openIndex = state.reader ? indexOfId(story, state.reader.briefingId) : -1;

  /** Moves to (and in a briefing, opens) the next unread briefing of the list the cursor is in. */
  function nextUnread(dir: 1 | -1) {
    if (flags === null) {
      dispatch({ type: "notice", text: "Read state not known yet" });
      return;
    }
    const inTimeline = state.view === "timeline";
    // From another view's list, the briefings list is where the next unread is shown; from a
    // briefing opened there, the next is opened without moving that view's cursor.
    const switchView = !inTimeline && state.view !== "briefings" && state.reader === null;
    const moveCursor = inTimeline || state.view === "briefings" || switchView;
    if (switchView) dispatch({ type: "view", view: "briefings" });
    const t = model.narrowed.timeline;
    const order = model.narrowed.briefings;
    const total = inTimeline ? t.total : order.length;
    const from = inTimeline
      ? settle(state.lists.timeline.cursor, t.total, t.selectable)
      : state.view === "briefings"
        ? state.lists.briefings.cursor
        : dir === 1
          ? -1
          : total;
    const briefingAt = (row: number) => {
      const b = inTimeline ? t.entryAt(row)?.briefing : order[row];
      return b === openIndex ? undefined : b;
    };
    const row = nextUnreadRow(total, from, dir, briefingAt, flags);
    if (row < 0) {
      dispatch({
        type: "notice",
        text: openIndex >= 0 ? "No other unread briefing here" : "Nothing unread here",
      });
      return;
    }
    if (moveCursor) dispatch({ type: "jump", row, total, page: inTimeline ? o.timelinePage : o.listPage });
    if (state.reader) {
      const entry = inTimeline ? t.entryAt(row) : undefined;
      const index = briefingAt(row)!;
      o.open(index, entry?.kind === "event" ? entry : undefined);
    }
  }

  function onCommand(id: CommandId) {
    switch (id) {
      case "unread.next":
        nextUnread(1);
        return;
      case "unread.prev":
        nextUnread(-1);
        return;
      case "read.toggle": {
        const index = openIndex >= 0 ? openIndex : model.resting;
        if (index === undefined || index < 0) {
          dispatch({ type: "notice", text: "No briefing under the cursor" });
          return;
        }
        const read = rowMark(flags, index) !== "read";
        reading.mark([index], read);
        dispatch({ type: "notice", text: read ? "Marked read" : "Marked unread" });
        return;
      }
      case "read.all": {
        const unread = Array.from(model.narrowed.briefings).filter(
          (i) => flags === null || isUnread(flags, i),
        );
        if (unread.length === 0) {
          dispatch({ type: "notice", text: "Nothing unread here" });
          return;
        }
        const where = model.filtered ? " the filters show" : "";
        dispatch({
          type: "confirm",
          question: `Mark the ${plural(unread.length)} unread${where} read? (y/n)`,
          briefings: unread,
        });
        return;
      }
      case "filter.unread":
      case "filter.new": {
        const kind = id === "filter.new" ? "new" : "unread";
        if (flags === null) {
          dispatch({ type: "notice", text: "Read state not known yet" });
          return;
        }
        if (kind === "new" && reading.lastVisit === null && state.only?.kind !== "new") {
          dispatch({ type: "notice", text: "First visit to this folder: nothing to call new yet" });
          return;
        }
        dispatch({ type: "toggleOnly", only: { kind, briefings: briefingsWith(flags, kind) } });
        return;
      }
      default:
        return;
    }
  }

  useCommands(["global"], { onCommand }, true);

  const prompt = state.prompt;
  useCommands(
    ["confirm"],
    {
      onCommand(id) {
        if (prompt.kind !== "confirm") return;
        dispatch({ type: "promptCancel" });
        if (id !== "confirm.yes") return;
        reading.mark(prompt.briefings, true);
        dispatch({ type: "notice", text: `${plural(prompt.briefings.length)} marked read` });
      },
    },
    prompt.kind === "confirm",
  );
}
