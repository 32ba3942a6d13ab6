// The theme the App picked, for any component that draws with tokens.
import { createContext, useContext } from "react";
import { plainTheme, type Theme } from "../theme.js";

export const ThemeContext = createContext<Theme>(plainTheme);

export function useTheme(): Theme {
  return useContext(ThemeContext);
}

/**
 * Whether link text may also be an OSC 8 hyperlink: decided once at start-up by the rule `print` uses
 * (cli/style.ts `hyperlinksWanted`) and handed down; false unless told.
 */
export const HyperlinksContext = createContext(false);

export function useHyperlinks(): boolean {
  return useContext(HyperlinksContext);
}
