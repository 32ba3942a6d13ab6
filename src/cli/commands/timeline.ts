// `signaldesk timeline`: every dated event in date order, grouped by month, conflicts marked.
import { format } from "date-fns";
import { storyFromRows } from "../../load/story.js";
import { type Filter, filterItems, filterTimeline, withoutDates } from "../../story/filter.js";
import { isUpcoming, type TimelineEntry } from "../../story/timeline.js";
import type { Command } from "../args.js";
import { type CommandContext, EXIT, load, reportLoadErrors, streamLines, writeRecords } from "../context.js";
import { writeJsonArray } from "../json.js";
import { block, cell, humanDate, monthHeading, note } from "../render/layout.js";
import { createStyle } from "../style.js";

type TimelineArgs = Extract<Command, { name: "timeline" }>;

const INDENT = "  ";
const DATE_WIDTH = 13;

export function timelineEntryToJson(e: TimelineEntry) {
  return {
    date: e.date,
    precision: e.precision,
    text: e.text,
    briefingId: e.briefingId,
    conflict: e.conflict,
    conflictWith: e.conflictWith.map((c) => ({ date: c.date, briefingId: c.briefingId })),
    line: e.line,
    kind: e.kind,
    expected: e.expected,
    yearUnknown: e.yearUnknown,
  };
}

/** A year-precision event is grouped under its year, everything else under its month; an unknown year alone. */
function groupKey(e: TimelineEntry): string {
  if (e.yearUnknown) return "--";
  return e.precision === "year" ? e.date.slice(0, 4) : e.date.slice(0, 7);
}

/** What a row says before its text: the briefing itself, or a date still to come when it was written. */
function label(e: TimelineEntry): string {
  return e.kind === "entry" ? "[briefing] " : e.expected ? "[expected] " : "";
}

export async function timelineCommand(
  ctx: CommandContext,
  args: TimelineArgs,
  filter: Filter,
): Promise<number> {
  // The digests are decoded only when the store's timeline is not up to date (then built from them).
  const result = await load(ctx, false);
  if (typeof result === "number") return result;
  reportLoadErrors(ctx, result);

  // The reader's timeline, from the same builder: the store's derived rows, in their order, with the
  // conflicts found over every briefing, so a filter cannot hide the other side of a disagreement;
  // dates filter the events themselves, so a July briefing's June event stays in a June range.
  const { timeline } = storyFromRows(result);
  const all: TimelineEntry[] = [];
  for (let i = 0; i < timeline.length; i++) {
    const e = timeline.get(i);
    if (e !== undefined) all.push(e);
  }
  const today = format(ctx.today, "yyyy-MM-dd");
  const entries = filterTimeline(
    all,
    filter,
    filterItems(result.summaries, withoutDates(filter), result.registry, result.text),
  ).filter((e) => !args.upcoming || isUpcoming(e, today));
  if (args.json) {
    await writeJsonArray(ctx.out, entries, timelineEntryToJson);
    return EXIT.ok;
  }
  if (ctx.tabular && args.width === undefined) {
    writeRecords(
      ctx,
      entries.map((e) => [
        e.date,
        e.briefingId,
        e.text,
        e.conflictWith.map((c) => `${c.date} ${c.briefingId}`).join(", "),
      ]),
    );
    return EXIT.ok;
  }
  if (entries.length === 0) {
    ctx.out.write(
      note(
        all.length === 0
          ? "No dated events."
          : args.upcoming
            ? `Nothing on the timeline is dated ${today} or later.`
            : "No event matches the filter.",
        args.width ?? ctx.width,
      ),
    );
    return EXIT.ok;
  }

  const style = createStyle(ctx.color);
  const width = args.width ?? ctx.width;
  const hanging = " ".repeat(INDENT.length + DATE_WIDTH);
  const lines: string[] = [];
  let group: string | null = null;
  for (const e of entries) {
    const key = groupKey(e);
    if (key !== group) {
      if (group !== null) lines.push("");
      lines.push(style.heading(monthHeading(key)));
      group = key;
    }
    const date = humanDate(e.date).padEnd(DATE_WIDTH);
    const text = block(label(e) + e.text, width, hanging);
    lines.push(INDENT + style.date(date) + (text[0] ?? "").slice(hanging.length), ...text.slice(1));
    lines.push(...block(`— ${cell(e.briefingId)}`, width, hanging).map(style.muted));
    if (e.conflict) {
      const others = e.conflictWith.map((c) => `${humanDate(c.date)} (${cell(c.briefingId)})`).join(", ");
      lines.push(...block(`⚠ conflicting reports: ${others}`, width, hanging).map(style.warning));
    }
  }
  await streamLines(ctx, lines, (line) => line);
  return EXIT.ok;
}
