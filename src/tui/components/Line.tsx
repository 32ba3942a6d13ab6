// One screen line made of styled segments, cut to the width before Ink sees it: Ink would wrap a long
// line onto a second row and push the frame past the terminal's height.
import { Text, Transform, useIsScreenReaderEnabled } from "ink";
import { memo, type ReactNode } from "react";
import { hyperlink } from "../../text/blocks.js";
import { useHyperlinks, useTheme } from "../hooks/useTheme.js";
import { fitSegments, type Segment } from "../segments.js";
import type { Style, Token } from "../theme.js";

export { fitSegments, type Segment, segmentsWidth, spanSegments, spread, withLinks } from "../segments.js";

export interface LineProps {
  segments: readonly Segment[];
  width: number;
  /** Paint the whole row (the selected row of a list). */
  fill?: Token;
}

// Drawn again only when what it shows changes: the detail pane, the footer and the like are built anew
// on every key, and most of their lines (the rule, blank lines, a title shared by two events) come
// out the same. A <Text> drawn again costs Ink a new transform and an update of its node.
export const Line = memo(DrawnLine, sameLine);

function sameLine(a: LineProps, b: LineProps): boolean {
  if (a.width !== b.width || a.fill !== b.fill) return false;
  if (a.segments === b.segments) return true;
  if (a.segments.length !== b.segments.length) return false;
  for (let i = 0; i < a.segments.length; i++) {
    const x = a.segments[i]!;
    const y = b.segments[i]!;
    if (x.text !== y.text || x.token !== y.token || x.url !== y.url) return false;
  }
  return true;
}

function DrawnLine({ segments, width, fill }: LineProps): ReactNode {
  const theme = useTheme();
  const hyperlinks = useHyperlinks();
  const screenReader = useIsScreenReaderEnabled();
  const base = fill ? theme[fill] : {};
  const fitted = fitSegments(segments, width, fill !== undefined);
  // An empty <Text> takes no row; a space keeps the line.
  if (fitted.length === 0) return <Text> </Text>;
  const linked = hyperlinks && fitted.some((s) => s.url !== undefined);
  // The twin's transform walks the line as SGR codes only; a line with a link takes Ink's own path.
  const twin = screenReader || linked ? null : asciiTwin(fitted);
  // Unstyled text goes in as a plain string, joined with its unstyled neighbours: a <Text> without
  // style writes the same bytes, and each one costs a component and a node on every frame.
  const children: ReactNode[] = [];
  let plain = "";
  for (const s of twin?.segments ?? fitted) {
    const style = s.token ? theme[s.token] : undefined;
    // Ink measures text without escape sequences (string-width) and keeps OSC 8 through its own
    // sanitising and re-encoding of the line, so the link costs no column.
    const text = linked && s.url !== undefined ? hyperlink(s.url, s.text, "bel") : s.text;
    if (style === undefined || isUnstyled(style)) {
      plain += text;
      continue;
    }
    if (plain !== "") children.push(plain);
    plain = "";
    children.push(<Styled key={children.length} token={s.token!} text={text} />);
  }
  if (plain !== "") children.push(plain);
  if (twin === null) {
    return (
      <Text wrap="truncate-end" {...base}>
        {children}
      </Text>
    );
  }
  // Ink re-reads the styled text once more for each level of nesting; an unfilled line needs none.
  return (
    <Transform transform={putBack(twin.marks)}>
      {isUnstyled(base) ? children : <Text {...base}>{children}</Text>}
    </Transform>
  );
}

// A styled run drawn again only when its text or token changes: a line drawn again (the footer at
// every move, for its position; a row the cursor enters or leaves) mostly keeps its runs, and each
// <Text> drawn again costs React a render and Ink an update of its node.
const Styled = memo(function Styled({ token, text }: { token: Token; text: string }): ReactNode {
  const theme = useTheme();
  return <Text {...theme[token]}>{text}</Text>;
});

function isUnstyled(style: Style): boolean {
  for (const key in style) if (style[key as keyof Style] !== undefined) return false;
  return true;
}

// "…" ends nearly every cut row, and Ink measures the text of each new row with string-width, which
// leaves its ASCII fast path for one such character: some 90 µs a row, a good part of a page move.
// The read marks "●" and "↻" are twinned too: a row whose mark gives way to the cursor "›" when it is
// selected then keeps the same kind of element, instead of Ink's nodes for the row being thrown away
// and built again (with a walk along the list's rows to place them) on every move.
// Ink lays a <Transform> out by its children and applies the transform only to what it writes (the
// transform must keep the size, and does). So a line of ASCII and these characters, each one column
// wide in every width table, is laid out with "." in their places and written with them put back.
const TWINNED = /[…›─·●↻]/g;
const ASCII_OR_TWINNED = /^[\x20-\x7e…›─·●↻]*$/;

interface Mark {
  /** Index among the line's characters (escape codes not counted). */
  at: number;
  char: string;
}

/** The segments with "." for each twinned character, or null when the line needs none or has others. */
function asciiTwin(fitted: readonly Segment[]): { segments: Segment[]; marks: Mark[] } | null {
  const segments: Segment[] = [];
  const marks: Mark[] = [];
  let at = 0;
  for (const s of fitted) {
    if (!ASCII_OR_TWINNED.test(s.text)) return null;
    const start = at;
    const text = s.text.replace(TWINNED, (char, i: number) => {
      marks.push({ at: start + i, char });
      return ".";
    });
    segments.push(text === s.text ? s : { ...s, text });
    at += s.text.length;
  }
  return marks.length > 0 ? { segments, marks } : null;
}

/** Puts the marked characters back in the styled line Ink is about to write. */
function putBack(marks: readonly Mark[]): (line: string) => string {
  return (line) => {
    let out = "";
    let from = 0;
    let visible = 0;
    let k = 0;
    for (let i = 0; i < line.length && k < marks.length; i++) {
      if (line.charCodeAt(i) === 0x1b) {
        // The only escapes in the line are the style codes Ink added: ESC [ params m.
        const end = line.indexOf("m", i);
        if (end === -1) break;
        i = end;
        continue;
      }
      const mark = marks[k]!;
      if (visible === mark.at) {
        if (line[i] === ".") {
          out += line.slice(from, i) + mark.char;
          from = i + 1;
        }
        k++;
      }
      visible++;
    }
    return out + line.slice(from);
  };
}
