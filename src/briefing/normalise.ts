// Body text -> title, key points, the three sections, glossary and source. Pure: no I/O, never throws
// on any string. The rules are written for briefing writers in docs/format.md; the comments here say
// why each heuristic is shaped the way it is.
//
// Two passes. `bodyParagraphs` cuts the body into paragraphs and marks which are headings (that is
// structure only, and what the nothing-lost test checks against). `normalise` then places each
// paragraph in exactly one of: the title, key points, a section, the glossary or the source.

import { isDateLine } from "./dates.js";
import {
  doubleDashLine,
  type EmailHeaders,
  emailHeaders,
  isSignatureStart,
  MAIL_HEADER_LINE,
} from "./email.js";
import {
  headingKey,
  isGlossaryHeading,
  isKeyPointsHeading,
  isKnownHeading,
  isSourceHeading,
  leadIn,
  sectionByKeywords,
  sectionForHeading,
  sourceLine,
} from "./headings.js";
import { blockLinks, dropPrefix } from "./inline.js";
import { markdownParagraphs } from "./markdown.js";
import { memoBody } from "./memo.js";
import { type BodyParagraph, bodyParagraphs, looksLikeHeading } from "./paragraphs.js";
import { type PageProperties, pageProperties } from "./properties.js";
import type { Block, GlossaryEntry, Paragraph, SectionKey, Sections } from "./schema.js";
import { txtMarkdownParagraphs } from "./txt-markdown.js";

export {
  isGlossaryHeading,
  isKeyPointsHeading,
  isSourceHeading,
  leadIn,
  SECTION_ALIASES,
  type SectionMatch,
  sectionByKeywords,
  sectionForHeading,
  sourceLine,
} from "./headings.js";
export {
  type BodyParagraph,
  bodyParagraphs,
  isTitleCase,
  looksLikeHeading,
  type ParagraphKind,
} from "./paragraphs.js";

export interface SourcePart {
  text: string;
  line: number;
}

export interface Normalised {
  /** Title found in the body (null when the body is empty and no title was given). */
  title: string | null;
  /** Line of the paragraph consumed as the title; null when the title was derived or given. */
  titleLine: number | null;
  keyPoints: Paragraph[];
  sections: Sections;
  glossary: GlossaryEntry[];
  /** `Source:` lines and the footer after the last one, joined by " · "; null when there are none. */
  source: string | null;
  sourceParts: SourcePart[];
  /** True when headings or lead-ins placed the paragraphs; false when the prose rule did. */
  structured: boolean;
  /** Every paragraph of the body, as `bodyParagraphs` cut it. */
  paragraphs: BodyParagraph[];
  /** The mail headers a forwarded plain-text briefing starts with, when it does. */
  email: EmailHeaders | null;
  /** What a page's property lines under its title say (Notion, Logseq), when it has them. */
  properties: PageProperties | null;
}

export interface NormaliseOptions {
  /** File line on which the body starts (after front matter). Default 1. */
  firstLine?: number;
  /** Title from front matter: a first line repeating it is consumed, not kept twice. */
  title?: string;
  /**
   * Parse the body as Markdown (CommonMark + GFM); `"txt"`: Markdown saved as `.txt`, its pasted prose
   * one paragraph per line still; else as plain text, one paragraph per line.
   */
  markdown?: boolean | "txt";
}

/** The paragraphs of a body, cut the way its kind of file says. */
export function cutParagraphs(body: string, opts: NormaliseOptions = {}): BodyParagraph[] {
  const first = opts.firstLine ?? 1;
  if (opts.markdown === "txt") return txtMarkdownParagraphs(body, first);
  if (opts.markdown) return markdownParagraphs(body, first);
  // Mail headers at the top are one paragraph, whatever the one-paragraph-per-line rule would say.
  const lines = memoBody(body).split("\n");
  let top = 0;
  while (top < lines.length && lines[top]!.trim() === "") top++;
  let end = top;
  while (end < lines.length && MAIL_HEADER_LINE.test(lines[end]!)) end++;
  const head = lines
    .slice(top, end)
    .map((l) => l.trim())
    .join(" ");
  if (end - top < 2 || emailHeaders(head) === null) return bodyParagraphs(body, first);
  const rest = lines.map((l, i) => (i < end ? "" : l)).join("\n");
  return [{ kind: "text", text: head, line: first + top }, ...bodyParagraphs(rest, first)];
}

/** A paragraph's block without the lead-in its plain text lost (`**Why it matters:** ...`). */
function withoutLeadIn(p: BodyParagraph, rest: string): { block?: Block } {
  if (p.block?.type !== "paragraph") return p.block ? { block: p.block } : {};
  const at = p.text.lastIndexOf(rest);
  const children = dropPrefix(p.block.children, Math.max(0, at));
  // What is left plain text carries no block, as any paragraph of plain text (and reads back so).
  return children.every((s) => s.type === "text") ? {} : { block: { type: "paragraph", children } };
}

const withBlock = (p: BodyParagraph) => (p.block ? { block: p.block } : {});

/**
 * A paragraph as one of four literals, never spread together (`{ text, line, ...withBlock(p) }`):
 * each way of making one gave V8 another shape for the same fields, and the functions reading
 * paragraphs (actors, digest, agenda, search) were compiled again for each. Fields in the order of
 * the JSON.
 */
function paragraphOf(
  text: string,
  line: number,
  subsection: string | undefined,
  block: Block | undefined,
): Paragraph {
  if (subsection === undefined) return block === undefined ? { text, line } : { text, line, block };
  return block === undefined ? { text, line, subsection } : { text, line, subsection, block };
}

/**
 * Written out, not spread (`{ ...g, line }`): V8 gave every spread copy a map of its own, so each
 * entry was a new shape to every function that reads entries, which were compiled again and again.
 */
const glossaryEntry = (g: { term: string; definition: string }, line: number): GlossaryEntry => ({
  term: g.term,
  definition: g.definition,
  line,
});

const textBullet = (text: string): Block => ({
  type: "list",
  ordered: false,
  start: 1,
  items: [[{ type: "paragraph", children: [{ type: "text", text }] }]],
});

// ---------------------------------------------------------------------------------------------------
// Glossary lines

const MAX_TERM_CHARS = 60;
const MAX_TERM_WORDS = 6;

/**
 * `Term: definition`, also with emphasis (`**Term**: definition`, `**Term:** definition`). Inside a
 * glossary section a dash may separate them too (`Term — definition`). The term is short, starts with
 * a capital or digit and is not a sentence.
 */
export function glossaryLine(text: string, dashes = false): { term: string; definition: string } | null {
  let at = text.indexOf(":");
  let width = 1;
  if (dashes) {
    const dash = /\s[—–-]\s/.exec(text);
    if (dash && (at === -1 || dash.index < at)) {
      at = dash.index;
      width = 3;
    }
  }
  if (at <= 0 || at > MAX_TERM_CHARS + 4) return null;
  const term = text
    .slice(0, at)
    .replace(/^(?:\*\*|__|\*|_)|(?:\*\*|__|\*|_)$/g, "")
    .trim();
  const definition = text
    .slice(at + width)
    .replace(/^\s*(?:\*\*|__|\*|_)?\s*/, "")
    .trim();
  if (!term || !definition) return null;
  if (term.length > MAX_TERM_CHARS || term.split(/\s+/).length > MAX_TERM_WORDS) return null;
  if (!/^[\p{Lu}\p{N}"'“‘(]/u.test(term)) return null;
  if (/[.!?;]\s|[.!?;,]$/.test(term) || /^https?$/i.test(term)) return null;
  return { term, definition };
}

// ---------------------------------------------------------------------------------------------------
// Prose rule

/** Cue words counted once per occurrence; `may` only in lower case (May is a month). */
const WHY_CUES =
  /\b(matters?|significan(?:t|ce|tly)|implications?|reshap(?:e|es|ing)|precedents?|impacts?|consequences?|stakes|represents?|signals?|signall?ed|transform(?:s|ed|ing)?|underscores?|highlights|crucial|means that|this means|because|competitiveness|at stake)\b/gi;
const WATCH_CUES =
  /\b(will|could|might|next|watch(?:ing)?|ahead|outcome|future|upcoming|coming (?:days|weeks|months|years)|expected to|likely|path forward|goal|plans? to|whether|remains? to be seen|yet to|deadline|soon|eventually)\b|\bmay\b/gi;

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === "May") continue;
    n++;
  }
  return n;
}

const ORDER: SectionKey[] = ["whatHappened", "whyItMatters", "whatToWatch"];

/**
 * Prose with no headings: the opening paragraph is what happened; later paragraphs move on to why it
 * matters when they carry two or more significance cues (more than forward-looking ones), and to what
 * to watch when they carry two or more forward-looking cues (more than significance ones). The story
 * only moves forward: a paragraph never goes to an earlier section than the one before it.
 */
export function proseSection(text: string, previous: SectionKey | null): SectionKey {
  if (previous === null) return "whatHappened";
  const why = count(WHY_CUES, text);
  const watch = count(WATCH_CUES, text);
  let wanted: SectionKey = "whatHappened";
  if (watch >= 2 && watch > why) wanted = "whatToWatch";
  else if (why >= 2 && why >= watch) wanted = "whyItMatters";
  return ORDER[Math.max(ORDER.indexOf(previous), ORDER.indexOf(wanted))]!;
}

// ---------------------------------------------------------------------------------------------------
// Title

const MAX_TITLE_CHARS = 120;
/** Only the start of a paragraph is searched for its first sentence. */
const MAX_TITLE_SCAN = 2000;
const ABBREVIATION =
  /(?:^|[\s(])(?:[A-Z]\.?)+$|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Corp|Co|Ltd|vs|etc|No|Gov|Sen|Rep|Gen|Lt|Col|Jan|Feb|Aug|Sept|Oct|Nov|Dec)$/;

/** First sentence of a paragraph, shortened at a word to fit a title line. */
export function titleFrom(full: string): string {
  const text = full.slice(0, MAX_TITLE_SCAN);
  let cut = text.length;
  const re = /[.!?](?=["'”’)]?\s+["'“‘(]?[\p{Lu}\p{N}])/gu;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0] === "." && ABBREVIATION.test(text.slice(Math.max(0, m.index - 24), m.index))) continue;
    cut = m[0] === "." ? m.index : m.index + 1;
    break;
  }
  let title = text.slice(0, cut).trim().replace(/\.$/, "");
  if (title.length > MAX_TITLE_CHARS) {
    const space = title.lastIndexOf(" ", MAX_TITLE_CHARS - 1);
    title = `${title.slice(0, space > 40 ? space : MAX_TITLE_CHARS - 1).replace(/[\s,;:–—-]+$/, "")}…`;
  }
  return title;
}

const sameText = (a: string, b: string) => headingKey(a) === headingKey(b);

// ---------------------------------------------------------------------------------------------------
// Pass 2: placing paragraphs

/**
 * The bullets of a list that a sentence ending in `:` introduces ("The registry's features include:"):
 * they finish that sentence, so they stay under it and are never the key points.
 */
function introducedBullets(paras: BodyParagraph[]): Set<number> {
  const out = new Set<number>();
  paras.forEach((p, i) => {
    const before = paras[i - 1];
    if (p.kind !== "bullet" || before === undefined) return;
    if (out.has(i - 1) || (before.kind === "text" && /:\s*$/.test(before.text))) out.add(i);
  });
  return out;
}

/** Body text -> title, key points, sections, glossary and source. Every paragraph lands exactly once. */
export function normalise(body: string, opts: NormaliseOptions = {}): Normalised {
  const paras = cutParagraphs(body, opts);
  const sections: Sections = { whatHappened: [], whyItMatters: [], whatToWatch: [] };
  const keyPoints: Paragraph[] = [];
  const glossary: GlossaryEntry[] = [];
  const sourceParts: SourcePart[] = [];

  // A forwarded mail: its headers are the source, its Subject the title.
  const email = paras[0]?.kind === "text" ? emailHeaders(paras[0].text) : null;
  const fields = paras.flatMap((p) => p.fields ?? []);
  const properties = fields.length > 0 ? pageProperties(fields) : null;
  const given = opts.title ?? email?.subject ?? properties?.title ?? undefined;
  const found = findTitle(email ? paras.slice(1) : paras, given);
  const titleIndex = email && found.titleIndex !== -1 ? found.titleIndex + 1 : found.titleIndex;
  const title = found.title;
  // A `.txt` in Markdown keeps the plain-text rules of mail (signature, `Term -- definition`).
  const role = roles(paras, titleIndex, opts.markdown !== true, email !== null);
  if (email) role[0] = "source";
  // A title written as a link (`# [Title](https://…)`, as feed readers save an article) shows as
  // text: its URL, where the article comes from, is the source's.
  const titleBlock = titleIndex === -1 ? undefined : paras[titleIndex]!.block;
  if (titleBlock) {
    const urls = [...new Set(blockLinks(titleBlock).map((l) => l.url))].join(" ");
    if (urls !== "") sourceParts.push({ text: urls, line: paras[titleIndex]!.line });
  }

  const structured = paras.some(
    (p, i) =>
      i !== titleIndex &&
      role[i] === undefined &&
      ((p.kind === "heading" &&
        !isGlossaryHeading(p.text) &&
        !isSourceHeading(p.text) &&
        !isKeyPointsHeading(p.text)) ||
        ((p.kind === "text" || p.kind === "bullet") && leadIn(p.text) !== null)),
  );

  const introduced = introducedBullets(paras);
  let mode: "section" | "glossary" | "source" | "keyPoints" = "section";
  let current: SectionKey = "whatHappened";
  let subsection: string | undefined;
  let started = false;
  let proseAt: SectionKey | null = null;
  // The open heading, kept until something lands under it: a heading with words beyond an alias and
  // nothing under it would otherwise vanish, so it becomes a paragraph of its own.
  let pending: { text: string; line: number; key: SectionKey; block?: Block } | null = null;
  let glossaryHeading = "Glossary";

  const put = (key: SectionKey, p: Paragraph) => {
    sections[key].push(p);
    pending = null;
  };
  const flushPending = () => {
    if (pending) {
      const { key, ...kept } = pending;
      sections[key].push(kept);
    }
    pending = null;
  };

  paras.forEach((p, i) => {
    if (i === titleIndex) return;
    const r = role[i];
    if (r === "source") {
      sourceParts.push({ text: sourceLine(p.text) ?? p.text, line: p.line });
      return;
    }
    if (r === "footer" || r === "properties") {
      sourceParts.push({ text: p.text, line: p.line });
      return;
    }
    if (r === "signature") {
      sourceParts.push({ text: p.text.replace(/^--\s*/, ""), line: p.line });
      return;
    }
    if (r === "glossary") {
      const g = (glossaryLine(p.text) ?? glossaryLine(doubleDashLine(p.text) ?? ""))!;
      glossary.push(glossaryEntry(g, p.line));
      return;
    }

    if (p.kind === "heading") {
      flushPending();
      if (!started && isKeyPointsHeading(p.text)) {
        mode = "keyPoints";
        subsection = p.text;
        return;
      }
      started = true;
      subsection = undefined;
      if (isGlossaryHeading(p.text)) {
        mode = "glossary";
        glossaryHeading = p.text;
        return;
      }
      if (isSourceHeading(p.text)) {
        mode = "source";
        return;
      }

      mode = "section";
      const match = sectionForHeading(p.text);
      current = match?.key ?? sectionByKeywords(p.text) ?? current;
      if (p.block) {
        // A heading holding a link (a roundup's `### [Story](https://…)`) is shown as written, its
        // link numbered: a subsection's name is plain text and would lose the URL.
        put(current, { text: p.text, line: p.line, block: p.block });
        return;
      }
      if (!match?.exact) {
        subsection = p.text;
        pending = { text: p.text, line: p.line, key: current, ...withBlock(p) };
      }
      return;
    }

    // A bullet opening with a lead-in (`🔹 The story: ...`, `- Why it matters: ...`) goes to that
    // section whole, marker and lead-in kept: it is an item of a list, not a paragraph that names one.
    const leadBullet = p.kind === "bullet" && mode === "section" ? leadIn(p.text) : null;
    if (leadBullet) {
      flushPending();
      started = true;
      current = leadBullet.key;
      subsection = undefined;
      put(current, paragraphOf(`• ${p.text}`, p.line, undefined, p.block));
      return;
    }
    const lead = p.kind === "text" ? leadIn(p.text) : null;
    if (lead) {
      flushPending();
      mode = "section";
      started = true;
      current = lead.key;
      subsection = undefined;
      put(current, paragraphOf(lead.rest, p.line, undefined, withoutLeadIn(p, lead.rest).block));
      return;
    }

    if (mode === "source") {
      sourceParts.push({ text: p.text, line: p.line });
      return;
    }
    if (mode === "glossary") {
      const g = p.kind === "block" ? null : glossaryLine(p.text, true);
      if (g) glossary.push(glossaryEntry(g, p.line));
      else put(current, paragraphOf(p.text, p.line, glossaryHeading, p.block));
      return;
    }

    if (p.kind === "bullet" && !started && !introduced.has(i)) {
      keyPoints.push(paragraphOf(p.text, p.line, undefined, p.block));
      return;
    }
    const text = p.kind === "bullet" ? `• ${p.text}` : p.text;
    // A plain text bullet is a list item, as it reads back from Markdown: set as a list, hanging.
    if (p.kind === "bullet" && !p.block) p = { ...p, block: textBullet(p.text) };
    if (!structured) {
      // A dateline opens what happened without being its opening paragraph: the lede still is.
      if (proseAt === null && p.kind === "text" && isDateLine(p.text)) {
        put("whatHappened", { text, line: p.line });
        return;
      }
      proseAt = p.kind === "block" ? (proseAt ?? "whatHappened") : proseSection(p.text, proseAt);
      put(proseAt, paragraphOf(text, p.line, undefined, p.block));
      return;
    }
    put(current, paragraphOf(text, p.line, subsection, p.block));
  });
  flushPending();
  const listOf = new Map<Block, number>();
  for (const p of paras) if (p.block && p.list !== undefined) listOf.set(p.block, p.list);
  for (const list of [keyPoints, ...Object.values(sections)]) separateLists(list, listOf);

  // A loop, not map and filter: their arrays' V8 elements kinds made normalise compile again.
  const sourceTexts: string[] = [];
  for (const s of sourceParts) if (s.text) sourceTexts.push(s.text);
  const source = sourceTexts.join(" · ");
  return {
    title,
    titleLine: titleIndex === -1 ? null : paras[titleIndex]!.line,
    keyPoints: keyPoints.every(plainBullet) ? withoutBlocks(keyPoints) : keyPoints,
    sections,
    glossary,
    source: source || null,
    sourceParts,
    structured,
    paragraphs: paras,
    email,
    properties,
  };
}

/**
 * Marks `newList` on a Markdown list item placed straight after an item of another Markdown list (two
 * lists side by side in the file, or brought together when what stood between went elsewhere).
 */
function separateLists(list: Paragraph[], listOf: Map<Block, number>): void {
  const ids: (number | undefined)[] = [];
  for (const p of list) ids.push(p.block ? listOf.get(p.block) : undefined);
  list.forEach((p, i) => {
    const prev = list[i - 1]?.block;
    if (p.block?.type !== "list" || prev?.type !== "list" || list[i - 1]!.subsection !== p.subsection) return;
    // Pasted `•` bullets belong to no Markdown list: they go on with the list before them.
    if (ids[i - 1] !== undefined && ids[i] !== undefined && ids[i - 1] !== ids[i])
      p.block = { ...p.block, newList: true };
  });
}

/**
 * Key points without their blocks, built as `keyPoints` is (a literal and pushes): an array from
 * `map` has other V8 elements kinds, and the functions reading key points were compiled again for
 * each kind they met (digest, agenda, actors, search).
 */
function withoutBlocks(keyPoints: readonly Paragraph[]): Paragraph[] {
  const out: Paragraph[] = [];
  for (const p of keyPoints) out.push(paragraphOf(p.text, p.line, undefined, undefined));
  return out;
}

/**
 * A key point that is one bullet of plain text: its block says no more than its text (every key point
 * is a bullet), so key points of that kind alone carry none, which keeps the JSON and the cache small.
 */
function plainBullet(p: Paragraph): boolean {
  const b = p.block;
  if (b === undefined) return true;
  if (b.type !== "list" || b.ordered || b.items.length !== 1 || b.loose || b.newList) return false;
  const item = b.items[0]!;
  return (
    item.length === 1 && item[0]!.type === "paragraph" && item[0]!.children.every((c) => c.type === "text")
  );
}

/**
 * Title: the one given (front matter; a first line repeating it is consumed); else the first `#`
 * heading that names no section; else the first paragraph: consumed when it is a heading-like line,
 * otherwise the title is its first sentence and the paragraph stays in the body.
 */
function findTitle(
  paras: BodyParagraph[],
  given: string | undefined,
): { title: string | null; titleIndex: number } {
  const first = paras[0];
  const plainHeading = (p: BodyParagraph | undefined) =>
    p !== undefined &&
    (p.kind === "heading" || (p.kind === "text" && looksLikeHeading(p.text))) &&
    !isKnownHeading(p.text);
  if (given !== undefined) {
    const repeated = first !== undefined && plainHeading(first) && sameText(first.text, given);
    return { title: given, titleIndex: repeated ? 0 : -1 };
  }
  // A first-level heading after the sections began (`# References` closing a report) is no title.
  const opened = paras.findIndex((p) => p.kind === "heading" && isKnownHeading(p.text));
  const h1 = paras.findIndex(
    (p, i) =>
      p.kind === "heading" && p.level === 1 && !isKnownHeading(p.text) && (opened === -1 || i < opened),
  );
  if (h1 !== -1) return { title: paras[h1]!.text, titleIndex: h1 };
  if (first === undefined) return { title: null, titleIndex: -1 };
  if (plainHeading(first)) return { title: first.text, titleIndex: 0 };
  const prose = paras.find((p) => p.kind === "text" || p.kind === "bullet" || p.kind === "item");
  // A table, code or quote is never a title: a file of only those is named by its id.
  if (prose === undefined) return { title: null, titleIndex: -1 };
  const text = leadIn(prose.text)?.rest ?? sourceLine(prose.text) ?? prose.text;
  return { title: titleFrom(text) || titleFrom(prose.text), titleIndex: -1 };
}

type Role = "source" | "footer" | "glossary" | "signature" | "properties";

/**
 * What a newsletter's footer says, at the start of a paragraph or anywhere in a short one: the
 * sender's boilerplate, never the story.
 */
const FOOTER_CUE =
  /\b(?:unsubscribe|view (?:this (?:email|post|issue|newsletter) |it )?(?:in (?:your |a )?browser|online)|forwarded this (?:email|newsletter)|reply to this (?:email|newsletter)|(?:you(?:'re| are)? )?(?:received|receiving|getting) this (?:email|newsletter|message)|(?:manage|update) (?:your )?(?:subscription|(?:email )?preferences)|all rights reserved)\b/i;
// After any emoji a newsletter opens it with: "🙏 Thanks for reading!".
const FOOTER_START =
  /^(?:\p{Extended_Pictographic}|\uFE0F|\u200D|\s)*(?:©|\(c\)\s*\d{4}|copyright\b|thanks? (?:you )?for reading\b)/iu;
/** A line of the sender's profiles: `Twitter · LinkedIn`, written as links or not. */
const SOCIAL =
  /^(?:(?:twitter|x|linkedin|facebook|instagram|youtube|mastodon|bluesky|threads|tiktok|rss|website|email us)\b[\s·|•,/–—-]*){2,}$/i;
const SHORT_FOOTER = 300;
/** FOOTER_CUE at the start of the text only: a long paragraph is a footer only when it opens with one. */
const FOOTER_CUE_FIRST = new RegExp(FOOTER_CUE.source, "iy");

function isFooterLine(p: BodyParagraph): boolean {
  if (p.kind === "heading" || p.kind === "block") return false;
  const text = p.text.trim();
  if (FOOTER_START.test(text) || SOCIAL.test(text)) return true;
  if (text.length <= SHORT_FOOTER) return FOOTER_CUE.test(text);
  FOOTER_CUE_FIRST.lastIndex = 0;
  return FOOTER_CUE_FIRST.test(text);
}

/**
 * A newsletter's footer (unsubscribe, view in browser, "forwarded this email?", profiles, copyright):
 * from its first such paragraph after the last heading to the end, the source, as the paragraphs
 * after a `Source:` line are; trailing glossary bullets stay the glossary.
 */
function newsletterFooter(
  paras: BodyParagraph[],
  titleIndex: number,
  role: (Role | undefined)[],
  isTermBullet: (p: BodyParagraph) => boolean,
): void {
  let from = paras.length;
  for (let i = paras.length - 1; i >= 0 && paras[i]!.kind !== "heading"; i--)
    if (i !== titleIndex && role[i] === undefined && isFooterLine(paras[i]!)) from = i;
  for (let i = from; i < paras.length; i++) {
    if (role[i] !== undefined || i === titleIndex || leadIn(paras[i]!.text) !== null) continue;
    role[i] = isTermBullet(paras[i]!) ? "glossary" : "footer";
  }
}

/**
 * Paragraphs whose place does not depend on the section they sit in:
 * - `Source:` lines are the source; after the last one, when no heading follows, every further
 *   paragraph (publisher boilerplate) is the source's footer, except glossary lines;
 * - trailing `- Term: definition` bullets (at the very end, before any source and footer) are the
 *   glossary, unless they sit straight under a heading (then they are that section's list).
 */
function roles(
  paras: BodyParagraph[],
  titleIndex: number,
  plain: boolean,
  mail: boolean,
): (Role | undefined)[] {
  // Pushed, not mapped: an array from `map` has other V8 elements kinds than one from a literal, and
  // the functions reading roles were compiled again for each kind they met.
  const role: (Role | undefined)[] = [];
  paras.forEach((p, i) => {
    role.push(
      p.kind === "properties"
        ? "properties"
        : i !== titleIndex && p.kind === "text" && sourceLine(p.text) !== null
          ? "source"
          : undefined,
    );
  });
  if (plain || mail) {
    // A mail's signature: from a `-- ` line to the end.
    const sig = paras.findIndex((p, i) => i !== titleIndex && p.kind === "text" && isSignatureStart(p.text));
    if (sig !== -1) for (let i = sig; i < paras.length; i++) if (i !== titleIndex) role[i] = "signature";
  }
  paras.forEach((p, i) => {
    if (p.term && glossaryLine(p.text) !== null) role[i] = "glossary";
  });
  if (plain) {
    // `Term -- definition` lines are the glossary.
    paras.forEach((p, i) => {
      if (role[i] === undefined && i !== titleIndex && p.kind === "text") {
        const line = doubleDashLine(p.text);
        if (line !== null && glossaryLine(line) !== null) role[i] = "glossary";
      }
    });
  }
  // `- Why it matters: ...` names a section, however much it looks like a term and its definition.
  const isTermBullet = (p: BodyParagraph) =>
    p.kind === "bullet" && glossaryLine(p.text) !== null && leadIn(p.text) === null;

  const lastSource = role.lastIndexOf("source");
  if (lastSource !== -1 && !paras.slice(lastSource + 1).some((p) => p.kind === "heading")) {
    for (let i = lastSource + 1; i < paras.length; i++) {
      if (isTermBullet(paras[i]!)) role[i] = "glossary";
      else if (leadIn(paras[i]!.text) === null) role[i] = "footer";
    }
  }

  newsletterFooter(paras, titleIndex, role, isTermBullet);

  let i = paras.length - 1;
  while (i >= 0 && role[i] !== undefined) i--;
  let runStart = i + 1;
  while (i >= 0 && i !== titleIndex && isTermBullet(paras[i]!)) runStart = i--;
  const before = paras[runStart - 1];
  const underHeading = before !== undefined && runStart - 1 !== titleIndex && before.kind === "heading";
  // The last items of a list that began with other items ("- 9 Dec: ministers meet", "- TBD: the
  // code's update") are that list's, not a glossary.
  const endsAList =
    before?.kind === "bullet" && before.list !== undefined && before.list === paras[runStart]?.list;
  if (!endsAList && (!underHeading || (before && isGlossaryHeading(before.text)))) {
    for (let j = runStart; j < paras.length; j++)
      if (role[j] === undefined && isTermBullet(paras[j]!)) role[j] = "glossary";
  }
  return role;
}
