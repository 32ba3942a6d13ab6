// The mouse: the wheel scrolls what is under it, a click moves the cursor to a row (and opens it when
// it is already there), a click on a tab switches to that view.
import type { Dispatch } from "react";
import { sanitizeLine } from "../../text/sanitize.js";
import type { Focus, Keymap } from "../keymap.js";
import { HEADER_HEIGHT } from "../layout.js";
import { tabAt } from "../lines/header.js";
import type { TimelineEntry } from "../model.js";
import type { MouseEvents } from "../mouse.js";
import type { ReaderLayout } from "../readerLayout.js";
import type { Action, State } from "../state.js";
import { termBriefings } from "../views/Glossary.js";
import { helpLines } from "../views/Help.js";
import { settle, visibleSlice } from "../windowing.js";
import { useMouse } from "./useMouse.js";
import type { ViewModel } from "./useViewModel.js";

const WHEEL_STEP = 3;

export interface AppMouseOptions {
  mouse: MouseEvents | undefined;
  state: State;
  focus: Focus;
  model: ViewModel;
  layout: ReaderLayout | null;
  columns: number;
  body: number;
  textRows: number;
  keymap: Keymap;
  open: (index: number, event?: TimelineEntry) => void;
  dispatch: Dispatch<Action>;
}

export function useAppMouse(o: AppMouseOptions): void {
  const { state, focus, model, layout, body, dispatch } = o;
  useMouse(o.mouse, (e) => {
    if (e.y === 0 && !state.help && state.prompt.kind === "none") {
      const view = tabAt(e.x, o.columns, state.view, o.keymap);
      if (view) dispatch({ type: "view", view });
      return;
    }
    const row = e.y - HEADER_HEIGHT;
    if (row < 0 || row >= body) return;
    const wheel = e.kind === "wheelUp" ? "up" : e.kind === "wheelDown" ? "down" : null;
    if (state.help) {
      if (wheel)
        for (let i = 0; i < WHEEL_STEP; i++)
          dispatch({ type: "helpScroll", motion: wheel, total: helpLines(o.keymap).length, page: body });
      return;
    }
    if (focus === "reader" && layout) {
      if (wheel)
        for (let i = 0; i < WHEEL_STEP; i++)
          dispatch({ type: "readerScroll", motion: wheel, total: layout.lines.length, page: o.textRows });
      return;
    }
    const list = model.list;
    if (focus !== "list" || list.total === 0) return;
    const page = model.page;
    const selectable = state.view === "timeline" ? model.narrowed.timeline.selectable : undefined;
    if (wheel) {
      for (let i = 0; i < WHEEL_STEP; i++) {
        const move: Action = { type: "move", motion: wheel, total: list.total, page };
        if (selectable) move.selectable = selectable;
        dispatch(move);
      }
      return;
    }
    if (row >= page) return;
    const pos = state.lists[state.view];
    const cursor = settle(pos.cursor, list.total, selectable);
    const target = visibleSlice(list.total, cursor, page, pos.scrollTop).start + row;
    if (target >= list.total || (selectable && !selectable(target))) return;
    if (target !== cursor) {
      dispatch({ type: "jump", row: target, total: list.total, page });
      return;
    }
    if (state.view === "timeline") {
      const entry = model.narrowed.timeline.entryAt(target);
      if (entry) o.open(entry.briefing, entry);
    } else if (state.view === "briefings") {
      const i = model.narrowed.briefings[target];
      if (i !== undefined) o.open(i);
    } else {
      const g = model.narrowed.glossary[target];
      if (g) dispatch({ type: "openTerm", term: sanitizeLine(g.term), briefings: termBriefings(g) });
    }
  });
}
