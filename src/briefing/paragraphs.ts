// Pass 1 of normalising: the body cut into paragraphs, each marked as a heading, bullet, item or text.
// Structure only; placing paragraphs is normalise.ts's job, and this is what the nothing-lost test
// checks against.

import { isDateLine } from "./dates.js";
import {
  headingShape,
  isGlossaryHeading,
  isKnownHeading,
  leadIn,
  sourceLine,
  stripEmphasis,
  withoutClosingHashes,
} from "./headings.js";
import type { PageField } from "./properties.js";
import type { Block } from "./schema.js";

/**
 * `block`: a table, code block, quote or HTML of a Markdown file: never prose (title, lead-in, ...).
 * `properties`: a page's property lines under its title (Notion's `Created: ...`), about the file.
 */
export type ParagraphKind = "heading" | "bullet" | "item" | "text" | "block" | "properties";

/** One paragraph of the body as written, before it is placed anywhere. */
export interface BodyParagraph {
  kind: ParagraphKind;
  /** Text without markup (no `#`, no bullet marker), its lines joined by single spaces. */
  text: string;
  /** 1-based line in the file where the paragraph starts. */
  line: number;
  /** 1-6 for a markdown heading, 0 for a bare heading line. */
  level?: number;
  /** The structure, for Markdown files. */
  block?: Block;
  /** A Markdown list item: which list of the body (numbered from 1) it is an item of. */
  list?: number;
  /** An abbreviation's definition (`*[AI]: ...`): a glossary entry wherever it stands. */
  term?: boolean;
  /** The fields of a `properties` paragraph. */
  fields?: PageField[];
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*))?$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
/** A rule; in plain text a row of `=` too (a newsletter's divider), where it underlines no title. */
const RULE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|={3,}[ \t]*)$/;
const BULLET = /^[ \t]*(?:[*+-][ \t]+|[•‣◦▪●][ \t]*)(?=\S)/;
const ITEM = /^[ \t]*\d{1,3}[.)][ \t]+\S/;
const BLANK = /^[ \t]*$/;
/** `2. BACKGROUND`, `IV) NEXT STEPS`: a number, then a few words in capitals and no sentence's end. */
const CAPITAL_HEADING =
  /^[ \t]*\d{1,3}[.)][ \t]+(?=[^\n]*\p{Lu})[\p{Lu}\p{N}][\p{Lu}\p{N} &/,'’-]{0,58}[\p{Lu}\p{N}]?:?[ \t]*$/u;

/** Lines longer than this are whole paragraphs, not hard-wrapped text. */
const LONG_LINE = 100;

type LineKind = "blank" | "atx" | "setext" | "rule" | "bullet" | "item" | "text";

function lineKind(line: string): LineKind {
  if (BLANK.test(line)) return "blank";
  if (ATX.test(line)) return "atx";
  if (RULE.test(line)) return "rule";
  if (BULLET.test(line)) return "bullet";
  if (ITEM.test(line)) return "item";
  return "text";
}

/**
 * Short, no closing sentence punctuation, does not start in lower case. A question is a heading
 * ("What Are the Models?"); a colon at the end only for a known heading ("Key terms:").
 */
export function looksLikeHeading(raw: string): boolean {
  return headingShape(raw) && sourceLine(raw.trim()) === null;
}

/** A heading-shaped line that names a known heading or is Title Cased. */
export function strongHeading(text: string): boolean {
  return isKnownHeading(text) || isTitleCase(text);
}

const DANGLING =
  /^(?:a|an|the|of|on|in|to|for|and|or|but|with|by|at|from|as|that|which|who|its|their|is|are|was|were)$/;

/** Most longer words capitalised, as headings are written: "Conditions for Reinstatement". */
export function isTitleCase(raw: string): boolean {
  const words = stripEmphasis(raw.trim()).split(/\s+/);
  const first = words[0] ?? "";
  if (!/^[\p{Lu}\p{N}"'“‘(]/u.test(first)) return false;
  // Title Case ends on a capital: a line ending in `on`, `the` or `a` is a hard-wrapped sentence's first.
  if (words.length > 1 && DANGLING.test(words[words.length - 1]!)) return false;
  const long = words.slice(1).filter((w) => w.replace(/[^\p{L}]/gu, "").length >= 4);
  if (long.length === 0) return true;
  const capital = long.filter((w) => /^["'“‘(]?[\p{Lu}\p{N}]/u.test(w)).length;
  return capital / long.length >= 0.6;
}

export function endsSentence(line: string): boolean {
  return /[.!?:;"'”’)\]…]$/.test(line.trim());
}

/**
 * Whether a block's text lines (all but its last, trimmed) are each a paragraph of their own, the way
 * pasted articles are written: at least half of them are over 100 characters, or every one of them
 * ends a sentence or is a Title Case heading. Else they are hard-wrapped text, joined.
 */
export function onePerLine(nonFinal: string[]): boolean {
  if (nonFinal.length === 0) return false;
  const long = nonFinal.filter((l) => l.length > LONG_LINE).length;
  return (
    long * 2 >= nonFinal.length ||
    nonFinal.every((l) => endsSentence(l) || (looksLikeHeading(l) && strongHeading(l)))
  );
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
  // Pushed, not mapped: a `map`'s array changes V8 elements kind with its length, and each kind met
  // made this function compile again.
  const lines: string[] = [];
  const kinds: LineKind[] = [];
  for (const l of body.split("\n")) {
    const line = l.endsWith("\r") ? l.slice(0, -1) : l;
    lines.push(line);
    kinds.push(lineKind(line));
  }
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
  const linePerParagraph = inGlossary || onePerLine(nonFinal);
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
      // A numbered heading in capitals alone between blank lines (a memo's `2. BACKGROUND`).
      if (end - start === 1 && CAPITAL_HEADING.test(line)) {
        close();
        out.push({ kind: "heading", text: line.trim(), line: firstLine + j, level: 0 });
        continue;
      }
      begin("item", line.trim(), j);
      continue;
    }
    const text = line.trim();
    if (headings.has(j)) {
      close();
      out.push({ kind: "heading", text: stripEmphasis(text), line: firstLine + j, level: 0 });
      continue;
    }
    if (isDateLine(text)) {
      // A dateline stands alone; the one short line above it at the top of the file is the title.
      if (
        out.length === 0 &&
        cur?.kind === "text" &&
        cur.parts.length === 1 &&
        !endsSentence(cur.parts[0]!)
      ) {
        cur.kind = "heading";
        cur.level = 0;
      }
      begin("text", text, j);
      close();
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
