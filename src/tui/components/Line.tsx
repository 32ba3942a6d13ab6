// One screen line made of styled segments, cut to the width before Ink sees it: Ink would wrap a long
// line onto a second row and push the frame past the terminal's height.
import { Text } from "ink";
import type { ReactNode } from "react";
import { displayWidth, truncate } from "../../text/width.js";
import { type Token, useTheme } from "../theme.js";

export interface Segment {
  text: string;
  token?: Token;
}

/** Cuts segments to `width` columns (the last one kept gets an ellipsis) and pads to `width` if asked. */
export function fitSegments(segments: readonly Segment[], width: number, pad = false): Segment[] {
  const out: Segment[] = [];
  let used = 0;
  const max = Math.max(0, width);
  for (let i = 0; i < segments.length; i++) {
    const seg = segments[i]!;
    if (seg.text === "") continue;
    const w = displayWidth(seg.text);
    if (used + w <= max) {
      // A later segment may still overflow; then the ellipsis belongs to it.
      out.push(seg);
      used += w;
      continue;
    }
    const cut = truncate(seg.text, max - used);
    if (cut !== "") {
      out.push({ ...seg, text: cut });
      used += displayWidth(cut);
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

export function segmentsWidth(segments: readonly Segment[]): number {
  let w = 0;
  for (const s of segments) w += displayWidth(s.text);
  return w;
}

/** `left` then `right` pushed to the far edge; `right` is dropped when both do not fit. */
export function spread(left: readonly Segment[], right: readonly Segment[], width: number): Segment[] {
  const lw = segmentsWidth(left);
  const rw = segmentsWidth(right);
  if (rw === 0 || lw + 1 + rw > width) return [...left];
  return [...left, { text: " ".repeat(width - lw - rw) }, ...right];
}

export interface LineProps {
  segments: readonly Segment[];
  width: number;
  /** Paint the whole row (the selected row of a list). */
  fill?: Token;
}

export function Line({ segments, width, fill }: LineProps): ReactNode {
  const theme = useTheme();
  const base = fill ? theme[fill] : {};
  const fitted = fitSegments(segments, width, fill !== undefined);
  // An empty <Text> takes no row; a space keeps the line.
  if (fitted.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end" {...base}>
      {fitted.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity beyond their place
        <Text key={i} {...(s.token ? theme[s.token] : {})}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}
