// reStructuredText (Sphinx, docutils) saved as a `.md` or `.txt` file, written as the Markdown it means
// before marked reads it. Its titles are underlined with any punctuation (`~~~`, overlined `===`), its
// directives (`.. note::`) and links (`` `text <url>`_ ``) are no Markdown: read as Markdown, the page
// shows them raw and its definitions run into their terms. Only a body holding a directive, an rST
// link, a field list at the top or an overlined title is rST. Every line becomes one line, so a
// paragraph keeps its line number. What is read, in docs/format.md.

import { rstTable } from "./rst-tables.js";

/** A line of one punctuation character repeated, as rST underlines and overlines a title. */
const ADORNMENT = /^([=\-~^*#+"'`:.<>_])\1{2,}[ \t]*$/;
const DIRECTIVE = /^([ \t]*)\.\.[ \t]+([\w-]+(?::[\w-]+)?)::(?:[ \t]+(.*))?$/;
const TARGET = /^[ \t]*\.\.[ \t]+_([^:]+):[ \t]*(\S*)[ \t]*$/;
const FOOTNOTE = /^[ \t]*\.\.[ \t]+\[([#*]?[\w-]*)\][ \t]+(.*)$/;
const FIELD = /^:([A-Za-z][\w -]{0,40}):[ \t]+(\S.*)$/;
/** What makes a body rST, not Markdown that happens to use `===` under a heading. */
const RST = /^\.\.[ \t]+(?:[\w-]+(?::[\w-]+)?::|_[^:\n]+:)|`[^`\n]+<[^>\n]+>`__?/m;
/**
 * What rST opens with: a title over- and underlined (the lines as long as the title at least), or
 * field list lines at the very top (`:Date: 2027-01-22`), under a title or not.
 */
const TOP =
  /^\s*(?:([=\-~^*#])\1{2,}[ \t]*\n([^\n]+)\n\1{3,}[ \t]*\n|(?:\S[^\n]*\n[=\-~^*#]{3,}[ \t]*\n\s*)?:[A-Za-z][\w -]{0,40}:[ \t]+\S)/;

const ADMONITIONS = new Set([
  "note",
  "tip",
  "hint",
  "important",
  "warning",
  "caution",
  "attention",
  "danger",
  "error",
  "seealso",
  "admonition",
  "todo",
]);
const HIDDEN = new Set([
  "contents",
  "toctree",
  "meta",
  "raw",
  "index",
  "highlight",
  "include",
  "only",
  "sectnum",
  "default-role",
  "role",
  "tabularcolumns",
]);
const CODE = new Set(["code", "code-block", "sourcecode", "literalinclude", "highlight"]);

/** The body as Markdown, when it is rST; else the body as it is. */
export function rstMarkdown(body: string): string {
  // Directives, comments and targets hold `.. `, links `` `_ ``; else only the opening can say rST.
  if (!((body.includes(".. ") || body.includes("`_")) && RST.test(body))) {
    const top = TOP.exec(body);
    if (!top || (top[2] !== undefined && top[2].trim().length > top[0].trim().indexOf("\n"))) return body;
  }
  const lines = body.split("\n");
  const out = lines.slice();
  const targets = new Map<string, string>();
  for (const l of lines) {
    const t = TARGET.exec(l);
    if (t?.[2]) targets.set(t[1]!.toLowerCase(), t[2]);
  }
  /** Title styles in the order first met: (character, overlined) -> level. */
  const styles: string[] = [];
  const level = (style: string) => {
    if (!styles.includes(style)) styles.push(style);
    return Math.min(6, styles.indexOf(style) + 1);
  };
  const indent = (l: string) => /^[ \t]*/.exec(l)![0].length;
  const blank = (l: string | undefined) => l === undefined || l.trim() === "";
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed.startsWith("+") || line.startsWith("=")) {
      const table = rstTable(lines, out, i, (cell) => inline(cell, targets));
      if (table !== null) {
        i = table;
        continue;
      }
    }
    // A title: over- and underlined, or underlined (the line under at least as long as the title).
    const over = ADORNMENT.exec(trimmed);
    if (over && indent(line) === 0) {
      const title = lines[i + 1];
      const under = lines[i + 2];
      if (
        title !== undefined &&
        !blank(title) &&
        under?.trim() === trimmed &&
        (i === 0 || blank(lines[i - 1]))
      ) {
        out[i] = "";
        out[i + 1] = `${"#".repeat(level(`${over[1]}+`))} ${inline(title.trim(), targets)}`;
        out[i + 2] = "";
        i += 2;
        continue;
      }
    }
    const next = lines[i + 1];
    const u = next === undefined ? null : ADORNMENT.exec(next.trim());
    if (
      u &&
      !blank(line) &&
      indent(line) === 0 &&
      indent(next!) === 0 &&
      next!.trim().length >= Math.min(trimmed.length, 4) &&
      (i === 0 || blank(lines[i - 1])) &&
      !DIRECTIVE.test(line)
    ) {
      out[i] = `${"#".repeat(level(u[1]!))} ${inline(trimmed, targets)}`;
      out[i + 1] = "";
      i++;
      continue;
    }
    const d = DIRECTIVE.exec(line);
    if (d) {
      i = directive(lines, out, i, d[2]!.toLowerCase(), (d[3] ?? "").trim(), indent(line), targets);
      continue;
    }
    // A link target (`.. _OECD: https://…`) is a reference definition: no words of the page.
    if (TARGET.test(line)) {
      out[i] = "";
      continue;
    }
    const f = FOOTNOTE.exec(line);
    if (f) {
      out[i] = `[^${footLabel(f[1]!)}]: ${inline(f[2]!, targets)}`;
      continue;
    }
    // A comment (`.. anything`, and the lines indented under it) shows nothing.
    if (/^[ \t]*\.\.(?:[ \t]|$)/.test(line)) {
      const at = indent(line);
      out[i] = "";
      while (i + 1 < lines.length && (blank(lines[i + 1]) ? false : indent(lines[i + 1]!) > at))
        out[++i] = "";
      continue;
    }
    const field = FIELD.exec(line);
    if (field) {
      out[i] = `${field[1]}: ${inline(field[2]!, targets)}`;
      continue;
    }
    // A paragraph ending `::` introduces a literal block: `text::` shows `text:`, a lone `::` nothing.
    if (/::[ \t]*$/.test(line) && blank(next)) {
      out[i] = trimmed === "::" ? "" : inline(line.replace(/::[ \t]*$/, ":"), targets);
      i = literal(lines, out, i + 1, indent(line));
      continue;
    }
    // A definition list: a term, its definition indented on the next line (not under a list's item).
    if (
      !blank(line) &&
      indent(line) === 0 &&
      !/^(?:[-*+•]|#\.|\d+[.)])[ \t]/.test(line) &&
      (i === 0 || blank(lines[i - 1]) || isDefinition(lines[i - 1]!)) &&
      next !== undefined &&
      !blank(next) &&
      indent(next) > 0 &&
      trimmed.length <= 60
    ) {
      out[i] = inline(trimmed, targets);
      let k = i + 1;
      out[k] = `:   ${inline(lines[k]!.trim(), targets)}`;
      while (k + 1 < lines.length && !blank(lines[k + 1]) && indent(lines[k + 1]!) > 0) {
        k++;
        out[k] = `    ${inline(lines[k]!.trim(), targets)}`;
      }
      i = k;
      continue;
    }
    // An auto-numbered item (`#.`) is a numbered one.
    out[i] = inline(line.replace(/^([ \t]*)#\.(?=[ \t])/, "$11."), targets);
  }
  return out.join("\n");
}

/** A line indented under a term, as the definition before a next term. */
const isDefinition = (l: string) => /^[ \t]+\S/.test(l);

const footLabel = (label: string) => (label === "#" || label === "*" || label === "" ? "note" : label);

/**
 * The last line of the block indented deeper than `at` that follows line `from` (blank lines inside
 * it included, those after it not): `from` itself when nothing is indented under it.
 */
function blockEnd(lines: string[], from: number, at: number): number {
  let end = from;
  while (
    end + 1 < lines.length &&
    (lines[end + 1]!.trim() === "" || /^[ \t]*/.exec(lines[end + 1]!)![0].length > at)
  )
    end++;
  while (end > from && lines[end]!.trim() === "") end--;
  return end;
}

/** The indented block after `::` (from its blank line at `from`) as fenced code; the last index. */
function literal(lines: string[], out: string[], from: number, at: number): number {
  const end = blockEnd(lines, from, at);
  if (end === from) return from;
  const body = lines.slice(from + 1, end + 1);
  const cut = Math.min(...body.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)![0].length));
  out[from] = "```";
  body.forEach((l, k) => {
    out[from + 1 + k] = l.slice(cut);
  });
  // The fence closes on the blank line after the block, or after its last line at the end of the file.
  if (end + 1 < lines.length) out[end + 1] = "```";
  else out[end] = `${out[end]}\n\`\`\``;
  return end + 1;
}

/**
 * A directive and the lines indented under it: an admonition a quote opening with its kind in bold, a
 * code block fenced with its language, an image its alt text; others (`.. contents::`, `.. toctree::`,
 * `.. meta::`) set up the build and show their content as text, their options nothing.
 */
function directive(
  lines: string[],
  out: string[],
  i: number,
  name: string,
  arg: string,
  at: number,
  targets: Map<string, string>,
): number {
  const end = blockEnd(lines, i, at);
  const options: Record<string, string> = {};
  let k = i + 1;
  for (; k <= end; k++) {
    const o = /^[ \t]+:([\w-]+):[ \t]*(.*)$/.exec(lines[k]!);
    if (!o) break;
    options[o[1]!] = o[2]!.trim();
    out[k] = "";
  }
  const content = lines.slice(k, end + 1);
  const cut = Math.min(
    ...content.filter((l) => l.trim() !== "").map((l) => /^[ \t]*/.exec(l)![0].length),
    Number.POSITIVE_INFINITY,
  );
  const body = content.map((l) => (l.trim() === "" ? "" : l.slice(cut)));
  // Blank lines between the directive (and its options) and its content.
  const lead = body.findIndex((l) => l !== "");
  if (ADMONITIONS.has(name)) {
    for (let o = i + 1; o < k; o++) out[o] = ">";
    const kind = name === "seealso" ? "See also" : name === "admonition" ? arg : name;
    const head = `**${kind.charAt(0).toUpperCase()}${kind.slice(1)}${name !== "admonition" && arg ? `: ${inline(arg, targets)}` : ""}**`;
    out[i] = `> ${head}`;
    body.forEach((l, n) => {
      out[k + n] = `> ${inline(l, targets)}`;
    });
    return end;
  }
  if (CODE.has(name)) {
    // The fence opens on the line before the code, so no blank line opens it.
    const fence = lead > 0 ? k + lead - 1 : k > i + 1 ? k - 1 : i;
    for (let o = i; o < fence; o++) out[o] = "";
    out[fence] = `\`\`\`${arg.split(/\s/)[0] ?? ""}`;
    body.forEach((l, n) => {
      if (k + n > fence) out[k + n] = l;
    });
    if (end + 1 < lines.length && lines[end + 1]!.trim() === "") out[end + 1] = "```";
    else out[end] = `${out[end]}\n\`\`\``;
    return end + 1;
  }
  if (name === "image" || name === "figure") {
    out[i] = `![${options.alt ?? ""}](<${arg}>)`;
    body.forEach((l, n) => {
      out[k + n] = inline(l, targets);
    });
    return end;
  }
  // What builds the site (a table of contents, a toctree's files, metadata, raw output) shows nothing
  // of the page's text; another directive shows its argument and content as text.
  const hidden = HIDDEN.has(name);
  out[i] = hidden ? "" : inline(arg, targets);
  body.forEach((l, n) => {
    out[k + n] = hidden ? "" : inline(l, targets);
  });
  return end;
}

/** A line's rST links, literals, roles and footnote references as Markdown writes them. */
function inline(line: string, targets: Map<string, string>): string {
  if (!/[`_|\]]/.test(line)) return line;
  return (
    line
      .replace(/`([^`<\n]+?)[ \t]*<([^>\n]+)>`__?/g, (_, text: string, url: string) => `[${text}](<${url}>)`)
      .replace(/(?<!`)`([^`\n]+?)`__?/g, (_, text: string) => {
        const url = targets.get(text.toLowerCase());
        return url ? `[${text}](<${url}>)` : text;
      })
      .replace(/:(?:code|file|command|kbd|samp|literal):`([^`\n]+)`/g, "``$1``")
      .replace(/:[\w-]+(?::[\w-]+)?:`([^`\n<]+?)(?:[ \t]*<[^>\n]*>)?`/g, "$1")
      // The default role (`text`) is docutils' title reference, set in italics.
      .replace(/(?<![`\w])`([^`\n]+)`(?![`\w])/g, "*$1*")
      .replace(/``([^`\n]+?)``/g, (_, code: string) => `\`${code}\``)
      .replace(/[ \t]?\[([#*]?[\w-]*)\]_/g, (_, label: string) => `[^${footLabel(label)}]`)
      .replace(/\b([A-Za-z][\w-]*)_(?=[\s.,;:!?)]|$)/g, (m, word: string) => {
        const url = targets.get(word.toLowerCase());
        return url ? `[${word}](<${url}>)` : m;
      })
  );
}
