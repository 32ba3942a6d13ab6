// What the tools briefings are written in add to Markdown, read as those tools show it: Obsidian's
// highlights, comments and embeds, Bear's highlights, GitHub's emoji shortcodes, and the directives of
// site generators (Hugo shortcodes, Liquid tags, kramdown attribute lists, Pandoc's fenced divs),
// which a published page never shows as written. marked extensions, used only for a body that may
// hold any of them (`TOOL_SYNTAX`), so plain prose is lexed as before.
import type { Token, TokenizerExtension } from "marked";
import { EMOJI } from "./emoji.js";

/** Whether a body may hold any of the syntax below: one scan of the body. */
export const TOOL_SYNTAX =
  /==|%%|::[^\s:]|\{[{%:]|^ {0,3}:::|\[\/[a-z]|\[[a-z][\w-]*\s+[a-z_][\w-]*=|^(?:import|export)\s|:[a-z0-9_+-]+:|\[-?@|\[[^\]\n]*\s-?@|^ {0,3}(?:\[(?:TOC|toc)\]|\[\[_TOC_\]\]|\$\$)|\^[^\s^]+\^|~\d+~|<(?:https?:|mailto:|[@!#])[^>\n]*\||<[@!][A-Za-z0-9]|\]\{[.#a-z]|^ {0,3}\+-{3,}|^ {0,3}-{3,}[ \t]+-{3,}|^h[1-6]\.[ \t]|\$[^\s$](?:[^$\n]*[^\s$\\])?\$(?!\d)|\\\(/m;

/**
 * A line a site generator or note tool reads and a reader never sees; MDX's (Docusaurus') `import X
 * from '…'` and one-line `export const …` among them.
 */
const DIRECTIVE_LINE =
  /^ {0,3}(?:\[(?:TOC|toc)\]|\[\[_TOC_\]\]|\{:[^\n]*\}|\{\{[<%][^\n]*?[%>]\}\}|\{%[^\n]*?%\}|:{3,}[^\n]*|%%[\s\S]*?%%|import\s(?:[^\n]*\sfrom\s)?\s*(["'])[^"'\n]+\1;?|export\s+(?:const|let|default|function)\s[^\n]*)[ \t]*(?:\n+|$)/;
const DIRECTIVE_START = /^ {0,3}(?:\[(?:TOC|toc)\]|\[\[_TOC_\]\]|\{:|\{\{[<%]|\{%|:::|%%)/m;
const INLINE_DIRECTIVE = /^(?:\{\{<[^\n]*?>\}\}|\{\{%[^\n]*?%\}\}|\{%[^\n]*?%\})/;

/** What a directive shows on the page: its caption or title (a figure's), else nothing. */
function caption(raw: string): string {
  const m = /\b(?:caption|title|alt)=(?:"([^"]*)"|'([^']*)')/.exec(raw);
  return (m?.[1] ?? m?.[2] ?? "").trim();
}

/**
 * An admonition's opening line, `:::tip`, `:::info Effective date`, `:::caution[Enforcement]`
 * (Docusaurus, VitePress, Pandoc's `::: warning`, Quarto's `::: {.callout-note}`): its kind and title,
 * as a GitHub alert is shown (`Tip`, `Info: Effective date`). Any other directive: its caption.
 */
function directiveText(raw: string): string {
  const m =
    /^ {0,3}:{3,}[ \t]*(?:([A-Za-z][\w-]*)|\{[^}\n]*?\.callout-([\w-]+)[^}\n]*\})(?:\[([^\]\n]*)\])?[ \t]*([^{\n]*)/.exec(
      raw,
    );
  const kind = m?.[1] ?? m?.[2];
  if (!kind) return caption(raw);
  const title = (m![3] ?? m![4] ?? "").trim() || caption(raw);
  const name = kind.charAt(0).toUpperCase() + kind.slice(1).toLowerCase();
  return title === "" ? name : `${name}: ${title}`;
}

export type DirectiveToken = Token & { type: "directive"; text: string };

/** Typora's and GitLab's `[TOC]`, `[[_TOC_]]` (the page's generated contents), `{: .lead}`, `{:toc}`, `{{< figure >}}`, `{% include %}`, `::: note`, `%% comment %%` on lines of their own. */
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
    return { type: "directive", raw: m[0], text: directiveText(m[0]) };
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

/**
 * WordPress's shortcodes, `[caption id="attachment_8" width="300"]…[/caption]`, `[embed]…[/embed]`:
 * the text between them, as the page shows it (a caption), the shortcodes themselves nothing. An
 * opening one holds attributes or is closed later in the text, so `[sic]` and `[1]` stay as written.
 */
const shortcode: TokenizerExtension = {
  name: "directive",
  level: "inline",
  start(src) {
    const i = src.search(/\[\/?[a-z][\w-]*[\s\]]/);
    return i === -1 ? undefined : i;
  },
  tokenizer(src) {
    const m =
      /^\[\/[a-z][\w-]*\]/.exec(src) ??
      /^\[[a-z][\w-]*(?:\s+[a-z_][\w-]*=(?:"[^"\n]*"|'[^'\n]*'|[^\s\]"']+))+\s*\/?\]/.exec(src) ??
      /^\[([a-z][\w-]*)\](?=[\s\S]*\[\/\1\])/.exec(src);
    return m ? { type: "directive", raw: m[0], text: caption(m[0]) } : undefined;
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
    if (!m) return undefined;
    // Roam's `{{[[TODO]]}}`: the task marker, which the item then shows as its box.
    const roam = /^\{\{\[\[(TODO|DONE)\]\]\}\}/.exec(m[0]);
    if (roam) return { type: "directive", raw: m[0], text: roam[1]! };
    return { type: "liquid", raw: m[0], text: m[0] };
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

const SUPER = "⁰¹²³⁴⁵⁶⁷⁸⁹";
const SUB = "₀₁₂₃₄₅₆₇₈₉";

/**
 * Pandoc's and Typora's superscripts and subscripts of digits, `10^3^`, `H~2~O`: the digits raised or
 * lowered, as the page shows them (GFM would strike `~2~` through).
 */
const scripts: TokenizerExtension = {
  name: "script",
  level: "inline",
  start(src) {
    const i = src.search(/\^\d+\^|~\d+~/);
    return i === -1 ? undefined : i;
  },
  tokenizer(src) {
    const m = /^(?:\^(\d+)\^(?!\^)|~(\d+)~(?!~))/.exec(src);
    if (!m) return undefined;
    const digits = m[1] ?? m[2]!;
    const set = m[1] !== undefined ? SUPER : SUB;
    return { type: "directive", raw: m[0], text: [...digits].map((d) => set[Number(d)]).join("") };
  },
};

/** TeX's commands a terminal can show as one character: the common ones of a policy text's figures. */
const TEX_SYMBOLS: Record<string, string> = {
  times: "×",
  cdot: "·",
  approx: "≈",
  sim: "~",
  le: "≤",
  leq: "≤",
  ge: "≥",
  geq: "≥",
  ne: "≠",
  neq: "≠",
  pm: "±",
  infty: "∞",
  to: "→",
  rightarrow: "→",
  ldots: "…",
  dots: "…",
  alpha: "α",
  beta: "β",
  gamma: "γ",
  delta: "δ",
  epsilon: "ε",
  lambda: "λ",
  mu: "μ",
  pi: "π",
  sigma: "σ",
  theta: "θ",
  tau: "τ",
  phi: "φ",
  omega: "ω",
  Delta: "Δ",
  Sigma: "Σ",
  Omega: "Ω",
};
const SCRIPT_CHARS: Record<string, [string, string]> = { "+": ["⁺", "₊"], "-": ["⁻", "₋"], "=": ["⁼", "₌"] };

/**
 * Inline maths as a page shows it, where a terminal can: `$3 \times 10^{25}$` reads `3 × 10²⁵`. Null
 * for anything more (a fraction, a root, a letter raised): then the TeX itself is shown, as code.
 */
export function texText(tex: string): string | null {
  const raised = (body: string, down: boolean) => {
    let out = "";
    for (const c of body) {
      const digit = "0123456789".indexOf(c);
      const mark = SCRIPT_CHARS[c];
      if (digit !== -1) out += (down ? SUB : SUPER)[digit];
      else if (mark) out += mark[down ? 1 : 0];
      else return null;
    }
    return out;
  };
  let failed = false;
  const text = tex
    .replace(/\\(?:text|mathrm|mathit|textrm|operatorname)\{([^{}\\]*)\}/g, "$1")
    .replace(/\\([A-Za-z]+)/g, (m, name: string) => TEX_SYMBOLS[name] ?? m)
    .replace(/\\[,;:! ]/g, " ")
    .replace(/\\([%$&#])/g, "$1")
    .replace(/([\^_])(?:\{([^{}]*)\}|([0-9+-]))/g, (m, sign: string, braced?: string, one?: string) => {
      const r = raised(braced ?? one!, sign === "_");
      if (r === null) failed = true;
      return r ?? m;
    });
  return failed || /[\\{}^_]/.test(text) ? null : text.replace(/\s+/g, " ").trim();
}

/**
 * Pandoc's inline maths, `$x$` (also Obsidian's, Typora's, Quarto's) and `\(x\)`: a `$` opens it with
 * no space after it and closes it with none before it, never before a digit, so `$5 to $10` is money.
 */
const mathInline: TokenizerExtension = {
  name: "mathInline",
  level: "inline",
  start(src) {
    const dollar = src.indexOf("$");
    const paren = src.indexOf("\\(");
    const i = dollar === -1 ? paren : paren === -1 ? dollar : Math.min(dollar, paren);
    return i === -1 ? undefined : i;
  },
  tokenizer(src) {
    const m =
      /^\$(?![\s$])((?:[^$\\\n]|\\.)*?[^\s\\])\$(?!\d)/.exec(src) ??
      /^\\\(((?:[^\\\n]|\\[^)])+?)\\\)/.exec(src);
    if (!m) return undefined;
    const tex = m[1]!.trim();
    const text = texText(tex);
    return text === null ? { type: "liquid", raw: m[0], text: tex } : { type: "directive", raw: m[0], text };
  },
};

/** Display maths between `$$` lines (Typora, Obsidian, Pandoc): verbatim, as code in the language `math`. */
const mathBlock: TokenizerExtension = {
  name: "math",
  level: "block",
  start(src) {
    const i = src.search(/^ {0,3}\$\$/m);
    return i === -1 ? undefined : i;
  },
  tokenizer(src) {
    const m = /^ {0,3}\$\$([^$]*?)\$\$[ \t]*(?:\n+|$)/.exec(src);
    if (!m) return undefined;
    return { type: "code", raw: m[0], lang: "math", text: m[1]!.replace(/^\n|\n$/g, "").trim() };
  },
};

/**
 * Slack's and Teams' pasted markup: `<https://…|text>` a link with its text, `<@U024BE7LH>` a person
 * and `<!channel>` a group mentioned, `<#C123|general>` a channel: shown as `@U024BE7LH`, `@channel`,
 * `#general`, as the app shows them (the person's name is the app's to know).
 */
const slackMarkup: TokenizerExtension = {
  name: "slack",
  level: "inline",
  start(src) {
    const i = src.search(/<(?:https?:|mailto:|[@!#])/);
    return i === -1 ? undefined : i;
  },
  tokenizer(src) {
    const link = /^<((?:https?:\/\/|mailto:)[^|>\s]+)\|([^>\n]+)>/.exec(src);
    if (link) return { type: "slackLink", raw: link[0], href: link[1]!, text: link[2]! };
    const m = /^<([@!#])([A-Za-z0-9_.-]+)(?:\|([^>\n]+))?>/.exec(src);
    if (!m) return undefined;
    const sign = m[1] === "#" ? "#" : "@";
    return { type: "directive", raw: m[0], text: `${sign}${m[3] ?? m[2]}` };
  },
};

/** Pandoc's bracketed spans `[text]{.underline}`, `[text]{.mark}`: the text (a mark as strong). */
const bracketedSpan: TokenizerExtension = {
  name: "span",
  level: "inline",
  start(src) {
    const i = src.search(/\[[^\]\n]*\]\{/);
    return i === -1 ? undefined : i;
  },
  tokenizer(src) {
    const m = /^\[([^[\]\n]+)\]\{([^{}\n]*)\}/.exec(src);
    if (!m || !/^\s*(?:[.#][\w-]|[\w-]+=)/.test(m[2]!)) return undefined;
    return { type: "span", raw: m[0], mark: /\.mark\b/.test(m[2]!), tokens: this.lexer.inlineTokens(m[1]!) };
  },
};

/**
 * Pandoc's grid tables (`+----+----+` rules around `|` rows), as Word documents converted by Pandoc
 * write them: no table CommonMark or GFM reads, so shown verbatim as code, as Pandoc's plain text
 * shows them, never run together into one paragraph.
 */
const gridTable: TokenizerExtension = {
  name: "gridTable",
  level: "block",
  start(src) {
    const i = src.search(/^ {0,3}\+-{3,}/m);
    return i === -1 ? undefined : i;
  },
  tokenizer(src) {
    const m = /^(?: {0,3}\+(?:[-=:]+\+)+[ \t]*\n)(?: {0,3}[|+][^\n]*[|+][ \t]*(?:\n|$))+/.exec(src);
    if (!m || !/\+[ \t]*$/.test(m[0].trimEnd())) return undefined;
    return pandocTable(src, m[0].replace(/\n+$/, "").split("\n"), m[0]);
  },
};

/**
 * A Pandoc table as a code block: its lines as written (their common indent removed), and its caption
 * (`: Caption` or `Table: Caption` in the paragraph after it) under them, as Pandoc sets it, never a
 * paragraph of its own with a stray colon.
 */
function pandocTable(src: string, lines: string[], raw: string): Token {
  const indent = Math.min(...lines.map((l) => /^ */.exec(l)![0].length));
  const table = lines.map((l) => l.slice(indent)).join("\n");
  const caption = /^\n*[ \t]*\n {0,3}(?:[Tt]able)?:[ \t]+(\S[^\n]*?)[ \t]*(?:\n|$)/.exec(
    src.slice(raw.length),
  );
  if (!caption) return { type: "code", raw, lang: null, text: table };
  return { type: "code", raw: raw + caption[0], lang: null, text: `${table}\n\n${caption[1]}` };
}

/**
 * Pandoc's simple tables: a header line over a line of dash runs, one per column (`------ ----`), and
 * rows down to a blank line. No table CommonMark reads (it would run the rows together under a rule),
 * so shown verbatim, as a grid table is.
 */
const simpleTable: TokenizerExtension = {
  name: "simpleTable",
  level: "block",
  start(src) {
    // Called for every paragraph with the rest of the text: a plain search first, the pattern only
    // where dash runs stand apart.
    if (!src.includes("- -")) return undefined;
    const i = src.search(/^ {0,3}-{3,}[ \t]+-{3,}(?:[ \t]+-+)*[ \t]*$/m);
    // The table starts at the header line above its dashes.
    return i <= 0 ? undefined : src.lastIndexOf("\n", i - 2) + 1;
  },
  tokenizer(src) {
    const m = /^ {0,3}\S[^\n]*\n {0,3}-{3,}[ \t]+-{3,}(?:[ \t]+-+)*[ \t]*\n(?:[ \t]*\S[^\n]*(?:\n|$))+/.exec(
      src,
    );
    if (!m) return undefined;
    return pandocTable(src, m[0].replace(/\n+$/, "").split("\n"), m[0]);
  },
};

/**
 * Jira's and Textile's headings, `h3. Background`, pasted from a ticket or a wiki: a heading, where it
 * opens a block (no `start`: a line inside a paragraph stays text, and no paragraph pays a search).
 */
const wikiHeading: TokenizerExtension = {
  name: "wikiHeading",
  level: "block",
  tokenizer(src) {
    if (src.charCodeAt(0) !== 104 /* h */) return undefined;
    const m = /^h([1-6])\.[ \t]+(\S[^\n]*?)[ \t]*(?:\n|$)/.exec(src);
    if (!m) return undefined;
    const tokens: Token[] = [];
    this.lexer.inline(m[2]!, tokens);
    return { type: "heading", raw: m[0], depth: Number(m[1]), text: m[2]!, tokens };
  },
};

export const TOOL_EXTENSIONS = [
  wikiHeading,
  gridTable,
  simpleTable,
  mathBlock,
  mathInline,
  slackMarkup,
  bracketedSpan,
  scripts,
  directiveBlock,
  directiveInline,
  shortcode,
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
