// Small layout helpers shared by the text renderers. Input strings are untrusted: each helper
// sanitises before measuring, and styling is applied by the caller to the finished lines.
import { sanitize, sanitizeLine } from "../../text/sanitize.js";
import { displayWidth, wrap } from "../../text/width.js";

/**
 * Wraps untrusted `text` into `width` columns, the first line starting with `first` and the others
 * with `rest` (a hanging indent). Prefixes are the program's own text and are not sanitised.
 */
export function block(text: string, width: number, first = "", rest = first): string[] {
  const indent = Math.max(displayWidth(first), displayWidth(rest));
  const lines = wrap(collapse(sanitize(text)), Math.max(1, width - indent));
  return lines.map((line, i) => (i === 0 ? first : rest) + line);
}

/** Paragraph text read from a file may keep its source line breaks; in output they are spaces. */
function collapse(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, " ");
}

/** A message of the program's own, wrapped to `width`, ending in a newline. */
export function note(text: string, width: number): string {
  return `${block(text, width).join("\n")}\n`;
}

/** One sanitised line: for table cells, names and titles. */
export function cell(text: string): string {
  return sanitizeLine(text).replace(/ {2,}/g, " ").trim();
}

export { humanDate, monthHeading } from "../../briefing/calendar.js";
