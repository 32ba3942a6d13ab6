// Screen lines as styled segments, cut and padded in columns. Pure (no React): the components draw
// them through <Line>, and the first frame painted before Ink loads (paint.ts) writes them directly.
import { displayWidth, truncate } from "../text/width.js";
import type { Token } from "./theme.js";

// A cut line is mostly printable ASCII ending in the ellipsis (one column), which string-width would
// otherwise measure grapheme by grapheme: tens of microseconds for each row of a new page.
const ASCII_THEN_ELLIPSIS = /^[\x20-\x7e]*…$/;

/** `displayWidth`, without the slow measure for ASCII text cut with an ellipsis. */
export function textWidth(s: string): number {
  return ASCII_THEN_ELLIPSIS.test(s) ? s.length : displayWidth(s);
}

export interface Segment {
  text: string;
  token?: Token;
  /** A link's URL (one `linkableUrl` accepts): the text is an OSC 8 hyperlink where the terminal shows them. */
  url?: string;
}

/** Cuts segments to `width` columns (the last one kept gets an ellipsis) and pads to `width` if asked. */
export function fitSegments(segments: readonly Segment[], width: number, pad = false): Segment[] {
  const out: Segment[] = [];
  let used = 0;
  const max = Math.max(0, width);
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (seg.text === "") continue;
    const w = textWidth(seg.text);
    if (used + w <= max) {
      // A later segment may still overflow; then the ellipsis belongs to it.
      out.push(seg);
      used += w;
      continue;
    }
    const cut = truncate(seg.text, max - used);
    if (cut !== "") {
      out.push({ ...seg, text: cut });
      used += textWidth(cut);
    }
    break;
  }
  if (pad && used < max) {
    const last = out[out.length - 1];
    out.push({ text: " ".repeat(max - used), ...(last?.token ? { token: last.token } : {}) });
  }
  return out;
}

/** Splits `text` into segments, styling the given spans; spans must be sorted and not overlap. */
export function spanSegments(
  text: string,
  spans: readonly { start: number; end: number; token: Token }[],
  base: Token = "plain",
): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const s of spans) {
    if (s.start < at || s.end <= s.start) continue;
    if (s.start > at) out.push({ text: text.slice(at, s.start), token: base });
    out.push({ text: text.slice(s.start, s.end), token: s.token });
    at = s.end;
  }
  if (at < text.length) out.push({ text: text.slice(at), token: base });
  return out;
}

/** The segments of `text` (in order, covering it) cut where links start and end, each piece in a link with its URL. */
export function withLinks(
  segments: readonly Segment[],
  links: readonly { start: number; end: number; url: string }[],
): Segment[] {
  if (links.length === 0) return [...segments];
  const out: Segment[] = [];
  let at = 0;
  for (const seg of segments) {
    const end = at + seg.text.length;
    let from = at;
    for (const l of links) {
      if (l.end <= from || l.start >= end) continue;
      const a = Math.max(l.start, from);
      const b = Math.min(l.end, end);
      if (a > from) out.push({ ...seg, text: seg.text.slice(from - at, a - at) });
      out.push({ ...seg, text: seg.text.slice(a - at, b - at), url: l.url });
      from = b;
    }
    if (from < end) out.push(from === at ? seg : { ...seg, text: seg.text.slice(from - at) });
    at = end;
  }
  return out;
}

export function segmentsWidth(segments: readonly Segment[]): number {
  let w = 0;
  for (const s of segments) w += textWidth(s.text);
  return w;
}

/** `left` then `right` pushed to the far edge; `right` is dropped when both do not fit. */
export function spread(left: readonly Segment[], right: readonly Segment[], width: number): Segment[] {
  const lw = segmentsWidth(left);
  const rw = segmentsWidth(right);
  if (rw === 0 || lw + 1 + rw > width) return [...left];
  return [...left, { text: " ".repeat(width - lw - rw) }, ...right];
}
