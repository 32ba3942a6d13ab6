// The print sink of the shared block renderer: a styled line's marks as SGR codes, links as OSC 8
// hyperlinks where the terminal shows them. Without colour the text is written as laid out: no
// stray markers, the link numbers and the list at the end carry the links.
import { hyperlink, type Mark, type MarkSpan, type StyledLine } from "../../text/blocks.js";
import type { Style } from "../style.js";

const ORDER: Mark[] = ["strong", "emphasis", "delete", "code", "codeBlock", "link", "linkNumber", "frame"];

function styleOf(style: Style, mark: Mark): (s: string) => string {
  switch (mark) {
    case "strong":
      return style.bold;
    case "emphasis":
      return style.italic;
    case "delete":
      return style.strike;
    case "code":
    case "codeBlock":
      return style.code;
    case "link":
      return style.link;
    case "linkNumber":
    case "frame":
      return style.muted;
  }
}

/** One laid-out line with its marks applied. */
export function styledLine(line: StyledLine, style: Style, hyperlinks: boolean): string {
  const marks = line.marks;
  if (marks.length === 0) return line.text;
  const cuts = [...new Set([0, line.text.length, ...marks.flatMap((m) => [m.start, m.end])])]
    .filter((c) => c >= 0 && c <= line.text.length)
    .sort((a, b) => a - b);
  let out = "";
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!];
    let piece = line.text.slice(a, b);
    const on: MarkSpan[] = marks.filter((m) => m.start <= a && m.end >= b);
    on.sort((x, y) => ORDER.indexOf(y.mark) - ORDER.indexOf(x.mark));
    for (const m of on) piece = styleOf(style, m.mark)(piece);
    const url = on.find((m) => m.url !== undefined)?.url;
    if (hyperlinks && url !== undefined) piece = hyperlink(url, piece);
    out += piece;
  }
  return out;
}
