// The last place: restored once when the reader starts (place.ts says what a saved place restores),
// then saved as it changes (a moment after the last change, and when the reader closes).
import { type Dispatch, useEffect, useRef } from "react";
import type { ReadState } from "../../store/state.js";
import type { Filter } from "../../story/filter.js";
import type { StoryView } from "../../story/view.js";
import { parsePlace, placeOf, restoredPlace, type SavedPlace } from "../place.js";
import type { Action, State } from "../state.js";
import { settle } from "../windowing.js";
import type { ViewModel } from "./useViewModel.js";

/** A place is written this long after it last changed: a run of cursor moves is one write. */
const SAVE_AFTER_MS = 500;

export interface PlaceOptions {
  store: ReadState | null;
  story: StoryView;
  state: State;
  model: ViewModel;
  /** The filter from the command line: when not empty it wins over the saved one. */
  initialFilter: Filter;
  pages: { timeline: number; briefings: number };
  dispatch: Dispatch<Action>;
}

/** Stores whose place was restored: once a session, even if the screen is drawn anew (a resize). */
const restoredFrom = new WeakSet<ReadState>();

export function usePlace({ store, story, state, model, initialFilter, pages, dispatch }: PlaceOptions): void {
  useEffect(() => {
    if (store === null || restoredFrom.has(store)) return;
    restoredFrom.add(store);
    const saved = parsePlace(store.place());
    if (saved !== null)
      dispatch({
        type: "restore",
        place: restoredPlace(saved, story, initialFilter, pages, model.todayIso),
      });
  });

  const t = model.narrowed.timeline;
  const event = t.entryAt(settle(state.lists.timeline.cursor, t.total, t.selectable));
  const listed = story.briefings.get(model.narrowed.briefings[state.lists.briefings.cursor] ?? -1);
  const place = placeOf(state, {
    timeline: event ? { id: event.briefingId, date: event.date } : null,
    briefings: listed?.id ?? null,
  });
  const latest = useRef<SavedPlace>(place);
  latest.current = place;
  const text = JSON.stringify(place);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the place's text says when it changed; the value is read from the ref
  useEffect(() => {
    if (store === null || !restoredFrom.has(store)) return;
    const timer = setTimeout(() => store.savePlace(latest.current), SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [store, text]);
  useEffect(() => {
    if (store === null) return;
    return () => {
      if (restoredFrom.has(store)) store.savePlace(latest.current);
    };
  }, [store]);
}
