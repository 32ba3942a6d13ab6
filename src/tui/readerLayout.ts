// A briefing laid out as screen lines for one width: done once per (briefing, width) and then only
// sliced, so scrolling and searching never re-wrap text.
import { actorList } from "../briefing/actor-names.js";
import { type Briefing, type Paragraph, SECTION_KEYS, SECTION_TITLES } from "../briefing/schema.js";
import {
  continuesList,
  LinkNumbers,
  linkableUrl,
  type MarkSpan,
  numberWidths,
  READING_MEASURE,
  renderBlock,
} from "../text/blocks.js";
import { sanitizeLine } from "../text/sanitize.js";
import { wrap } from "../text/width.js";

export type LineKind = "title" | "meta" | "heading" | "subheading" | "text" | "blank" | "muted";

export interface Span {
  start: number;
  end: number;
}

export interface ReaderLine {
  /** Sanitised text, at most the layout width wide (a heading's rule is drawn by the view). */
  text: string;
  kind: LineKind;
  /** Glossary terms in this line, to highlight. */
  terms: Span[];
  /** File line of the paragraph this line belongs to, to find a timeline event. */
  src: number | null;
  /** Markdown styles (strong, code, links, frames) of this line. */
  marks?: MarkSpan[];
}

export interface ReaderLayout {
  width: number;
  lines: ReaderLine[];
}

const LABEL_WIDTH = 8;
const MAX_TERMS = 300;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * One case-insensitive pattern for all terms, whole words only, longest first so "interest rate" wins
 * over "rate". Null when there is nothing to look for.
 */
export function termPattern(terms: readonly string[]): RegExp | null {
  const cleaned = [...new Set(terms.map((t) => sanitizeLine(t).trim()).filter((t) => t.length > 0))]
    .sort((a, b) => b.length - a.length)
    .slice(0, MAX_TERMS);
  if (cleaned.length === 0) return null;
  // A plural in the text ("export controls") is the same term.
  const alternatives = cleaned.map((t) => `${escapeRegExp(t)}(?:s|es)?`).join("|");
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, "giu");
}

export function termSpans(text: string, pattern: RegExp | null): Span[] {
  if (!pattern || text === "") return [];
  const spans: Span[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0] === "") {
      pattern.lastIndex++;
      continue;
    }
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

class Builder {
  readonly lines: ReaderLine[] = [];
  readonly links = new LinkNumbers();
  constructor(
    readonly width: number,
    readonly pattern: RegExp | null,
  ) {}

  blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1]!.kind !== "blank") {
      this.lines.push({ text: "", kind: "blank", terms: [], src: null });
    }
  }

  /** Wraps `text` with `first` before its first line and `indent` before the rest. */
  add(text: string, kind: LineKind, src: number | null, first = "", indent = "", highlight = true): void {
    const inner = Math.max(1, this.width - Math.max(first.length, indent.length));
    const wrapped = wrap(sanitizeLine(text), inner);
    wrapped.forEach((line, i) => {
      const prefix = i === 0 ? first : indent;
      const full = prefix + line;
      const terms = highlight ? termSpans(full, this.pattern).filter((s) => s.start >= prefix.length) : [];
      this.lines.push({ text: full, kind, terms, src });
    });
  }

  meta(label: string, value: string): void {
    this.add(value, "meta", null, `${label.padEnd(LABEL_WIDTH)} `, " ".repeat(LABEL_WIDTH + 1), false);
  }

  /** A Markdown block through the shared renderer; code keeps its glossary terms unmarked. */
  block(p: Paragraph & { block: NonNullable<Paragraph["block"]> }, numberWidth: number): void {
    const code = p.block.type === "code";
    for (const l of renderBlock(p.block, this.width, this.links, 0, numberWidth)) {
      const terms = code ? [] : termSpans(l.text, this.pattern).filter((t) => !inCode(l.marks, t));
      this.lines.push({ text: l.text, kind: "text", terms, src: p.line, marks: l.marks });
    }
  }

  paragraphs(paras: readonly Paragraph[], bullet: boolean): void {
    let subsection: string | undefined;
    const numbers = numberWidths(paras.map((p) => p.block));
    paras.forEach((p, i) => {
      if (p.subsection && p.subsection !== subsection) {
        this.blank();
        this.add(p.subsection, "subheading", p.line, "", "", false);
      }
      subsection = p.subsection;
      if (p.block) {
        this.block({ ...p, block: p.block }, numbers[i]!);
        if (!continuesList(p.block, paras[i + 1]?.block)) this.blank();
      } else if (bullet) this.add(p.text, "text", p.line, "• ", "  ");
      else {
        this.add(p.text, "text", p.line);
        this.blank();
      }
    });
  }

  /** The numbered URLs of the links above. */
  linkList(): void {
    if (this.links.list.length === 0) return;
    this.blank();
    this.add("Links", "heading", null, "", "", false);
    for (const { n, url } of this.links.list) {
      const label = `[${n}] `;
      const clean = sanitizeLine(url);
      wrap(clean, Math.max(1, this.width - label.length)).forEach((piece, i) => {
        const text = (i === 0 ? label : " ".repeat(label.length)) + piece;
        const marks: MarkSpan[] = [
          { start: label.length, end: text.length, mark: "link", ...(linkableUrl(url) ? { url } : {}) },
        ];
        if (i === 0) marks.unshift({ start: 0, end: label.length - 1, mark: "linkNumber" });
        this.lines.push({ text, kind: "text", terms: [], src: null, marks });
      });
    }
  }
}

const inCode = (marks: readonly MarkSpan[] | undefined, t: Span) =>
  marks?.some((m) => m.mark === "code" && m.start < t.end && t.start < m.end) ?? false;

export function layoutBriefing(b: Briefing, width: number, terms: readonly string[]): ReaderLayout {
  // A comfortable reading measure: no wider than 100 columns however wide the terminal is.
  const w = Math.max(10, Math.min(READING_MEASURE, Math.floor(width)));
  const out = new Builder(w, termPattern(terms));
  out.add(b.title, "title", null, "", "", false);
  out.blank();
  const date = b.date ? `${b.date}${b.dateInferred ? " (from the text)" : ""}` : "undated";
  out.meta("Date", date);
  if (b.source) out.meta("Source", b.source);
  out.meta("Actors", b.actors.length > 0 ? actorList(b.actors) : "none named");
  if (b.tags.length > 0) out.meta("Tags", b.tags.join(", "));
  out.meta("File", b.relPath);
  if (b.keyPoints.length > 0) {
    out.blank();
    out.add("Key points", "heading", null, "", "", false);
    out.paragraphs(b.keyPoints, true);
  }
  for (const key of SECTION_KEYS) {
    out.blank();
    out.add(SECTION_TITLES[key], "heading", null, "", "", false);
    const paras = b.sections[key];
    if (paras.length === 0) out.add("Nothing in this briefing.", "muted", null, "", "", false);
    else out.paragraphs(paras, false);
  }
  if (b.glossary.length > 0) {
    out.blank();
    out.add("Glossary", "heading", null, "", "", false);
    for (const g of b.glossary) {
      const term = sanitizeLine(g.term);
      out.add(`${term} — ${g.definition}`, "text", g.line, "", "  ");
    }
  }
  out.linkList();
  const lines = out.lines;
  while (lines.length > 0 && lines[lines.length - 1]!.kind === "blank") lines.pop();
  return { width: w, lines };
}

/** The first line of the paragraph a timeline event (file line, sentence) sits in, or null. */
export function lineOfEvent(layout: ReaderLayout, fileLine: number, sentence: string): number | null {
  let best: number | null = null;
  let bestSrc = -1;
  layout.lines.forEach((l, i) => {
    if (l.src !== null && l.src <= fileLine && l.src > bestSrc) {
      best = i;
      bestSrc = l.src;
    }
  });
  if (best === null) return null;
  // Inside the paragraph, prefer the wrapped line where the sentence starts.
  const head = sanitizeLine(sentence).trim().split(/\s+/).slice(0, 3).join(" ").toLowerCase();
  if (head !== "") {
    for (let i = best; i < layout.lines.length && layout.lines[i]!.src === bestSrc; i++) {
      if (layout.lines[i]!.text.toLowerCase().includes(head)) return i;
    }
  }
  return best;
}

// One layout per briefing object is kept: reopening or re-rendering at the same width is free.
const cache = new WeakMap<Briefing, { width: number; termsKey: string; layout: ReaderLayout }>();

export function cachedLayout(b: Briefing, width: number, terms: readonly string[]): ReaderLayout {
  const termsKey = terms.join("\u0000");
  const hit = cache.get(b);
  if (hit && hit.width === width && hit.termsKey === termsKey) return hit.layout;
  const layout = layoutBriefing(b, width, terms);
  cache.set(b, { width, termsKey, layout });
  return layout;
}
