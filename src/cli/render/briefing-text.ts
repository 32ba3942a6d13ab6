// `print` as text: a header, key points, the three sections under their headings, the glossary.
import type { Briefing, Paragraph } from "../../briefing/schema.js";
import { SECTION_KEYS, SECTION_TITLES, type SectionKey } from "../../briefing/sections.js";
import type { Style } from "../style.js";
import { block, cell } from "./layout.js";

const BODY = "  ";
const LABEL_WIDTH = 9;

function field(label: string, value: string, width: number, style: Style): string[] {
  const first = label.padEnd(LABEL_WIDTH);
  return block(value, width, first, " ".repeat(LABEL_WIDTH)).map((line, i) =>
    i === 0 ? style.muted(first) + line.slice(first.length) : line,
  );
}

function paragraphs(list: readonly Paragraph[], width: number, style: Style): string[] {
  const lines: string[] = [];
  let subsection: string | undefined;
  for (const p of list) {
    if (p.subsection !== undefined && p.subsection !== subsection) {
      if (lines.length > 0) lines.push("");
      lines.push(...block(p.subsection, width, BODY).map(style.accent));
    }
    subsection = p.subsection;
    if (lines.length > 0 && lines[lines.length - 1] !== "") lines.push("");
    lines.push(...block(p.text, width, BODY));
  }
  return lines;
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
): string {
  const out: string[] = [];
  out.push(...block(b.title, width).map(style.heading));
  out.push(...field("Date", dateLine(b), width, style));
  if (b.source) out.push(...field("Source", b.source, width, style));
  if (b.actors.length > 0) out.push(...field("Actors", b.actors.map(cell).join(", "), width, style));
  if (b.tags.length > 0) out.push(...field("Tags", b.tags.map(cell).join(", "), width, style));

  if (sections === null && b.keyPoints.length > 0) {
    out.push("", style.heading("Key points"));
    for (const p of b.keyPoints) out.push(...block(p.text, width, `${BODY}• `, `${BODY}  `));
  }

  for (const key of sections ?? SECTION_KEYS) {
    out.push("", style.heading(SECTION_TITLES[key]));
    const body = paragraphs(b.sections[key], width, style);
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
  return `${out.join("\n")}\n`;
}

function dateLine(b: Briefing): string {
  if (b.date === null) return "undated";
  return b.dateInferred ? `${b.date} (inferred from the text)` : b.date;
}
