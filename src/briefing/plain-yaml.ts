// The front matter most briefings have (`key: value` lines, plain or quoted values, lists as `- item`
// lines or `[a, b]`), read from the YAML library's concrete syntax tree instead of its document
// model, which cost about a tenth of a cold load's parse. The library still does the lexing, the
// parsing, the unquoting and the core schema's reading of plain scalars; anything beyond these forms
// (anchors, aliases, tags, comments, block scalars, nested maps, duplicate keys, a plain scalar that
// is not text, a syntax error) makes this answer null, and the full document model reads the text.
import { CST, LineCounter, Parser, Schema } from "yaml";

/** A top-level key, its value as the core schema gives it (string, list of strings, or null), its line. */
export interface PlainEntry {
  key: string;
  value: string | string[] | null;
  /** 0-based line of the key inside the YAML text. */
  line: number;
}

/** The core schema's implicit tags other than text: a plain scalar one of them matches is not a string. */
const NOT_TEXT = new Schema({ schema: "core" }).tags.flatMap((tag) =>
  "test" in tag && tag.test instanceof RegExp && tag.tag !== "tag:yaml.org,2002:str" ? [tag.test] : [],
);
/** Space and line ends; a tab in indentation is an error only the document model reports. */
function blank(t: CST.Token): boolean {
  return t.type === "newline" || (t.type === "space" && !t.source.includes("\t"));
}

function onlyBlank(tokens: readonly CST.Token[] | undefined): boolean {
  return tokens === undefined || tokens.every(blank);
}

/** A scalar token's text when it is text in the core schema, else null. */
function text(token: CST.Token | undefined): string | null {
  if (token === undefined) return null;
  if (
    token.type !== "scalar" &&
    token.type !== "single-quoted-scalar" &&
    token.type !== "double-quoted-scalar"
  )
    return null;
  if (!onlyBlank(token.end)) return null;
  let failed = false;
  const resolved = CST.resolveAsScalar(token, true, () => {
    failed = true;
  });
  if (failed || resolved === null) return null;
  if (token.type === "scalar" && NOT_TEXT.some((re) => re.test(resolved.value))) return null;
  return resolved.value;
}

/**
 * A list's items when each is a text with only blanks and its `marker` before it (a block list's
 * `-` before every item; a flow list's comma before all but the first); undefined when unsure. A
 * line with no marker of its own is another item to the syntax tree but an error to the document
 * model (a quoted item followed by a more-indented plain line).
 */
function texts(items: CST.CollectionItem[], marker: string, firstMarked: boolean): string[] | undefined {
  const out: string[] = [];
  for (const [i, item] of items.entries()) {
    if (item.key !== undefined || item.sep !== undefined) return undefined;
    if (!item.start.every((t) => blank(t) || t.type === marker)) return undefined;
    const marks = item.start.filter((t) => t.type === marker).length;
    if (marks !== (i > 0 || firstMarked ? 1 : 0)) return undefined;
    const v = text(item.value);
    if (v === null) return undefined;
    out.push(v);
  }
  return out;
}

/** A block map item's value: nothing, a text, a block list or a flow list of texts; undefined when unsure. */
function value(token: CST.Token | undefined): string | string[] | null | undefined {
  if (token === undefined) return null;
  if (token.type === "block-seq") return texts(token.items, "seq-item-ind", true);
  if (token.type === "flow-collection") {
    const closed = token.end.filter((t) => t.type === "flow-seq-end").length === 1;
    if (
      token.start.source !== "[" ||
      !closed ||
      !token.end.every((t) => t.type === "flow-seq-end" || blank(t))
    )
      return undefined;
    return texts(token.items, "comma", false);
  }
  return text(token) ?? undefined;
}

/** The entries of `src`, or null when it is not front matter this reader is sure of. */
export function readPlainYaml(src: string): PlainEntry[] | null {
  return readSimpleYaml(src) ?? readYamlTree(src);
}

/** A key at the line's start, then its value, if any, after the colon and spaces. */
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?$/;
/** A block list's item: its indentation and its value. */
const ITEM_LINE = /^( *)- +(.+)$/;
/**
 * A plain scalar no YAML rule reads as anything but its own text: a letter or digit first, then none
 * of the indicators that could end or change it (`: `, ` #`, quotes, brackets, braces, tabs).
 */
const PLAIN = /^[\p{L}\p{N}][\p{L}\p{M}\p{N} .,;'’()/&+_!?%$–—-]*$/u;
/** The same inside a flow list, where a comma ends it. */
const FLOW_PLAIN = /^[\p{L}\p{N}][\p{L}\p{M}\p{N} .;'’()/&+_!?%$–—-]*$/u;
/** A quoted scalar with nothing to unescape or fold: its text between the quotes. */
const QUOTED = /^"([^"\\\p{C}\p{Zl}\p{Zp}]*)"$|^'([^'\p{C}\p{Zl}\p{Zp}]*)'$/u;

/** A block map value or list item `readSimpleYaml` is sure of, as the core schema reads it; else null. */
function simpleScalar(v: string): string | null {
  if (PLAIN.test(v)) return v.endsWith(" ") || NOT_TEXT.some((re) => re.test(v)) ? null : v;
  const q = QUOTED.exec(v);
  return q === null ? null : (q[1] ?? q[2])!;
}

/** A flow list's items (`[a, b]`), plain ones only; null when unsure. */
function simpleFlow(v: string): string[] | null {
  if (!v.endsWith("]")) return null;
  const inner = v.slice(1, -1);
  const items: string[] = [];
  if (inner === "") return items;
  for (const part of inner.split(",")) {
    const item = part.replace(/^ +| +$/g, "");
    if (!FLOW_PLAIN.test(item) || NOT_TEXT.some((re) => re.test(item))) return null;
    items.push(item);
  }
  return items;
}

/**
 * The commonest front matter (`date: 2026-03-11`; a few `key: value` lines, `- item` or `[a, b]`
 * lists of plain or simply quoted texts) read line by line, without the library's lexer and parser,
 * whose set-up was most of a small front matter's cost; null for anything else (a comment, a blank
 * line, an escape, a number...), which `readYamlTree` reads. Its answers are the tree's (tested).
 */
export function readSimpleYaml(src: string): PlainEntry[] | null {
  const lines = src.split("\n");
  // The text before the closing line ends with a line break: no line after it.
  if (lines[lines.length - 1] === "") lines.pop();
  if (lines.length === 0) return null;
  const out: PlainEntry[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = i;
    const m = KEY_LINE.exec(lines[i]!);
    if (m === null) return null;
    const key = m[1]!;
    if (seen.has(key) || NOT_TEXT.some((re) => re.test(key))) return null;
    seen.add(key);
    const raw = m[2];
    let value: string | string[] | null;
    if (raw === undefined) {
      // Nothing after the colon: null, or the block list on the lines after it.
      const items: string[] = [];
      let indent = -1;
      for (; i + 1 < lines.length; i++) {
        const item = ITEM_LINE.exec(lines[i + 1]!);
        if (item === null) break;
        if (indent !== -1 && item[1]!.length !== indent) return null;
        indent = item[1]!.length;
        const v = simpleScalar(item[2]!);
        if (v === null) return null;
        items.push(v);
      }
      value = indent === -1 ? null : items;
    } else {
      value = raw.startsWith("[") ? simpleFlow(raw) : simpleScalar(raw);
      if (value === null) return null;
    }
    out.push({ key, value, line });
  }
  return out;
}

/** `readPlainYaml` from the library's concrete syntax tree. */
export function readYamlTree(src: string): PlainEntry[] | null {
  const lines = new LineCounter();
  const docs = [...new Parser(lines.addNewLine).parse(src)];
  const doc = docs.find((t) => t.type === "document");
  if (doc === undefined || doc.type !== "document") return docs.every(blank) ? [] : null;
  if (docs.some((t) => t !== doc && !blank(t)) || !onlyBlank(doc.start) || doc.end !== undefined) return null;
  if (doc.value?.type !== "block-map" || doc.value.indent !== 0) return null;
  const out: PlainEntry[] = [];
  const seen = new Set<string>();
  for (const item of doc.value.items) {
    if (!onlyBlank(item.start) || item.key === undefined || item.key?.type !== "scalar") return null;
    const key = text(item.key);
    const sep = item.sep ?? [];
    if (key === null || seen.has(key)) return null;
    if (sep.filter((t) => t.type === "map-value-ind").length !== 1) return null;
    if (!sep.every((t) => blank(t) || t.type === "map-value-ind")) return null;
    const v = value(item.value);
    if (v === undefined) return null;
    // Every key at the line's start, as the library wants them: an indented one after a flow list
    // (`title: []` then `  more: x`) is an error there, not a key.
    const at = lines.linePos(item.key.offset);
    if (at.col !== 1) return null;
    seen.add(key);
    out.push({ key, value: v, line: at.line - 1 });
  }
  return out;
}
