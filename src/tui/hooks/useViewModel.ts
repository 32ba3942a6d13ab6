// What the lists show for the state: the story narrowed to the filters, the agenda's rows, the list the
// cursor moves in, and the briefing under a resting cursor. Derived, never stored.
import { format } from "date-fns";
import { useMemo } from "react";
import type { StoryView } from "../../story/view.js";
import { detailHeight as timelineDetailHeight } from "../lines/timeline.js";
import type { Searchable } from "../listSearch.js";
import { indexOfId, type Narrowed, narrow } from "../model.js";
import { hasFilter, type State } from "../state.js";
import { actorsList } from "../views/Actors.js";
import { type AgendaRows, agendaRows } from "../views/Agenda.js";
import { glossaryDetailHeight } from "../views/Glossary.js";
import { settle } from "../windowing.js";

export interface ViewModel {
  filtered: boolean;
  todayIso: string;
  narrowed: Narrowed;
  agenda: AgendaRows;
  /** The actor whose page is shown; null on the list of actors and in the other views. */
  pageActor: string | null;
  /** The list the cursor moves in for the view (nothing to move in on an actor's page). */
  list: Searchable & { selectable?: (row: number) => boolean };
  /** Rows of the view's list on screen: the body less the detail pane under it. */
  page: number;
  /** The briefing under the list's cursor (timeline, briefings, agenda), by index. */
  underCursor: number | undefined;
  /** The briefing under the cursor of the timeline or briefings list while the list has focus. */
  resting: number | undefined;
}

export function useViewModel(
  story: StoryView,
  state: State,
  today: Date,
  body: number,
  listFocus: boolean,
): ViewModel {
  const filtered = hasFilter(state);
  // date-fns's format parses its pattern on every call: once a day is enough.
  const todayIso = useMemo(() => format(today, "yyyy-MM-dd"), [today]);
  const upcoming = state.upcoming ? todayIso : null;
  const narrowed = useMemo(
    () => narrow(story, state.filter, state.term, !filtered, upcoming, state.only),
    [story, state.filter, state.term, filtered, upcoming, state.only],
  );
  // The agenda's rows for the briefings the filter lets through (by their dates, as the list's).
  const agenda = useMemo(() => {
    if (!filtered) return agendaRows(story, () => true);
    const kept = new Set(narrowed.briefings);
    return agendaRows(story, (i) => kept.has(i));
  }, [story, narrowed, filtered]);
  const pageActor = state.view === "actors" && state.actorPage ? state.actorPage.name : null;
  const list =
    state.view === "timeline"
      ? narrowed.timeline
      : state.view === "briefings"
        ? narrowed.briefingList
        : state.view === "agenda"
          ? agenda
          : state.view === "actors"
            ? pageActor === null
              ? actorsList(story.actors)
              : { total: 0, text: () => "" }
            : narrowed.glossaryList;
  const page =
    state.view === "timeline"
      ? body - timelineDetailHeight(body)
      : state.view === "glossary"
        ? body - glossaryDetailHeight(body)
        : body;
  let underCursor: number | undefined;
  if (state.view === "timeline")
    underCursor = narrowed.timeline.entryAt(
      settle(state.lists.timeline.cursor, narrowed.timeline.total, narrowed.timeline.selectable),
    )?.briefing;
  else if (state.view === "briefings") underCursor = narrowed.briefings[state.lists.briefings.cursor];
  else if (state.view === "agenda") {
    const row = agenda.rows[settle(state.lists.agenda.cursor, agenda.total, agenda.selectable)];
    const id = row ? (row.follow ?? row.item.briefingId) : undefined;
    const i = id === undefined ? -1 : indexOfId(story, id);
    underCursor = i >= 0 ? i : undefined;
  }
  const resting =
    listFocus && !state.reader && (state.view === "timeline" || state.view === "briefings")
      ? underCursor
      : undefined;
  return { filtered, todayIso, narrowed, agenda, pageActor, list, page, underCursor, resting };
}
