// Key handling for one focused part of the screen. Every key goes through the keymap; a handler hears
// only the scopes the focus table (FOCUS_SCOPES, through focus.ts) makes live for the App's focus, and
// only while its part says it is active, so a key is handled once.
import { type Key, useInput } from "ink";
import { useCallback, useRef } from "react";
import { liveScopes, useFocus } from "../focus.js";
import { type CommandId, matchCommand, type Scope } from "../keymap.js";
import { useKeymap } from "./useKeymap.js";

export interface CommandHandlers {
  onCommand: (id: CommandId) => void;
  /** Printable text that matched no command (typing into a prompt, pasted text). */
  onText?: (text: string) => void;
}

/** Typed text, or "" for anything that is a control key or an escape sequence. */
export function typedText(input: string, key: Key): string {
  if (key.ctrl || key.meta || key.escape || key.return || key.tab || key.backspace || key.delete) return "";
  if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow) return "";
  if (key.pageUp || key.pageDown || key.home || key.end) return "";
  // Pasted text may carry newlines and controls: keep only what a one-line entry can hold.
  return input.replace(/[\x00-\x1f\x7f-\x9f]/g, "");
}

export function useCommands(scopes: readonly Scope[], handlers: CommandHandlers, isActive: boolean): void {
  // The latest handlers are read through a ref so Ink's listener is not re-attached on every render.
  const ref = useRef(handlers);
  ref.current = handlers;
  const live = liveScopes(useFocus(), scopes);
  const scopesRef = useRef(live);
  scopesRef.current = live;
  const keymap = useKeymap();
  const keymapRef = useRef(keymap);
  keymapRef.current = keymap;
  const listener = useCallback((input: string, key: Key) => {
    const id = matchCommand(input, key, scopesRef.current, keymapRef.current);
    if (id) {
      ref.current.onCommand(id);
      return;
    }
    const onText = ref.current.onText;
    if (!onText) return;
    const text = typedText(input, key);
    if (text !== "") onText(text);
  }, []);
  useInput(listener, { isActive: isActive && live.length > 0 });
}
