// AsciiDoc saved as a `.md` file, written as the Markdown it means before marked reads it. Its
// document title (`= Title`) and sections (`== What happened`) are no Markdown headings, its tables
// (`|===`) and listings (`----`) no Markdown blocks: read as Markdown, the page runs together. Only a
// body that opens with `= Title` and has a section line (`== …`, not closed as a wiki's) is AsciiDoc. Every
// line becomes one line (a table's rows move up to sit together), so paragraphs keep their line
// numbers. What is read, in docs/format.md.

const TITLE = /^=[ \t]+\S.*[^=\s]$/;
const SECTION = /^(={2,6})[ \t]+(\S.*?)[ \t]*$/;
const ATTRIBUTE = /^:([\w-]+!?):[ \t]*(.*)$/;
const BLOCK_ATTRIBUTES = /^\[(?:[^\]\n]*)\][ \t]*$/;
const ADMONITION = /^(NOTE|TIP|IMPORTANT|WARNING|CAUTION):[ \t]+/;
const LIST = /^[ \t]*(\*{1,5}|\.{1,5}|-)[ \t]+(?=\S)/;
/** Delimited blocks: listing and literal (verbatim), quote, and those whose markers show nothing. */
const DELIMITER = /^(-{4,}|\.{4,}|_{4,}|={4,}|\*{4,}|\/{4,}|\+{4,}|--)[ \t]*$/;
/** A constrained strong span (`*bold*`) after a space or opening punctuation. */
const STRONG = /(^|[\s([{"'])\*(?=[^\s*])([^*\n]*?[^\s*])\*(?=$|[\s.,;:!?)\]}"'-])/g;

const PROPERTY: Record<string, string> = {
  author: "Author",
  email: "Email",
  revdate: "Date",
  description: "Description",
  keywords: "Tags",
};

/** The body as Markdown, when it is AsciiDoc; else the body as it is. */
export function asciidocMarkdown(body: string): string {
  const first = /^\s*(\S.*)/.exec(body)?.[1] ?? "";
  if (first.charCodeAt(0) !== 61 /* = */ || !TITLE.test(first)) return body;
  const lines = body.split("\n");
  if (!lines.some((l) => SECTION.test(l) && !/=[ \t]*$/.test(l))) return body;
  const out = lines.slice();
  const titleAt = lines.findIndex((l) => l.trim() !== "");
  let header = true;
  let attribution = "";
  let verbatim: string | null = null;
  let quote: string | null = null;
  let hidden: string | null = null;
  let lang = "";
  let cols = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trimEnd();
    if (hidden !== null) {
      if (trimmed === hidden) hidden = null;
      out[i] = "";
      continue;
    }
    if (verbatim !== null) {
      if (trimmed === verbatim) {
        verbatim = null;
        out[i] = "```";
      }
      continue;
    }
    if (trimmed === "|===") {
      i = table(lines, out, i, cols);
      cols = 0;
      continue;
    }
    const d = DELIMITER.exec(trimmed);
    if (d) {
      const mark = d[1]!;
      if (mark.startsWith("-") && mark !== "--") {
        verbatim = mark;
        out[i] = `\`\`\`${lang}`;
      } else if (mark.startsWith(".")) {
        verbatim = mark;
        out[i] = "```";
      } else if (mark.startsWith("/")) {
        hidden = mark;
        out[i] = "";
      } else if (mark.startsWith("_")) {
        // A quote's attribution (`[quote, Josephine Teo]`) is shown under it, as Asciidoctor sets it.
        out[i] = quote === mark && attribution !== "" ? `> — ${attribution}` : "";
        if (quote === mark) attribution = "";
        quote = quote === mark ? null : mark;
      } else out[i] = "";
      lang = "";
      continue;
    }
    if (i === titleAt) {
      out[i] = `# ${inline(trimmed.replace(/^=+[ \t]+/, ""))}`;
      continue;
    }
    if (header && trimmed === "") header = false;
    const a = ATTRIBUTE.exec(trimmed);
    if (a) {
      const name = PROPERTY[a[1]!];
      // Other attributes (`:toc:`, `:icons: font`) set up the converter: no words of the page.
      out[i] = name && a[2] !== "" ? `${name}: ${a[2]}` : "";
      continue;
    }
    if (header && i > titleAt) {
      // Under the title: the author line, then the revision line (`v1.0, 2026-12-10: remark`).
      const rev = /^v?\d[\w.]*,[ \t]*(\d{4}-\d{2}-\d{2})(?::[ \t]*(.*))?$/.exec(trimmed);
      out[i] = rev
        ? `Date: ${rev[1]}${rev[2] ? ` · ${rev[2]}` : ""}`
        : `Author: ${trimmed.replace(/[<>]/g, "")}`;
      continue;
    }
    if (/^\/\/(?!\/)/.test(trimmed)) {
      out[i] = "";
      continue;
    }
    if (BLOCK_ATTRIBUTES.test(trimmed)) {
      const source = /^\[source,[ \t]*([\w+-]+)/.exec(trimmed);
      if (source) lang = source[1]!;
      const cite = /^\[(?:quote|verse),[ \t]*([^,\]]+)(?:,[ \t]*([^\]]+))?\]/.exec(trimmed);
      if (cite)
        attribution = [cite[1], cite[2]]
          .filter(Boolean)
          .map((x) => x!.trim())
          .join(", ");
      const c = /cols="?([^"\]]*)/.exec(trimmed);
      if (c) cols = /^\d+$/.test(c[1]!) ? Number(c[1]) : c[1]!.split(",").length;
      out[i] = "";
      continue;
    }
    const s = SECTION.exec(trimmed);
    if (s) {
      out[i] = `${"#".repeat(s[1]!.length)} ${inline(s[2]!)}`;
      continue;
    }
    // A block's title (`.Obligations by risk tier`) over it, in bold.
    const caption = /^\.([^.\s].*)$/.exec(trimmed);
    if (caption) {
      out[i] = `**${inline(caption[1]!)}**`;
      continue;
    }
    // A list's continuation mark joins the next block to the item: no text.
    if (trimmed === "+") {
      out[i] = "";
      continue;
    }
    const image = /^image::([^[\s]+)\[([^\]]*)\]$/.exec(trimmed);
    if (image) {
      out[i] = `![${image[2]!.split(",")[0]}](<${image[1]}>)`;
      continue;
    }
    let text = line;
    const l = LIST.exec(line);
    if (l && l[1] !== "-") {
      const depth = l[1]!.length;
      const marker = l[1]![0] === "*" ? "- " : "1. ";
      text = `${"   ".repeat(depth - 1)}${marker}${line.slice(l[0].length)}`;
    }
    const term = /^([^\s:][^:\n]*?)::[ \t]+(\S.*)$/.exec(text);
    if (term && !l) text = `- ${term[1]}: ${term[2]}`;
    const adm = ADMONITION.exec(text);
    if (adm)
      text = `> **${adm[1]!.charAt(0)}${adm[1]!.slice(1).toLowerCase()}:** ${text.slice(adm[0].length)}`;
    out[i] = (quote ? "> " : "") + inline(text);
  }
  return out.join("\n");
}

/**
 * A `|===` table as GFM writes one: its header row on the opening line, the delimiter row under it,
 * the other rows after, and blank lines for the lines the rows no longer need. The index of the
 * closing line is returned.
 */
function table(lines: string[], out: string[], open: number, cols: number): number {
  let close = open + 1;
  while (close < lines.length && lines[close]!.trimEnd() !== "|===") close++;
  const body = lines.slice(open + 1, close);
  const firstRow = body.find((l) => l.trim() !== "") ?? "";
  const width = cols || firstRow.split("|").length - 1;
  const cells = body
    .join("\n")
    .split(/(?:^|\s)\|/)
    .slice(1)
    .map((c) => inline(c.replace(/\s+/g, " ").trim()).replace(/\|/g, "\\|"));
  const rows: string[] = [];
  for (let c = 0; width > 0 && c < cells.length; c += width)
    rows.push(`| ${cells.slice(c, c + width).join(" | ")} |`);
  for (let k = open; k <= close && k < lines.length; k++) out[k] = "";
  if (rows.length === 0) return close;
  out[open] = rows[0]!;
  out[open + 1] = `|${" --- |".repeat(width)}`;
  rows.slice(1).forEach((r, k) => {
    out[open + 2 + k] = r;
  });
  return close;
}

/** A line's AsciiDoc links, cross references and constrained bold as Markdown writes them. */
function inline(line: string): string {
  if (!/[*[<]/.test(line)) return line;
  return line
    .replace(/\blink:([^\s[]+)\[([^\]\n]*)\]/g, (_, url: string, text: string) =>
      text === "" ? `<${url}>` : `[${text}](<${url}>)`,
    )
    .replace(/\b((?:https?|mailto):[^\s[\]<>]+)\[([^\]\n]*)\]/g, (_, url: string, text: string) =>
      text === "" ? `<${url}>` : `[${text}](<${url}>)`,
    )
    .replace(/<<[^,>\n]+,[ \t]*([^>\n]+)>>/g, "$1")
    .replace(/<<([^>\n]+)>>/g, "$1")
    .replace(/\b(?:kbd|btn|pass):\[([^\]\n]*)\]/g, "$1")
    .replace(STRONG, "$1**$2**");
}
