// Inline spans and blocks as plain text: what the JSON's paragraph text, search, dates and names read.
import type { Block, Inline } from "./schema.js";

/** Markup removed, link text kept, a hard break as a space. */
export function inlineText(spans: readonly Inline[]): string {
  let out = "";
  for (const s of spans) {
    switch (s.type) {
      case "text":
      case "code":
        out += s.text;
        break;
      case "break":
        out += " ";
        break;
      default:
        out += inlineText(s.children);
    }
  }
  return out;
}

/** The prose of spans: code spans and bare URLs (a link whose text is its URL) left out. */
export function inlineProse(spans: readonly Inline[]): string {
  let out = "";
  for (const s of spans) {
    if (s.type === "text") out += s.text;
    else if (s.type === "break" || s.type === "code") out += " ";
    else if (s.type === "link") {
      const text = inlineText(s.children);
      out += isBareUrl(text, s.url) ? " " : inlineProse(s.children);
    } else out += inlineProse(s.children);
  }
  return out;
}

function isBareUrl(text: string, url: string): boolean {
  const t = text.trim();
  return t === url || `http://${t}` === url || `mailto:${t}` === url || /^[a-z][a-z0-9+.-]*:\/\//i.test(t);
}

export const tableRowText = (cells: readonly Inline[][]) =>
  cells.map((c) => inlineText(c).trim()).join(" | ");

/** A block's plain text on one line (a table's rows joined with " / "). */
export function blockText(b: Block): string {
  switch (b.type) {
    case "paragraph":
    case "heading":
      return inlineText(b.children).trim();
    case "list":
      return b.items
        .map((item, i) => (b.ordered ? `${b.start + i}. ` : "") + item.map(blockText).join(" "))
        .join(" ")
        .trim();
    case "table":
      return [b.header, ...b.rows].map(tableRowText).join(" / ");
    case "code":
      return b.text;
    case "quote":
      return b.children.map(blockText).join(" ").trim();
    case "rule":
      return "";
  }
}

/**
 * The prose of a block for dates and names, as (text, line offset) parts: code blocks and spans and
 * bare URLs give none; a table gives one part per row (its header on the first line, rows from the
 * third), so a date in a row is an event with the row as its sentence.
 */
export function blockProse(b: Block): { text: string; offset: number }[] {
  switch (b.type) {
    case "paragraph":
    case "heading":
      return [{ text: inlineProse(b.children), offset: 0 }];
    case "list":
      return b.items.flatMap((item) => item.flatMap(blockProse)).map((p) => ({ ...p, offset: 0 }));
    case "table":
      return [
        { text: b.header.map((c) => inlineProse(c).trim()).join(" | "), offset: 0 },
        ...b.rows.map((r, i) => ({ text: r.map((c) => inlineProse(c).trim()).join(" | "), offset: 2 + i })),
      ];
    case "quote":
      return b.children.flatMap(blockProse).map((p) => ({ ...p, offset: 0 }));
    case "code":
    case "rule":
      return [];
  }
}

/** Every link of a block, in reading order. */
export function blockLinks(b: Block, out: { text: string; url: string }[] = []): typeof out {
  const spans = (list: readonly Inline[]) => {
    for (const s of list) {
      if (s.type === "link") out.push({ text: inlineText(s.children).trim(), url: s.url });
      else if (s.type === "strong" || s.type === "emphasis" || s.type === "delete") spans(s.children);
    }
  };
  switch (b.type) {
    case "paragraph":
    case "heading":
      spans(b.children);
      break;
    case "list":
      for (const item of b.items) for (const c of item) blockLinks(c, out);
      break;
    case "table":
      for (const row of [b.header, ...b.rows]) for (const c of row) spans(c);
      break;
    case "quote":
      for (const c of b.children) blockLinks(c, out);
      break;
  }
  return out;
}

/** The spans without their first `n` characters of plain text (a lead-in taken off a paragraph). */
export function dropPrefix(spans: readonly Inline[], n: number): Inline[] {
  let left = n;
  const cut = (list: readonly Inline[]): Inline[] => {
    const out: Inline[] = [];
    for (const s of list) {
      if (left <= 0) {
        out.push(s);
        continue;
      }
      const len = inlineText([s]).length;
      if (len <= left) {
        left -= len;
        continue;
      }
      if (s.type === "text" || s.type === "code") {
        out.push({ ...s, text: s.text.slice(left) });
        left = 0;
      } else if (s.type !== "break") out.push({ ...s, children: cut(s.children) });
    }
    return out;
  };
  const out = cut(spans);
  const first = out[0];
  if (first?.type === "text") {
    const text = first.text.replace(/^\s+/, "");
    if (text === "") out.shift();
    else out[0] = { type: "text", text };
  }
  return out;
}
