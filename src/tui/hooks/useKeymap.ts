// The keymap in effect (the defaults with the config's rebinding), given once at the App's root.
import { createContext, useContext } from "react";
import { DEFAULT_KEYMAP, type Keymap } from "../keymap.js";

export const KeymapContext = createContext<Keymap>(DEFAULT_KEYMAP);

export function useKeymap(): Keymap {
  return useContext(KeymapContext);
}
