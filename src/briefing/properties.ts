// A page's properties written as text under its title: Notion exports them as `Created: March 3, 2027`,
// `Tags: Policy, EU` lines; Logseq and Obsidian's Dataview as `tags:: [[ai]]`. They describe the page,
// not the story: they go to the source as mail headers do, and give the title, date and tags that no
// front matter gave.
import { isExists } from "date-fns";
import { findFirstDate } from "./dates.js";
import { leadIn, sourceLine } from "./headings.js";

export interface PageField {
  name: string;
  value: string;
  /** Written without its name (Pandoc's title block): shown so. */
  unnamed?: boolean;
}

export interface PageProperties {
  title: string | null;
  /** YYYY-MM-DD from a date-like property, or null. */
  date: string | null;
  tags: string[];
}

/** `Name: value` (a capitalised name of up to four words, bold or not) or `name:: value`. */
const NOTION =
  /^(?:\*\*|__)?([\p{Lu}][\p{L}\p{N}]*(?: [\p{L}\p{N}]+){0,3})(?::(?:\*\*|__)|(?:\*\*|__)?:)[ \t]+(\S.*)$/u;
const DATAVIEW = /^([\p{L}\p{N}_][\p{L}\p{N}_-]{0,39})::[ \t]*(\S.*)$/u;

/**
 * A wiki's byline under the title, Confluence's `Created by Ana Ruiz, last modified by Tom Bell on Dec
 * 03, 2026`: when the page was made or changed, and by whom; shown as written.
 */
const BYLINE = /^(?:created|last (?:modified|updated)) by \p{Lu}[^\n]{0,120}? on [^\n]*\d{4}\b[^\n]*$/iu;

/** A property that stands alone still names one: a page's date or tags, never a sentence's label. */
const KNOWN =
  /^(?:created|created time|date|date created|published|last edited time|tags|tag|topics|labels|keywords|categories|author|authors|prepared by|status)$/i;
const DATE_NAMES = ["date", "published", "date published", "created", "date created", "created time"];
const TAG_NAMES = ["tags", "tag", "topics", "labels", "keywords", "categories"];
const TAG_LINE = /^(?:\*\*|__)?(?:tags?|topics|labels|keywords|categories)(?:\*\*|__)?:/i;

/** `#ai #policy/eu`: a hashtag starts with a letter (`#1` is a number), one or more on each line. */
const HASHTAGS = /^(?:#[\p{L}][\p{L}\p{N}_/-]*[ \t,]*)+$/u;

/**
 * A paragraph that only tags the page, wherever it stands: lines of hashtags (Bear, Obsidian,
 * Logseq) or one `Tags: a, b` line. Its tags, as a `Tags` field; null for any other paragraph.
 */
export function tagLines(lines: readonly string[]): PageField[] | null {
  const trimmed = lines.map((l) => l.trim());
  if (trimmed.every((l) => HASHTAGS.test(l))) {
    const tags = trimmed.join(" ").match(/#[\p{L}][\p{L}\p{N}_/-]*/gu) ?? [];
    return [{ name: "Tags", value: tags.map((t) => t.slice(1)).join(", ") }];
  }
  if (trimmed.length !== 1 || !TAG_LINE.test(trimmed[0]!)) return null;
  return propertyLines(trimmed);
}

/** A Logseq block's own property (`id:: 6530f2c1-…`, `collapsed:: true`), written as a list item. */
export function isBlockProperty(text: string): boolean {
  return DATAVIEW.test(text.trim()) && !text.includes("\n");
}

/**
 * The fields of a block of property lines, or null when any line is no property: two or more lines,
 * or one naming a known property. A lead-in (`Why it matters: ...`) or `Source:` line is prose.
 */
export function propertyLines(lines: readonly string[]): PageField[] | null {
  const fields: PageField[] = [];
  let dataview = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (BYLINE.test(line)) {
      fields.push({ name: "Created", value: line, unnamed: true });
      continue;
    }
    const inline = DATAVIEW.exec(line);
    const m = inline ?? NOTION.exec(line);
    if (!m || (!inline && (leadIn(line) !== null || sourceLine(line) !== null))) return null;
    if (inline) dataview = true;
    fields.push({ name: m[1]!, value: m[2]!.trim() });
  }
  if (fields.length === 0) return null;
  if (fields.length === 1 && !dataview && !KNOWN.test(fields[0]!.name)) return null;
  return fields;
}

/** Pandoc's title block opening a file: `% Title`, `% Authors`, `% Date`, in that order. */
export function titleBlock(lines: readonly string[]): PageField[] | null {
  if (lines.length > 3 || !lines.every((l) => /^%[ \t]*\S/.test(l))) return null;
  const names = ["title", "author", "date"];
  return lines.map((l, i) => ({ name: names[i]!, value: l.slice(1).trim(), unnamed: true }));
}

/** How the fields read as text: `Name: value`, one after the other. */
export function propertyText(fields: readonly PageField[]): string {
  return fields.map((f) => (f.unnamed ? "" : `${f.name}: `) + plainValue(f.value)).join(" · ");
}

/** Wiki-link brackets and a tag's `#` are markup around the value. */
function plainValue(v: string): string {
  return v.replace(/\[\[([^\]|]+)(?:\|([^\]]+))?\]\]/g, (_, a, b) => b ?? a).trim();
}

/** Roam's and Logseq's tags, `#[[cyber security]] #shipping [[Netherlands]]`: one per mark. */
function linkedTags(value: string): string[] {
  const found = value.match(/#?\[\[[^\]]+\]\]|#[\p{L}\p{N}_/-]+/gu) ?? [];
  return found
    .map((t) =>
      t
        .replace(/^#/, "")
        .replace(/^\[\[|\]\]$/g, "")
        .trim(),
    )
    .filter((t) => t !== "");
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * Jira's dates, `01/Dec/26 4:12 PM`: the month named, so day first, and a two-digit year, which a
 * sentence's date never has (a property's value says when the page was made: this century).
 */
function trackerDay(value: string): string | null {
  const m = /^(\d{1,2})\/([A-Za-z]{3})\/(\d{2}|\d{4})\b/.exec(value.trim());
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) + 1 : 0;
  if (month === 0) return null;
  const day = Number(m![1]);
  const year = m![3]!.length === 2 ? 2000 + Number(m![3]) : Number(m![3]);
  if (!isExists(year, month - 1, day)) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function pageProperties(fields: readonly PageField[]): PageProperties {
  const get = (names: string[]) => fields.find((f) => names.includes(f.name.toLowerCase()))?.value;
  const when = get(DATE_NAMES);
  const tags = get(TAG_NAMES);
  const title = get(["title"]);
  return {
    title: title ? plainValue(title) : null,
    date: when
      ? (findFirstDate([{ text: plainValue(when), line: 1 }]) ?? trackerDay(plainValue(when)))
      : null,
    tags: tags
      ? /#|\[\[/.test(tags)
        ? linkedTags(tags)
        : plainValue(tags)
            // Academic keywords are set apart by semicolons: `AI evaluation; audit`.
            .split(/[,;]/)
            .map((t) => t.trim().replace(/^#/, ""))
            .filter((t) => t !== "")
      : [],
  };
}
