// Semantic colour tokens. Views ask for "date" or "match", never for a colour, so the no-colour theme
// is a swap of this table rather than a branch in every component.

/** The subset of Ink's <Text> props a token may set. */
export interface Style {
  color?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
  underline?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
}

export type Token =
  | "plain"
  | "accent"
  | "muted"
  | "heading"
  | "subheading"
  | "title"
  | "date"
  | "warning"
  | "error"
  | "match"
  | "currentMatch"
  | "term"
  | "selection"
  | "tab"
  | "activeTab"
  | "strong"
  | "emphasis"
  | "code"
  | "link"
  | "strike"
  | "unread"
  | "updated"
  | "readTitle";

export type Theme = Record<Token, Style>;

export const colorTheme: Theme = {
  plain: {},
  accent: { color: "cyan" },
  muted: { color: "gray" },
  heading: { color: "yellow", bold: true },
  subheading: { color: "yellow" },
  title: { bold: true },
  date: { color: "green" },
  warning: { color: "yellow" },
  error: { color: "red", bold: true },
  match: { color: "black", inverse: true },
  currentMatch: { color: "magenta", inverse: true, bold: true },
  term: { color: "cyan", underline: true },
  selection: { inverse: true },
  tab: { color: "gray" },
  activeTab: { color: "cyan", bold: true, inverse: true },
  strong: { bold: true },
  emphasis: { italic: true },
  code: { color: "yellow" },
  link: { color: "blue", underline: true },
  strike: { strikethrough: true },
  unread: { color: "cyan", bold: true },
  updated: { color: "yellow", bold: true },
  readTitle: {},
};

// Without colour, emphasis still has to carry meaning: bold, underline and inverse are attributes,
// not colours, and NO_COLOR asks only for the latter to go.
export const plainTheme: Theme = {
  plain: {},
  accent: {},
  muted: {},
  heading: { bold: true },
  subheading: { bold: true },
  title: { bold: true },
  date: {},
  warning: { bold: true },
  error: { bold: true },
  match: { underline: true },
  currentMatch: { inverse: true },
  term: { underline: true },
  selection: { inverse: true },
  tab: {},
  activeTab: { inverse: true, bold: true },
  strong: { bold: true },
  emphasis: { italic: true },
  code: {},
  link: { underline: true },
  strike: { strikethrough: true },
  unread: { bold: true },
  updated: { bold: true },
  readTitle: {},
};

/** `color` is what the caller decided (flags, TTY); NO_COLOR in the environment always wins. */
export function pickTheme(color: boolean, env: NodeJS.ProcessEnv = process.env): Theme {
  if (!color) return plainTheme;
  const noColor = env.NO_COLOR;
  if (noColor !== undefined && noColor !== "") return plainTheme;
  return colorTheme;
}
