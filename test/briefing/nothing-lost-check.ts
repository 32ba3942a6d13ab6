// The nothing-lost check, shared by the fixture tests here and the hostile-input properties: every
// paragraph of a body ends in exactly one place, and cutting the body into paragraphs drops no word.
import { expect } from "vitest";
import { EMOJI } from "../../src/briefing/emoji.js";
import { decodeEntities } from "../../src/briefing/markdown.js";
import { texText } from "../../src/briefing/markdown-tools.js";
import {
  type BodyParagraph,
  cutParagraphs,
  isGlossaryHeading,
  isKeyPointsHeading,
  isSourceHeading,
  type Normalised,
  normalise,
  sectionForHeading,
} from "../../src/briefing/normalise.js";

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const sorted = (ws: string[]) => [...ws].sort();

interface Placed {
  line: number;
  text: string;
  where: string;
}

/** Everything normalise produced that carries text, with the line it came from. */
function placements(n: Normalised): Placed[] {
  const out: Placed[] = [];
  if (n.titleLine !== null && n.title !== null)
    out.push({ line: n.titleLine, text: n.title, where: "title" });
  for (const p of n.keyPoints) out.push({ line: p.line, text: p.text, where: "key point" });
  for (const [key, ps] of Object.entries(n.sections))
    for (const p of ps) out.push({ line: p.line, text: p.text, where: key });
  for (const g of n.glossary)
    out.push({ line: g.line, text: `${g.term} ${g.definition}`, where: "glossary" });
  for (const s of n.sourceParts) out.push({ line: s.line, text: s.text, where: "source" });
  return out;
}

/** The output's words are the paragraph's, minus at most a short label in front (lead-in, `Source:`). */
function sameWords(paragraph: string, placed: string): boolean {
  const a = words(paragraph);
  const b = words(placed);
  if (b.length > a.length || a.length - b.length > 4) return false;
  return b.every((w, i) => w === a[a.length - b.length + i]);
}

/** A heading is a section start, a subsection name of what follows it, the title, or a paragraph. */
function headingAccountedFor(
  p: BodyParagraph,
  nextHeadingLine: number,
  n: Normalised,
  hits: Placed[],
): boolean {
  const labels = Object.values(n.sections)
    .flat()
    .some((q) => q.subsection === p.text && q.line > p.line && q.line < nextHeadingLine);
  if (hits.length === 1) return !labels;
  return (
    labels ||
    sectionForHeading(p.text)?.exact === true ||
    isGlossaryHeading(p.text) ||
    isSourceHeading(p.text) ||
    isKeyPointsHeading(p.text)
  );
}

/**
 * What a site generator's or note tool's directives show: a figure's caption, an admonition's kind
 * and title (`:::tip[Title]`, `::: {.callout-note}`), else nothing (MDX's imports, WordPress's
 * `[caption …]` shortcodes).
 */
const directives = (body: string) =>
  body
    .replace(/^[*-] TOC\n\{:toc\}|^ {0,3}(?:\[(?:TOC|toc)\]|\[\[_TOC_\]\])[ \t]*$/gm, "")
    .replace(/\{\{[<%][\s\S]*?[%>]\}\}|\{%[\s\S]*?%\}/g, (m) => / caption="([^"]*)"/.exec(m)?.[1] ?? " ")
    .replace(/^(?:import\s.*["'];?|export\s+const\s.*)$/gm, " ")
    .replace(
      /\[\/[a-z][\w-]*\]|\[[a-z][\w-]*(?:\s+[a-z_][\w-]*="[^"]*")+\s*\/?\]|\[([a-z][\w-]*)\](?=[\s\S]*\[\/\1\])/g,
      " ",
    )
    .replace(
      /^ {0,3}:{3,}[ \t]*(?:([A-Za-z][\w-]*)|\{[^}\n]*?\.callout-([\w-]+)[^}\n]*\})?(?:\[([^\]\n]*)\])?(.*)$/gm,
      (_, kind?: string, callout?: string, title?: string, rest = "") =>
        ` ${kind ?? callout ?? ""} ${title ?? (kind || callout ? rest.replace(/\{.*/, "") : "")} `,
    )
    .replace(/\{:[^}\n]*\}|%%[\s\S]*?%%/g, " ")
    .replace(/^(#{1,6} .*?)\s*\{[:#.-][^{}]*\}[ \t]*$/gm, "$1")
    .replace(/:([a-z0-9_+-]+):/g, (m, name) => (EMOJI[name] ? " " : m));

/**
 * HTML's links show their text (a badge's alt text); an image alone in its block its alt text
 * (`image` without, as a Markdown image); other images and tags nothing.
 */
const htmlFree = (body: string) =>
  body
    // Docs to Markdown's notes to the writer, and its placeholder alt text.
    .replace(/<p\b[^>]*>(?:(?!<\/p>)[\s\S])*?gd2md-html alert:[\s\S]*?<\/p>/gi, " ")
    .replace(/!\[alt_text\]\(([^)\s]*) "image_tooltip"\)/g, "[image]")
    .replace(/<a\b[^>]*>([\s\S]*?)<\/a>/gi, (_, inner: string) =>
      inner.replace(/<img\b[^>]*?\balt="([^"]*)"[^>]*>/gi, " $1 "),
    )
    // An image alone in its HTML block (`<p align="center"><img …></p>`).
    .replace(/^(<p\b[^>]*>)?\s*(<img\b[^>]*>)\s*(<\/p>)?$/gim, (_, _p, img: string) => {
      const m = /\balt=(?:"([^"]*)"|'([^']*)')/i.exec(img);
      return ` ${m?.[1] || m?.[2] || "image"} `;
    })
    .replace(/<img\b[^>]*>/gi, " ")
    .replace(/<\/?(?:h[1-6]|figure|figcaption|center|article|section|p|time|abbr)\b[^>]*>/gi, " ")
    // A tag the text closes (MDX's `<Tabs>…</Tabs>`) is markup, whatever its name.
    .replace(/<\/?([A-Z][\w.-]*)\b[^<>]*>/g, (m, name: string) => (body.includes(`</${name}>`) ? " " : m));

/** Logseq's task markers opening an item show as its box (`TODO` an open one, `DONE` a ticked one). */
const taskBoxes = (body: string) =>
  body.replace(
    /^(\s*[-*+][ \t]+)(TODO|LATER|DONE|\{\{\[\[TODO\]\]\}\}|\{\{\[\[DONE\]\]\}\})(?=[ \t]+\S)/gm,
    (_, item, state) => (state.includes("DONE") ? `${item}[x]` : `${item}[ ]`),
  );

/** A written-out table of contents (two or more items, each only an in-page link) shows nothing. */
const contents = (body: string) =>
  body.replace(/(?:^[ \t]*(?:[-*+]|\d+[.)])[ \t]+\[[^\]\n]*\]\(#[^)\s]*\)[ \t]*(?:\n|$)){2,}/gm, "");

/**
 * A cover image (`![rw-book-cover](url)`) is the source's `Cover: url`, a writer's alt text kept; a
 * `## Metadata` heading over property lines is no word of the page (its fields go to the source).
 */
const pageMeta = (body: string) =>
  body
    // ChatGPT's citation marks point into its conversation: no word of the text.
    .replace(
      /【\d+†[^】\n]{0,40}】|\uE200?cite(?:\uE202?turn\d+(?:search|news|view|fetch|file|image)\d+)+\uE201?/gu,
      "",
    )
    .replace(
      /^!\[([^\]\n]*\b(?:cover|banner)\b[^\]\n]*)\]\(([^)\s]+)\)$/gim,
      (_, alt: string, url: string) => `Cover ${/\s/.test(alt.trim()) ? alt : ""} ${url}`,
    )
    .replace(
      /^#{1,6}[ \t]+(?:metadata|page properties|properties|document (?:info|information|properties))[ \t]*$/gim,
      "",
    );

/**
 * Org-mode's keywords and block markers are no words (its title, date, author and tags are shown under
 * their names), a link shows its text, a timestamp its day.
 */
const orgFree = (body: string) =>
  /^\s*#\+[A-Za-z_]+:/.test(body)
    ? body
        .replace(/^#\+title:/gim, "")
        // Emacs' own keywords, drawers and comment lines show nothing, as Org shows them.
        .replace(/^#\+(?:options|startup):.*$/gim, "")
        .replace(/^[ \t]*:[A-Z_]+:[ \t]*\n(?:.*\n)*?[ \t]*:END:[ \t]*$/gm, "")
        .replace(/^#(?:[ \t].*)?$/gm, "")
        .replace(/^#\+file(tags):/gim, "$1")
        .replace(/^#\+(\w+):/gm, "$1")
        .replace(/^[ \t]*#\+(?:begin|end)_\w+.*$/gim, "")
        .replace(/\[\[[^\]\n]+\]\[([^\]\n]+)\]\]/g, "$1")
        .replace(/[<[](\d{4}-\d\d-\d\d) \w+( \d\d:\d\d)?[>\]]/g, "$1$2")
    : body;

/**
 * AsciiDoc's attributes, block attributes and delimiters are no words; the header's author and
 * revision lines are shown as `Author: …`, `Date: …`; a link shows its text.
 */
const asciidocFree = (body: string) =>
  /^\s*=[ \t]+\S/.test(body)
    ? body
        .replace(/^(\s*=[ \t].*\n)(?!:)(.+)\n(?:v?\d[\w.]*,[ \t]*(\d{4}-\d\d-\d\d))?/, "$1Author $2\nDate $3")
        .replace(/^:(?:author|revdate):/gm, "")
        .replace(/^:keywords:/gm, "tags")
        .replace(/^:[\w-]+!?:.*$|^\[[^\]\n]*\][ \t]*$|^(?:-{4,}|_{4,}|\|===)[ \t]*$/gm, "")
        .replace(/\b(?:link:)?[a-z]+:\/\/[^\s[]+\[([^\]\n]*)\]/g, "$1")
    : body;

/**
 * A wiki page's source: a cite template shows its title and date (not its field names or URL), a
 * table's attributes and `<ref>`, `<references />` tags are no words.
 */
const mediawikiFree = (body: string) =>
  /^\{\||<ref\b/m.test(body)
    ? body
        .replace(/\{\{\s*cite[^{}]*\}\}/gi, (t) =>
          Array.from(t.matchAll(/\|\s*(?:title|date)\s*=\s*([^|}]*)/g), (m) => m[1]).join(" "),
        )
        .replace(/<\/?ref\b[^>]*>|<references\s*\/>|^\{\|.*$/gm, " ")
    : body;

/**
 * reStructuredText: a link's URL, a directive's options and a code block's language are no words;
 * Typst: its set and show rules and a link's URL; BBCode: a link's URL and its tags' values.
 */
const rstFree = (body: string) =>
  /^\.\.[ \t]+[\w-]+::|`_/m.test(body)
    ? body
        .replace(/<[^>\n]+>`_/g, "")
        .replace(/^[ \t]+:[\w-]+:.*$/gm, "")
        .replace(/^\.\.[ \t]+(?:code|code-block|sourcecode)::.*$/gm, "")
        .replace(/^\.\.[ \t]+_[^:\n]+:.*$/gm, "")
        .replace(/^\.\.[ \t]+(?:contents|toctree|meta|raw|index|include|only)::.*$/gm, "")
        .replace(/^\.\.(?![ \t]+(?:[\w-]+::|_|\[))[ \t].*$/gm, "")
    : body;
const typstFree = (body: string) =>
  /^#(?:set|let|import|show)\b/m.test(body)
    ? body
        .replace(/^#(?:set|let|import|show|include)\b.*$|^[ \t]*\/\/.*$/gm, "")
        .replace(/#link\("([^"\n]*)"\)(\[)?/g, (_, url: string, text?: string) => (text ? " " : ` ${url} `))
        .replace(/#(?:strong|emph)\[|[ \t]*<[\w:.-]+>$/gm, " ")
    : body;
const bbcodeFree = (body: string) =>
  /\[\/(?:b|url|quote|list)\]/i.test(body)
    ? body
        .replace(/\[quote=["']?([^\]"']*)["']?[^\]\n]*\]/gi, " $1 wrote ")
        .replace(/\[(?:url|img|size|color|font|list)=[^\]\n]*\]/gi, " ")
        .replace(/\[\*\]/g, " ")
    : body;

/** Jira's wiki markup: a link's URL, a macro's name and parameters are no words. */
const jiraFree = (body: string, opened = new Set<string>()) =>
  (body.match(/^h[1-6]\.[ \t]/gm)?.length ?? 0) >= 2
    ? body
        .replace(/\[([^|\]\n]+)\|[^\]\s]+\]/g, "$1")
        // A panel or note shows its title, or its kind; code and quotes nothing of theirs.
        .replace(
          /\{(code|noformat|quote|panel|info|note|warning|tip)(?::[^}]*?(?:title=([^|}]*))?[^}]*)?\}/gi,
          (m, kind: string, title?: string) => {
            // The same tag opens and closes a macro: only an opening one shows anything.
            const open = !opened.has(kind) || m.includes(":");
            if (open) opened.add(kind);
            else opened.delete(kind);
            return !open || /^(?:code|noformat|quote)$/i.test(kind) ? " " : ` ${title ?? kind} `;
          },
        )
    : body;

/** A Markdown body's words as its reader sees them. */
function markupFree(body: string): string {
  return decodeEntities(
    htmlFree(
      pageMeta(
        directives(
          withoutInfoStrings(
            taskBoxes(
              contents(
                orgFree(
                  asciidocFree(mediawikiFree(rstFree(typstFree(bbcodeFree(jiraFree(body, new Set())))))),
                ),
              ),
            ),
          ),
        ),
      ),
    )
      // An image without alt text is shown as the word "image", a link to it.
      .replace(/!\[\]\(/g, "![image](")
      // Inline maths shows as the page shows it (`3 × 10²⁵`), or as its TeX.
      .replace(
        /\$(?![\s$])((?:[^$\\\n]|\\.)*?[^\s\\])\$(?!\d)|\\\((.+?)\\\)/g,
        (_, a?: string, b?: string) => {
          const tex = (a ?? b!).trim();
          return ` ${texText(tex) ?? tex} `;
        },
      )
      // Jira's heading marker (`h3. Background`) is no word of the heading.
      .replace(/^h[1-6]\.[ \t]/gm, "")
      // A wiki's link to edit a part of the page (`History\[[edit](…)\]`) is no part of its heading.
      .replace(/\\\[\[edit(?: source)?\]\([^)\n]*\)\\\]$/gim, "")
      .replace(/\]\((?:<[^>]*>|[^()\s]*)(?:\s+"[^"]*")?\)/g, "]")
      .replace(/\]\[[^\]^[]*\]/g, "]")
      .replace(/^ {0,3}\[[^\]^]+\]:.*$/gm, "")
      // A footnote's label is shown as its number; HTML's tags and a wiki link's target not at all.
      .replace(/\[\^[^\]\n]+\]:?/g, "")
      .replace(
        /<!--[\s\S]*?-->|<\/?(?:br|sup|details|summary|p|div|span|b|i|em|strong|ul|ol|li|kbd|aside|blockquote|pre|table|thead|tbody|tr|th|td|abbr|mark|time)\b[^>]*>/gi,
        " ",
      )
      // A subscript is written in its word (`CO<sub>2</sub>` reads CO2).
      .replace(/<\/?sub>/gi, "")
      // Superscript and subscript digits (`10^3^`, `H~2~O`) are written raised or lowered, in the word.
      .replace(
        /(?<![\^~])(?:\^(\d+)\^(?!\^)|~(\d+)~(?!~))/g,
        (_, up: string | undefined, down: string | undefined) =>
          [...(up ?? down!)].map((d) => (up ? "⁰¹²³⁴⁵⁶⁷⁸⁹" : "₀₁₂₃₄₅₆₇₈₉")[Number(d)]).join(""),
      )
      // Pandoc's bracketed spans show their text; Slack's `<url|text>` its text.
      .replace(/\]\{[.#][^{}\n]*\}|\]\{[\w-]+=[^{}\n]*\}/g, "]")
      .replace(/<(?:https?:|mailto:)[^|>\s]+\|([^>\n]+)>/g, "$1")
      .replace(/\[\[[^\]|\n]+\|/g, "[["),
  );
}

/** A fence's info string is no text, but a line inside a longer fence is. */
function withoutInfoStrings(body: string): string {
  let open: string | null = null;
  return body
    .split("\n")
    .map((line) => {
      // A fence inside a quote (`> ```text`) has its info string too.
      const m = /^((?:\s*>)*\s*)(`{3,}|~{3,})(.*)$/.exec(line);
      if (!m) return line;
      const fence = m[2]!;
      if (open === null) {
        open = fence;
        return m[1]! + fence;
      }
      if (fence[0] === open[0] && fence.length >= open.length && m[3]!.trim() === "") open = null;
      return line;
    })
    .join("\n");
}

/** Asserts the nothing-lost property for one body; returns the paragraphs for further checks. */
export function expectNothingLost(
  body: string,
  firstLine: number,
  title: string | undefined,
  label: string,
  markdown: boolean | "txt" = false,
) {
  const paras = cutParagraphs(body, { firstLine, markdown });
  // Cutting into paragraphs keeps every word (markup such as `#`, bullets and rules has none; in
  // Markdown neither have link destinations, reference definitions, a fence's info string or entities).
  // CommonMark numbers a list's items from its first number, whatever the others say: numbers aside.
  // Footnote numbers (`¹`) stand for labels the body writes otherwise.
  const counted = (ws: string[]) =>
    markdown
      ? ws.map((w) => w.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/, "")).filter((w) => w !== "" && !/^\d+$/.test(w))
      : ws;
  expect(sorted(counted(paras.flatMap((p) => words(p.text)))), `${label}: words`).toEqual(
    sorted(counted(words(markdown ? markupFree(body) : body))),
  );

  const n = normalise(body, { firstLine, markdown, ...(title ? { title } : {}) });
  const placed = placements(n);
  const paraLines = new Set(paras.map((p) => p.line));
  for (const out of placed)
    expect(paraLines.has(out.line), `${label}: ${out.where} line ${out.line}`).toBe(true);

  for (const p of paras) {
    // A title written as a link gives its URL to the source as well.
    const hits = placed.filter(
      (o) => o.line === p.line && !(o.where === "source" && p.line === n.titleLine && o.text.includes("://")),
    );
    const where = `${label}:${p.line} ${p.kind} "${p.text.slice(0, 50)}"`;
    if (p.kind === "heading") {
      expect(hits.length, where).toBeLessThanOrEqual(1);
      const next =
        paras.find((q) => q.kind === "heading" && q.line > p.line && q.line !== n.titleLine)?.line ??
        Number.POSITIVE_INFINITY;
      expect(headingAccountedFor(p, next, n, hits), where).toBe(true);
    } else {
      // An HTML list written on one line (`<ul><li>…</li><li>…</li></ul>`) gives items on one line.
      const sharing = paras.filter((q) => q.line === p.line && q.kind !== "heading").length;
      expect(
        hits.map((h) => h.where),
        where,
      ).toHaveLength(sharing);
      const hit = hits.find((h) => sameWords(p.text, h.text)) ?? hits[0]!;
      expect(sameWords(p.text, hit.text), `${where} -> ${hit.text.slice(0, 50)}`).toBe(true);
    }
  }
  return { paras, n };
}
