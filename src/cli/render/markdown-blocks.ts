// Blocks and inline spans written back as Markdown that marked reads to the same structure: the body
// of `print --format markdown`. Text is escaped where Markdown would read it as markup.
import type { Block, Inline } from "../../briefing/schema.js";

const ENTITY = /&(?=#\d{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z]{2,8};)/g;

function escapeText(s: string): string {
  return s.replace(/[\\`*_[\]<>~|]/g, "\\$&").replace(ENTITY, "&amp;");
}

/** `inTable`: a `|` in a table cell ends the cell even inside code, unless escaped (GFM). */
function codeSpan(raw: string, inTable: boolean): string {
  const s = inTable ? raw.replace(/\|/g, "\\|") : raw;
  const runs = s.match(/`+/g) ?? [];
  const fence = "`".repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad =
    s.startsWith("`") || s.endsWith("`") || (s.startsWith(" ") && s.endsWith(" ") && s.trim() !== "");
  return pad ? `${fence} ${s} ${fence}` : `${fence}${s}${fence}`;
}

function url(u: string): string {
  return /[\s()<>]/.test(u) || u === ""
    ? `<${u.replace(/[<>\\]/g, "\\$&").replace(/\n/g, "%0A")}>`
    : u.replace(/\\/g, "\\\\");
}

export function inlineMarkdown(spans: readonly Inline[], inTable = false): string {
  let out = "";
  for (const s of spans) {
    switch (s.type) {
      case "text":
        out += escapeText(s.text);
        break;
      case "code":
        out += codeSpan(s.text, inTable);
        break;
      case "break":
        // A cell is one line: there a break is written as the `<br>` it was read from.
        out += inTable ? "<br>" : "\\\n";
        break;
      case "strong":
        out += wrapIn("**", s.children, inTable);
        break;
      case "emphasis":
        out += wrapIn("*", s.children, inTable);
        break;
      case "delete":
        out += wrapIn("~~", s.children, inTable);
        break;
      case "link":
        out += `[${inlineMarkdown(s.children, inTable)}](${inTable ? url(s.url).replace(/\|/g, "\\|") : url(s.url)})`;
        break;
    }
  }
  return out;
}

function wrapIn(mark: string, children: readonly Inline[], inTable: boolean): string {
  const inner = inlineMarkdown(children, inTable);
  return inner.trim() === "" ? inner : `${mark}${inner}${mark}`;
}

/** A paragraph's first characters must not read as a list marker, heading, quote or rule. */
function guardStart(s: string): string {
  return s
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2")
    .replace(/^([-+#>=])/, "\\$1")
    .replace(/^(\s+)/, "");
}

/**
 * How two blocks of one list item are joined. In a tight item only where the second cannot be read as
 * going on with the first (a fence is closed, a list or quote interrupts a paragraph); a blank line
 * anywhere in an item would make its list loose.
 */
function itemJoin(prev: Block, next: Block, tight: boolean): string {
  if (!tight) return "\n\n";
  // A fence, an ATX heading and a `***` rule start on any line; a list or quote after a paragraph,
  // a fence or a heading, a list after one of the other kind; a paragraph only after the closed ones
  // (else it would go on with the last).
  const closed = prev.type === "code" || prev.type === "heading" || prev.type === "rule";
  const safe =
    next.type === "code" ||
    next.type === "heading" ||
    next.type === "rule" ||
    ((next.type === "list" || next.type === "quote") && (closed || prev.type === "paragraph")) ||
    (next.type === "list" && prev.type === "list" && next.ordered !== prev.ordered) ||
    (next.type === "paragraph" && closed);
  return safe ? "\n" : "\n\n";
}

/**
 * `delim`: the ordered-list delimiter, or for bullets the marker (`.` gives `-`, `)` gives `*`); a
 * change of it starts a new list where the numbers or markers alone would not.
 */
export function blockMarkdown(b: Block, delim: "." | ")" = "."): string {
  switch (b.type) {
    case "paragraph":
      return guardStart(inlineMarkdown(b.children));
    case "heading":
      return `${"#".repeat(b.depth)} ${inlineMarkdown(b.children)}`;
    case "list":
      return b.items
        .map((item, i) => {
          const marker = b.ordered ? `${b.start + i}${delim} ` : delim === "." ? "- " : "* ";
          const body = item
            .map((c, j) =>
              j === 0 ? blockMarkdown(c) : itemJoin(item[j - 1]!, c, !b.loose) + blockMarkdown(c),
            )
            .join("");
          return marker + indent(body, " ".repeat(marker.length));
        })
        .join(b.loose ? "\n\n" : "\n");
    case "table": {
      const row = (cells: Inline[][]) =>
        `| ${cells.map((c) => inlineMarkdown(c, true).replace(/\n/g, " ")).join(" | ")} |`;
      const rule = b.align.map((a) =>
        a === "left" ? ":--" : a === "right" ? "--:" : a === "center" ? ":-:" : "---",
      );
      return [row(b.header), `| ${rule.join(" | ")} |`, ...b.rows.map(row)].join("\n");
    }
    case "code": {
      const runs = b.text.match(/^`{3,}/gm) ?? [];
      const fence = "`".repeat(Math.max(2, ...runs.map((r) => r.length)) + 1);
      return `${fence}${b.lang ?? ""}\n${b.text}\n${fence}`;
    }
    case "quote":
      return b.children
        .map((c) => blockMarkdown(c))
        .join("\n\n")
        .split("\n")
        .map((l) => (l === "" ? ">" : `> ${l}`))
        .join("\n");
    case "rule":
      return "***";
  }
}

function indent(text: string, pad: string): string {
  return text
    .split("\n")
    .map((l, i) => (i === 0 || l === "" ? l : pad + l))
    .join("\n");
}
