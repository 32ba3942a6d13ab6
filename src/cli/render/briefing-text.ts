// `print` as text: a header, key points, the three sections under their headings, the glossary.
import { actorList } from "../../briefing/actor-names.js";
import type { Briefing, Paragraph } from "../../briefing/schema.js";
import { SECTION_KEYS, SECTION_TITLES, type SectionKey } from "../../briefing/sections.js";
import { continuesList, hyperlink, LinkNumbers, numberWidths, renderBlock } from "../../text/blocks.js";
import { sanitizeLine } from "../../text/sanitize.js";
import { wrap } from "../../text/width.js";
import type { Style } from "../style.js";
import { block, cell } from "./layout.js";
import { styledLine } from "./styled.js";

const BODY = "  ";
const LABEL_WIDTH = 9;

function field(label: string, value: string, width: number, style: Style): string[] {
  const first = label.padEnd(LABEL_WIDTH);
  return block(value, width, first, " ".repeat(LABEL_WIDTH)).map((line, i) =>
    i === 0 ? style.muted(first) + line.slice(first.length) : line,
  );
}

interface Sink {
  width: number;
  style: Style;
  hyperlinks: boolean;
  links: LinkNumbers;
}

/** A Markdown block through the shared renderer, indented by `BODY`. */
function blockLines(
  p: Paragraph & { block: NonNullable<Paragraph["block"]> },
  sink: Sink,
  numberWidth: number,
): string[] {
  return renderBlock(p.block, sink.width - BODY.length, sink.links, 0, numberWidth).map((l) =>
    (BODY + styledLine(l, sink.style, sink.hyperlinks)).trimEnd(),
  );
}

function paragraphs(list: readonly Paragraph[], sink: Sink): string[] {
  const { width, style } = sink;
  const lines: string[] = [];
  let subsection: string | undefined;
  const numbers = numberWidths(list.map((p) => p.block));
  list.forEach((p, i) => {
    const heading = p.subsection !== subsection ? p.subsection : undefined;
    if (heading !== undefined) {
      if (lines.length > 0) lines.push("");
      lines.push(...block(heading, width, BODY).map(style.accent));
    }
    subsection = p.subsection;
    // A list that goes on under a new subsection's name still stands apart from it, as any text does.
    const tight = heading === undefined && continuesList(list[i - 1]?.block, p.block);
    if (lines.length > 0 && lines[lines.length - 1] !== "" && !tight) lines.push("");
    if (p.block) lines.push(...blockLines({ ...p, block: p.block }, sink, numbers[i]!));
    else lines.push(...block(p.text, width, BODY));
  });
  return lines;
}

/** `[n] URL` for every link shown, the URL a hyperlink too where the terminal allows. */
function linkList(sink: Sink): string[] {
  if (sink.links.list.length === 0) return [];
  const out = ["", sink.style.heading("Links")];
  for (const { n, url } of sink.links.list) {
    const label = `${BODY}[${n}] `;
    const clean = sanitizeLine(url);
    const pieces = wrap(clean, Math.max(1, sink.width - label.length));
    pieces.forEach((piece, i) => {
      const shown = sink.hyperlinks ? hyperlink(url, piece) : piece;
      out.push((i === 0 ? sink.style.muted(label) : " ".repeat(label.length)) + sink.style.link(shown));
    });
  }
  return out;
}

/**
 * Renders the briefing in `width` columns. `sections` null shows everything; a list shows the header
 * and only those sections, in that order.
 */
export function briefingText(
  b: Briefing,
  width: number,
  style: Style,
  sections: SectionKey[] | null,
  hyperlinks = false,
): string {
  const sink: Sink = { width, style, hyperlinks, links: new LinkNumbers() };
  const out: string[] = [];
  out.push(...block(b.title, width).map(style.heading));
  out.push(...field("Date", dateLine(b), width, style));
  if (b.source) out.push(...field("Source", b.source, width, style));
  if (b.actors.length > 0) out.push(...field("Actors", actorList(b.actors.map(cell)), width, style));
  if (b.tags.length > 0) out.push(...field("Tags", b.tags.map(cell).join(", "), width, style));

  if (sections === null && b.keyPoints.length > 0) {
    out.push("", style.heading("Key points"));
    const numbers = numberWidths(b.keyPoints.map((p) => p.block));
    b.keyPoints.forEach((p, i) => {
      if (i > 0 && p.block && !continuesList(b.keyPoints[i - 1]!.block, p.block)) out.push("");
      out.push(
        ...(p.block
          ? blockLines({ ...p, block: p.block }, sink, numbers[i]!)
          : block(p.text, width, `${BODY}• `, `${BODY}  `)),
      );
    });
  }

  for (const key of sections ?? SECTION_KEYS) {
    out.push("", style.heading(SECTION_TITLES[key]));
    const body = paragraphs(b.sections[key], sink);
    out.push(...(body.length > 0 ? body : block("(nothing in this briefing)", width, BODY).map(style.muted)));
  }

  if (sections === null && b.glossary.length > 0) {
    out.push("", style.heading("Glossary"));
    for (const g of b.glossary) {
      const term = cell(g.term);
      const lines = block(`${term}: ${g.definition}`, width, BODY, `${BODY}  `);
      // The term is bold on the first line only when it fits there whole.
      if (lines[0]?.startsWith(`${BODY}${term}:`))
        lines[0] = BODY + style.bold(term) + lines[0].slice(BODY.length + term.length);
      out.push(...lines);
    }
  }
  out.push(...linkList(sink));
  return `${out.join("\n")}\n`;
}

function dateLine(b: Briefing): string {
  if (b.date === null) return "undated";
  return b.dateInferred ? `${b.date} (inferred from the text)` : b.date;
}
