// HTML in a Markdown briefing, as a browser shows it: tags HTML knows and comments show nothing; block
// elements (`</p>`, `</div>`, `<br>`, a figure's caption) end a line; its links, bold and italics are
// written as Markdown, so that one reading of Markdown shows them as any other.

/** A tag HTML knows, or a comment: shown as nothing (an unknown `<name>` in prose stays as written). */
export const HTML_TAG =
  /^(?:<!--[\s\S]*?-->|<\/?(?:a|abbr|address|article|aside|b|big|blockquote|br|caption|center|cite|code|dd|del|details|div|dl|dt|em|figcaption|figure|font|footer|h[1-6]|header|hr|i|img|ins|kbd|li|main|mark|nav|ol|p|picture|pre|q|s|samp|section|small|source|span|strike|strong|sub|summary|sup|table|tbody|td|tfoot|th|thead|time|tr|tt|u|ul|var|wbr)(?:\s[^>]*)?\/?>)$/i;

/** The elements a browser sets inside a line of text, with no break around them. */
const INLINE_TAG =
  /^<\/?(?:abbr|big|cite|code|del|em|font|ins|kbd|mark|q|s|samp|small|span|strike|sub|sup|time|tt|u|var)\b/i;
const COMMENT = /<!--[\s\S]*?-->/g;
/**
 * Google Docs' "Docs to Markdown" add-on writes its notes to the writer as red paragraphs
 * (`>>>>>  gd2md-html alert: …`) beside its header comment: about the conversion, not the story.
 */
const CONVERTER_ALERT = /<p\b[^>]*>(?:(?!<\/p>)[\s\S])*?gd2md-html alert:[\s\S]*?<\/p>/gi;
const LINK = /<a\b[^>]*?\bhref=(["'])(.*?)\1[^>]*>([\s\S]*?)<\/a\s*>/gi;
const LINE_END =
  /<br\s*\/?>|<\/(?:p|div|h[1-6]|li|figcaption|summary|tr|blockquote|dt|dd|figure)\s*>|<figcaption\b[^>]*>/gi;
/** Where a line ends, in the text between the steps below. */
const CUT = "\uE000";

const tagName = (tag: string) => /^<\/?([A-Za-z][\w.-]*)/.exec(tag)![1]!.toLowerCase();

export function attribute(tag: string, name: string): string | null {
  const m = new RegExp(`\\b${name}=(?:"([^"]*)"|'([^']*)')`, "i").exec(tag);
  return m ? (m[1] ?? m[2] ?? "") : null;
}

/**
 * A link as Markdown: its text (an image's alt text in a badge) without tags. A link with no text
 * (an image without alt text) shows nothing, as it says nothing to a reader.
 */
function link(_: string, _q: string, href: string, inner: string): string {
  const text = inner
    .replace(/<img\b[^>]*>/gi, (img) => ` ${attribute(img, "alt") ?? ""} `)
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (text === "") return " ";
  return `[${text.replace(/[[\]\\]/g, "\\$&")}](<${href.replace(/[<>\s]/g, "")}>)`;
}

/**
 * An image standing alone in its block as Markdown writes it, so it shows as any image does (its alt
 * text, numbered): a chart in a `<p align="center">` is no less there than one written `![alt](src)`.
 * Beside text (a figure's caption, a README's name under its logo) the text says it: no image shown.
 */
function image(img: string): string {
  const src = attribute(img, "src")?.replace(/[<>\s]/g, "") ?? "";
  const alt = (attribute(img, "alt") ?? "").replace(/[[\]\\]/g, "\\$&").trim();
  return src === "" ? ` ${alt} ` : ` ![${alt}](<${src}>) `;
}

const imageAlone = (raw: string) =>
  !/[\p{L}\p{N}]/u.test(raw.replace(COMMENT, " ").replace(/<[^>]*>/g, " ")) &&
  raw.match(/<img\b/gi)?.length === 1;

/** An HTML block's lines of text, Markdown in them (entities still as written). */
export function htmlLines(raw: string): string[] {
  // A tag the block closes is markup, whatever its name: MDX's `<Tabs>…</Tabs>`, a site's own
  // elements. One it never closes may be prose (`replace <name> with yours`).
  const closed = new Set(Array.from(raw.matchAll(/<\/([A-Za-z][\w.-]*)\s*>/g), (m) => m[1]!.toLowerCase()));
  const text = raw
    .replace(COMMENT, " ")
    .replace(CONVERTER_ALERT, " ")
    .replace(LINK, link)
    .replace(/<img\b[^>]*>/gi, (img) => (imageAlone(raw) ? image(img) : " "))
    .replace(/<\/?(?:b|strong)>/gi, "**")
    .replace(/<\/?(?:i|em)>/gi, "*")
    .replace(LINE_END, CUT)
    // An inline element's tags are no space: `<abbr>AI</abbr>-generated` reads `AI-generated`.
    .replace(/<\/?[A-Za-z][^<>]*>/g, (m) =>
      HTML_TAG.test(m) || closed.has(tagName(m)) ? (INLINE_TAG.test(m) ? "" : " ") : m,
    );
  const lines = text
    .split(CUT)
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter((l) => l !== "");
  // A line of no words (Ghost's callout emoji in its own box) goes before the next one.
  return lines.reduce<string[]>((out, l) => {
    const last = out[out.length - 1];
    if (last !== undefined && !/[\p{L}\p{N}]/u.test(last)) out[out.length - 1] = `${last} ${l}`;
    else out.push(l);
    return out;
  }, []);
}

/**
 * `<h1 align="center">…</h1>` as a README writes its title: the level and the inner HTML. Comments
 * around it (WordPress's `<!-- wp:heading -->` block markers) show nothing and change nothing.
 */
export function htmlHeading(raw: string): { level: number; inner: string } | null {
  const m = /^\s*<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>\s*$/i.exec(raw.replace(COMMENT, ""));
  return m ? { level: Number(m[1]), inner: m[2]! } : null;
}

/**
 * An HTML block that is one `<table>` (as converters from Word and wikis write them): its rows, each
 * its cells' inner HTML, to be shown as a table is. Null for anything else, or a table in a table.
 */
export function htmlTable(raw: string): string[][] | null {
  const m = /^\s*<table\b[^>]*>([\s\S]*?)<\/table\s*>\s*$/i.exec(raw.replace(COMMENT, ""));
  if (!m || /<table\b/i.test(m[1]!)) return null;
  const rows = Array.from(m[1]!.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr\s*>/gi), (r) =>
    Array.from(r[1]!.matchAll(/<t([hd])\b[^>]*>([\s\S]*?)<\/t\1\s*>/gi), (c) => c[2]!),
  );
  return rows.length > 0 && rows.every((r) => r.length > 0) ? rows : null;
}

export interface HtmlPart {
  kind: "heading" | "item" | "text" | "quote" | "table" | "code";
  /** Heading level, for a heading. */
  level: number;
  /** The element's inner HTML. */
  inner: string;
  /** Where it starts in the block. */
  at: number;
  /** An item of a numbered list (`<ol>`): its number. */
  n?: number;
}

const PART = /<(h[1-6]|p|li|blockquote|table|pre)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi;
const PART_KIND: Record<string, HtmlPart["kind"]> = {
  li: "item",
  p: "text",
  blockquote: "quote",
  table: "table",
  pre: "code",
};

/**
 * An HTML block pasted whole (a feed item, a web page's article), as its elements: its headings,
 * paragraphs and list items one part each, as a browser sets them apart. Null for a block with no
 * heading or list item among several elements (a README's centred badges, a `<details>`), which
 * reads best as the one paragraph it is.
 */
export function htmlParts(raw: string): HtmlPart[] | null {
  if (!/<(?:h[1-6]|li)\b/i.test(raw) || /<(?:details|aside)\b/i.test(raw)) return null;
  const parts: HtmlPart[] = [];
  let end = 0;
  const loose = (from: number, to: number) => {
    const text = raw
      .slice(from, to)
      .replace(/<\/?(?:ul|ol|div|section|article|header|footer|main)\b[^>]*>/gi, " ");
    if (/[\p{L}\p{N}]/u.test(text.replace(/<[^>]*>/g, " ")))
      parts.push({ kind: "text", level: 0, inner: text, at: from });
  };
  const numbers = listNumbers(raw);
  PART.lastIndex = 0;
  for (let m = PART.exec(raw); m !== null; m = PART.exec(raw)) {
    loose(end, m.index);
    const tag = m[1]!.toLowerCase();
    const kind = PART_KIND[tag] ?? "heading";
    const n = kind === "item" ? numbers(m.index, m[0]) : undefined;
    parts.push({
      kind,
      level: kind === "heading" ? Number(tag[1]) : 0,
      inner: m[2]!,
      at: m.index,
      ...(n !== undefined ? { n } : {}),
    });
    end = m.index + m[0].length;
  }
  loose(end, raw.length);
  return parts.length > 1 ? parts : null;
}

/**
 * The numbers of a block's list items, asked in the order they stand: an item of an `<ol>` counts
 * from its `start` (or takes its own `value`), as a browser numbers it; an item of a `<ul>` has none.
 */
function listNumbers(raw: string): (at: number, item: string) => number | undefined {
  const tags = Array.from(raw.matchAll(/<(\/?)(ol|ul)\b([^>]*)>/gi));
  const open: { ordered: boolean; next: number }[] = [];
  let t = 0;
  return (at, item) => {
    for (; t < tags.length && tags[t]!.index < at; t++) {
      const [, close, name, attrs] = tags[t]!;
      if (close) open.pop();
      else open.push({ ordered: name!.toLowerCase() === "ol", next: numberIn(attrs!, "start") ?? 1 });
    }
    const list = open[open.length - 1];
    if (!list?.ordered) return undefined;
    const n = numberIn(/^<li\b[^>]*>/i.exec(item)?.[0] ?? "", "value") ?? list.next;
    list.next = n + 1;
    return n;
  };
}

/** A tag's whole-number attribute, quoted or not (`start=3`, `value="5"`). */
function numberIn(tag: string, name: string): number | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d{1,6})\\b`, "i").exec(tag);
  return m ? Number(m[1]) : undefined;
}
