// The settings and their defaults, without the checking (no zod or yaml: read by every start).
import type { Keymap } from "../tui/keymap.js";

export const COLOR_MODES = ["auto", "always", "never"] as const;
export type ColorMode = (typeof COLOR_MODES)[number];

export interface Config {
  /** The briefings folder, `~` expanded; undefined: $SIGNALDESK_DIR or the bundled folder. */
  dir?: string;
  /** The reading measure: text is wrapped to at most this many columns. */
  width?: number;
  color: ColorMode;
  mouse: boolean;
  /** Live updates: the reader watches the briefings folder while it runs. */
  watch: boolean;
  /** The pager command for `print` on a terminal; undefined: $SIGNALDESK_PAGER, $PAGER, less -FRX. */
  pager?: string | false;
  /** What the config rebinds, as written (command name -> key names). */
  keys: Record<string, string[]>;
  /**
   * The keymap the keys make; absent: the default one (tui/keymap.ts), which only what answers keys
   * builds (the reader, `keys`, `config`): not every start.
   */
  keymap?: Keymap;
}

export const DEFAULT_CONFIG: Config = {
  color: "auto",
  mouse: true,
  watch: true,
  keys: {},
};
