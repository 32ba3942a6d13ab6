// One screen line made of styled segments, cut to the width before Ink sees it: Ink would wrap a long
// line onto a second row and push the frame past the terminal's height.
import chalk, { type ChalkInstance } from "chalk";
import { Text, Transform, useIsScreenReaderEnabled } from "ink";
import { memo, type ReactNode } from "react";
import { hyperlink } from "../../text/blocks.js";
import { useHyperlinks, useTheme } from "../hooks/useTheme.js";
import { fitSegments, type Segment } from "../segments.js";
import type { Style, Theme, Token } from "../theme.js";

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
  const fitted = fitSegments(segments, width, fill !== undefined);
  // An empty <Text> takes no row; a space keeps the line.
  if (fitted.length === 0) return <Text> </Text>;
  // A line with a link takes Ink's own path, which keeps OSC 8 through its sanitising; a screen
  // reader reads the nodes.
  if (screenReader || (hyperlinks && fitted.some((s) => s.url !== undefined)))
    return <NestedLine fitted={fitted} fill={fill} theme={theme} linked={hyperlinks} />;
  // One plain string is all Ink lays out and squashes, on every frame, for every line on screen; the
  // line's styles are put in by the transform, which Ink applies only to what it writes. Nested
  // <Text>s made Ink tokenize the styled text again at each level of nesting, every frame, and cost
  // React a component and Ink a node per styled run whenever the row changed.
  const twin = asciiTwin(fitted);
  let laid = "";
  for (const s of twin?.segments ?? fitted) laid += s.text;
  const styled = styleLine(fitted, theme, fill);
  return <Transform transform={restyle(laid, styled, twin?.marks ?? [])}>{laid}</Transform>;
}

/** Styles as Ink's <Text> applies them (its transform's order), through the chalk Ink uses. */
function paint(text: string, style: Style | undefined): string {
  if (style === undefined) return text;
  let out = text;
  if (style.dimColor) out = chalk.dim(out);
  // The theme names its colours; Ink's colorize takes a name as chalk's method of that name.
  if (style.color && style.color in chalk)
    out = (chalk[style.color as keyof typeof chalk] as ChalkInstance)(out);
  if (style.bold) out = chalk.bold(out);
  if (style.italic) out = chalk.italic(out);
  if (style.underline) out = chalk.underline(out);
  if (style.strikethrough) out = chalk.strikethrough(out);
  if (style.inverse) out = chalk.inverse(out);
  return out;
}

/** The line as a <Text> per segment inside a <Text> with the fill's style would write it. */
function styleLine(fitted: readonly Segment[], theme: Theme, fill: Token | undefined): string {
  let out = "";
  for (const s of fitted) out += paint(s.text, s.token ? theme[s.token] : undefined);
  return fill ? paint(out, theme[fill]) : out;
}

/**
 * The transform: the laid-out text becomes the styled line. Ink hands over exactly that text unless
 * it measured the line wider than its box (it never should: the line is cut to the width by the same
 * measure); then the line is written as Ink cut it, unstyled, with the twinned characters put back.
 */
function restyle(laid: string, styled: string, marks: readonly Mark[]): (line: string) => string {
  const back = putBack(marks);
  return (line) => (line === laid ? styled : back(line));
}

/** Ink's own path: a <Text> per styled run inside one <Text> with the fill's style. */
function NestedLine({
  fitted,
  fill,
  theme,
  linked,
}: {
  fitted: readonly Segment[];
  fill: Token | undefined;
  theme: Theme;
  linked: boolean;
}): ReactNode {
  // Unstyled text goes in as a plain string, joined with its unstyled neighbours: a <Text> without
  // style writes the same bytes, and each one costs a component and a node on every frame.
  const children: ReactNode[] = [];
  let plain = "";
  for (const s of fitted) {
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
  return (
    <Text wrap="truncate-end" {...(fill ? theme[fill] : {})}>
      {children}
    </Text>
  );
}

// A styled run drawn again only when its text or token changes (a line with a link drawn again
// mostly keeps its runs).
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
// The same holds for the cursor, the rule, the read marks and the timeline's marks of a briefing and
// of a date to come. Ink lays a <Transform> out by its children and applies the transform only to
// what it writes (the transform must keep the size, and does). So a line of ASCII and these
// characters, each one column wide in every width table, is laid out with "." in their places.
const TWINNED = /[…›─·●↻■→]/g;
const ASCII_OR_TWINNED = /^[\x20-\x7e…›─·●↻■→]*$/;

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
