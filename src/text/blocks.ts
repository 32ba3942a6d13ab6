// A briefing's Markdown blocks laid out as styled lines for one width: the one renderer behind both
// `print --format text` (marks become SGR codes) and the reader (marks become theme tokens). Every
// string from the file is sanitised here, before it is measured.
import { LinkNumbers } from "../briefing/links.js";
import type { Align, Block, Inline } from "../briefing/schema.js";
import { sanitizeLine } from "./sanitize.js";
import { displayWidth } from "./width.js";

/** Body text wraps at most here, on any terminal wider than that (`--width` sets it for print). */
export const READING_MEASURE = 100;

export type Mark =
  | "strong"
  | "emphasis"
  | "code"
  | "link"
  | "delete"
  /** The `[n]` after a link's text. */
  | "linkNumber"
  /** Rules, table borders, quote bars, list markers and the cut marker: drawn by the program. */
  | "frame"
  | "codeBlock";

export interface MarkSpan {
  start: number;
  end: number;
  mark: Mark;
  /** A link's URL, sanitised; set on `link` spans whose URL may be a terminal hyperlink. */
  url?: string;
}

export interface StyledLine {
  text: string;
  marks: MarkSpan[];
}

export { LinkNumbers };

/** A URL safe to put in an OSC 8 hyperlink: nothing the sanitiser would change, a web or mail scheme. */
export function linkableUrl(url: string): boolean {
  return (
    url.length <= 2000 &&
    sanitizeLine(url) === url &&
    /^(?:https?:\/\/|mailto:)[^\s\\]+$/i.test(url) &&
    // OSC 8 ends at ST or BEL; neither can be in a sanitised string, but ESC's printable twin may.
    !url.includes("^[")
  );
}

/**
 * `text` as an OSC 8 hyperlink to `url`, or `text` alone when `url` is not `linkableUrl`. `end` is the
 * sequence's terminator: ST for print; BEL in the reader, as Ink's tokenizer (@alcalzone/ansi-tokenize)
 * knows a link only by BEL and would take the bytes of an ST-ended one for text of its own width.
 */
export function hyperlink(url: string, text: string, end: "st" | "bel" = "st"): string {
  if (!linkableUrl(url)) return text;
  const t = end === "st" ? "\x1b\\" : "\x07";
  return `\x1b]8;;${url}${t}${text}\x1b]8;;${t}`;
}

/** Code text: tabs to the next multiple of four, every character made visible. */
function codeLine(s: string): string {
  let out = "";
  for (const ch of s) out += ch === "\t" ? " ".repeat(4 - (out.length % 4)) : ch;
  return sanitizeLine(out);
}

// ---------------------------------------------------------------------------------------------------
// Inline spans -> one string with marks, then wrapped

interface Flat {
  text: string;
  marks: MarkSpan[];
}

function flatten(spans: readonly Inline[], links: LinkNumbers): Flat[] {
  const lines: Flat[] = [{ text: "", marks: [] }];
  const add = (raw: string) => {
    const cur = lines[lines.length - 1]!;
    let t = sanitizeLine(raw).replace(/\s+/g, " ");
    if (cur.text === "" || cur.text.endsWith(" ")) t = t.replace(/^ /, "");
    cur.text += t;
  };
  const walk = (list: readonly Inline[], marks: Mark[], url?: string) => {
    for (const s of list) {
      const cur = () => lines[lines.length - 1]!;
      if (s.type === "break") {
        lines.push({ text: "", marks: [] });
        continue;
      }
      const start = cur().text.length;
      if (s.type === "text") add(s.text);
      else if (s.type === "code") add(s.text);
      else if (s.type === "link") walk(s.children, [...marks, "link"], s.url);
      else walk(s.children, [...marks, s.type]);
      const end = cur().text.length;
      if ((s.type === "text" || s.type === "code") && end > start) {
        const all: Mark[] = s.type === "code" ? [...marks, "code"] : marks;
        for (const m of all) cur().marks.push({ start, end, mark: m, ...linkUrl(m, url) });
      }
      if (s.type === "link") {
        const n = links.number(s.url, sanitizeLine(cur().text.slice(start, end)));
        const label = `[${n}]`;
        const at = cur().text.length;
        cur().text += label;
        cur().marks.push({ start: at, end: at + label.length, mark: "linkNumber" });
      }
    }
  };
  walk(spans, []);
  for (const l of lines) {
    const trimmed = l.text.trimEnd();
    l.text = trimmed;
    l.marks = l.marks
      .filter((m) => m.start < trimmed.length)
      .map((m) => ({ ...m, end: Math.min(m.end, trimmed.length) }));
  }
  return lines;
}

function linkUrl(m: Mark, url: string | undefined): { url?: string } {
  return m === "link" && url !== undefined && linkableUrl(url) ? { url } : {};
}

/** Pieces of a word no wider than `width` columns, cut between characters. */
function cutWord(word: string, width: number): string[] {
  const out: string[] = [];
  let piece = "";
  let used = 0;
  for (const ch of word) {
    const w = displayWidth(ch);
    if (used + w > width && piece !== "") {
      out.push(piece);
      piece = "";
      used = 0;
    }
    piece += ch;
    used += w;
  }
  if (piece !== "") out.push(piece);
  return out;
}

/** Word-wraps a flat line; marks follow their characters. */
function wrapFlat(f: Flat, width: number): StyledLine[] {
  const w = Math.max(1, width);
  const ranges: [number, number][] = [];
  let lineStart = -1;
  let lineEnd = -1;
  let used = 0;
  const word = /\S+/g;
  for (let m = word.exec(f.text); m !== null; m = word.exec(f.text)) {
    const ww = displayWidth(m[0]);
    if (lineStart !== -1 && used + 1 + ww <= w) {
      lineEnd = m.index + m[0].length;
      used += 1 + ww;
      continue;
    }
    if (lineStart !== -1) ranges.push([lineStart, lineEnd]);
    if (ww <= w) {
      lineStart = m.index;
      lineEnd = m.index + m[0].length;
      used = ww;
      continue;
    }
    let at = m.index;
    const pieces = cutWord(m[0], w);
    pieces.forEach((p, i) => {
      if (i < pieces.length - 1) ranges.push([at, at + p.length]);
      else {
        lineStart = at;
        lineEnd = at + p.length;
        used = displayWidth(p);
      }
      at += p.length;
    });
  }
  if (lineStart !== -1) ranges.push([lineStart, lineEnd]);
  if (ranges.length === 0) return [{ text: "", marks: [] }];
  return ranges.map(([a, b]) => ({ text: f.text.slice(a, b), marks: clip(f.marks, a, b) }));
}

function clip(marks: readonly MarkSpan[], a: number, b: number, shift = a): MarkSpan[] {
  const out: MarkSpan[] = [];
  for (const m of marks) {
    const s = Math.max(m.start, a);
    const e = Math.min(m.end, b);
    if (e > s) out.push({ ...m, start: s - shift, end: e - shift });
  }
  return out;
}

/** Spans wrapped to `width`. */
export function inlineLines(spans: readonly Inline[], width: number, links: LinkNumbers): StyledLine[] {
  return flatten(spans, links).flatMap((f) => wrapFlat(f, width));
}

// ---------------------------------------------------------------------------------------------------
// Blocks

function prefixed(lines: StyledLine[], first: string, rest: string, frame = true): StyledLine[] {
  return lines.map((l, i) => {
    const p = i === 0 ? first : rest;
    const marks = l.marks.map((m) => ({ ...m, start: m.start + p.length, end: m.end + p.length }));
    if (frame && p.trim() !== "") marks.unshift({ start: 0, end: p.trimEnd().length, mark: "frame" });
    return { text: p + l.text, marks };
  });
}

const BULLETS = ["•", "◦", "▪"];

/**
 * A block laid out in `width` columns (at least 1). `depth` is the list nesting it sits in;
 * `numberWidth`, for a numbered list's item, the width of its list's widest marker (`numberWidths`).
 */
export function renderBlock(
  b: Block,
  width: number,
  links: LinkNumbers,
  depth = 0,
  numberWidth = 0,
): StyledLine[] {
  const w = Math.max(1, width);
  switch (b.type) {
    case "paragraph":
      return inlineLines(b.children, w, links);
    case "heading":
      return inlineLines(b.children, w, links).map((l) => ({
        text: l.text,
        marks: [{ start: 0, end: l.text.length, mark: "strong" as const }, ...l.marks],
      }));
    case "list":
      return renderList(b, w, links, depth, numberWidth);
    case "table":
      return renderTable(b, w, links);
    case "code":
      // Indented under the text, as glow does: code reads as code without colour too.
      return prefixed(
        renderCode(b.text, Math.max(1, w - CODE_INDENT.length)),
        CODE_INDENT,
        CODE_INDENT,
        false,
      );
    case "quote": {
      const inner = renderBlocks(b.children, w - 2, links, depth, false);
      return prefixed(inner, "│ ", "│ ");
    }
    case "rule":
      return [
        { text: "─".repeat(Math.min(w, 40)), marks: [{ start: 0, end: Math.min(w, 40), mark: "frame" }] },
      ];
  }
}

/**
 * Blocks one after another, a blank line between them; in an item of a tight list (`tight`) a list
 * follows its item's text straight on, as glow shows it.
 */
export function renderBlocks(
  list: readonly Block[],
  width: number,
  links: LinkNumbers,
  depth: number,
  tight: boolean,
): StyledLine[] {
  const out: StyledLine[] = [];
  list.forEach((b, i) => {
    const prev = list[i - 1];
    if (prev && !(tight && prev.type === "paragraph" && b.type === "list")) out.push({ text: "", marks: [] });
    out.push(...renderBlock(b, width, links, depth));
  });
  return out;
}

/**
 * Whether `b`, a paragraph of its own, goes on straight after `prev` with no blank line: the next item
 * of the same tight list. A loose list's items, and a list that starts after another, are set apart.
 */
export function continuesList(prev: Block | undefined, b: Block | undefined): boolean {
  return prev?.type === "list" && b?.type === "list" && !b.loose && !b.newList;
}

/**
 * For paragraphs shown one after another, the marker width of each numbered list item: the items of
 * one list (a paragraph each) take their widest number's, so `9.` stands right-aligned over `10.` as
 * glow shows it. 0 for any other paragraph.
 */
export function numberWidths(blocks: readonly (Block | undefined)[]): number[] {
  const out = blocks.map(() => 0);
  for (let i = 0; i < blocks.length; ) {
    const b = blocks[i];
    if (b?.type !== "list" || !b.ordered) {
      i++;
      continue;
    }
    let next = b.start + b.items.length;
    let j = i + 1;
    for (
      let n = blocks[j];
      n?.type === "list" && n.ordered && !n.newList && n.start === next;
      n = blocks[++j]
    )
      next = n.start + n.items.length;
    out.fill(numberMarker(next - 1), i, j);
    i = j;
  }
  return out;
}

const numberMarker = (last: number) => `${last}.`.length + 1;

function renderList(
  b: Extract<Block, { type: "list" }>,
  width: number,
  links: LinkNumbers,
  depth: number,
  numberWidth: number,
) {
  const last = b.start + b.items.length - 1;
  const markerWidth = b.ordered ? Math.max(numberWidth, numberMarker(last)) : 2;
  const out: StyledLine[] = [];
  b.items.forEach((item, i) => {
    const marker = b.ordered ? `${b.start + i}.`.padStart(markerWidth - 1) : BULLETS[depth % BULLETS.length]!;
    if (i > 0 && b.loose) out.push({ text: "", marks: [] });
    const inner = renderBlocks(item, width - markerWidth, links, depth + 1, !b.loose);
    if (inner.length === 0) inner.push({ text: "", marks: [] });
    out.push(...prefixed(inner, `${marker} `, " ".repeat(markerWidth)));
  });
  return out;
}

const CUT = "…";
const CODE_INDENT = "  ";

/** Code as written: never wrapped; a line wider than the space is cut, ending in a marker. */
function renderCode(text: string, width: number): StyledLine[] {
  return text.split("\n").map((raw) => {
    const line = codeLine(raw).trimEnd();
    if (displayWidth(line) <= width)
      return { text: line, marks: [{ start: 0, end: line.length, mark: "codeBlock" }] };
    const kept = cutWord(line, Math.max(1, width - 1))[0] ?? "";
    return {
      text: kept + CUT,
      marks: [
        { start: 0, end: kept.length, mark: "codeBlock" },
        { start: kept.length, end: kept.length + CUT.length, mark: "frame" },
      ],
    };
  });
}

// ---------------------------------------------------------------------------------------------------
// Tables

/** Longest word a column must fit whole; longer words (URLs) are broken inside their cell. */
const MAX_UNBROKEN = 16;

function renderTable(b: Extract<Block, { type: "table" }>, width: number, links: LinkNumbers): StyledLine[] {
  const cols = Math.max(b.header.length, ...b.rows.map((r) => r.length));
  const cell = (row: Inline[][], c: number): Flat => {
    const f = flatten(row[c] ?? [], links);
    // A hard break in a cell is a space: a row is one line of the file.
    return f.reduce((a, x) => ({
      text: a.text === "" ? x.text : `${a.text} ${x.text}`,
      marks: [
        ...a.marks,
        ...x.marks.map((m) => ({
          ...m,
          start: m.start + a.text.length + (a.text ? 1 : 0),
          end: m.end + a.text.length + (a.text ? 1 : 0),
        })),
      ],
    }));
  };
  const header = Array.from({ length: cols }, (_, c) => cell(b.header, c));
  const rows = b.rows.map((r) => Array.from({ length: cols }, (_, c) => cell(r, c)));
  const all = [header, ...rows];
  const natural = Array.from({ length: cols }, (_, c) =>
    Math.max(1, ...all.map((r) => displayWidth(r[c]!.text))),
  );
  const least = Array.from({ length: cols }, (_, c) => Math.max(1, ...all.map((r) => longest(r[c]!.text))));
  const room = width - (3 * cols + 1);
  if (cols === 0 || least.reduce((a, x) => a + x, 0) > room) return records(header, rows, width);
  const widths = fitColumns(natural, least, room);
  const rule = (l: string, m: string, r: string) => {
    const text = l + widths.map((w) => "─".repeat(w + 2)).join(m) + r;
    return { text, marks: [{ start: 0, end: text.length, mark: "frame" as const }] };
  };
  const out: StyledLine[] = [rule("┌", "┬", "┐")];
  // A header of empty cells (`| | |`, how GFM writes a table with none: Confluence's page
  // properties) is no row of the table: no empty row shown over the first.
  if (header.some((c) => c.text.trim() !== "")) {
    out.push(...tableRow(header, widths, b.align, true));
    out.push(rule("├", "┼", "┤"));
  }
  for (const r of rows) out.push(...tableRow(r, widths, b.align, false));
  out.push(rule("└", "┴", "┘"));
  return out;
}

function longest(text: string): number {
  let best = 0;
  for (const w of text.match(/\S+/g) ?? []) best = Math.max(best, displayWidth(w));
  return Math.min(MAX_UNBROKEN, best);
}

/** Column widths in `room`: natural widths when they fit, else each its least plus a fair share. */
export function fitColumns(natural: number[], least: number[], room: number): number[] {
  if (natural.reduce((a, x) => a + x, 0) <= room) return natural;
  const widths = [...least];
  let left = room - widths.reduce((a, x) => a + x, 0);
  const want = natural.map((n, i) => n - widths[i]!);
  const total = want.reduce((a, x) => a + x, 0);
  if (total > 0) {
    natural.forEach((_, i) => {
      const share = Math.floor((want[i]! * left) / total);
      widths[i]! += share;
    });
    left = room - widths.reduce((a, x) => a + x, 0);
    for (let i = 0; left > 0 && i < widths.length; i++)
      if (widths[i]! < natural[i]!) {
        widths[i]!++;
        left--;
      }
  }
  return widths;
}

function pad(l: StyledLine, width: number, align: Align): StyledLine {
  const gap = Math.max(0, width - displayWidth(l.text));
  const before = align === "right" ? gap : align === "center" ? Math.floor(gap / 2) : 0;
  return {
    text: " ".repeat(before) + l.text + " ".repeat(gap - before),
    marks: l.marks.map((m) => ({ ...m, start: m.start + before, end: m.end + before })),
  };
}

function tableRow(cells: Flat[], widths: number[], align: Align[], head: boolean): StyledLine[] {
  const wrapped = cells.map((c, i) => wrapFlat(c, widths[i]!));
  const height = Math.max(1, ...wrapped.map((w) => w.length));
  const out: StyledLine[] = [];
  for (let y = 0; y < height; y++) {
    let text = "│";
    const marks: MarkSpan[] = [{ start: 0, end: 1, mark: "frame" }];
    wrapped.forEach((lines, i) => {
      const l = pad(lines[y] ?? { text: "", marks: [] }, widths[i]!, align[i] ?? null);
      const at = text.length + 1;
      if (head && l.text.trim() !== "") marks.push({ start: at, end: at + l.text.length, mark: "strong" });
      for (const m of l.marks) marks.push({ ...m, start: m.start + at, end: m.end + at });
      text += ` ${l.text} `;
      marks.push({ start: text.length, end: text.length + 1, mark: "frame" });
      text += "│";
    });
    out.push({ text, marks });
  }
  return out;
}

/** A table too wide for the screen: one record per row, `Column: value`, a blank line between. */
function records(header: Flat[], rows: Flat[][], width: number): StyledLine[] {
  const out: StyledLine[] = [];
  rows.forEach((row, r) => {
    if (r > 0) out.push({ text: "", marks: [] });
    row.forEach((c, i) => {
      const name = header[i]?.text || `Column ${i + 1}`;
      const label = `${name}: `;
      const f: Flat = {
        text: label + c.text,
        marks: [
          { start: 0, end: name.length, mark: "strong" },
          ...c.marks.map((m) => ({ ...m, start: m.start + label.length, end: m.end + label.length })),
        ],
      };
      const lines = wrapFlat(f, width - 2);
      out.push(...prefixed(lines, "", "  ", false));
    });
  });
  return out;
}
