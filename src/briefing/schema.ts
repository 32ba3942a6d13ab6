// The one source of truth for the briefing model. Every other module takes its types from here.
import * as z from "zod";
import { SECTION_KEYS } from "./sections.js";

export { SECTION_KEYS, SECTION_SHORT, SECTION_TITLES } from "./sections.js";
export const SectionKey = z.enum(SECTION_KEYS);
export type SectionKey = z.infer<typeof SectionKey>;

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
// Jekyll writes its dates `2027-02-03 10:15:00 +0100`: a space before the offset.
const isoDateTime = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)? ?(Z|[+-]\d{2}:?\d{2})?$/;

/** A calendar day `YYYY-MM-DD` that exists (no 2026-02-30). */
export const IsoDay = z.string().refine((s) => {
  if (!isoDay.test(s)) return false;
  const [y, m, d] = s.split("-").map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}, "expected a real date as YYYY-MM-DD or an ISO date-time");

/** Front matter `date`: YYYY-MM-DD or an ISO date-time; normalised to the calendar day as written. */
export const FrontMatterDate = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => isoDay.test(s) || isoDateTime.test(s), "expected YYYY-MM-DD or an ISO date-time")
  .transform((s) => s.slice(0, 10))
  .pipe(IsoDay);

const stringList = z.array(z.string().trim().min(1, "empty entry"));

export const FRONT_MATTER_KEYS = [
  "title",
  "date",
  "source",
  "actors",
  "tags",
  "id",
  "date_note",
  "story",
  "follows",
] as const;

export const FrontMatter = z.object({
  title: z.string().trim().min(1, "must not be empty").optional(),
  date: FrontMatterDate.optional(),
  source: z.string().trim().min(1, "must not be empty").optional(),
  actors: stringList.optional(),
  tags: stringList.optional(),
  id: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "letters, digits, '.', '_' and '-' only")
    .optional(),
  /** Why the briefing carries the date it does (free text, shown nowhere but `print --format json`). */
  date_note: z.string().optional(),
  /** The story the briefing belongs to, when the folder holds several. */
  story: z.string().trim().min(1, "must not be empty").optional(),
  /** Ids of earlier briefings this one follows up (the agenda). */
  follows: stringList.optional(),
});
export type FrontMatter = z.infer<typeof FrontMatter>;

export const Precision = z.enum(["day", "month", "year"]);
export type Precision = z.infer<typeof Precision>;

/**
 * A dated event: `date` is YYYY-MM-DD, YYYY-MM or YYYY according to `precision`; `--MM-DD` or `--MM`
 * when the year is unknown (a date without a year in an undated briefing).
 */
export const DatedEvent = z.object({
  date: z.string(),
  precision: Precision,
  /** The sentence the date was found in. */
  text: z.string(),
  /** 1-based line in the file. */
  line: z.number().int().positive(),
  /** True when the year was not written and came from the briefing's date. */
  yearInferred: z.boolean(),
  /** True when the year was not written and the briefing has no date to take it from. */
  yearUnknown: z.boolean(),
  /** True when the event's date lies after the briefing's date (a deadline, a vote, a rule's start). */
  expected: z.boolean(),
});
export type DatedEvent = z.infer<typeof DatedEvent>;

export const GlossaryEntry = z.object({
  term: z.string(),
  definition: z.string(),
  line: z.number().int().positive(),
});
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

// The structure of a Markdown paragraph (docs/format.md, "Structure"). Recursive types need their
// TypeScript shape spelled out once for z.lazy; the schemas below are checked against it.
export type Inline =
  | { type: "text"; text: string }
  | { type: "strong" | "emphasis" | "delete"; children: Inline[] }
  | { type: "code"; text: string }
  | { type: "link"; url: string; children: Inline[] }
  | { type: "break" };

export const Inline: z.ZodType<Inline> = z.lazy(() =>
  z.union([
    z.object({ type: z.literal("text"), text: z.string() }),
    z.object({ type: z.enum(["strong", "emphasis", "delete"]), children: z.array(Inline) }),
    z.object({ type: z.literal("code"), text: z.string() }),
    z.object({ type: z.literal("link"), url: z.string(), children: z.array(Inline) }),
    z.object({ type: z.literal("break") }),
  ]),
);

export const Align = z.enum(["left", "right", "center"]).nullable();
export type Align = z.infer<typeof Align>;

export type Block =
  | { type: "paragraph"; children: Inline[] }
  | { type: "heading"; depth: number; children: Inline[] }
  /**
   * `start` is the first item's number (1 for bullets); each item is a list of blocks. `loose`: a blank
   * line between the items (CommonMark's loose list). `newList`: a top-level item that starts a list
   * straight after another list (`-` items after `*` ones), not the next item of that list.
   */
  | {
      type: "list";
      ordered: boolean;
      start: number;
      items: Block[][];
      loose?: boolean;
      newList?: boolean;
    }
  | { type: "table"; align: Align[]; header: Inline[][]; rows: Inline[][][] }
  | { type: "code"; lang: string | null; text: string }
  | { type: "quote"; children: Block[] }
  | { type: "rule" };

export const Block: z.ZodType<Block> = z.lazy(() =>
  z.union([
    z.object({ type: z.literal("paragraph"), children: z.array(Inline) }),
    z.object({
      type: z.literal("heading"),
      depth: z.number().int().min(1).max(6),
      children: z.array(Inline),
    }),
    z.object({
      type: z.literal("list"),
      ordered: z.boolean(),
      start: z.number().int().nonnegative(),
      items: z.array(z.array(Block)),
      loose: z.boolean().optional(),
      newList: z.boolean().optional(),
    }),
    z.object({
      type: z.literal("table"),
      align: z.array(Align),
      header: z.array(z.array(Inline)),
      rows: z.array(z.array(z.array(Inline))),
    }),
    z.object({ type: z.literal("code"), lang: z.string().nullable(), text: z.string() }),
    z.object({ type: z.literal("quote"), children: z.array(Block) }),
    z.object({ type: z.literal("rule") }),
  ]),
);

/** One paragraph of body text, with the line it starts on and the named subsection it sits under. */
export const Paragraph = z.object({
  /** Plain text: markup removed, link text kept (a list item's nested items joined in). */
  text: z.string(),
  line: z.number().int().positive(),
  /** A non-canonical heading (e.g. "What Are the Mythos and Fable Models?") this paragraph falls under. */
  subsection: z.string().optional(),
  /** The paragraph's structure (Markdown files only): a list item is a one-item list. */
  block: Block.optional(),
});
export type Paragraph = z.infer<typeof Paragraph>;

export const Sections = z.object({
  whatHappened: z.array(Paragraph),
  whyItMatters: z.array(Paragraph),
  whatToWatch: z.array(Paragraph),
});
export type Sections = z.infer<typeof Sections>;

export const ActorKind = z.enum(["person", "company", "agency", "government", "other"]);
export type ActorKind = z.infer<typeof ActorKind>;

/** An entry of `actors.yaml`. */
export const RegistryActor = z.object({
  name: z.string().trim().min(1),
  kind: ActorKind.default("other"),
  aliases: z.array(z.string().trim().min(1)).default([]),
});
export type RegistryActor = z.infer<typeof RegistryActor>;
export const ActorRegistryFile = z.array(RegistryActor);

export const Severity = z.enum(["error", "warning"]);
export type Severity = z.infer<typeof Severity>;

/** Anything wrong with an input file. Never thrown: always returned as a value. */
export const Problem = z.object({
  /** Path as given relative to the briefings folder where possible. */
  path: z.string(),
  line: z.number().int().positive().optional(),
  message: z.string(),
  /** error: the file did not load as a briefing. warning: it loaded, with this caveat. */
  severity: Severity,
});
export type Problem = z.infer<typeof Problem>;

export const Briefing = z.object({
  id: z.string(),
  /** Absolute path of the file. */
  path: z.string(),
  /** Path relative to the briefings folder. */
  relPath: z.string(),
  title: z.string(),
  /** YYYY-MM-DD, or null when the briefing has no date at all. */
  date: IsoDay.nullable(),
  /** True when the date came from the text rather than front matter. */
  dateInferred: z.boolean(),
  dateNote: z.string().nullable(),
  source: z.string().nullable(),
  /** Canonical actor names (aliases folded). */
  actors: z.array(z.string()),
  tags: z.array(z.string()),
  keyPoints: z.array(Paragraph),
  sections: Sections,
  glossary: z.array(GlossaryEntry),
  events: z.array(DatedEvent),
  /** Warnings found while loading (unknown front matter keys and the like). */
  warnings: z.array(Problem),
  /** Its story: front matter `story`, else its top-level subfolder, else null. */
  story: z.string().nullable(),
  /** Front matter `follows`: ids of earlier briefings it follows up. */
  follows: z.array(z.string()),
});
export type Briefing = z.infer<typeof Briefing>;

/** A file as read from disk, decoded, before parsing. */
export interface SourceFile {
  path: string;
  relPath: string;
  text: string;
  size: number;
  mtimeMs: number;
}

/** Everything the loader found in a folder. Bad files are problems, never exceptions. */
export interface LoadResult {
  dir: string;
  briefings: Briefing[];
  problems: Problem[];
  registry: RegistryActor[];
}

/** Formats a zod error as `field: message` lines, the way problems are reported. */
export function formatZodIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    return field ? `${field}: ${issue.message}` : issue.message;
  });
}
