// One briefing, laid out once per width and scrolled: headings, glossary terms underlined, search
// matches highlighted.
import { Box } from "ink";
import type { Dispatch, ReactNode } from "react";
import type { Mark, MarkSpan } from "../../text/blocks.js";
import { sanitizeLine } from "../../text/sanitize.js";
import { displayWidth } from "../../text/width.js";
import { Line, type Segment, spanSegments, withLinks } from "../components/Line.js";
import { useCommands } from "../hooks/useCommands.js";
import { MOTIONS } from "../hooks/useListKeys.js";
import { stepNotice } from "../listSearch.js";
import type { ReaderLayout, ReaderLine } from "../readerLayout.js";
import { type Match, scrollToLine, stepMatch } from "../readerSearch.js";
import type { Action, ReaderState } from "../state.js";
import type { Token } from "../theme.js";
import { clamp, maxScrollTop } from "../windowing.js";

export interface ReaderProps {
  width: number;
  height: number;
  briefingId: string;
  /** Null while the briefing's text is being read: moves then wait for it (ReaderState.waiting). */
  layout: ReaderLayout | null;
  reader: ReaderState;
  matches: readonly Match[];
  /** The search kept (n/N say when they wrap or find nothing). */
  query: string;
  active: boolean;
  dispatch: Dispatch<Action>;
}

const BASE: Record<ReaderLine["kind"], Token> = {
  title: "title",
  meta: "plain",
  heading: "heading",
  subheading: "subheading",
  text: "plain",
  blank: "plain",
  muted: "muted",
};

const META_LABEL = 9;

const MARK_TOKEN: Record<Mark, Token> = {
  strong: "strong",
  emphasis: "emphasis",
  code: "code",
  codeBlock: "code",
  link: "link",
  delete: "strike",
  linkNumber: "muted",
  frame: "muted",
};
/** Where marks nest (a link in bold), the inner, more specific one shows. */
const PRIORITY: Mark[] = ["frame", "linkNumber", "code", "codeBlock", "link", "delete", "emphasis", "strong"];

/** Nested marks as runs that do not overlap, each with one token. */
export function markRuns(
  marks: readonly MarkSpan[] | undefined,
): { start: number; end: number; token: Token }[] {
  if (!marks || marks.length === 0) return [];
  const cuts = [...new Set(marks.flatMap((m) => [m.start, m.end]))].sort((a, b) => a - b);
  const out: { start: number; end: number; token: Token }[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [a, b] = [cuts[i]!, cuts[i + 1]!];
    let best: Mark | null = null;
    for (const m of marks)
      if (m.start <= a && m.end >= b && (best === null || PRIORITY.indexOf(m.mark) < PRIORITY.indexOf(best)))
        best = m.mark;
    if (best === null) continue;
    const token = MARK_TOKEN[best];
    const last = out[out.length - 1];
    if (last && last.end === a && last.token === token) last.end = b;
    else out.push({ start: a, end: b, token });
  }
  return out;
}

export function lineSegments(
  line: ReaderLine,
  width: number,
  matches: readonly Match[],
  current: Match | undefined,
): Segment[] {
  if (line.kind === "heading") {
    const rule = Math.max(0, width - displayWidth(line.text) - 4);
    return [
      { text: "── ", token: "muted" },
      { text: line.text, token: "heading" },
      { text: ` ${"─".repeat(rule)}`, token: "muted" },
    ];
  }
  const spans: { start: number; end: number; token: Token }[] = matches.map((m) => ({
    start: m.start,
    end: m.end,
    token: m === current ? "currentMatch" : "match",
  }));
  for (const t of line.terms) {
    if (!spans.some((s) => s.start < t.end && t.start < s.end)) spans.push({ ...t, token: "term" });
  }
  for (const m of markRuns(line.marks)) {
    if (!spans.some((s) => s.start < m.end && m.start < s.end)) spans.push(m);
  }
  if (line.kind === "meta" && !spans.some((s) => s.start < META_LABEL)) {
    spans.push({ start: 0, end: Math.min(META_LABEL, line.text.length), token: "muted" });
  }
  spans.sort((a, b) => a.start - b.start);
  return withLinks(spanSegments(line.text, spans, BASE[line.kind]), linkRuns(line.marks));
}

/** Where the line's text links somewhere: the link marks with a URL, neighbours to one URL joined. */
export function linkRuns(
  marks: readonly MarkSpan[] | undefined,
): { start: number; end: number; url: string }[] {
  const out: { start: number; end: number; url: string }[] = [];
  if (!marks) return out;
  const links = marks
    .filter((m) => m.mark === "link" && m.url !== undefined)
    .sort((a, b) => a.start - b.start);
  for (const m of links) {
    const last = out[out.length - 1];
    if (last && last.url === m.url && m.start <= last.end) last.end = Math.max(last.end, m.end);
    else if (!last || m.start >= last.end) out.push({ start: m.start, end: m.end, url: m.url! });
  }
  return out;
}

export function Reader({
  width,
  height,
  briefingId,
  layout,
  reader,
  matches,
  query,
  active,
  dispatch,
}: ReaderProps): ReactNode {
  const textHeight = Math.max(0, height - 1);
  const lines = layout?.lines ?? [];
  const total = lines.length;
  const scroll = clamp(reader.scroll, 0, maxScrollTop(total, textHeight));
  useCommands(
    ["move", "browse"],
    {
      onCommand(id) {
        const motion = MOTIONS[id];
        if (motion) {
          dispatch({ type: "readerScroll", motion, total: layout ? total : null, page: textHeight });
          return;
        }
        if (id === "search.start") dispatch({ type: "promptOpen", kind: "search" });
        else if (id === "search.next" || id === "search.prev") {
          const dir = id === "search.next" ? 1 : -1;
          const next = stepMatch(matches, reader.match, dir, scroll);
          const m = matches[next];
          if (m)
            dispatch({
              type: "readerMatch",
              match: next,
              scroll: scrollToLine(m.line, scroll, total, textHeight),
            });
          // Only a step from a current match can wrap; the first n finds the next one on screen.
          const notice = stepNotice(query, reader.match < 0 ? -1 : reader.match, m ? next : -1, dir);
          if (notice && (reader.match >= 0 || !m)) dispatch({ type: "notice", text: notice });
        }
      },
    },
    active,
  );
  const current = matches[reader.match];
  const rows: ReactNode[] = [];
  // Matches are sorted by line: find the ones on screen without scanning the whole list each frame.
  let mi = 0;
  while (mi < matches.length && matches[mi]!.line < scroll) mi++;
  for (let i = scroll; i < Math.min(total, scroll + textHeight); i++) {
    const onLine: Match[] = [];
    while (mi < matches.length && matches[mi]!.line === i) onLine.push(matches[mi++]!);
    const line = lines[i]!;
    const margin: Segment = { text: reader.mark === i ? "›" : " ", token: "accent" };
    rows.push(
      <Line key={i} segments={[margin, ...lineSegments(line, width - 1, onLine, current)]} width={width} />,
    );
  }
  while (rows.length < textHeight)
    rows.push(<Line key={`blank-${rows.length}`} segments={[]} width={width} />);
  const end = Math.min(total, scroll + textHeight);
  const pct = total <= textHeight ? 100 : Math.round((end / total) * 100);
  const status: Segment[] = [
    { text: ` ${sanitizeLine(briefingId)}`, token: "accent" },
    layout
      ? { text: ` · lines ${total === 0 ? 0 : scroll + 1}–${end} of ${total} (${pct}%)`, token: "muted" }
      : { text: " · reading…", token: "muted" },
  ];
  if (matches.length > 0) {
    status.push({
      text: ` · match ${reader.match >= 0 ? reader.match + 1 : "–"}/${matches.length}`,
      token: "warning",
    });
  }
  return (
    <Box flexDirection="column" height={height} width={width}>
      {rows}
      {height > 0 ? <Line segments={status} width={width} /> : null}
    </Box>
  );
}
