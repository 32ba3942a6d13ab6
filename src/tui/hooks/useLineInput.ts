// A one-line entry: typed text goes to it and nowhere else while it has focus.
import { useRef } from "react";
import type { CommandId, Scope } from "../keymap.js";
import { useCommands } from "./useCommands.js";

export interface LineInputHandlers {
  text: string;
  onChange: (text: string) => void;
  onSubmit: () => void;
  onCancel: () => void;
  /** Commands of extra scopes (the actor picker's ↑/↓). */
  onOther?: (id: CommandId) => void;
}

/** Drops the last character the user sees (a whole emoji or accented letter, not half of one). */
export function eraseLast(text: string): string {
  const parts = [...new Intl.Segmenter().segment(text)];
  const last = parts[parts.length - 1];
  return last ? text.slice(0, last.index) : text;
}

export function useLineInput(
  active: boolean,
  h: LineInputHandlers,
  extraScopes: readonly Scope[] = [],
): void {
  // Two keys can arrive before the next render; each must build on the text the one before produced,
  // not on the text of the last frame.
  const latest = useRef(h.text);
  latest.current = h.text;
  const change = (text: string) => {
    latest.current = text;
    h.onChange(text);
  };
  useCommands(
    ["prompt", ...extraScopes],
    {
      onCommand(id) {
        if (id === "prompt.submit") h.onSubmit();
        else if (id === "prompt.cancel") h.onCancel();
        else if (id === "prompt.erase") change(eraseLast(latest.current));
        else h.onOther?.(id);
      },
      onText(t) {
        change(latest.current + t);
      },
    },
    active,
  );
}
