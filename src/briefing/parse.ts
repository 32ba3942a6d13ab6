// One source file + the actor registry -> one Briefing, or the problems that stopped it. Composes
// front matter, normalisation, dates and actors. Never throws: an unexpected failure is a Problem.
import { type ActorInputs, aboutTexts, actorNames } from "./actors.js";
import { chatDate } from "./chat.js";
import { extractEvents, findFirstDate, isDateLine, type TextBlock } from "./dates.js";
import { isForeignMarkup } from "./foreign.js";
import { type FrontMatterSplit, splitFrontMatter } from "./frontmatter.js";
import { blockProse } from "./inline.js";
import { decodeEntities } from "./markdown.js";
import { normalise } from "./normalise.js";
import {
  type Briefing,
  IsoDay,
  type Paragraph,
  type Problem,
  type RegistryActor,
  type SourceFile,
} from "./schema.js";
import { isTxtMarkdown } from "./txt-markdown.js";

/** A briefing, with what its actors were resolved from (stored, for a change of the registry). */
export type ParseResult = { briefing: Briefing; actorInputs: ActorInputs } | { problems: Problem[] };

import { idFromPath } from "./ids.js";

export { idFromPath };

export function parseBriefing(file: SourceFile, registry: RegistryActor[]): ParseResult {
  try {
    return parse(file, registry);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return {
      problems: [
        { path: file.relPath, message: `could not be read as a briefing: ${why}`, severity: "error" },
      ],
    };
  }
}

/**
 * Every briefing is Markdown but a `.txt` file, which keeps the one-paragraph-per-line rule, unless
 * its body is written in a markup language (rST, Typst, BBCode, Org, AsciiDoc, a wiki's): then it is
 * read as that markup; or in Markdown (`"txt"`): then it is read as Markdown, its pasted prose one
 * paragraph per line still.
 */
export function isMarkdown(relPath: string, body?: string): boolean | "txt" {
  if (!/\.txt$/i.test(relPath)) return true;
  if (body === undefined) return false;
  return isForeignMarkup(body) || (isTxtMarkdown(body) && "txt");
}

/** Front matter and normalised body: everything but the dates and names found in the text. */
function readBody(
  file: SourceFile,
):
  | { problems: Problem[] }
  | { fm: FrontMatterSplit; meta: FrontMatterSplit["data"]; body: ReturnType<typeof normalise> } {
  const fm = splitFrontMatter(file.text, file.relPath);
  if (!fm.ok) return { problems: fm.problems };
  // A title copied from a web page keeps its entities (`AI &amp; elections`): shown as the page shows it.
  const meta = fm.data.title ? { ...fm.data, title: decodeEntities(fm.data.title) } : fm.data;
  const body = normalise(fm.body, {
    firstLine: fm.bodyLine,
    markdown: isMarkdown(file.relPath, fm.body),
    ...(meta.title ? { title: meta.title } : {}),
  });
  if (!meta.title && body.paragraphs.length === 0) {
    return { problems: [{ path: file.relPath, message: "empty briefing", severity: "error" }] };
  }
  return { fm, meta, body };
}

/**
 * A briefing's key points, sections and glossary as `parseBriefing` finds them, at a fraction of its
 * cost (no dates, no names): a second reading of a file, for what its text mentions, needs no more.
 * Null when the file does not parse.
 */
export function parseBodyParts(
  file: SourceFile,
): Pick<Briefing, "keyPoints" | "sections" | "glossary"> | null {
  try {
    const read = readBody(file);
    if ("problems" in read) return null;
    const { body } = read;
    return { keyPoints: body.keyPoints, sections: body.sections, glossary: body.glossary };
  } catch {
    return null;
  }
}

function parse(file: SourceFile, registry: RegistryActor[]): ParseResult {
  const read = readBody(file);
  if ("problems" in read) return { problems: read.problems };
  const { fm, meta, body } = read;
  const id = meta.id ?? idFromPath(file.relPath);
  // A body whose first paragraph has no words (". . .") gives no title: the id stands in.
  const title = meta.title ?? (body.title && /[\p{L}\p{N}]/u.test(body.title) ? body.title : id);

  // Everything that was written, in file order, for dates and names.
  const texts: { text: string; line: number }[] = [];
  if (body.titleLine !== null && body.title) texts.push({ text: body.title, line: body.titleLine });
  for (const list of [body.keyPoints, ...Object.values(body.sections)]) texts.push(...list.flatMap(proseOf));
  texts.push(...body.glossary.map((g) => ({ text: `${g.term}: ${g.definition}`, line: g.line })));
  texts.sort((a, b) => a.line - b.line);

  let date: string | null = meta.date ?? body.email?.date ?? body.properties?.date ?? null;
  let dateInferred = false;
  if (date === null) {
    const signed = texts.find(isLabelledDateline);
    const found = findFirstDate(signed ? [signed] : datelineFirst(body, texts));
    // A chat's message headers, when the text names no date (their day and month order is the app's).
    const day = found ?? chatDate(fm.body);
    if (day !== null && IsoDay.safeParse(day).success) {
      date = day;
      dateInferred = true;
    }
  }

  const events = extractEvents(texts, date);
  const headings = new Set<string>();
  for (const p of Object.values(body.sections).flat()) if (p.subsection) headings.add(p.subsection);
  // Pushed, not spread from a `map` (whose array's V8 elements kind made parse compile again).
  const named = [title, ...headings];
  for (const t of texts) named.push(t.text);
  const actorInputs: ActorInputs = {
    declared: meta.actors ?? [],
    texts: named,
    about: aboutTexts({ title, keyPoints: body.keyPoints, sections: body.sections }),
  };
  const actors = actorNames(actorInputs, registry);

  const briefing: Briefing = {
    id,
    path: file.path,
    relPath: file.relPath,
    title,
    date,
    dateInferred,
    dateNote: meta.date_note ?? null,
    source: combineSources(meta.source, body.source),
    actors,
    tags: meta.tags ?? (body.properties?.tags.length ? body.properties.tags : []),
    keyPoints: body.keyPoints,
    sections: body.sections,
    glossary: body.glossary,
    events,
    warnings: body.structured || !hasProse(body) ? fm.warnings : [...fm.warnings, proseWarning(file, body)],
    story: storyOf(meta.story, file.relPath),
    follows: meta.follows ?? [],
  };
  return { briefing, actorInputs };
}

/**
 * What dates and names are looked for in: a paragraph's prose, without code or bare URLs; a table row
 * by row, each on its own line.
 */
function proseOf(p: Paragraph): { text: string; line: number }[] {
  if (!p.block || (p.block.type === "paragraph" && p.block.children.every((c) => c.type === "text")))
    return [p];
  return blockProse(p.block)
    .filter((part) => part.text.trim() !== "")
    .map((part) => ({ text: part.text.replace(/\s+/g, " ").trim(), line: p.line + part.offset }));
}

/** How a line that says when it was written opens: `Dated:`, `Date:`, `Published:`, `Posted on`. */
const DATE_LABEL = /^(?:\*\*|__|[*_])?(?:dated|date|published|posted)\b/i;

/**
 * A labelled dateline, wherever it stands (a Federal Register notice is signed `Dated: December 1,
 * 2026.` under its text): it dates the briefing before any date in the prose, which is often a
 * deadline. The label is tested first, so most paragraphs cost one anchored match.
 */
function isLabelledDateline(t: TextBlock): boolean {
  return t.text.length <= 70 && DATE_LABEL.test(t.text) && isDateLine(t.text.replace(/\.$/, ""));
}

/**
 * A dateline standing as a heading (`*Posted 14 October 2026 · 4 min read*` under the title, or under
 * a subtitle as Medium writes it) dates the briefing before any date written after it, though
 * headings hold no events.
 */
function datelineFirst(body: ReturnType<typeof normalise>, texts: TextBlock[]): TextBlock[] {
  let first: Paragraph | undefined;
  for (const p of Object.values(body.sections).flat())
    if (
      p.subsection !== undefined &&
      isDateLine(p.subsection) &&
      (first === undefined || p.line < first.line)
    )
      first = p;
  if (first?.subsection === undefined) return texts;
  const at = texts.findIndex((t) => t.line >= first.line);
  const dateline = { text: first.subsection, line: first.line };
  return at === -1 ? [...texts, dateline] : [...texts.slice(0, at), dateline, ...texts.slice(at)];
}

/** More than one paragraph was placed: with one, there is nothing to sort. */
function hasProse(body: ReturnType<typeof normalise>): boolean {
  return Object.values(body.sections).flat().length > 1;
}

/** No heading or lead-in named a section: say so, so writers learn why text landed where it did. */
function proseWarning(file: SourceFile, body: ReturnType<typeof normalise>): Problem {
  const first = Object.values(body.sections)
    .flat()
    .reduce((a, p) => Math.min(a, p.line), Number.POSITIVE_INFINITY);
  return {
    path: file.relPath,
    ...(Number.isFinite(first) ? { line: first } : {}),
    message:
      "no heading or lead-in names What happened, Why it matters or What to watch: paragraphs were placed by the prose rule",
    severity: "warning",
  };
}

/** A briefing's story: the front matter's `story`, else its top-level subfolder, else none. */
export function storyOf(declared: string | undefined, relPath: string): string | null {
  if (declared) return declared;
  const parts = relPath.split(/[\\/]/);
  return parts.length > 1 && parts[0] ? parts[0] : null;
}

/** Front matter names the source; a different `Source:` line in the text is kept beside it. */
function combineSources(declared: string | undefined, written: string | null): string | null {
  if (!declared || !written) return declared ?? written;
  const [d, w] = [declared.toLowerCase(), written.toLowerCase()];
  if (w.includes(d)) return written;
  if (d.includes(w)) return declared;
  return `${declared} · ${written}`;
}
