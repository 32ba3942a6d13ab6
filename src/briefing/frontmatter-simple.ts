// The front matter most briefings have, read without the YAML library: top-level `key: value` lines
// of known keys whose values are plain or quoted text on one line, `[a, b]` lists, or `- item` lists.
// The library's full parse (a document, a line counter, nodes, then JS values) cost as much as the
// Markdown step in a load's profile. Anything outside that narrow shape (a comment, a tab, an escape,
// a number, a boolean, a multi-line value, an unknown or repeated key...) answers null and the
// library reads it: this path must give what the library gives (test/briefing/frontmatter-simple.test.ts
// compares the two over generated front matter) and never decides an error or a warning.

/**
 * Characters the fast path leaves to the library: controls, tabs, BOMs, surrogates, and every white
 * space but the plain space (JavaScript's trim and `\s` take them for space; YAML takes them for text).
 */
const UNUSUAL =
  /[\x00-\x09\x0b-\x1f\x7f-\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ud800-\udfff\ufeff\ufffe\uffff]/;
const KEY_LINE = /^([a-z_]+):(?: +(.*))?$/;
const ITEM_LINE = /^( *)- +(.*)$/;
/** Plain text that cannot start with a YAML indicator, hold a comment or a `key: ` pair, or end in `:`. */
const PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^#]*[^\s:#])?$/;
/** Plain text inside `[...]`: no flow indicators or quotes at all. */
const FLOW_PLAIN = /^[^\s\-?:,[\]{}#&*!|>'"%@`](?:[^#,[\]{}'":]*[^\s#,[\]{}'":])?$/;
/** What YAML's core schema reads as something else than text: null, booleans, and any number. */
const NOT_TEXT = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE)$|^[-+.\d]/;
/** Dates and date-times start with a digit yet stay text in the core schema (it has no timestamps). */
const DATE_TEXT = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** A scalar written on one line: its text, or null when the library must read it. */
function scalar(raw: string, flow: boolean): string | null {
  const v = raw.trimEnd();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'")) {
    const q = v[0];
    const inner = v.slice(1, -1);
    if (v[v.length - 1] !== q || inner.includes(q) || (q === '"' && inner.includes("\\"))) return null;
    return inner;
  }
  if (!(flow ? FLOW_PLAIN : PLAIN).test(v) || v.includes(": ")) return null;
  if (NOT_TEXT.test(v) && !DATE_TEXT.test(v)) return null;
  // Inner runs of spaces are kept by YAML in a one-line plain scalar.
  return v;
}

function flowList(raw: string): string[] | null {
  const v = raw.trimEnd();
  if (!v.endsWith("]")) return null;
  const inner = v.slice(1, -1);
  if (inner.trim() === "") return [];
  const items: string[] = [];
  for (const part of inner.split(",")) {
    const item = scalar(part.trim(), true);
    if (item === null) return null;
    items.push(item);
  }
  return items;
}

/**
 * The front matter's values as the YAML library's `toJS({ mapAsMap: true })` gives them for a
 * document of the simple shape, with `known` keys only; null for anything else.
 */
export function simpleFrontMatter(src: string, known: ReadonlySet<string>): Map<string, unknown> | null {
  if (UNUSUAL.test(src)) return null;
  const lines = src.split("\n");
  const out = new Map<string, unknown>();
  let i = 0;
  while (i < lines.length) {
    const line = lines[i++]!;
    if (line.trim() === "") continue;
    const m = KEY_LINE.exec(line);
    if (m === null) return null;
    const key = m[1]!;
    if (!known.has(key) || out.has(key)) return null;
    const rest = (m[2] ?? "").trimEnd();
    if (rest === "") {
      // A block list under the key, every item at the same indent; else the value is null.
      const items: string[] = [];
      let indent: string | null = null;
      while (i < lines.length) {
        const next = lines[i]!;
        if (next.trim() === "") {
          i++;
          continue;
        }
        const item = ITEM_LINE.exec(next);
        if (item === null) break;
        if (indent !== null && item[1] !== indent) return null;
        indent = item[1]!;
        const value = scalar(item[2]!, false);
        if (value === null) return null;
        items.push(value);
        i++;
      }
      out.set(key, indent === null ? null : items);
      continue;
    }
    const value = rest.startsWith("[") ? flowList(rest) : scalar(rest, false);
    if (value === null) return null;
    out.set(key, value);
  }
  // Blank front matter is no mapping at all to the library: left to it.
  return out.size === 0 ? null : out;
}
