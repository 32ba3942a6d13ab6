// Pass 1 for Markdown files: the body parsed by marked (CommonMark + GFM) into blocks, then cut into
// the paragraphs normalise places. The library decides every block boundary; only what the briefing
// format adds on top is done here: bare headings (a short Title Case first line), `Source:` lines and
// lead-ins starting a paragraph of their own, and one glossary entry per line under a glossary heading.
import {
  Lexer,
  Marked,
  Tokenizer as MarkedTokenizer,
  type Token,
  type TokenizerExtension,
  type Tokens,
} from "marked";
import markedFootnote, { type Footnote, type Footnotes } from "marked-footnote";
import { sanitize } from "../text/sanitize.js";
import { emailHeaders, MAIL_HEADER_LINE } from "./email.js";
import { foreignMarkdown } from "./foreign.js";
import { isGlossaryHeading, leadIn, sectionForHeading, sourceLine } from "./headings.js";
import { attribute, HTML_TAG, type HtmlPart, htmlHeading, htmlLines, htmlParts, htmlTable } from "./html.js";
import { blockLinks, blockText, dropPrefix, inlineText } from "./inline.js";
import { type DirectiveToken, isContentsMarker, TOOL_EXTENSIONS, TOOL_SYNTAX } from "./markdown-tools.js";
import type { BodyParagraph } from "./paragraphs.js";
import { looksLikeHeading, strongHeading } from "./paragraphs.js";
import { isBlockProperty, propertyLines, propertyText, tagLines, titleBlock } from "./properties.js";
import type { Align, Block, Inline } from "./schema.js";
import { widenTables } from "./table-width.js";

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  copy: "©",
  reg: "®",
  trade: "™",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  laquo: "«",
  raquo: "»",
  euro: "€",
  pound: "£",
  yen: "¥",
  cent: "¢",
  deg: "°",
  times: "×",
  middot: "·",
  bull: "•",
  sect: "§",
  para: "¶",
};

/**
 * HTML entities as CommonMark decodes them in text (numeric ones, and the common named ones), but
 * never into a character the sanitiser would have to show as a code.
 */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]{2,8}));/g, (m, dec, hex, name) => {
    if (name !== undefined) return NAMED[name] ?? m;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex, 16);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return "\ufffd";
    const ch = String.fromCodePoint(code);
    // An entity naming a control (ESC, BEL, a bidi override) stays the text it was written as.
    return sanitize(ch) === ch ? ch : m;
  });
}

function inlines(tokens: readonly Token[] | undefined, out: Inline[] = []): Inline[] {
  // Inside `<sup>`: digits are written as superscripts (`<sup>1</sup>` reads `¹`, not `1`).
  let sup = false;
  // An open `<a href>`: where its text began in `out`, and its URL.
  let anchor: { at: number; url: string } | null = null;
  for (const t of tokens ?? []) {
    switch (t.type) {
      case "text":
        if ("tokens" in t && t.tokens && t.tokens.length > 0) inlines(t.tokens, out);
        // `<sup>[1]</sup>` too: a note's mark, never a number like the links'.
        else if (sup && /^\[?\d+\]?$/.test(t.raw)) pushText(out, superscript(t.raw.replace(/[[\]]/g, "")));
        else pushText(out, decodeEntities(t.raw));
        break;
      case "escape":
        pushText(out, decodeEntities(t.text));
        break;
      case "strong":
      case "em":
      case "del":
        out.push({
          type: t.type === "em" ? "emphasis" : t.type === "del" ? "delete" : "strong",
          children: inlines(t.tokens),
        });
        break;
      case "codespan":
        out.push({ type: "code", text: decodeEntities(t.text) });
        break;
      case "br":
        out.push({ type: "break" });
        break;
      case "link": {
        // A link around an image (a README badge) is one link: the image's alt text, the outer URL.
        const children = unlinked(inlines(t.tokens));
        // A link to a part of the same page (a README's contents) leads nowhere from a terminal; one
        // that is only a number is a footnote's mark (Substack's `[1](#footnote-1)`, Wikipedia's
        // `[\[1\]](#cite_note-1)`), raised as ours.
        const mark = (t as Tokens.Link).href.startsWith("#")
          ? /^\[?(\d{1,3})\]?$/.exec(inlineText(children).trim())
          : null;
        if (mark) pushText(out, superscript(mark[1]!));
        else if (nowhere((t as Tokens.Link).href)) out.push(...children);
        else out.push({ type: "link", url: (t as Tokens.Link).href, children });
        break;
      }
      case "image": {
        // Docs to Markdown's placeholder (`![alt_text](images/image1.png "image_tooltip")`) is no alt text.
        const alt = (t as Tokens.Image).title === "image_tooltip" ? [] : inlines(t.tokens);
        const href = (t as Tokens.Image).href;
        const web = /^https?:/i.test(href);
        // Without alt text and off the web (an export's `images/icons/bullet_blue.gif`), an image is
        // an icon whose path leads nowhere from a terminal: a mark that one stood there, no number.
        if (alt.length === 0 && !web) pushText(out, "[image]");
        // Nor is an image written into the page (`data:image/png;base64,…`) a URL to list.
        else if (nowhere(href) || href.startsWith("data:")) out.push(...alt);
        else
          out.push({
            type: "link",
            url: href,
            children: alt.length > 0 ? alt : [{ type: "text", text: "image" }],
          });
        break;
      }
      case "checkbox":
        pushText(out, (t as Tokens.Checkbox).checked ? "[x] " : "[ ] ");
        break;
      case "html": {
        // A link written in HTML (`<a href="…"><img alt="badge"></a>`) is a link as any other.
        const open = /^<a\b[^>]*?\bhref=(["'])(.*?)\1[^>]*>$/i.exec(t.raw);
        if (open) {
          anchor = { at: out.length, url: open[2]! };
          out.push({ type: "text", text: "" });
          break;
        }
        if (anchor && /^<\/a\s*>$/i.test(t.raw)) {
          const children = unlinked(out.splice(anchor.at));
          if (anchor.url.startsWith("#") || inlineText(children).trim() === "") out.push(...children);
          else out.push({ type: "link", url: anchor.url, children });
          anchor = null;
          break;
        }
        if (anchor && /^<img\b/i.test(t.raw)) pushText(out, decodeEntities(attribute(t.raw, "alt") ?? ""));
        // Inline HTML as a browser shows it: `<br>` a line break, known tags and comments nothing.
        if (/^<\/?sup>$/i.test(t.raw)) sup = !t.raw.startsWith("</");
        if (/^<br\s*\/?>$/i.test(t.raw)) out.push({ type: "break" });
        else if (!HTML_TAG.test(t.raw)) pushText(out, decodeEntities(t.raw));
        break;
      }
      case "footnoteRef":
        pushText(out, superscript(notes.get((t as FootnoteRef).label) ?? 0));
        break;
      case "wikiLink":
        pushText(out, decodeEntities((t as Token & { text: string }).text));
        break;
      case "span":
        if ((t as Token & { mark: boolean }).mark) out.push({ type: "strong", children: inlines(t.tokens) });
        else inlines(t.tokens, out);
        break;
      case "slackLink": {
        const { href, text } = t as Token & { href: string; text: string };
        out.push({ type: "link", url: href, children: [{ type: "text", text: decodeEntities(text) }] });
        break;
      }
      case "highlight":
        // A highlight is the writer's stress: strong is the terminal's nearest style.
        out.push({ type: "strong", children: inlines(t.tokens) });
        break;
      case "liquid":
        out.push({ type: "code", text: (t as DirectiveToken).text });
        break;
      case "emoji":
      case "citation":
      case "directive":
        pushText(out, (t as DirectiveToken).text);
        break;
      case "comment":
        break;
      default:
        pushText(out, decodeEntities(t.raw));
    }
  }
  return out;
}

/**
 * An HTML block's text, its Markdown read: Notion writes a callout as `<aside>` around `💡 **Note**`,
 * and a reader expects the bold that its writer saw. Its lines are joined by line breaks.
 */
function htmlSpans(raw: string): Inline[] {
  const out: Inline[] = [];
  for (const line of htmlLines(raw)) {
    const text = decodeEntities(line);
    if (out.length > 0) out.push({ type: "break" });
    if (!INLINE_SYNTAX.test(text)) out.push({ type: "text", text });
    else out.push(...inlines(new Lexer(TOOLS).inlineTokens(text)));
  }
  return tidy(out);
}

/** Footnote labels numbered in the order of their first reference (set for each body parsed). */
let notes = new Map<string, number>();
type FootnoteRef = Token & { label: string };

const SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";
/** A footnote's number as the reader sees it: `¹`, `²³`. */
const superscript = (n: number | string) => [...String(n)].map((d) => SUPERSCRIPT[Number(d)]).join("");

/**
 * A link that leads nowhere from a terminal: a part of the same page (a README's contents), or a
 * note app's own attachment (Joplin's `:/4f7c…`): its text, no number.
 */
const nowhere = (href: string) => href.startsWith("#") || href.startsWith(":/");

/** Links inside a link (an image in a link) become their text: one link, one number. */
function unlinked(spans: Inline[]): Inline[] {
  return spans.flatMap((s) => (s.type === "link" ? unlinked(s.children) : [s]));
}

function pushText(out: Inline[], text: string): void {
  if (text === "") return;
  const last = out[out.length - 1];
  if (last?.type === "text") last.text += text;
  else out.push({ type: "text", text });
}

/** Soft line breaks and the spaces around them become one space; the ends are trimmed. */
function tidy(spans: Inline[]): Inline[] {
  const walk = (list: Inline[]): Inline[] =>
    list.map((s) =>
      s.type === "text"
        ? { type: "text", text: s.text.includes("\n") ? s.text.replace(/[ \t]*\n[ \t]*/g, " ") : s.text }
        : s.type === "strong" || s.type === "emphasis" || s.type === "delete" || s.type === "link"
          ? { ...s, children: walk(s.children) }
          : s,
    );
  const out = walk(spans);
  // A hard break is the only break: the spaces of the line ends around it go.
  out.forEach((x, i) => {
    if (x.type !== "break") return;
    const before = out[i - 1];
    const after = out[i + 1];
    if (before?.type === "text") before.text = before.text.trimEnd();
    if (after?.type === "text") after.text = after.text.trimStart();
  });
  const first = out[0];
  if (first?.type === "text") first.text = first.text.trimStart();
  const last = out[out.length - 1];
  if (last?.type === "text") last.text = last.text.trimEnd();
  return merge(out);
}

/** Neighbouring text spans as one, empty ones dropped: one structure for one text, however lexed. */
function merge(spans: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const s of spans) {
    if (s.type === "text") {
      if (s.text === "") continue;
      const last = out[out.length - 1];
      if (last?.type === "text") out[out.length - 1] = { type: "text", text: last.text + s.text };
      else out.push(s);
    } else if (s.type === "strong" || s.type === "emphasis" || s.type === "delete" || s.type === "link")
      out.push({ ...s, children: merge(s.children) });
    else out.push(s);
  }
  return out;
}

function align(a: string | null | undefined): Align {
  return a === "left" || a === "right" || a === "center" ? a : null;
}

/** Blocks inside a list item or quote. */
function blocks(tokens: readonly Token[] | undefined): Block[] {
  const out: Block[] = [];
  for (const t of tokens ?? []) {
    const b = block(t);
    if (b) out.push(b);
  }
  return out;
}

function listBlock(t: Tokens.List, items: Tokens.ListItem[]): Block {
  const start = t.ordered ? (typeof t.start === "number" ? t.start : 1) : 1;
  return {
    type: "list",
    ordered: t.ordered,
    start,
    ...(t.loose ? { loose: true } : {}),
    items: items.map((item) => {
      // marked gives a task item's box as a token of its own; the box is written once, below.
      const inner = blocks(item.task ? item.tokens.filter((x) => x.type !== "checkbox") : item.tokens);
      if (item.task) {
        const box: Inline = { type: "text", text: item.checked ? "[x] " : "[ ] " };
        const first = inner[0];
        if (first?.type === "paragraph") first.children = merge([box, ...first.children]);
        else inner.unshift({ type: "paragraph", children: [box] });
      } else markerTask(inner[0]);
      return inner;
    }),
  };
}

/**
 * Logseq's and org-mode's task markers opening an item (`TODO Call the office`, `DONE …`), shown as
 * Logseq shows them: a box, ticked for DONE. A state with no box of its own (DOING, NOW, WAITING)
 * keeps its word after an open box; CANCELED stays as written.
 */
const TASK_MARKER = /^(TODO|LATER|DONE|DOING|NOW|WAITING)[ \t]+(?=\S)/;

function markerTask(first: Block | undefined): void {
  const lead = first?.type === "paragraph" ? first.children[0] : undefined;
  const m = lead?.type === "text" ? TASK_MARKER.exec(lead.text) : null;
  if (!m || first?.type !== "paragraph") return;
  const keep = m[1] === "DOING" || m[1] === "NOW" || m[1] === "WAITING";
  const box = m[1] === "DONE" ? "[x] " : "[ ] ";
  first.children = merge([
    { type: "text", text: box + (keep ? m[0] : "") },
    ...dropPrefix(first.children, m[0].length),
  ]);
}

function block(t: Token): Block | null {
  switch (t.type) {
    case "paragraph":
    case "text":
      return { type: "paragraph", children: tidy(inlines(t.tokens ?? [{ ...t, tokens: [] } as Token])) };
    case "heading":
      return {
        type: "heading",
        depth: (t as Tokens.Heading).depth,
        children: headingSpans(t as Tokens.Heading),
      };
    case "list":
      return listBlock(t as Tokens.List, (t as Tokens.List).items);
    case "table": {
      const tt = t as Tokens.Table;
      return {
        type: "table",
        align: tt.align.map(align),
        header: tt.header.map((c) => tidy(inlines(c.tokens))),
        rows: tt.rows.map((r) => r.map((c) => tidy(inlines(c.tokens)))),
      };
    }
    case "code": {
      const lang = ((t as Tokens.Code).lang ?? "").trim().split(/\s+/)[0] ?? "";
      return { type: "code", lang: lang === "" ? null : decodeEntities(lang), text: (t as Tokens.Code).text };
    }
    case "blockquote":
      return { type: "quote", children: callout(t.tokens ?? []) ?? blocks(t.tokens) };
    case "hr":
      return { type: "rule" };
    case "html": {
      const table = htmlTableBlock(t.raw);
      if (table) return table;
      const spans = htmlSpans(t.raw);
      return spans.length === 0 ? null : { type: "paragraph", children: spans };
    }
    case "footnote": {
      // A footnote's text where it was written, after its number: `¹ The count was taken…`.
      const [first, ...rest] = blocks((t as Footnote).content);
      const label = (t as Footnote).label;
      // A note cited nowhere takes the next number, after the cited ones.
      if (!notes.has(label)) notes.set(label, notes.size + 1);
      const mark: Inline = { type: "text", text: `${superscript(notes.get(label)!)} ` };
      if (first?.type === "paragraph") first.children = merge([mark, ...first.children]);
      return first?.type === "paragraph"
        ? rest.length === 0
          ? first
          : { type: "quote", children: [first, ...rest] }
        : { type: "paragraph", children: [mark] };
    }
    case "space":
    case "def":
    case "footnotes":
      return null;
    case "directive": {
      const text = (t as DirectiveToken).text;
      return text === "" ? null : { type: "paragraph", children: [{ type: "text", text }] };
    }
    default:
      return t.raw.trim() === ""
        ? null
        : { type: "paragraph", children: [{ type: "text", text: t.raw.trim() }] };
  }
}

/** An HTML `<table>` as a table: its first row the header, as GFM's, its cells' Markdown read. */
function htmlTableBlock(raw: string): Block | null {
  const rows = htmlTable(raw);
  if (rows === null) return null;
  const columns = Math.max(...rows.map((r) => r.length));
  const cells = (r: string[]) =>
    Array.from({ length: columns }, (_, i) => (i < r.length ? htmlSpans(r[i]!) : []));
  const [header, ...rest] = rows;
  return { type: "table", align: Array(columns).fill(null), header: cells(header!), rows: rest.map(cells) };
}

/** Pandoc's and kramdown's attributes after a heading's text: `{#id .class}`, `{-}`, `{: #id}`. */
const HEADING_ATTRIBUTES = /\s*\{[:#.-][^{}]*\}$/;

/** A heading's spans, without the attributes a site generator reads after its text. */
function headingSpans(t: Tokens.Heading): Inline[] {
  const spans = withoutEditLink(tidy(inlines(t.tokens)));
  const last = spans[spans.length - 1];
  if (last?.type !== "text" || !HEADING_ATTRIBUTES.test(last.text)) return spans;
  const text = last.text.replace(HEADING_ATTRIBUTES, "");
  return text === "" ? spans.slice(0, -1) : [...spans.slice(0, -1), { type: "text", text }];
}

/**
 * A heading copied from a wiki (MediaWiki: `History[edit]`) ends with the site's link to edit that
 * part of the page: for the site's editors, no part of the heading.
 */
function withoutEditLink(spans: Inline[]): Inline[] {
  const [open, link, close] = spans.slice(-3);
  if (
    open?.type !== "text" ||
    !open.text.endsWith("[") ||
    link?.type !== "link" ||
    !/^edit(?: source)?$/i.test(inlineText(link.children).trim()) ||
    close?.type !== "text" ||
    close.text.trim() !== "]"
  )
    return spans;
  const before = open.text.slice(0, -1).trimEnd();
  return [...spans.slice(0, -3), ...(before === "" ? [] : [{ type: "text" as const, text: before }])];
}

/** `[!NOTE]`, `[!WARNING]- Title` (GitHub alerts, Obsidian callouts) on a quote's first line. */
const CALLOUT = /^\[!([A-Za-z][\w-]*)\][+-]?[ \t]*/;

/**
 * A callout's blocks: its type (and the title written after it) as a strong first line, the rest of
 * its first paragraph after it. Null for a quote that is no callout.
 */
function callout(tokens: readonly Token[]): Block[] | null {
  const first = tokens[0];
  if (first?.type !== "paragraph") return null;
  const m = CALLOUT.exec(first.raw);
  if (!m) return null;
  const [top, ...rest] = rows(inlines(first.tokens));
  const name = m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1).toLowerCase();
  const title = tidy(dropPrefix(top!.spans, m[0].length));
  const label: Inline[] = [{ type: "text", text: title.length > 0 ? `${name}: ` : name }, ...title];
  const body = rest.some((r) => r.spans.length > 0) ? joinRows(rest) : [];
  const strong: Inline = { type: "strong", children: merge(label) };
  const head: Block = {
    type: "paragraph",
    children: body.length > 0 ? [strong, { type: "break" }, ...body] : [strong],
  };
  return [head, ...blocks(tokens.slice(1))];
}

const newlines = (s: string) => {
  let n = 0;
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) n++;
  return n;
};

interface Row {
  spans: Inline[];
  /** 0-based line inside the paragraph. */
  at: number;
  /** How this line joined the one before: a soft break (space) or a hard break. */
  hard: boolean;
}

/** A paragraph's top-level spans cut at its line breaks (a break inside emphasis stays put). */
function rows(spans: readonly Inline[]): Row[] {
  const out: Row[] = [{ spans: [], at: 0, hard: false }];
  let at = 0;
  for (const s of spans) {
    if (s.type === "break") {
      at++;
      out.push({ spans: [], at, hard: true });
      continue;
    }
    if (s.type !== "text" || !s.text.includes("\n")) {
      out[out.length - 1]!.spans.push(s);
      if (s.type !== "code") at += newlines(inlineText([s]));
      continue;
    }
    const parts = s.text.split("\n");
    parts.forEach((part, i) => {
      if (i > 0) {
        at++;
        out.push({ spans: [], at, hard: false });
      }
      if (part !== "") out[out.length - 1]!.spans.push({ type: "text", text: part });
    });
  }
  return out;
}

/** A definition list's definition, `:   text` under its term (PHP Markdown Extra, Pandoc, kramdown). */
const DEFINITION = /^ {0,3}:[ \t]+(?=\S)/;

/** Rows with each definition joined to its term's row as `Term: definition`, a glossary line. */
function definitionRows(list: Row[]): Row[] {
  const out: Row[] = [];
  for (const r of list) {
    const first = r.spans[0];
    const m = first?.type === "text" && !r.hard ? DEFINITION.exec(first.text) : null;
    const term = out[out.length - 1];
    if (!m || !term || inlineText(term.spans).trim() === "") out.push(r);
    else
      term.spans = merge([...term.spans, { type: "text", text: ": " }, ...dropPrefix(r.spans, m[0].length)]);
  }
  return out;
}

function joinRows(list: Row[]): Inline[] {
  const out: Inline[] = [];
  list.forEach((r, i) => {
    if (i > 0) out.push(r.hard ? { type: "break" } : { type: "text", text: "\n" });
    out.push(...r.spans);
  });
  return tidy(out);
}

/** Text with none of these has no inline markup: marked's inline pass would return it as one text. */
const INLINE_SYNTAX = /[\\`*_~<>[\]&@]|www\.|:\/\/| {2,}\n/i;

/** A blank line, as far as a setext heading's text may reach (marked's own test is wider still). */
const BLANK_LINE = /\n[ \t]*\n/;
/** An underline of `=` or `-` alone on a line, however indented (a wider test than marked's). */
const UNDERLINE = /\n[ \t]*(?:=+|-+)[ \t]*(?:\n|$)/;

/**
 * marked's tokenizer, with the setext heading test skipped where no line before the next blank one is
 * an underline. marked tries that test before every paragraph, and its pattern looks ahead at every
 * line break of the paragraph for the lines that may not continue it: some 4% of a briefing's parse,
 * for a heading prose almost never has. Where an underline may be, marked's own test decides.
 */
class Tokenizer extends MarkedTokenizer {
  override lheading(src: string): Tokens.Heading | undefined {
    const blank = src.search(BLANK_LINE);
    if (!UNDERLINE.test(blank === -1 ? src : src.slice(0, blank + 1))) return undefined;
    return super.lheading(src);
  }
}

/** Obsidian's `[[Note]]` and `[[Note#Heading|shown text]]`: the text shown, as Obsidian shows it. */
const wikiLink: TokenizerExtension = {
  name: "wikiLink",
  level: "inline",
  tokenizer(src) {
    // `![[file.png]]`, an embed, shows the file's name.
    const m = /^!?\[\[([^[\]\n|]+)(?:\|([^[\]\n]+))?\]\]/.exec(src);
    if (!m) return undefined;
    return { type: "wikiLink", raw: m[0], text: (m[2] ?? m[1]!.replace(/#\^?/g, " > ")).trim() };
  },
};

/** GFM footnotes (marked's footnote extension) and wiki links, on top of marked's GFM. */
const FOOTNOTES = markedFootnote();
const EXTENDED = new Marked({ gfm: true }, FOOTNOTES, { extensions: [wikiLink] }).defaults;
/** The same, with what writers' tools add (markdown-tools.ts), for a body that may hold it. */
const TOOLS = new Marked({ gfm: true }, FOOTNOTES, { extensions: [wikiLink, ...TOOL_EXTENSIONS] }).defaults;

/**
 * Google Docs writes a bold run that ends in a space as `**Label: **text`: CommonMark reads no strong
 * there and shows the asterisks, where its writer saw bold. The space goes after the closing marker.
 */
function looseStrong(body: string): string {
  // Only from a marker that opens a run (at a line's start or after a space): `**a**. **b**` stays.
  return body.includes(" **")
    ? body.replace(/(^|[\s(])\*\*(?=[^\s*])([^*\n]*?[^\s*])([ \t]+)\*\*/gm, "$1**$2**$3")
    : body;
}

/**
 * ChatGPT's citation marks, copied out of its answer: `【4†source】`, `【4†L12-L18】` and `citeturn0search1`
 * (its private-use brackets around it lost or kept). They point into a conversation the file does not
 * hold: no word of the text. Two `includes` first, as most bodies have neither.
 */
const CHAT_MARK =
  /[ \t]?(?:【\d+†[^】\n]{0,40}】|\uE200?cite(?:\uE202?turn\d+(?:search|news|view|fetch|file|image)\d+)+\uE201?)/gu;

function chatMarks(body: string): string {
  return body.includes("†") || body.includes("cite") ? body.replace(CHAT_MARK, "") : body;
}

/**
 * marked's `lex`, with its inline pass skipped for text that holds no inline syntax (most prose): the
 * same tokens, for a third of the time on the bench's archive.
 */
function lex(body: string): Token[] {
  const tools = TOOL_SYNTAX.test(body);
  const lexer = new Lexer({ ...(tools ? TOOLS : EXTENDED), tokenizer: new Tokenizer() });
  // marked-footnote's token, one object shared by every document, which it puts first in each.
  let shared: Footnotes | undefined;
  try {
    // A body with no carriage return (the reader turned CRLF into LF) is not scanned for one.
    const lf = body.includes("\r") ? body.replace(/\r\n?/g, "\n") : body;
    const tokens = lexer.blockTokens(looseStrong(chatMarks(lf)), lexer.tokens);
    if (tokens[0]?.type === "footnotes") shared = tokens[0] as Footnotes;
    for (const { src, tokens: into } of lexer.inlineQueue) {
      lexer.state.inRawBlock = false;
      if (tools || INLINE_SYNTAX.test(src)) lexer.inlineTokens(src, into);
      else into.push({ type: "text", raw: src, text: src, escaped: false });
    }
    lexer.inlineQueue = [];
    notes = new Map(shared?.items.map((f, i) => [f.label, i + 1]) ?? []);
    // That token takes in a lone blank line opening the body: the line goes to a token of its own.
    if (shared) tokens[0] = { type: "space", raw: "\n".repeat(newlines(shared.raw)) };
    return tokens;
  } finally {
    // marked-footnote keeps "footnotes seen" between documents until a token walk resets it.
    FOOTNOTES.walkTokens?.({ type: "space", raw: "" });
    const head =
      shared ?? (lexer.tokens[0]?.type === "footnotes" ? (lexer.tokens[0] as Footnotes) : undefined);
    if (head) head.raw = head.raw.replace(/\n+$/, "");
  }
}

/**
 * Cuts a body into paragraphs with marked's lexer. `firstLine` is the file line the body starts on.
 */
export function markdownParagraphs(body: string, firstLine = 1): BodyParagraph[] {
  const tokens = lex(widenTables(foreignMarkdown(body)));
  const out: BodyParagraph[] = [];
  let line = firstLine;
  let glossary = false;
  let top = true;
  // Nothing yet but the title's heading: where a page's property lines stand.
  let opening = true;
  // Markdown lists numbered in reading order: normalise tells where one list ends and the next begins.
  let lists = 0;
  const push = (p: BodyParagraph) => {
    out.push(p);
    if (p.kind === "heading") glossary = isGlossaryHeading(p.text);
  };
  /** One top-level block (or one of an outline item's) as the paragraphs it gives. */
  const read = (t: Token, at: number): void => {
    switch (t.type) {
      case "space":
      case "def":
      case "hr":
        break;
      case "heading": {
        const spans = headingSpans(t as Tokens.Heading);
        const text = inlineText(spans).trim();
        const depth = (t as Tokens.Heading).depth;
        // A link roundup's `### [Story](https://…)`: the heading keeps its link, to be numbered.
        const linked = blockLinks({ type: "heading", depth, children: spans }).length > 0;
        if (text)
          push({
            kind: "heading",
            text,
            line: at,
            level: depth,
            ...(linked ? { block: { type: "heading", depth, children: spans } } : {}),
          });
        break;
      }
      case "paragraph":
      case "text":
        if (!abbreviations(t.raw, at, push)) paragraph(t as Tokens.Paragraph, at, glossary, push);
        break;
      case "list":
        list(t as Tokens.List, at, ++lists, push, (item, line) => outlineItem(item, line, read, push));
        break;
      case "directive":
        // A figure's caption is shown; the rest of a directive is for the page's generator.
        if ((t as DirectiveToken).text !== "")
          push({ kind: "text", text: (t as DirectiveToken).text, line: at });
        break;
      case "html": {
        // Where the block's first line is: leading blank lines belong to the token.
        const line = at + newlines(/^\s*/.exec(t.raw)![0]);
        // `<h1 align="center">`: a heading, as a README's title is written.
        const h = htmlHeading(t.raw);
        const title = h ? inlineText(htmlSpans(h.inner)).trim() : "";
        if (h && title !== "") {
          push({ kind: "heading", text: title, line, level: h.level });
          break;
        }
        const table = htmlTableBlock(t.raw);
        if (table) {
          push({ kind: "block", text: blockText(table), line, block: table });
          break;
        }
        if (htmlArticle(t.raw, at, push)) break;
        // HTML shows as its text, a paragraph as any other (`<p>A Short Line</p>` is no bare heading).
        const spans = htmlSpans(t.raw);
        const text = inlineText(spans).trim();
        const plain = spans.every((x) => x.type === "text");
        if (text !== "")
          push({
            kind: "text",
            text,
            line,
            ...(plain ? {} : { block: { type: "paragraph", children: spans } }),
          });
        break;
      }
      default: {
        // Tables, code, quotes and footnotes are never prose: no title, lead-in, source or glossary line.
        const b = block(t);
        if (b) {
          const lead = /^\s*/.exec(t.raw)![0];
          // Plain text (a footnote's) carries no block, as any paragraph of plain text.
          const plain = b.type === "paragraph" && b.children.every((x) => x.type === "text");
          push({
            kind: "block",
            text: blockText(b),
            line: at + newlines(lead),
            ...(plain ? {} : { block: b }),
          });
        }
      }
    }
  };
  // A `## Metadata` heading over a list of property lines (Readwise): the list is the page's.
  let metadata = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const at = line;
    line += newlines(t.raw);
    const leading = top;
    const first = top && t.type === "paragraph";
    if (t.type !== "space" && t.type !== "footnotes") top = false;
    if (t.type === "heading" && metadataHeading(t as Tokens.Heading, tokens[i + 1], tokens[i + 2])) {
      metadata = true;
      continue;
    }
    if (metadata && t.type === "list") {
      metadata = false;
      pageFields((t as Tokens.List).items.map((item) => item.text).join("\n"), at, push);
      continue;
    }
    if (opening && t.type === "paragraph" && coverImage(t as Tokens.Paragraph, at, push)) continue;
    if (leading && t.type === "list" && breadcrumbs(t as Tokens.List, at, push)) continue;
    if (first && mailHeaders(t.raw, at, push)) continue;
    if (first && pageFields(t.raw, at, push, titleBlock)) continue;
    // Google Docs writes each property as a paragraph of its own: one after another, they all are.
    if (opening && t.type === "paragraph" && pageFields(t.raw, at, push)) continue;
    // A line of tags, wherever it stands: the page's tags, never a paragraph of the story.
    if (t.type === "paragraph" && TAGGED.test(t.raw) && tagFields(t.raw, at, push)) continue;
    if (
      t.type !== "space" &&
      t.type !== "def" &&
      !(t.type === "heading" && t.depth === 1 && out.every((p) => p.kind === "properties")) &&
      // A converter's comment over the title (Docs to Markdown's) shows nothing: the title still opens.
      !(opening && t.type === "html" && htmlLines(t.raw).length === 0)
    )
      opening = false;
    read(t, at);
  }
  return demote(out);
}

/** Headings over a page's properties rather than its story. */
const METADATA = /^(?:metadata|page properties|properties|document (?:info|information|properties))$/i;

/** A metadata heading, with a list of property lines straight under it (blank lines aside). */
function metadataHeading(t: Tokens.Heading, next?: Token, after?: Token): boolean {
  if (!METADATA.test(t.text.trim())) return false;
  const list = next?.type === "space" ? after : next;
  if (list?.type !== "list") return false;
  const items = (list as Tokens.List).items;
  return !items.some((item) => item.text.includes("\n")) && propertyLines(items.map((x) => x.text)) !== null;
}

/**
 * A cover image opening a page (Readwise's `![rw-book-cover](…)`, a blog's banner): the page's
 * decoration, named as such, it goes to the source with the page's other properties.
 */
function coverImage(t: Tokens.Paragraph, at: number, push: (p: BodyParagraph) => void): boolean {
  const spans = (t.tokens ?? []).filter((x) => !(x.type === "text" && x.raw.trim() === ""));
  if (spans.length !== 1 || spans[0]!.type !== "image") return false;
  const image = spans[0] as Tokens.Image;
  if (!/\b(?:cover|banner)\b/i.test(`${image.text} ${image.title ?? ""}`)) return false;
  // A tool's name for it (`rw-book-cover`) says no more than "Cover"; words a writer gave it are kept.
  const alt = image.text.trim();
  const fields = [{ name: "Cover", value: /\s/.test(alt) ? `${alt} ${image.href}` : image.href }];
  push({ kind: "properties", text: decodeEntities(propertyText(fields)), line: at, fields });
  return true;
}

/**
 * An HTML article pasted whole (a feed item): its headings headings, its list items bullets, its
 * paragraphs paragraphs, each on the line it starts on. False for a block that is no such article.
 */
function htmlArticle(raw: string, at: number, push: (p: BodyParagraph) => void): boolean {
  const parts = htmlParts(raw);
  if (parts === null) return false;
  for (const part of parts) {
    const line = at + newlines(raw.slice(0, part.at));
    // A table, a quote and preformatted text inside the article: blocks of their own.
    const block = htmlPartBlock(part);
    if (block !== undefined) {
      if (block !== null) push({ kind: "block", text: blockText(block), line, block });
      continue;
    }
    const spans = htmlSpans(part.inner);
    const text = inlineText(spans).trim();
    if (text === "") continue;
    const plain = spans.every((x) => x.type === "text");
    if (part.kind === "heading") push({ kind: "heading", text, line, level: part.level });
    else if (part.kind === "item") {
      const ordered = part.n !== undefined;
      push({
        kind: ordered ? "item" : "bullet",
        text: ordered ? `${part.n}. ${text}` : text,
        line,
        block: {
          type: "list",
          ordered,
          start: part.n ?? 1,
          items: [[{ type: "paragraph", children: spans }]],
        },
      });
    } else
      push({ kind: "text", text, line, ...(plain ? {} : { block: { type: "paragraph", children: spans } }) });
  }
  return true;
}

/** An article's table, quote or preformatted part as its block (null: no text); undefined for others. */
function htmlPartBlock(part: HtmlPart): Block | null | undefined {
  if (part.kind === "table") return htmlTableBlock(`<table>${part.inner}</table>`);
  if (part.kind === "code") {
    const text = decodeEntities(part.inner.replace(/<[^>]*>/g, "")).replace(/^\n|\n$/g, "");
    return text.trim() === "" ? null : { type: "code", lang: null, text };
  }
  if (part.kind !== "quote") return undefined;
  const spans = htmlSpans(part.inner.replace(/<\/?p\b[^>]*>/gi, " "));
  return inlineText(spans).trim() === ""
    ? null
    : { type: "quote", children: [{ type: "paragraph", children: spans }] };
}

/** How a line of tags begins: `#ai`, `Tags:`, `**Keywords:**` (the rest is tagLines' to say). */
const TAGGED = /^(?:#\p{L}|(?:\*\*|__)?(?:tags?|topics|labels|keywords|categories)\b)/iu;

/**
 * Mail headers opening a body (a forwarded mail saved as Markdown) as one paragraph of text, as in a
 * plain-text file: normalise takes the title and date from them and sends them to the source.
 */
function mailHeaders(raw: string, at: number, push: (p: BodyParagraph) => void): boolean {
  const lines = raw.trim().split("\n");
  if (lines.length < 2 || !lines.every((l) => MAIL_HEADER_LINE.test(l))) return false;
  const text = lines.map((l) => decodeEntities(l.trim())).join(" ");
  if (emailHeaders(text) === null) return false;
  push({ kind: "text", text, line: at });
  return true;
}

/** kramdown's and PHP Markdown Extra's `*[AI]: artificial intelligence`: a glossary line of its own. */
const ABBREVIATION = /^\*\[([^\]\n]+)\]:[ \t]*(\S.*)$/;

/** A paragraph of abbreviation definitions, each line an entry of the glossary. */
function abbreviations(raw: string, at: number, push: (p: BodyParagraph) => void): boolean {
  if (!raw.startsWith("*[")) return false;
  const lines = raw.trim().split("\n");
  const found = lines.map((l) => ABBREVIATION.exec(l.trim()));
  if (!found.every((m) => m !== null)) return false;
  found.forEach((m, i) => {
    push({ kind: "text", text: decodeEntities(`${m![1]}: ${m![2]}`), line: at + i, term: true });
  });
  return true;
}

/**
 * A wiki's breadcrumbs opening an exported page (Confluence: `1. [Space](index.html)`, one item a
 * page above it): where the page sits, not the story. One paragraph, `Space › Page`, for the source.
 */
function breadcrumbs(list: Tokens.List, at: number, push: (p: BodyParagraph) => void): boolean {
  if (list.items.length < 2) return false;
  const names: string[] = [];
  for (const item of list.items) {
    const blocks = item.tokens.filter((t) => t.type !== "space");
    const only = blocks.length === 1 && (blocks[0]!.type === "text" || blocks[0]!.type === "paragraph");
    const spans = only ? ((blocks[0] as Tokens.Text).tokens ?? []).filter((t) => t.raw.trim() !== "") : [];
    const link = spans.length === 1 && spans[0]!.type === "link" ? (spans[0] as Tokens.Link) : null;
    // Links to parts of the page are its contents, which show nothing (a rule of their own).
    if (link === null || link.href.startsWith("#")) return false;
    names.push(inlineText(inlines(link.tokens)).trim());
  }
  push({ kind: "properties", text: decodeEntities(names.join(" › ")), line: at, fields: [] });
  return true;
}

/** Property lines under a page's title (Notion, Logseq): one paragraph, about the file. */
function pageFields(
  raw: string,
  at: number,
  push: (p: BodyParagraph) => void,
  read = propertyLines,
): boolean {
  const fields = read(raw.trim().split("\n"));
  if (fields === null) return false;
  push({ kind: "properties", text: decodeEntities(propertyText(fields)), line: at, fields });
  return true;
}

/**
 * A line of tags (`#ai #policy`, `Tags: a, b`): a property paragraph, its hashtags as written, a
 * named line as any property (`**Keywords:** a; b` reads `Keywords: a; b`, no stray `**`).
 */
function tagFields(raw: string, at: number, push: (p: BodyParagraph) => void): boolean {
  const lines = raw.trim().split("\n");
  const fields = tagLines(lines);
  if (fields === null) return false;
  const text = lines[0]!.trim().startsWith("#") ? lines.map((l) => l.trim()).join(" ") : propertyText(fields);
  push({ kind: "properties", text: decodeEntities(text), line: at, fields });
  return true;
}

/**
 * An outline's item that opens with a heading (Logseq writes a page as one list: `- ## What happened`
 * over its points), or with a bold line over a nested list (Roam's `- **What happened**`): read as the heading, with the item's other blocks under it (its sublist's items
 * one paragraph each). False for any other item.
 */
function outlineItem(
  item: Tokens.ListItem,
  at: number,
  read: (t: Token, at: number) => void,
  push: (p: BodyParagraph) => void,
): boolean {
  const first = item.tokens.find((x) => x.type !== "space");
  const bold = first !== undefined && boldLine(first) && item.tokens.some((x) => x.type === "list");
  if ((first?.type !== "heading" && !bold) || item.task) return false;
  let line = at;
  for (const t of item.tokens) {
    if (t === first && bold)
      push({ kind: "heading", text: inlineText(inlines((t as Tokens.Text).tokens)).trim(), line, level: 0 });
    else read(t, line);
    line += newlines(t.raw);
  }
  return true;
}

/** A line that is bold alone (`**What happened**`): Roam's and Workflowy's outlines head a branch so. */
function boldLine(t: Token): boolean {
  if (t.type !== "text" && t.type !== "paragraph") return false;
  const spans = ((t as Tokens.Text).tokens ?? []).filter((x) => !(x.type === "text" && x.raw.trim() === ""));
  return spans.length === 1 && spans[0]!.type === "strong";
}

function list(
  t: Tokens.List,
  at: number,
  id: number,
  push: (p: BodyParagraph) => void,
  outline: (item: Tokens.ListItem, line: number) => boolean,
): void {
  let line = at;
  let n = t.ordered ? (typeof t.start === "number" ? t.start : 1) : 1;
  // A page's table of contents, written out (markdown-toc, a README's): the headings it lists are
  // there anyway, and its links lead nowhere from a terminal.
  if (t.items.length > 1 && t.items.every((item) => CONTENTS_ITEM.test(item.raw.trim()))) return;
  for (const item of t.items) {
    // A Logseq block's own property (`id:: …`): about the page, as its other properties.
    if (!item.task && isBlockProperty(item.text) && pageFields(item.text, line, push)) {
      line += newlines(item.raw);
      n++;
      continue;
    }
    if (isContentsMarker(item) || outline(item, line)) {
      line += newlines(item.raw);
      n++;
      continue;
    }
    const b = listBlock(t, [item]);
    if (b.type === "list" && t.ordered) b.start = n;
    const text = (b.type === "list" ? (b.items[0] ?? []) : []).map(blockText).join(" ").trim();
    push({
      kind: t.ordered ? "item" : "bullet",
      text: t.ordered ? `${n}. ${text}` : text,
      line,
      block: b,
      list: id,
    });
    line += newlines(item.raw);
    n++;
  }
}

/** Lines of in-page links only, nested or not: `[What happened](#what-happened)`. */
const CONTENTS_ITEM =
  /^(?:[-*+]|\d+[.)])\s+\[[^\]\n]*\]\(#[^)\s]*\)(?:\s*\n\s*(?:[-*+]|\d+[.)])\s+\[[^\]\n]*\]\(#[^)\s]*\))*$/;

/** The longest section name, and some: a longer line is never one (and costs no look-up). */
const MAX_SECTION_LINE = 40;

/**
 * A line inside a paragraph that is a section's name and nothing more (`Why it matters`): notes apps
 * (Apple Notes, a pasted chat) write a heading on a line of its own with no blank line around it.
 */
const sectionLine = (text: string) =>
  text.length <= MAX_SECTION_LINE && sectionForHeading(text)?.exact === true;

/**
 * `•` and its kin are no Markdown list marker, but pasted bullets use them, and so do newsletters
 * with emoji (`🔹 The story: ...`): each such line is an item.
 */
const PASTED_BULLET = /^(?:[•‣◦▪●▸►▶➤➜➡✓✔✅☑🔹🔸🔷🔶👉]\uFE0F?)\s*/u;
/** A social post's numbered points, `1️⃣ …`: each a paragraph of its own, its keycap kept. */
const KEYCAP = /^(?:[0-9#*]\uFE0F?\u20E3|🔟)/u;

/**
 * Whether a line of a pasted paragraph (not its first) begins a paragraph of its own: under a
 * glossary, after a source line, at or after a pasted bullet, or as a source line or lead-in itself.
 * One rule for the paragraphs marked up inline and the plain ones cut as strings.
 */
function startsParagraph(
  text: string,
  isBullet: boolean,
  was: { glossary: boolean; sourceOpen: boolean; bullet: boolean },
): boolean {
  return (
    was.glossary ||
    was.sourceOpen ||
    isBullet ||
    was.bullet ||
    sourceLine(text) !== null ||
    leadIn(text) !== null
  );
}

function paragraph(t: Tokens.Paragraph, at: number, glossary: boolean, push: (p: BodyParagraph) => void) {
  const only = t.tokens?.length === 1 ? t.tokens[0]! : undefined;
  if (only?.type === "text" && !("tokens" in only && only.tokens && only.tokens.length > 0)) {
    plainParagraph(decodeEntities(only.raw), at, glossary, push);
    return;
  }
  const all = definitionRows(rows(inlines(t.tokens)));
  let group: Row[] = [];
  let bullet = false;
  let sourceOpen = false;
  const flush = () => {
    if (group.length === 0) return;
    let spans = joinRows(group);
    let text = inlineText(spans).trim();
    const line = at + group[0]!.at;
    group = [];
    if (!text) return;
    if (bullet) {
      const marker = PASTED_BULLET.exec(text)![0].length;
      spans = dropPrefix(spans, marker);
      text = inlineText(spans).trim();
      const item: Block = { type: "paragraph", children: spans };
      push({
        kind: "bullet",
        text,
        line,
        block: { type: "list", ordered: false, start: 1, items: [[item]] },
      });
      return;
    }
    // A paragraph of plain text carries no block: its text says it all (and the cache stays small).
    const plain = spans.every((x) => x.type === "text");
    const p: BodyParagraph = plain
      ? { kind: "text", text, line }
      : { kind: "text", text, line, block: { type: "paragraph", children: spans } };
    if (all.length === 1) alone.add(p);
    push(p);
  };
  all.forEach((r, i) => {
    const text = inlineText(r.spans).trim();
    if (i === 0 && all.length > 1 && !linked(r.spans) && looksLikeHeading(text) && strongHeading(text)) {
      push({ kind: "heading", text, line: at + r.at, level: 0 });
      return;
    }
    if (i > 0 && sectionLine(text)) {
      flush();
      push({ kind: "heading", text, line: at + r.at, level: 0 });
      return;
    }
    const isBullet = PASTED_BULLET.test(text);
    const starts =
      i > 0 && startsParagraph(text, isBullet || KEYCAP.test(text), { glossary, sourceOpen, bullet });
    if (starts) flush();
    if (group.length === 0) bullet = isBullet;
    sourceOpen = sourceLine(text) !== null;
    group.push(r);
  });
  flush();
}

/**
 * `paragraph` for a paragraph of plain text (most prose): the same cuts and the same paragraphs, made
 * from its lines as strings, without spans to build, join and tidy for each one.
 */
function plainParagraph(src: string, at: number, glossary: boolean, push: (p: BodyParagraph) => void) {
  const lines: (string | null)[] = src.split("\n");
  // A definition goes on its term's line; its own line is then no more.
  if (src.includes("\n:") || src.includes("\n :"))
    lines.forEach((l, i) => {
      const m = i > 0 ? DEFINITION.exec(l!) : null;
      const term = lines[i - 1];
      if (!m || !term?.trim()) return;
      lines[i - 1] = `${term.trimEnd()}: ${l!.slice(m[0].length)}`;
      lines[i] = null;
    });
  const count = lines.filter((l) => l !== null).length;
  let group: string[] = [];
  let groupAt = 0;
  let bullet = false;
  let sourceOpen = false;
  const flush = () => {
    if (group.length === 0) return;
    const text = group.join(" ").trim();
    const line = at + groupAt;
    group = [];
    if (!text) return;
    if (bullet) {
      const rest = text.slice(PASTED_BULLET.exec(text)![0].length).trimStart();
      const item: Block = { type: "paragraph", children: rest === "" ? [] : [{ type: "text", text: rest }] };
      push({
        kind: "bullet",
        text: rest,
        line,
        block: { type: "list", ordered: false, start: 1, items: [[item]] },
      });
      return;
    }
    const p: BodyParagraph = { kind: "text", text, line };
    if (count === 1) alone.add(p);
    push(p);
  };
  lines.forEach((raw, i) => {
    if (raw === null) return;
    const text = raw.trim();
    if (i === 0 && count > 1 && looksLikeHeading(text) && strongHeading(text)) {
      push({ kind: "heading", text, line: at, level: 0 });
      return;
    }
    if (i > 0 && sectionLine(text)) {
      flush();
      push({ kind: "heading", text, line: at + i, level: 0 });
      return;
    }
    const isBullet = PASTED_BULLET.test(text);
    const starts =
      i > 0 && startsParagraph(text, isBullet || KEYCAP.test(text), { glossary, sourceOpen, bullet });
    if (starts) flush();
    if (group.length === 0) {
      bullet = isBullet;
      groupAt = i;
    }
    sourceOpen = sourceLine(text) !== null;
    group.push(raw);
  });
  flush();
}

/** A line with a link in it (a row of badges, `[Read more](…)`) is never a bare heading: it leads on. */
const linked = (spans: readonly Inline[]) => spans.some((s) => s.type === "link");

/** Paragraphs that are one line standing alone between blank lines. */
const alone = new WeakSet<BodyParagraph>();

/**
 * A paragraph of one line standing alone that looks like a heading is a bare heading; a bare heading
 * with nothing under it (the last paragraph, or straight before another heading) stays text.
 */
function demote(paras: BodyParagraph[]): BodyParagraph[] {
  const marked = paras.map((p): BodyParagraph => {
    if (p.kind !== "text" || !alone.has(p) || !looksLikeHeading(p.text)) return p;
    if (p.block?.type === "paragraph" && linked(p.block.children)) return p;
    // The block stays: a heading with nothing under it is shown as the paragraph it was. A line bold
    // as a whole (a forum's `**Why it matters**`, Slack's `*Why it matters*`) is a heading as
    // `## Why it matters` is.
    const bold =
      p.block?.type === "paragraph" &&
      p.block.children.length === 1 &&
      (p.block.children[0]!.type === "strong" || p.block.children[0]!.type === "emphasis");
    return {
      kind: "heading",
      text: p.text,
      line: p.line,
      level: 0,
      ...(p.block && !bold ? { block: p.block } : {}),
    };
  });
  return marked.map((p, i) => {
    const next = marked[i + 1];
    if (p.kind !== "heading" || p.level !== 0 || (next !== undefined && next.kind !== "heading")) return p;
    const original = paras[i]!;
    return original.kind === "text" ? original : { kind: "text", text: p.text, line: p.line };
  });
}
