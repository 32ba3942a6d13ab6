// The front matter most briefings have (`key: value` lines, plain or simply quoted values, lists as
// `- item` lines or `[a, b]`), read without the YAML library: its document model was a tenth of a
// cold load's parse. Anything this reader is not sure gives the library's exact result (a number or
// boolean a core-schema plain scalar would be, escapes, comments after a value, anchors, tags, folded
// lines, duplicate keys, tabs...) makes it answer null, and the library reads the text instead.

/** A top-level key, its value as the core schema gives it (string, list of strings, or null), its line. */
export interface PlainEntry {
  key: string;
  value: string | string[] | null;
  /** 0-based line of the key inside the YAML text. */
  line: number;
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_]*):(?: +(.*))?$/;
const ITEM_LINE = /^( *)- +(.*)$/;
/** Plain scalars the core schema reads as null, booleans or numbers (then not strings). */
const NOT_TEXT = [
  /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$/,
  /^[-+]?(?:[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/,
  /^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/,
];
/** Characters whose meaning this reader leaves to the library (controls, BOM, line separators). */
const UNSURE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
/** A first character that makes a plain scalar something else (an indicator), or ends it. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;

/** A plain scalar on one line that is text in the core schema; null when unsure. */
function plainText(raw: string, inFlow: boolean): string | null {
  const v = raw.trimEnd();
  if (v === "" || INDICATOR.test(v) || v.includes(": ") || v.includes(" #") || v.endsWith(":")) return null;
  if (inFlow && /[[\]{},:#]/.test(v)) return null;
  for (const re of NOT_TEXT) if (re.test(v)) return null;
  return v;
}

/** A value on a key's line: a plain scalar, a quoted one without escapes, or a flow list of plain ones. */
function inlineValue(raw: string): string | string[] | null | undefined {
  const v = raw.trimEnd();
  const q = v[0];
  if (q === '"' || q === "'") {
    const inner = v.slice(1, -1);
    if (v.length < 2 || v.at(-1) !== q || inner.includes(q) || (q === '"' && inner.includes("\\")))
      return undefined;
    return inner;
  }
  if (q === "[") {
    if (!v.endsWith("]")) return undefined;
    const inner = v.slice(1, -1);
    if (inner.trim() === "") return [];
    const items: string[] = [];
    for (const part of inner.split(",")) {
      const item = plainText(part.trim(), true);
      if (item === null) return undefined;
      items.push(item);
    }
    return items;
  }
  return plainText(v, false) ?? undefined;
}

/** The entries of `src`, or null when it is not front matter this reader is sure of. */
export function readPlainYaml(src: string): PlainEntry[] | null {
  if (UNSURE.test(src)) return null;
  const lines = src.split("\n");
  const out: PlainEntry[] = [];
  const seen = new Set<string>();
  // The entry whose key ended its line: block list items below it are its value.
  let open: PlainEntry | null = null;
  let listIndent = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    if (trimmed === "" || (trimmed.startsWith("#") && line.startsWith(trimmed))) continue;
    const item = ITEM_LINE.exec(line);
    if (item !== null) {
      if (open === null || (listIndent !== -1 && item[1]!.length !== listIndent)) return null;
      listIndent = item[1]!.length;
      const text = inlineValue(item[2]!);
      if (typeof text !== "string") return null;
      if (open.value === null) open.value = [];
      (open.value as string[]).push(text);
      continue;
    }
    const kv = KEY_LINE.exec(line);
    // A key the core schema reads as null, a boolean or a number is named otherwise by the library.
    if (kv === null || seen.has(kv[1]!) || NOT_TEXT.some((re) => re.test(kv[1]!))) return null;
    seen.add(kv[1]!);
    listIndent = -1;
    const raw = kv[2] ?? "";
    if (raw.trim() === "") {
      open = { key: kv[1]!, value: null, line: i };
      out.push(open);
      continue;
    }
    open = null;
    const value = inlineValue(raw);
    if (value === undefined) return null;
    out.push({ key: kv[1]!, value, line: i });
  }
  return out;
}
