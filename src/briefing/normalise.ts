// Body text -> title, key points, the three sections, glossary and source. Pure: no I/O, never throws
// on any string. The rules are written for briefing writers in docs/format.md; the comments here say
// why each heuristic is shaped the way it is.
//
// Two passes. `bodyParagraphs` cuts the body into paragraphs and marks which are headings (that is
// structure only, and what the nothing-lost test checks against). `normalise` then places each
// paragraph in exactly one of: the title, key points, a section, the glossary or the source.
import type { GlossaryEntry, Paragraph, SectionKey, Sections } from "./schema.js";

export type ParagraphKind = "heading" | "bullet" | "item" | "text";

/** One paragraph of the body as written, before it is placed anywhere. */
export interface BodyParagraph {
  kind: ParagraphKind;
  /** Text without markup (no `#`, no bullet marker), its lines joined by single spaces. */
  text: string;
  /** 1-based line in the file where the paragraph starts. */
  line: number;
  /** 1-6 for a markdown heading, 0 for a bare heading line. */
  level?: number;
}

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
}

export interface NormaliseOptions {
  /** File line on which the body starts (after front matter). Default 1. */
  firstLine?: number;
  /** Title from front matter: a first line repeating it is consumed, not kept twice. */
  title?: string;
}

// ---------------------------------------------------------------------------------------------------
// Vocabulary

export const SECTION_ALIASES: Record<SectionKey, readonly string[]> = {
  whatHappened: [
    "what happened",
    "driving the news",
    "the news",
    "the backstory",
    "background",
    "what we know",
  ],
  whyItMatters: [
    "why it matters",
    "why this matters",
    "the big picture",
    "implications",
    "the stakes",
    "between the lines",
  ],
  whatToWatch: [
    "what to watch",
    "what to watch next",
    "what's next",
    "looking ahead",
    "what comes next",
    "the outlook",
  ],
};

const GLOSSARY_HEADINGS = new Set([
  "glossary",
  "glossary of terms",
  "key terms",
  "key terms and definitions",
  "terms to know",
  "definitions",
]);
const SOURCE_HEADINGS = new Set(["source", "sources"]);

/** Words that may join an alias to the rest of a heading: "Implications for the industry". */
const LINK_WORDS =
  "for|of|on|in|to|and|from|about|at|beyond|behind|with|so|after|around|as|over|under|since|into|amid|here|now|this|this week|today";

/** Keyword rule for headings that name no section: the earliest keyword in the heading decides. */
const HEADING_KEYWORDS: [SectionKey, RegExp][] = [
  ["whatHappened", /\b(background|context|history|timeline|recap|how we got here|the details)\b/],
  [
    "whyItMatters",
    /\b(means?|meaning|matters?|impacts?|implications?|significance|stakes|consequences?|analysis|perspectives?|reactions?|what they're saying|why)\b/,
  ],
  [
    "whatToWatch",
    /\b(conclusions?|concluding|outlook|ahead|next|future|coming|watch|expect\w*|forecasts?|road ?map|what now|final thoughts|bottom line)\b/,
  ],
];

const ALIAS_LIST: [SectionKey, string][] = (Object.keys(SECTION_ALIASES) as SectionKey[])
  .flatMap((key) => SECTION_ALIASES[key].map((alias): [SectionKey, string] => [key, alias]))
  .sort((a, b) => b[1].length - a[1].length);

const MAX_KEY_CHARS = 200;
/** Lead-ins and source labels sit at the start of a paragraph: only this much is looked at. */
const LABEL_CHARS = 160;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const EMPH = "(?:\\*\\*|__|\\*|_)?";
const ALIAS_ALT = ALIAS_LIST.map(([, a]) => escapeRe(a)).join("|");
const LINKED = new RegExp(`^(?:\\s*[:|\\-–—]\\s*\\S|\\s+(?:${LINK_WORDS})\\b)`);
const LEAD_IN = new RegExp(`^${EMPH}\\s*(${ALIAS_ALT})\\s*${EMPH}\\s*:\\s*${EMPH}\\s+(?=\\S)`, "i");
const SOURCE_LINE = new RegExp(`^${EMPH}\\s*(?:sources?(?:\\s+assisted)?)\\s*${EMPH}\\s*:${EMPH}\\s*`, "i");

/** Lower case, straight apostrophes, single spaces, no emphasis markers or closing punctuation. */
function headingKey(text: string): string {
  // No name is near this long; cutting first keeps every regex below on a short string.
  return text
    .slice(0, MAX_KEY_CHARS)
    .replace(/[’‘`]/g, "'")
    .replace(/^(?:\*\*|__|\*|_)+|(?:\*\*|__|\*|_)+$/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\s:?.!]+$/, "");
}

export interface SectionMatch {
  key: SectionKey;
  /** True when the heading is the alias and nothing more. */
  exact: boolean;
}

/**
 * The section a heading names: the alias itself, the alias with a subtitle after `:` or a dash
 * ("The Backstory: A Rapid Policy Shift"), or the alias followed by a linking word ("Implications for
 * the AI Industry"). Requiring the link word keeps "Background checks" or "The News Corp deal" out.
 */
export function sectionForHeading(text: string): SectionMatch | null {
  const key = headingKey(text);
  for (const [section, alias] of ALIAS_LIST) if (key === alias) return { key: section, exact: true };
  for (const [section, alias] of ALIAS_LIST) {
    if (key.startsWith(alias) && LINKED.test(key.slice(alias.length))) return { key: section, exact: false };
  }
  return null;
}

export function isGlossaryHeading(text: string): boolean {
  return GLOSSARY_HEADINGS.has(headingKey(text));
}

export function isSourceHeading(text: string): boolean {
  return SOURCE_HEADINGS.has(headingKey(text));
}

/** A heading naming no section: the section its keywords point to, if any. */
export function sectionByKeywords(text: string): SectionKey | null {
  const key = headingKey(text);
  let best: SectionKey | null = null;
  let at = Number.POSITIVE_INFINITY;
  for (const [section, re] of HEADING_KEYWORDS) {
    const m = re.exec(key);
    if (m && m.index < at) {
      best = section;
      at = m.index;
    }
  }
  return best;
}

/**
 * `Why it matters: the rest` -> the section and the rest; null when the paragraph has no lead-in.
 * A line that is heading-shaped as a whole ("The Backstory: A Rapid Policy Shift") is a heading with a
 * subtitle, not a lead-in: a lead-in opens a sentence.
 */
export function leadIn(text: string): { key: SectionKey; rest: string } | null {
  if (headingShape(text)) return null;
  const m = LEAD_IN.exec(text.slice(0, LABEL_CHARS).replace(/[’‘]/g, "'"));
  if (!m) return null;
  const alias = (m[1] ?? "").toLowerCase();
  const hit = ALIAS_LIST.find(([, a]) => a === alias);
  const rest = text.slice(m[0].length).trim();
  return hit && rest ? { key: hit[0], rest } : null;
}

/** `Source: X` / `Source assisted: X` -> "X" (possibly empty); null when it is not a source line. */
export function sourceLine(text: string): string | null {
  const m = SOURCE_LINE.exec(text.slice(0, LABEL_CHARS));
  if (!m) return null;
  return stripEndEmphasis(
    text
      .slice(m[0].length)
      .replace(/^(?:\*\*|__|\*|_)\s*/, "")
      .trim(),
  );
}

/** Drops a closing `**`, `__`, `*` or `_` (of a bold or italic line) without a backtracking regex. */
function stripEndEmphasis(s: string): string {
  const cut = s.endsWith("**") || s.endsWith("__") ? 2 : s.endsWith("*") || s.endsWith("_") ? 1 : 0;
  return s.slice(0, s.length - cut).trim();
}

/** `## Title ##` -> `Title`: closing hashes go only when a space separates them (`C#` stays). */
function withoutClosingHashes(s: string): string {
  const t = s.trimEnd();
  let k = t.length;
  while (k > 0 && t[k - 1] === "#") k--;
  if (k === 0) return "";
  if (k < t.length && (t[k - 1] === " " || t[k - 1] === "\t")) return t.slice(0, k).trim();
  return t.trim();
}

// ---------------------------------------------------------------------------------------------------
// Pass 1: paragraphs

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const RULE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const BULLET = /^[ \t]*(?:[*+-][ \t]+|[•‣◦▪●][ \t]*)(?=\S)/;
const ITEM = /^[ \t]*\d{1,3}[.)][ \t]+\S/;
const BLANK = /^[ \t]*$/;

/** Lines longer than this are whole paragraphs, not hard-wrapped text. */
const LONG_LINE = 100;
const MAX_HEADING_CHARS = 90;
const MAX_HEADING_WORDS = 12;

type LineKind = "blank" | "atx" | "setext" | "rule" | "bullet" | "item" | "text";

function lineKind(line: string): LineKind {
  if (BLANK.test(line)) return "blank";
  if (ATX.test(line)) return "atx";
  if (RULE.test(line)) return "rule";
  if (BULLET.test(line)) return "bullet";
  if (ITEM.test(line)) return "item";
  return "text";
}

function stripEmphasis(s: string): string {
  const m = /^(\*\*|__)(.+)\1$/.exec(s);
  return m ? (m[2] ?? s).trim() : s;
}

/**
 * Short, no closing sentence punctuation, does not start in lower case. A question is a heading
 * ("What Are the Models?"); a colon at the end only for a known heading ("Key terms:").
 */
export function looksLikeHeading(raw: string): boolean {
  return headingShape(raw) && sourceLine(raw.trim()) === null;
}

function headingShape(raw: string): boolean {
  const text = stripEmphasis(raw.trim());
  if (!text || text.length > MAX_HEADING_CHARS) return false;
  if (text.split(/\s+/).length > MAX_HEADING_WORDS) return false;
  if (/^\p{Ll}/u.test(text) && !isKnownHeading(text)) return false;
  if (/[.,;!…]$/.test(text)) return false;
  if (text.endsWith(":") && !isKnownHeading(text)) return false;
  return /[\p{L}\p{N}]/u.test(text);
}

function isKnownHeading(text: string): boolean {
  return sectionForHeading(text) !== null || isGlossaryHeading(text) || isSourceHeading(text);
}

/** A heading-shaped line that names a known heading or is Title Cased. */
function strongHeading(text: string): boolean {
  return isKnownHeading(text) || isTitleCase(text);
}

/** Most longer words capitalised, as headings are written: "Conditions for Reinstatement". */
export function isTitleCase(raw: string): boolean {
  const words = stripEmphasis(raw.trim()).split(/\s+/);
  const first = words[0] ?? "";
  if (!/^[\p{Lu}\p{N}"'“‘(]/u.test(first)) return false;
  const long = words.slice(1).filter((w) => w.replace(/[^\p{L}]/gu, "").length >= 4);
  if (long.length === 0) return true;
  const capital = long.filter((w) => /^["'“‘(]?[\p{Lu}\p{N}]/u.test(w)).length;
  return capital / long.length >= 0.6;
}

function endsSentence(line: string): boolean {
  return /[.!?:;"'”’)\]…]$/.test(line.trim());
}

interface Open {
  kind: ParagraphKind;
  parts: string[];
  line: number;
  level?: number;
}

/**
 * Cuts the body into paragraphs. Blank lines end paragraphs. Inside a block of lines with no blank
 * line, lines are joined (hard-wrapped text) unless each line is a paragraph of its own, the way pasted
 * articles are written: at least half of the block's text lines (all but its last) are over 100
 * characters, or every one of them ends a sentence or is a Title Case heading. Headings, bullets and
 * numbered items always start a new paragraph; `Source:` lines and lead-ins do too.
 *
 * Bare heading lines (no `#`): see `bareHeadings`.
 */
export function bodyParagraphs(body: string, firstLine = 1): BodyParagraph[] {
  const lines = body.split("\n").map((l) => (l.endsWith("\r") ? l.slice(0, -1) : l));
  const kinds = lines.map(lineKind);
  const out: BodyParagraph[] = [];

  let i = 0;
  let glossary = false;
  let before = 0;
  while (i < lines.length) {
    if (kinds[i] === "blank") {
      i++;
      continue;
    }
    let end = i;
    while (end < lines.length && kinds[end] !== "blank") end++;
    // Under a glossary heading every line is an entry of its own, however short.
    readBlock(lines, kinds, i, end, firstLine, glossary, out);
    for (let k = before; k < out.length; k++)
      if (out[k]!.kind === "heading") glossary = isGlossaryHeading(out[k]!.text);
    before = out.length;
    i = end;
  }
  return demoteEmptyBareHeadings(out);
}

function readBlock(
  lines: string[],
  kinds: LineKind[],
  start: number,
  end: number,
  firstLine: number,
  inGlossary: boolean,
  out: BodyParagraph[],
): void {
  const nonFinal: string[] = [];
  for (let j = start; j < end - 1; j++) if (kinds[j] === "text") nonFinal.push(lines[j]!.trim());
  const long = nonFinal.filter((l) => l.length > LONG_LINE).length;
  const complete = nonFinal.every((l) => endsSentence(l) || (looksLikeHeading(l) && strongHeading(l)));
  const linePerParagraph = inGlossary || (nonFinal.length > 0 && (long * 2 >= nonFinal.length || complete));
  const headings = bareHeadings(lines, kinds, start, end, linePerParagraph);

  let open: Open | null = null;
  const close = () => {
    if (open) {
      const text = open.parts.join(" ").trim();
      if (text)
        out.push({
          kind: open.kind,
          text,
          line: open.line,
          ...(open.level !== undefined ? { level: open.level } : {}),
        });
    }
    open = null;
  };
  const begin = (kind: ParagraphKind, text: string, j: number, level?: number) => {
    close();
    open = { kind, parts: [text], line: firstLine + j, ...(level !== undefined ? { level } : {}) };
  };

  for (let j = start; j < end; j++) {
    const line = lines[j]!;
    const kind = kinds[j]!;
    const cur = open as Open | null;
    if (kind === "atx") {
      const m = ATX.exec(line)!;
      const text = withoutClosingHashes(m[2] ?? "");
      close();
      if (text) out.push({ kind: "heading", text, line: firstLine + j, level: m[1]!.length });
      continue;
    }
    // A `===` or `---` line under a single line of text makes that line a heading (setext style).
    if (
      SETEXT.test(line) &&
      cur?.kind === "text" &&
      cur.parts.length === 1 &&
      cur.line === firstLine + j - 1
    ) {
      cur.kind = "heading";
      cur.level = line.trim().startsWith("=") ? 1 : 2;
      close();
      continue;
    }
    if (kind === "rule") {
      close();
      continue;
    }
    if (kind === "bullet") {
      begin("bullet", line.replace(BULLET, ""), j);
      continue;
    }
    if (kind === "item") {
      begin("item", line.trim(), j);
      continue;
    }
    const text = line.trim();
    if (headings.has(j)) {
      close();
      out.push({ kind: "heading", text: stripEmphasis(text), line: firstLine + j, level: 0 });
      continue;
    }
    const indented = /^[ \t]/.test(line);
    const starter = sourceLine(text) !== null || leadIn(text) !== null;
    // A source line stands alone: what follows it is usually publisher boilerplate, kept apart.
    const continues =
      cur !== null &&
      cur.kind !== "heading" &&
      !starter &&
      !(cur.kind === "text" && !indented && sourceLine(cur.parts[0] ?? "") !== null) &&
      (linePerParagraph ? indented && (cur.kind === "bullet" || cur.kind === "item") : true);
    if (continues) cur.parts.push(text);
    else begin("text", text, j);
  }
  close();
}

/**
 * Which plain lines of a block are bare headings:
 * - a block that is one short line standing alone between blank lines;
 * - the first line of a block, when it is short and names a section or is Title Cased
 *   ("What happened" / "Conditions for Reinstatement") and more lines follow;
 * - in a block of one-line paragraphs, a short line that names a section or is Title Cased, after a
 *   line that ends a sentence and before a longer line (or a list).
 * Hard-wrapped text only ever has a heading on its first line: its other lines are continuations.
 */
function bareHeadings(
  lines: string[],
  kinds: LineKind[],
  start: number,
  end: number,
  linePerParagraph: boolean,
): Set<number> {
  const found = new Set<number>();
  const plain = (j: number) => kinds[j] === "text" && !/^[ \t]{4}/.test(lines[j]!);
  for (let j = start; j < end; j++) {
    if (!plain(j)) continue;
    const text = lines[j]!.trim();
    if (!looksLikeHeading(text)) continue;
    const next = j + 1 < end ? lines[j + 1]! : null;
    if (next !== null && SETEXT.test(next)) continue;
    if (end - start === 1) found.add(j);
    else if (j === start) {
      if (strongHeading(text)) found.add(j);
    } else if (linePerParagraph && next !== null && strongHeading(text)) {
      const prev = lines[j - 1]!;
      const afterSentence = found.has(j - 1) || kinds[j - 1] !== "text" || endsSentence(prev);
      const nextKind = kinds[j + 1];
      const before =
        nextKind === "bullet" ||
        nextKind === "item" ||
        (nextKind === "text" && next.trim().length > text.length);
      if (afterSentence && before) found.add(j);
    }
  }
  return found;
}

/** A bare heading with nothing under it (the last line, or straight before another heading) is text. */
function demoteEmptyBareHeadings(paras: BodyParagraph[]): BodyParagraph[] {
  return paras.map((p, i) => {
    if (p.kind !== "heading" || p.level !== 0) return p;
    const next = paras[i + 1];
    if (next === undefined || next.kind === "heading") return { kind: "text", text: p.text, line: p.line };
    return p;
  });
}

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

/** Body text -> title, key points, sections, glossary and source. Every paragraph lands exactly once. */
export function normalise(body: string, opts: NormaliseOptions = {}): Normalised {
  const paras = bodyParagraphs(body, opts.firstLine ?? 1);
  const sections: Sections = { whatHappened: [], whyItMatters: [], whatToWatch: [] };
  const keyPoints: Paragraph[] = [];
  const glossary: GlossaryEntry[] = [];
  const sourceParts: SourcePart[] = [];

  const { title, titleIndex } = findTitle(paras, opts.title);
  const role = roles(paras, titleIndex);

  const structured = paras.some(
    (p, i) =>
      i !== titleIndex &&
      role[i] === undefined &&
      ((p.kind === "heading" && !isGlossaryHeading(p.text) && !isSourceHeading(p.text)) ||
        (p.kind === "text" && leadIn(p.text) !== null)),
  );

  let mode: "section" | "glossary" | "source" = "section";
  let current: SectionKey = "whatHappened";
  let subsection: string | undefined;
  let started = false;
  let proseAt: SectionKey | null = null;
  // The open heading, kept until something lands under it: a heading with words beyond an alias and
  // nothing under it would otherwise vanish, so it becomes a paragraph of its own.
  let pending: { text: string; line: number; key: SectionKey } | null = null;
  let glossaryHeading = "Glossary";

  const put = (key: SectionKey, p: Paragraph) => {
    sections[key].push(p);
    pending = null;
  };
  const flushPending = () => {
    if (pending) sections[pending.key].push({ text: pending.text, line: pending.line });
    pending = null;
  };

  paras.forEach((p, i) => {
    if (i === titleIndex) return;
    const r = role[i];
    if (r === "source") {
      sourceParts.push({ text: sourceLine(p.text) ?? p.text, line: p.line });
      return;
    }
    if (r === "footer") {
      sourceParts.push({ text: p.text, line: p.line });
      return;
    }
    if (r === "glossary") {
      const g = glossaryLine(p.text)!;
      glossary.push({ ...g, line: p.line });
      return;
    }

    if (p.kind === "heading") {
      flushPending();
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
      if (!match?.exact) {
        subsection = p.text;
        pending = { text: p.text, line: p.line, key: current };
      }
      return;
    }

    const lead = p.kind === "text" ? leadIn(p.text) : null;
    if (lead) {
      flushPending();
      mode = "section";
      started = true;
      current = lead.key;
      subsection = undefined;
      put(current, { text: lead.rest, line: p.line });
      return;
    }

    if (mode === "source") {
      sourceParts.push({ text: p.text, line: p.line });
      return;
    }
    if (mode === "glossary") {
      const g = glossaryLine(p.text, true);
      if (g) glossary.push({ ...g, line: p.line });
      else put(current, { text: p.text, line: p.line, subsection: glossaryHeading });
      return;
    }

    if (p.kind === "bullet" && !started) {
      keyPoints.push({ text: p.text, line: p.line });
      return;
    }
    const text = p.kind === "bullet" ? `• ${p.text}` : p.text;
    if (!structured) {
      proseAt = proseSection(p.text, proseAt);
      put(proseAt, { text, line: p.line });
      return;
    }
    put(current, { text, line: p.line, ...(subsection !== undefined ? { subsection } : {}) });
  });
  flushPending();

  const source = sourceParts
    .map((s) => s.text)
    .filter(Boolean)
    .join(" · ");
  return {
    title,
    titleLine: titleIndex === -1 ? null : paras[titleIndex]!.line,
    keyPoints,
    sections,
    glossary,
    source: source || null,
    sourceParts,
    structured,
    paragraphs: paras,
  };
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
  const h1 = paras.findIndex((p) => p.kind === "heading" && p.level === 1 && !isKnownHeading(p.text));
  if (h1 !== -1) return { title: paras[h1]!.text, titleIndex: h1 };
  if (first === undefined) return { title: null, titleIndex: -1 };
  if (plainHeading(first)) return { title: first.text, titleIndex: 0 };
  const prose = paras.find((p) => p.kind !== "heading") ?? first;
  const text = leadIn(prose.text)?.rest ?? sourceLine(prose.text) ?? prose.text;
  return { title: titleFrom(text) || titleFrom(prose.text), titleIndex: -1 };
}

type Role = "source" | "footer" | "glossary";

/**
 * Paragraphs whose place does not depend on the section they sit in:
 * - `Source:` lines are the source; after the last one, when no heading follows, every further
 *   paragraph (publisher boilerplate) is the source's footer, except glossary lines;
 * - trailing `- Term: definition` bullets (at the very end, before any source and footer) are the
 *   glossary, unless they sit straight under a heading (then they are that section's list).
 */
function roles(paras: BodyParagraph[], titleIndex: number): (Role | undefined)[] {
  const role: (Role | undefined)[] = paras.map((p, i) =>
    i !== titleIndex && p.kind === "text" && sourceLine(p.text) !== null ? "source" : undefined,
  );
  const isTermBullet = (p: BodyParagraph) => p.kind === "bullet" && glossaryLine(p.text) !== null;

  const lastSource = role.lastIndexOf("source");
  if (lastSource !== -1 && !paras.slice(lastSource + 1).some((p) => p.kind === "heading")) {
    for (let i = lastSource + 1; i < paras.length; i++) {
      if (isTermBullet(paras[i]!)) role[i] = "glossary";
      else if (leadIn(paras[i]!.text) === null) role[i] = "footer";
    }
  }

  let i = paras.length - 1;
  while (i >= 0 && role[i] !== undefined) i--;
  let runStart = i + 1;
  while (i >= 0 && i !== titleIndex && isTermBullet(paras[i]!)) runStart = i--;
  const before = paras[runStart - 1];
  const underHeading = before !== undefined && runStart - 1 !== titleIndex && before.kind === "heading";
  if (!underHeading || (before && isGlossaryHeading(before.text))) {
    for (let j = runStart; j < paras.length; j++)
      if (role[j] === undefined && isTermBullet(paras[j]!)) role[j] = "glossary";
  }
  return role;
}
