// `print --format markdown`: a briefing file in the canonical shape, which the loader reads back to
// the same model (title, date, source, actors, tags, key points, sections, subsections, glossary).
import { stringify } from "yaml";
import { leadIn } from "../../briefing/headings.js";
import { looksLikeHeading } from "../../briefing/paragraphs.js";
import type { Block, Briefing, Paragraph } from "../../briefing/schema.js";
import { SECTION_KEYS, SECTION_TITLES, type SectionKey } from "../../briefing/sections.js";
import { continuesList } from "../../text/blocks.js";
import { sanitize, sanitizeLine } from "../../text/sanitize.js";
import { blockMarkdown, inlineMarkdown } from "./markdown-blocks.js";

// The front matter `id` rule; an id taken from a file name that does not fit it is left out.
const FRONT_MATTER_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

function frontMatter(b: Briefing): string {
  const fields: Record<string, unknown> = {};
  if (FRONT_MATTER_ID.test(b.id)) fields.id = b.id;
  fields.title = sanitizeLine(b.title);
  // An inferred date stays inferred: the text it came from is written out below and yields it again.
  if (b.date !== null && !b.dateInferred) fields.date = b.date;
  if (b.dateNote !== null) fields.date_note = sanitizeLine(b.dateNote);
  if (b.source !== null) fields.source = sanitizeLine(b.source);
  if (b.actors.length > 0) fields.actors = b.actors.map(sanitizeLine);
  if (b.tags.length > 0) fields.tags = b.tags.map(sanitizeLine);
  if (b.story !== null) fields.story = sanitizeLine(b.story);
  if (b.follows.length > 0) fields.follows = b.follows.map(sanitizeLine);
  // Quoted scalars: a title such as `2026` or `yes` must come back as the same string.
  return stringify(fields, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "PLAIN", lineWidth: 0 });
}

/**
 * Paragraphs as Markdown: each one's structure when it has one, else its text. List items written one
 * after another continue one list unless the item starts a new one or, ordered, its number does not
 * follow on; then the delimiter or marker changes (`1.` then `1)`, `-` then `*`), which CommonMark
 * reads as a new list.
 */
function writer(): (p: Paragraph) => string {
  let open: { delim: "." | ")"; next: number; ordered: boolean } | null = null;
  return (p) => {
    const b = p.block;
    if (b?.type === "list" && !b.ordered) {
      const delim = open?.ordered !== false ? "." : b.newList ? flip(open.delim) : open.delim;
      open = { delim, next: 1, ordered: false };
      return sanitize(blockMarkdown(b, delim)).trim();
    }
    if (b?.type !== "list") {
      open = null;
      if ((!b || b.type === "paragraph") && looksLikeHeading(p.text))
        return sanitize(b ? `<p>${inlineMarkdown(b.children)}</p>` : htmlParagraph(p.text));
      // Plain text is escaped as any text: `\*not bold\*` must not come back as emphasis.
      return sanitize(
        blockMarkdown(b ?? { type: "paragraph", children: [{ type: "text", text: p.text }] }),
      ).trim();
    }
    const follows = open?.ordered === true && open.next === b.start && !b.newList;
    const delim = open?.ordered !== true ? "." : follows ? open.delim : flip(open.delim);
    open = { delim, next: b.start + b.items.length, ordered: true };
    return sanitize(blockMarkdown(b, delim)).trim();
  };
}

const flip = (d: "." | ")") => (d === "." ? ")" : ".");

/**
 * A short line of text that stood as a paragraph (a heading-shaped line with nothing under it): as
 * HTML, so it reads back as a paragraph, where a line of its own would be taken for a bare heading.
 * One with markup is written the same way, its Markdown inside (an HTML block's Markdown is read).
 */
function htmlParagraph(text: string): string {
  return `<p>${text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")}</p>`;
}

/** A key point given as text (a plain bullet, or a `.txt` file's): one bullet, its text escaped. */
function bullet(text: string): Block {
  return {
    type: "list",
    ordered: false,
    start: 1,
    items: [[{ type: "paragraph", children: [{ type: "text", text }] }]],
  };
}

export function briefingMarkdown(b: Briefing, sections: SectionKey[] | null): string {
  const parts: string[] = [`---\n${frontMatter(b)}---`];
  const paragraph = writer();
  if (sections === null && b.keyPoints.length > 0) {
    // A bare bullet opening with a lead-in (`Why it matters: …`) reads back as that section's: under
    // the heading, a key point (as a Readwise export's Highlights are) stays one.
    if (b.keyPoints.some((p) => leadIn(p.text) !== null)) parts.push("## Key points");
    parts.push(
      b.keyPoints
        .map((p) => ({ ...p, block: p.block?.type === "list" ? p.block : bullet(p.text) }))
        .map(
          (p, i, all) =>
            (i === 0 ? "" : continuesList(all[i - 1]!.block, p.block) ? "\n" : "\n\n") + paragraph(p),
        )
        .join(""),
    );
  }
  for (const key of sections ?? SECTION_KEYS) {
    const list = b.sections[key];
    if (list.length === 0) continue;
    parts.push(`## ${SECTION_TITLES[key]}`);
    let subsection: string | undefined;
    list.forEach((p, i) => {
      const heading = p.subsection !== subsection;
      // Text after a subsection but outside it: the section's heading again closes the subsection.
      if (heading)
        parts.push(
          p.subsection === undefined ? `## ${SECTION_TITLES[key]}` : `### ${sanitizeLine(p.subsection)}`,
        );
      subsection = p.subsection;
      // The next item of a tight list goes on the next line: a blank line would make the list loose.
      if (!heading && continuesList(list[i - 1]?.block, p.block))
        parts[parts.length - 1] += `\n${paragraph(p)}`;
      else parts.push(paragraph(p));
    });
  }
  if (sections === null && b.glossary.length > 0) {
    parts.push("## Glossary");
    parts.push(b.glossary.map((g) => `- ${sanitizeLine(g.term)}: ${sanitizeLine(g.definition)}`).join("\n"));
  }
  return `${parts.join("\n\n")}\n`;
}
