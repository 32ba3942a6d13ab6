// Terminal styling by meaning, not by colour. Applied last, to text already sanitised and wrapped,
// so widths are measured without escape codes.

export interface Style {
  heading(s: string): string;
  date(s: string): string;
  muted(s: string): string;
  warning(s: string): string;
  accent(s: string): string;
  bold(s: string): string;
  italic(s: string): string;
  strike(s: string): string;
  code(s: string): string;
  link(s: string): string;
}

/** Whether styling may be used on `stream`: a terminal, and nobody asked for plain text. */
export function colorWanted(
  stream: { isTTY?: boolean },
  env: Record<string, string | undefined>,
  noColorFlag: boolean,
): boolean {
  if (noColorFlag) return false;
  // no-color.org: present and not empty disables colour.
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.TERM === "dumb") return false;
  if (env.FORCE_COLOR === "0" || env.FORCE_COLOR === "false") return false;
  return stream.isTTY === true;
}

const sgr = (open: string, close: string) => (s: string) =>
  s === "" ? s : `\x1b[${open}m${s}\x1b[${close}m`;
const plain = (s: string) => s;

export function createStyle(enabled: boolean): Style {
  if (!enabled) {
    return {
      heading: plain,
      date: plain,
      muted: plain,
      warning: plain,
      accent: plain,
      bold: plain,
      italic: plain,
      strike: plain,
      code: plain,
      link: plain,
    };
  }
  const bold = sgr("1", "22");
  const cyan = sgr("36", "39");
  return {
    heading: (s) => bold(cyan(s)),
    date: sgr("33", "39"),
    muted: sgr("2", "22"),
    warning: sgr("31", "39"),
    accent: cyan,
    bold,
    italic: sgr("3", "23"),
    strike: sgr("9", "29"),
    code: sgr("33", "39"),
    link: (s) => sgr("4", "24")(sgr("34", "39")(s)),
  };
}

/**
 * Whether links may be written as OSC 8 hyperlinks: styled output, and a terminal known to show them
 * (FORCE_HYPERLINK=1 or 0 decides first). Elsewhere the escape would be noise or, worse, shown raw.
 */
export function hyperlinksWanted(color: boolean, env: Record<string, string | undefined>): boolean {
  if (env.FORCE_HYPERLINK !== undefined && env.FORCE_HYPERLINK !== "") return env.FORCE_HYPERLINK !== "0";
  if (!color) return false;
  const program = env.TERM_PROGRAM ?? "";
  if (["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper", "Tabby", "rio"].includes(program)) return true;
  if (Number(env.VTE_VERSION ?? 0) >= 5000) return true;
  if (env.KITTY_WINDOW_ID || env.WT_SESSION || env.DOMTERM || env.KONSOLE_VERSION) return true;
  return /kitty|ghostty|foot|alacritty|wezterm/.test(env.TERM ?? "");
}
