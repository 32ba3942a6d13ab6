// Which part of the screen has the keyboard. The App decides it here, from its state alone, and every
// key handler reads it through FocusContext: a handler's scopes are live only where FOCUS_SCOPES (the
// one table, in keymap.ts) says so for this focus, so no handler decides routing on its own.
import { createContext, useContext } from "react";
import { FOCUS_SCOPES, type Focus, type Scope } from "./keymap.js";
import type { State } from "./state.js";

const PICKERS: ReadonlySet<State["prompt"]["kind"]> = new Set(["actor", "tag", "links", "story"]);

/** The focus for a state; "small" while the terminal is too small to show anything but a message. */
export function focusOf(state: Pick<State, "help" | "prompt" | "reader">, tooSmall = false): Focus {
  if (tooSmall) return "small";
  if (state.help) return "help";
  if (PICKERS.has(state.prompt.kind)) return "picker";
  if (state.prompt.kind !== "none") return "prompt";
  return state.reader ? "reader" : "list";
}

/** The scopes of `wanted` that the table makes live for `focus`. */
export function liveScopes(focus: Focus, wanted: readonly Scope[]): Scope[] {
  const live = FOCUS_SCOPES[focus];
  return wanted.filter((s) => live.includes(s));
}

export const FocusContext = createContext<Focus>("list");

export function useFocus(): Focus {
  return useContext(FocusContext);
}
