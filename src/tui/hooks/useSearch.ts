// Search, in the open briefing or in the view's list: what is searched for (the text being typed, else
// the kept query), the briefing's matches, typing's jump to the first match, and the prompt's count.
import { type Dispatch, useMemo } from "react";
import { countRows, type Searchable, searchRows } from "../listSearch.js";
import type { ReaderLayout } from "../readerLayout.js";
import { firstMatchFrom, type Match, readerMatches, scrollToLine } from "../readerSearch.js";
import type { Action, State } from "../state.js";

/** The search prompt's count: "3 matches", "no match", nothing before anything is typed. */
export function matchCount(n: number, text: string): string {
  if (text.trim() === "") return "";
  return n === 0 ? "no match" : `${n} match${n === 1 ? "" : "es"}`;
}

export interface Search {
  query: string;
  matches: Match[];
  /** Typing a search: jump to the first match at or after where the search started. */
  onChange: (text: string) => void;
  /** The count shown beside the prompt. */
  status: (text: string) => string;
}

export interface SearchOptions {
  state: State;
  /** The open briefing's layout; null: the search is in the list. */
  layout: ReaderLayout | null;
  list: Searchable;
  listPage: number;
  textRows: number;
  dispatch: Dispatch<Action>;
}

export function useSearch({ state, layout, list, listPage, textRows, dispatch }: SearchOptions): Search {
  const prompt = state.prompt;
  const query = prompt.kind === "search" ? prompt.text : state.query;
  const matches = useMemo(() => (layout ? readerMatches(layout, query) : []), [layout, query]);
  const onChange = (text: string) => {
    if (prompt.kind !== "search") return;
    dispatch({ type: "promptText", text });
    const origin = prompt.origin;
    if (layout) {
      const m = readerMatches(layout, text);
      const i = firstMatchFrom(m, origin.cursor);
      const hit = m[i];
      dispatch(
        hit
          ? {
              type: "readerMatch",
              match: i,
              scroll: scrollToLine(hit.line, origin.cursor, layout.lines.length, textRows),
            }
          : { type: "readerMatch", match: -1, scroll: origin.cursor },
      );
      return;
    }
    const row = searchRows(list, text, origin.cursor, 1, true);
    dispatch({ type: "jump", row: row >= 0 ? row : origin.cursor, total: list.total, page: listPage });
  };
  const status = (text: string) => matchCount(layout ? matches.length : countRows(list, text), text);
  return { query, matches, onChange, status };
}
