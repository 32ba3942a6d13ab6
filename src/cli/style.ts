// Terminal styling by meaning, not by colour. Applied last, to text already sanitised and wrapped,
// so widths are measured without escape codes.

export interface Style {
  heading(s: string): string;
  date(s: string): string;
  muted(s: string): string;
  warning(s: string): string;
  accent(s: string): string;
  bold(s: string): string;
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
    return { heading: plain, date: plain, muted: plain, warning: plain, accent: plain, bold: plain };
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
  };
}
