// Markdown saved as `.txt` (a chatbot's answer, a note copied out of an editor): read as plain text its
// `**bold**`, `[links](…)`, `` `code` `` and `|` tables show their markers. A `.txt` body holding what
// only Markdown writes is read as Markdown; pasted prose in it keeps the `.txt` rule of one paragraph
// per line, where its lines are written so. What is read, in docs/format.md.
import { markdownParagraphs } from "./markdown.js";
import { type BodyParagraph, endsSentence, onePerLine } from "./paragraphs.js";

/** Marks plain prose never writes, each enough on its own: a fence, a table's rule, strong, a link, code. */
const SURE =
  /^ {0,3}(?:```|~~~)|^ {0,3}\|?[ \t]*:?-{3,}:?[ \t]*\|[ \t]*:?-{3,}|\*\*(?=[^\s*])[^*\n]*?[^\s*]\*\*|(?<![\w_])__(?=[^\s_])[^_\n]*?[^\s_]__(?![\w_])|!?\[[^\]\n]+\]\(<?(?:https?:\/\/|mailto:|#|\.{0,2}\/)|(?<![`\w])`[^`\s](?:[^`\n]*[^`\s])?`(?![`\w])/m;
/** Emphasis with one star or underscore, Markdown's only beside a `#` heading. */
const EMPHASIS =
  /(?<![\w*])\*(?=[^\s*])[^*\n]*?[^\s*]\*(?![\w*])|(?<![\w_])_(?=[^\s_])[^_\n]*?[^\s_]_(?![\w_])/;
const ATX = /^#{1,6}[ \t]+\S/m;

/** Whether a `.txt` body is Markdown. The characters are looked for first, so prose costs a few scans. */
export function isTxtMarkdown(body: string): boolean {
  if (
    !(
      body.includes("**") ||
      body.includes("__") ||
      body.includes("`") ||
      body.includes("](") ||
      body.includes("|") ||
      body.includes("~~~") ||
      (body.includes("#") && (body.includes("*") || body.includes("_")))
    )
  )
    return false;
  return SURE.test(body) || (ATX.test(body) && EMPHASIS.test(body));
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** Lines Markdown reads as something else than a paragraph's text: kept as they stand. */
const STRUCTURE = /^[ \t]*(?:[-*+•][ \t]|\d{1,3}[.)][ \t]|#{1,6}(?:[ \t]|$)|>|\|)|^ {0,3}(?:=+|-+)[ \t]*$/;

/**
 * The paragraphs of a `.txt` body written in Markdown. A block of lines that the `.txt` rule reads as
 * one paragraph per line (most lines long, or every one a sentence) is read so: a blank line goes
 * between its lines before marked reads it, and each paragraph keeps the line it was written on.
 */
export function txtMarkdownParagraphs(body: string, firstLine = 1): BodyParagraph[] {
  const lines = body.split("\n");
  const out: string[] = [];
  /** The body's line (0-based) of each line written out. */
  const from: number[] = [];
  let fence: string | null = null;
  for (let i = 0; i < lines.length; ) {
    const line = lines[i]!;
    if (fence !== null || line.trim() === "" || FENCE.test(line)) {
      const f = FENCE.exec(line)?.[1];
      if (f && (fence === null || (f[0] === fence[0] && f.length >= fence.length))) fence = fence ? null : f;
      out.push(line);
      from.push(i);
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && lines[end]!.trim() !== "" && !FENCE.test(lines[end]!)) end++;
    // A table's row holds a pipe: never a line of prose to set apart.
    const text = (j: number) =>
      !STRUCTURE.test(lines[j]!) && !/^[ \t]/.test(lines[j]!) && !lines[j]!.includes("|");
    const nonFinal: string[] = [];
    for (let j = i; j < end - 1; j++) if (text(j)) nonFinal.push(lines[j]!.trim());
    const apart = onePerLine(nonFinal);
    for (let j = i; j < end; j++) {
      // A line of prose, or a list opening under one, starts a paragraph of its own; but a sentence cut
      // at a line's end and going on in lower case (or at a number) is hard-wrapped, however long its
      // lines: Markdown's writers wrap them, pasted paragraphs never do.
      if (
        apart &&
        j > i &&
        (text(j) || text(j - 1)) &&
        !(text(j - 1) && !endsSentence(lines[j - 1]!) && /^[\p{Ll}\p{N}]/u.test(lines[j]!)) &&
        !/^ {0,3}(?:=+|-+)[ \t]*$/.test(lines[j]!)
      ) {
        out.push("");
        from.push(j);
      }
      out.push(lines[j]!);
      from.push(j);
    }
    i = end;
  }
  if (out.length === lines.length) return markdownParagraphs(body, firstLine);
  return markdownParagraphs(out.join("\n"), 1).map((p) => ({ ...p, line: firstLine + from[p.line - 1]! }));
}
