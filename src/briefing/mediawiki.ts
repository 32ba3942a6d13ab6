// MediaWiki markup (a wiki page's source) saved as a `.md` file, written as the Markdown it means
// before marked reads it. Its headings (`== What happened ==`), bold (`'''…'''`) and tables (`{| … |}`)
// are no Markdown: read as Markdown, sections run into one paragraph and a table loses its cells. Only
// a body with a closed `== … ==` heading and wiki markup beside it (`'''`, `{|`, `<ref`) is a wiki's.
// Every line becomes one line (a table's rows move up to sit together). What is read, in docs/format.md.

const HEADING = /^(={1,6})[ \t]*(\S.*?\S|\S)[ \t]*\1[ \t]*$/;
const WIKI = /^={2,6}[ \t]*[^=\s].*=[ \t]*$/m;
const CITE = /\{\{\s*cite[^{}]*\}\}/gi;

/** The body as Markdown, when it is a wiki page's source; else the body as it is. */
export function mediawikiMarkdown(body: string): string {
  if (!body.includes("==") || !/'''|^\{\||<ref\b/m.test(body) || !WIKI.test(body)) return body;
  const lines = body.split("\n");
  const out = lines.slice();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    if (line.startsWith("{|")) {
      i = table(lines, out, i);
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      out[i] = `${"#".repeat(h[1]!.length)} ${inline(h[2]!)}`;
      continue;
    }
    if (/^__[A-Z]+__$/.test(line)) {
      out[i] = "";
      continue;
    }
    // Lists: `*`, `#` (numbered) and their nesting (`**`, `#*`), as Markdown indents them.
    const list = /^([*#]+)[ \t]*(.*)$/.exec(line);
    if (list && !/^#[^ \t*#]/.test(line)) {
      const marks = list[1]!;
      const indent = [...marks.slice(0, -1)].map((m) => (m === "#" ? "   " : "  ")).join("");
      out[i] = `${indent}${marks.endsWith("#") ? "1." : "-"} ${inline(list[2]!)}`;
      continue;
    }
    out[i] = inline(lines[i]!);
  }
  return out.join("\n");
}

/** A cite template as its title linked to its URL, with its date: what the page's note shows. */
function cite(template: string): string {
  const field = (name: string) =>
    new RegExp(`\\|\\s*${name}\\s*=\\s*([^|}]*)`).exec(template)?.[1]?.trim() ?? "";
  const [url, title, date] = [field("url"), field("title"), field("date")];
  const shown = title && url ? `[${title}](<${url}>)` : title || (url ? `<${url}>` : "");
  return [shown, field("publisher") || field("website"), date].filter(Boolean).join(", ");
}

/** A line's bold, italics, external links, citations and references as Markdown writes them. */
function inline(line: string): string {
  if (!/'''?|\[|<ref|\{\{/.test(line)) return line;
  return (
    line
      .replace(CITE, cite)
      // A reference's note, which the page shows at its foot, is shown where it is cited.
      .replace(/<ref\b[^>/]*\/>/gi, "")
      .replace(/<ref\b[^>]*>([\s\S]*?)<\/ref>/gi, " ($1)")
      .replace(/<references\s*\/>/gi, "")
      .replace(/'''''(.+?)'''''/g, "***$1***")
      .replace(/'''(.+?)'''/g, "**$1**")
      .replace(/''(.+?)''/g, "*$1*")
      .replace(/\[((?:https?|mailto):[^\s\]]+)(?:[ \t]+([^\]\n]+))?\]/g, (_, url: string, text?: string) =>
        text ? `[${text}](<${url}>)` : `<${url}>`,
      )
  );
}

/**
 * A `{| … |}` table as GFM writes one: the header row on the opening line, the delimiter row under
 * it, the other rows after, blank lines for what is left. The index of the closing line is returned.
 */
function table(lines: string[], out: string[], open: number): number {
  let close = open + 1;
  while (close < lines.length && !lines[close]!.trimStart().startsWith("|}")) close++;
  const rows: string[][] = [];
  let row: string[] | null = null;
  let caption = "";
  for (let k = open + 1; k < close; k++) {
    const line = lines[k]!.trim();
    if (line.startsWith("|-")) {
      row = null;
      continue;
    }
    if (line.startsWith("|+")) {
      caption = line.slice(2).trim();
      continue;
    }
    const header = line.startsWith("!");
    if (!header && !line.startsWith("|")) {
      // A cell's text going on to the next line.
      if (row && row.length > 0 && line !== "") row[row.length - 1] += ` ${line}`;
      continue;
    }
    if (!row) {
      row = [];
      rows.push(row);
    }
    // `style="…" | value`: the cell's attributes before a single bar.
    for (const cell of line.slice(1).split(header ? /!!|\|\|/ : /\|\|/))
      row.push(cell.replace(/^[^|]*=[^|]*\|(?!\|)/, "").trim());
  }
  for (let k = open; k <= close && k < lines.length; k++) out[k] = "";
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (width === 0) return close;
  const md = rows.map(
    (r) =>
      `| ${Array.from({ length: width }, (_, c) => inline(r[c] ?? "").replace(/\|/g, "\\|")).join(" | ")} |`,
  );
  out[open] = md[0]!;
  out[open + 1] = `|${" --- |".repeat(width)}`;
  md.slice(1).forEach((r, k) => {
    out[open + 2 + k] = r;
  });
  // The caption under the table, as the page shows it.
  const at = open + md.length + 2;
  if (caption !== "" && at < close) out[at] = inline(caption);
  return close;
}
