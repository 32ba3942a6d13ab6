// Search matches in a laid-out briefing, and where n/N take the reader.
import { findMatches } from "../story/search.js";
import type { ReaderLayout } from "./readerLayout.js";
import { clamp, maxScrollTop } from "./windowing.js";

export interface Match {
  line: number;
  start: number;
  end: number;
}

export function readerMatches(layout: ReaderLayout, query: string): Match[] {
  if (query.trim() === "") return [];
  const out: Match[] = [];
  layout.lines.forEach((l, line) => {
    for (const m of findMatches(l.text, query)) out.push({ line, ...m });
  });
  return out;
}

/** First match on or below `line`, wrapping to the top; -1 when there are none. */
export function firstMatchFrom(matches: readonly Match[], line: number): number {
  if (matches.length === 0) return -1;
  const i = matches.findIndex((m) => m.line >= line);
  return i === -1 ? 0 : i;
}

/** The next (dir 1) or previous match after `current`, wrapping; from the screen when none is current. */
export function stepMatch(matches: readonly Match[], current: number, dir: 1 | -1, scroll: number): number {
  const n = matches.length;
  if (n === 0) return -1;
  if (current < 0 || current >= n) {
    const first = firstMatchFrom(matches, scroll);
    return dir === 1 ? first : (first - 1 + n) % n;
  }
  return (current + dir + n) % n;
}

/** Scroll that shows a match's line with a little context above it, if it is not already on screen. */
export function scrollToLine(line: number, scroll: number, total: number, height: number): number {
  if (line >= scroll && line < scroll + height) return scroll;
  return clamp(line - Math.min(2, Math.floor(height / 4)), 0, maxScrollTop(total, height));
}
