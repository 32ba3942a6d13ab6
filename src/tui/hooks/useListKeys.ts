// The keys of a list view: moving, n/N through the kept search, `/` to start one, Enter to open.
import type { Dispatch } from "react";
import type { CommandId } from "../keymap.js";
import { type Searchable, searchRows, stepNotice } from "../listSearch.js";
import type { Action } from "../state.js";
import type { Motion } from "../windowing.js";
import { useCommands } from "./useCommands.js";

export const MOTIONS: Partial<Record<CommandId, Motion>> = {
  "move.down": "down",
  "move.up": "up",
  "move.top": "top",
  "move.bottom": "bottom",
  "move.pageDown": "pageDown",
  "move.pageUp": "pageUp",
  "move.halfDown": "halfDown",
  "move.halfUp": "halfUp",
};

export interface ListKeysOptions {
  active: boolean;
  list: Searchable & { selectable?: (row: number) => boolean };
  page: number;
  cursor: number;
  query: string;
  dispatch: Dispatch<Action>;
  onOpen: (row: number) => void;
}

export function useListKeys({ active, list, page, cursor, query, dispatch, onOpen }: ListKeysOptions): void {
  useCommands(
    ["move", "browse", "list"],
    {
      onCommand(id) {
        const motion = MOTIONS[id];
        if (motion) {
          const move: Action = { type: "move", motion, total: list.total, page };
          if (list.selectable) move.selectable = list.selectable;
          dispatch(move);
          return;
        }
        switch (id) {
          case "search.start":
            dispatch({ type: "promptOpen", kind: "search" });
            break;
          case "search.next":
          case "search.prev": {
            const dir = id === "search.next" ? 1 : -1;
            const row = searchRows(list, query, cursor, dir);
            if (row >= 0) dispatch({ type: "jump", row, total: list.total, page });
            const notice = stepNotice(query, cursor, row, dir);
            if (notice) dispatch({ type: "notice", text: notice });
            break;
          }
          case "open":
            if (list.total > 0) onOpen(cursor);
            break;
          default:
            break;
        }
      },
    },
    active,
  );
}
