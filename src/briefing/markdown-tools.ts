// What the tools briefings are written in add to Markdown, read as those tools show it: Obsidian's
// highlights, comments and embeds, Bear's highlights, GitHub's emoji shortcodes, and the directives of
// site generators (Hugo shortcodes, Liquid tags, kramdown attribute lists, Pandoc's fenced divs),
// which a published page never shows as written. marked extensions, used only for a body that may
// hold any of them (`TOOL_SYNTAX`), so plain prose is lexed as before.
import type { Token, TokenizerExtension } from "marked";
import { EMOJI } from "./emoji.js";

/** Whether a body may hold any of the syntax below: one scan of the body. */
export const TOOL_SYNTAX = /==|%%|::[^\s:]|\{[{%:]|^ {0,3}:::|:[a-z0-9_+-]+:|\[-?@|\[[^\]\n]*\s-?@/m;

/** A line a site generator or note tool reads and a reader never sees. */
const DIRECTIVE_LINE =
  /^ {0,3}(?:\{:[^\n]*\}|\{\{[<%][^\n]*?[%>]\}\}|\{%[^\n]*?%\}|:{3,}[^\n]*|%%[\s\S]*?%%)[ \t]*(?:\n+|$)/;
const DIRECTIVE_START = /^ {0,3}(?:\{:|\{\{[<%]|\{%|:::|%%)/m;
const INLINE_DIRECTIVE = /^(?:\{\{<[^\n]*?>\}\}|\{\{%[^\n]*?%\}\}|\{%[^\n]*?%\})/;

/** What a directive shows on the page: its caption or title (a figure's), else nothing. */
function caption(raw: string): string {
  const m = /\b(?:caption|title|alt)=(?:"([^"]*)"|'([^']*)')/.exec(raw);
  return (m?.[1] ?? m?.[2] ?? "").trim();
}

export type DirectiveToken = Token & { type: "directive"; text: string };

/** `{: .lead}`, `{:toc}`, `{{< figure >}}`, `{% include %}`, `::: note`, `%% comment %%` on lines of their own. */
const directiveBlock: TokenizerExtension = {
  name: "directive",
  level: "block",
  start(src) {
    const i = src.search(DIRECTIVE_START);
    return i === -1 ? undefined : i;
  },
  tokenizer(src) {
    const m = DIRECTIVE_LINE.exec(src);
    if (!m) return undefined;
    return { type: "directive", raw: m[0], text: caption(m[0]) };
  },
};

/** The same directives inside a line: `{{< ref "a.md" >}}`, `{% raw %}`. */
const directiveInline: TokenizerExtension = {
  name: "directive",
  level: "inline",
  start(src) {
    const i = src.search(/\{\{[<%]|\{%/);
    return i === -1 ? undefined : i;
  },
  tokenizer(src) {
    const m = INLINE_DIRECTIVE.exec(src);
    if (!m) return undefined;
    return { type: "directive", raw: m[0], text: caption(m[0]) };
  },
};

/** Obsidian's `%% comment %%` inside a line: shown nowhere. */
const comment: TokenizerExtension = {
  name: "comment",
  level: "inline",
  start(src) {
    const i = src.indexOf("%%");
    return i === -1 ? undefined : i;
  },
  tokenizer(src) {
    const m = /^%%[\s\S]*?%%/.exec(src);
    return m ? { type: "comment", raw: m[0] } : undefined;
  },
};

/**
 * `==highlighted==` (Obsidian, Bear, Typora) and Bear's older `::highlighted::`; the latter only after
 * a space, so `std::vector::size` and Dataview's `key:: value` stay text.
 */
const highlight: TokenizerExtension = {
  name: "highlight",
  level: "inline",
  start(src) {
    const i = src.search(/==(?=\S)|::(?=\S)/);
    return i === -1 ? undefined : i;
  },
  tokenizer(src, tokens) {
    const m =
      /^==(?=[^\s=])([^\n]*?[^\s=])==(?!=)/.exec(src) ?? /^::(?=[^\s:])([^\n:]*?[^\s:])::(?!:)/.exec(src);
    if (!m) return undefined;
    const before = tokens[tokens.length - 1]?.raw ?? " ";
    if (m[0].startsWith("::") && !/\s$/.test(before)) return undefined;
    return { type: "highlight", raw: m[0], tokens: this.lexer.inlineTokens(m[1]!) };
  },
};

/** GitHub's `:rocket:`: the emoji, where the name is one GitHub knows (others stay as written). */
const emoji: TokenizerExtension = {
  name: "emoji",
  level: "inline",
  start(src) {
    const i = src.search(/:[a-z0-9_+-]+:/);
    return i === -1 ? undefined : i;
  },
  tokenizer(src) {
    const m = /^:([a-z0-9_+-]+):/.exec(src);
    const shown = m ? EMOJI[m[1]!] : undefined;
    return shown ? { type: "emoji", raw: m![0], text: shown } : undefined;
  },
};

/**
 * Liquid's output `{{ page.title }}` (Jekyll, Shopify, Eleventy): a value the site fills in when it
 * builds the page, which no reader of the file can know. Shown as the code it is, never dropped.
 */
const liquidOutput: TokenizerExtension = {
  name: "liquid",
  level: "inline",
  start(src) {
    const i = src.search(/\{\{(?![<%])/);
    return i === -1 ? undefined : i;
  },
  tokenizer(src) {
    const m = /^\{\{(?![<%])[^\n{}]*\}\}/.exec(src);
    return m ? { type: "liquid", raw: m[0], text: m[0] } : undefined;
  },
};

/** One cited key with what is written around it: `see @doe99, p. 33`, `-@doe99`. */
const CITED = /(^|[\s;])-?@([\p{L}\p{N}_][\p{L}\p{N}_:.#$%&+?<>~/-]*?)(?=[:.]?(?:[\s,;]|$))/gu;

/**
 * Pandoc's citations `[@smith2020, p. 4; see @doe2021]`: the page shows them as references in the
 * text, which a reader without the bibliography reads best as the keys in parentheses:
 * `(smith2020, p. 4; see doe2021)`. A bracket in which any part cites no key is no citation.
 */
const citation: TokenizerExtension = {
  name: "citation",
  level: "inline",
  start(src) {
    const i = src.search(/\[[^\]\n]*@/);
    return i === -1 ? undefined : i;
  },
  tokenizer(src) {
    const m = /^\[([^[\]\n]*@[^[\]\n]*)\](?![([:])/.exec(src);
    if (!m) return undefined;
    const parts = m[1]!.split(";");
    if (!parts.every((part) => /(?:^|\s)-?@[\p{L}\p{N}_]/u.test(part.trim()))) return undefined;
    const text = `(${parts.map((part) => part.trim().replace(CITED, "$1$2")).join("; ")})`;
    return { type: "citation", raw: m[0], text };
  },
};

export const TOOL_EXTENSIONS = [
  directiveBlock,
  directiveInline,
  liquidOutput,
  citation,
  comment,
  highlight,
  emoji,
];

/** kramdown's `* TOC` + `{:toc}`: where the page's contents are generated, no list of the writer's. */
export function isContentsMarker(item: { tokens: Token[] }): boolean {
  return item.tokens.some((t) => t.type === "directive" && /^\{:\s*toc\s*\}/.test(t.raw.trim()));
}
