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
