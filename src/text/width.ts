// Display width, truncation and word wrap for terminal text, in columns rather than UTF-16 units.
//
// Input is plain text that has been through `sanitize` (no escape sequences, no controls but tab and
// newline). Style with colour *after* wrapping or truncating: these functions do not skip SGR codes.
//
// Conventions, the same in every function here so widths always add up:
// - a tab counts as one column and is written as one space (a real tab jumps to a tab stop the
//   renderer cannot predict, so it could push a line past the edge);
// - widths follow string-width: CJK and emoji 2, combining marks and zero-width joiners 0, East Asian
//   "ambiguous" characters (…, é in some fonts) 1; except that an emoji sequence (joined with ZWJ, a
//   flag, a skin tone, a VS16 presentation) counts at the widest a terminal draws it: terminals
//   disagree, and one that draws it narrower than counted leaves a gap, one that draws it wider
//   pushes the line past the edge (it wraps, and the screen scrolls). xterm.js (VS Code) draws each
//   code point of a sequence at its own width (the family 👨‍👩‍👧 is 6 columns, not 2), tmux joins
//   some and not others (👍🏽 is 4): the count is the larger of the sequence's width and the sum
//   of its code points.
// - a grapheme wider than the whole width (a CJK character or emoji at width 1) is written as "?", the
//   one way to keep the promise that no line is wider than asked.
import stringWidth from "string-width";

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/**
 * Text whose every code unit is a grapheme of its own, whatever stands beside it: Latin letters,
 * punctuation, currency, arrows, maths, box drawing, bullets (no combining marks, joiners or
 * surrogates; test/text/width-simple.test.ts checks each against Intl.Segmenter). Such text is split
 * without a segmenter: the first one built loads ICU's break data, 13 ms of a `print`.
 */
export const SIMPLE_TEXT =
  /^[\t\n\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u20a0-\u20bf\u2100-\u25ff]*$/;
const TAB = /\t/g;
let segmenter: Intl.Segmenter | undefined;
function segments(s: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter();
  return segmenter.segment(s);
}

/** Shown instead of a grapheme that cannot fit in the width at all. */
export const TOO_WIDE = "?";

// Text repeats the same few hundred non-ASCII graphemes; measuring each once keeps wrapping cheap.
const graphemeCache = new Map<string, number>();
const CACHE_LIMIT = 4096;

// What makes a grapheme an emoji sequence that terminals may draw a code point at a time.
const EMOJI_SEQUENCE = /[\u200d\ufe0f\u{1f3fb}-\u{1f3ff}\u{1f1e6}-\u{1f1ff}]/u;

/** The widest a terminal draws grapheme `g`: see the top of the file. */
function widestWidth(g: string): number {
  const whole = stringWidth(g);
  if (!EMOJI_SEQUENCE.test(g)) return whole;
  let each = 0;
  for (const cp of g) each += stringWidth(cp);
  return Math.max(whole, each);
}

/**
 * The characters of SIMPLE_TEXT beyond ASCII that string-width does not give one column: the soft
 * hyphen (none) and these (two). Read from here, the first frame's own marks ("—", "…", "·", "─")
 * are measured without string-width, whose first call builds a segmenter and its emoji pattern (tens
 * of milliseconds of a start); test/text/width-simple.test.ts checks the table against it.
 */
const WIDE_SIMPLE = new Set([
  0xa9, 0xae, 0x203c, 0x2049, 0x2122, 0x2139, 0x2194, 0x2195, 0x2196, 0x2197, 0x2198, 0x2199, 0x21a9, 0x21aa,
  0x231a, 0x231b, 0x2328, 0x2329, 0x232a, 0x23cf, 0x23e9, 0x23ea, 0x23eb, 0x23ec, 0x23ed, 0x23ee, 0x23ef,
  0x23f0, 0x23f1, 0x23f2, 0x23f3, 0x23f8, 0x23f9, 0x23fa, 0x24c2, 0x25aa, 0x25ab, 0x25b6, 0x25c0, 0x25fb,
  0x25fc, 0x25fd, 0x25fe,
]);
const SOFT_HYPHEN = 0xad;

/** Whether code unit `c` is one of SIMPLE_TEXT's characters beyond ASCII. */
function simpleCode(c: number): boolean {
  return (
    (c >= 0xa0 && c <= 0x2ff) ||
    (c >= 0x2010 && c <= 0x2027) ||
    (c >= 0x2030 && c <= 0x205e) ||
    (c >= 0x20a0 && c <= 0x20bf) ||
    (c >= 0x2100 && c <= 0x25ff)
  );
}

function graphemeWidth(g: string): number {
  if (g.length === 1) {
    const c = g.charCodeAt(0);
    if (c >= 0x20 && c < 0x7f) return 1;
    if (c === 0x09) return 1;
    if (simpleCode(c)) return c === SOFT_HYPHEN ? 0 : WIDE_SIMPLE.has(c) ? 2 : 1;
  }
  let w = graphemeCache.get(g);
  if (w === undefined) {
    w = widestWidth(g);
    if (graphemeCache.size >= CACHE_LIMIT) graphemeCache.clear();
    graphemeCache.set(g, w);
  }
  return w;
}

function graphemes(s: string): string[] {
  if (PRINTABLE_ASCII.test(s) || SIMPLE_TEXT.test(s)) return s.split("");
  const out: string[] = [];
  for (const { segment } of segments(s)) out.push(segment);
  return out;
}

function simpleWidth(s: string): number {
  let w = 0;
  for (let i = 0; i < s.length; i++) w += graphemeWidth(s[i]!);
  return w;
}

/** Width of plain (sanitised, unstyled) text from the grapheme cache; equals `displayWidth` there. */
function plainWidth(s: string): number {
  if (PRINTABLE_ASCII.test(s)) return s.length;
  if (SIMPLE_TEXT.test(s)) return simpleWidth(s);
  let w = 0;
  for (const { segment } of segments(s)) w += graphemeWidth(segment);
  return w;
}

function untab(s: string): string {
  return s.includes("\t") ? s.replace(TAB, " ") : s;
}

// Every frame measures the same rows again ("› ", rules of "─", titles with "…"); string-width costs
// microseconds per call, which adds up to milliseconds per keypress.
const lineCache = new Map<string, number>();

/** Columns `s` takes on one terminal line (newlines count 0; call it per line). */
export function displayWidth(s: string): number {
  if (PRINTABLE_ASCII.test(s)) return s.length;
  let w = lineCache.get(s);
  if (w === undefined) {
    w = plainWidth(s);
    if (lineCache.size >= CACHE_LIMIT) lineCache.clear();
    lineCache.set(s, w);
  }
  return w;
}

/**
 * Cuts `s` to at most `width` columns, ending in `ellipsis` when something was cut. Spaces left
 * before the ellipsis are dropped. When even the ellipsis does not fit, the text is cut without it.
 */
export function truncate(s: string, width: number, ellipsis = "…"): string {
  const max = Math.max(0, Math.floor(width));
  const text = untab(s);
  if (displayWidth(text) <= max) return text;
  let mark = ellipsis;
  let markWidth = displayWidth(mark);
  if (markWidth > max) {
    mark = "";
    markWidth = 0;
  }
  const budget = max - markWidth;
  let used = 0;
  let end = 0;
  for (const g of graphemes(text)) {
    const w = graphemeWidth(g);
    if (used + w > budget) break;
    used += w;
    end += g.length;
  }
  const kept = mark === "" ? text.slice(0, end) : text.slice(0, end).trimEnd();
  return kept + mark;
}

/** Pads `s` with spaces to `width` columns; a wider `s` comes back unchanged (see `fit`). */
export function padEnd(s: string, width: number): string {
  const text = untab(s);
  const w = displayWidth(text);
  return w >= width ? text : text + " ".repeat(width - w);
}

/** Right-aligns `s` in `width` columns; a wider `s` comes back unchanged. */
export function padStart(s: string, width: number): string {
  const text = untab(s);
  const w = displayWidth(text);
  return w >= width ? text : " ".repeat(width - w) + text;
}

/** Exactly `width` columns: truncated with an ellipsis when longer, padded when shorter. */
export function fit(s: string, width: number, ellipsis = "…"): string {
  return padEnd(truncate(s, width, ellipsis), Math.max(0, Math.floor(width)));
}

/** Splits a word wider than the line into pieces of at most `width` columns. */
function breakWord(word: string, width: number): string[] {
  if (PRINTABLE_ASCII.test(word)) {
    const pieces: string[] = [];
    for (let i = 0; i < word.length; i += width) pieces.push(word.slice(i, i + width));
    return pieces;
  }
  const pieces: string[] = [];
  let piece = "";
  let used = 0;
  for (const g of graphemes(word)) {
    let part = g;
    let w = graphemeWidth(g);
    if (w > width) {
      part = TOO_WIDE;
      w = 1;
    }
    if (used + w > width && piece !== "") {
      // A number or Latin word inside CJK text (`自2025年`) goes whole to the next line, as a word would.
      const run = /[A-Za-z0-9]$/.test(g) ? /[A-Za-z0-9]+$/.exec(piece) : null;
      const keep = run && run.index > 0 ? run[0] : "";
      pieces.push(piece.slice(0, piece.length - keep.length));
      piece = keep;
      used = keep.length;
    }
    piece += part;
    used += w;
  }
  if (piece !== "") pieces.push(piece);
  return pieces;
}

function wrapLine(line: string, width: number, out: string[]): void {
  if (PRINTABLE_ASCII.test(line) && line.length <= width) {
    out.push(line.trimEnd());
    return;
  }
  // Words are split at ASCII spaces only: a no-break space is a promise not to break there, and CJK
  // runs without spaces are broken between characters by `breakWord`, which is where CJK breaks.
  const parts = line.split(/( +)/);
  let current = "";
  let currentWidth = 0;
  // Spaces before the next word; a line's leading indentation is kept, spaces at a wrap point are not.
  let pending = parts[0] === "" && parts.length > 1 ? (parts[1] ?? "") : "";
  const startAt = pending === "" ? 0 : 2;
  for (let i = startAt; i < parts.length; i++) {
    const part = parts[i] ?? "";
    if (i % 2 === 1) {
      pending = part;
      continue;
    }
    if (part === "") continue;
    const w = plainWidth(part);
    if (currentWidth + pending.length + w <= width) {
      current += pending + part;
      currentWidth += pending.length + w;
    } else if (w <= width) {
      if (current !== "") out.push(current);
      current = part;
      currentWidth = w;
    } else {
      if (current !== "") out.push(current);
      const pieces = breakWord(part, width);
      for (let p = 0; p < pieces.length - 1; p++) out.push(pieces[p] ?? "");
      current = pieces[pieces.length - 1] ?? "";
      currentWidth = plainWidth(current);
    }
    pending = "";
  }
  if (current !== "") out.push(current);
}

/**
 * Word-wraps `text` to lines of at most `width` columns (width below 1 is treated as 1). Existing
 * newlines are kept as breaks, so an empty line stays an empty line. Words longer than a line (URLs,
 * CJK runs) are broken at grapheme boundaries; no trailing spaces; no returned line is wider than
 * `width`.
 */
export function wrap(text: string, width: number): string[] {
  const max = Number.isFinite(width) ? Math.max(1, Math.floor(width)) : 1;
  const out: string[] = [];
  for (const line of untab(text).split("\n")) {
    const before = out.length;
    wrapLine(line, max, out);
    if (out.length === before) out.push("");
  }
  return out;
}
