// `signaldesk list`: one row per briefing (date, id, title, actors), oldest first, undated last.

import type { Briefing } from "../../briefing/schema.js";
import type { Synced } from "../../load/sync.js";
import type { Store } from "../../store/store.js";
import { type Filter, filterItems, isEmptyFilter } from "../../story/filter.js";
import { displayWidth, fit as fitTo, truncate } from "../../text/width.js";
import type { Command } from "../args.js";
import { type CommandContext, EXIT, recordLine, reportLoadErrors, streamLines, sync } from "../context.js";
import { briefingToJson, type JsonReadState, jsonArrayWriter } from "../json.js";
import { briefingStates, briefingStatesInParts } from "../read-state.js";
import { cell, note } from "../render/layout.js";
import { createStyle } from "../style.js";

type ListArgs = Extract<Command, { name: "list" }>;

export function byDate(
  a: { date: string | null; id: string },
  b: { date: string | null; id: string },
): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const DATE_WIDTH = 10;
const GAP = "  ";

/** What a line of the list shows of a briefing. */
type Listed = Pick<Briefing, "id" | "date" | "title" | "actors">;

/** The tab-separated record of a briefing (stdout not a terminal, no `--width`). */
const record = (b: Listed) => recordLine([b.date ?? "undated", b.id, b.title, b.actors.join(", ")]);

/** The table's widest id and actors cells, over the rows it shows (the column widths follow from them). */
class Widest {
  id = 0;
  actors = 0;
  add(b: Pick<Listed, "id" | "actors">): void {
    this.id = Math.max(this.id, displayWidth(cell(b.id)));
    this.actors = Math.max(this.actors, displayWidth(b.actors.map(cell).join(", ")));
  }
}

/** Each briefing's line of the table `width` columns wide, given the widest cells of its rows. */
function tableLine(ctx: CommandContext, width: number, widest: Widest): (b: Listed) => string {
  const style = createStyle(ctx.color);
  // The id is what `print` takes, so it is kept whole while the title still gets 20 columns; the
  // actors column comes only when there is room for it beside a readable title.
  const rest = Math.max(0, width - DATE_WIDTH - GAP.length);
  const idWidth = Math.max(
    1,
    Math.min(widest.id, Math.max(8, rest - GAP.length - 20), rest - GAP.length - 1),
  );
  const afterId = rest - idWidth - GAP.length;
  const actorsWidth =
    afterId >= 50 && widest.actors > 0 ? Math.min(widest.actors, Math.floor(afterId / 3)) : 0;
  const titleWidth = Math.max(1, afterId - (actorsWidth > 0 ? actorsWidth + GAP.length : 0));
  return (b) => {
    const date = fitTo(b.date ?? "undated", DATE_WIDTH);
    const parts = [
      b.date === null ? style.muted(date) : style.date(date),
      style.bold(fitTo(cell(b.id), idWidth)),
    ];
    if (actorsWidth > 0) {
      parts.push(
        fitTo(cell(b.title), titleWidth),
        style.muted(truncate(b.actors.map(cell).join(", "), actorsWidth)),
      );
    } else {
      parts.push(truncate(cell(b.title), titleWidth));
    }
    return parts.join(GAP).trimEnd();
  };
}

export async function listCommand(ctx: CommandContext, args: ListArgs, filter: Filter): Promise<number> {
  const synced = await sync(ctx);
  if (typeof synced === "number") return synced;
  if (!args.unread && !args.isNew) {
    const streamed = await (args.json ? streamedJson : streamedList)(ctx, args, filter, synced);
    if (streamed !== null) return streamed;
  }
  // Summaries only: the digests (events, glossary...) are not decoded for a list, and of the
  // problems only the errors are read (the only ones it reports).
  const { readRepaired } = await import("../../load/folder.js");
  const { load: result } = await readRepaired(ctx.dir, synced, { digests: false, problems: "error" });
  reportLoadErrors(ctx, result);

  let briefings = filterItems(result.summaries, filter, result.registry, result.text).sort(byDate);
  // Read state is opened only when asked for: a plain list stays as fast as it was.
  // The stamps the load's check just compared with every file (its rows): no file is statted again.
  const states =
    args.json || args.unread || args.isNew
      ? await briefingStates(ctx, briefings, false, result.store.stampsOf())
      : null;
  states?.state.close();
  const status = (b: { id: string }) => states?.status.get(b.id);
  if (args.unread) briefings = briefings.filter((b) => status(b)?.read !== true);
  if (args.isNew) briefings = briefings.filter((b) => status(b)?.isNew === true);
  if (args.json) {
    // The JSON holds whole briefings: their files are read and parsed again (the store keeps digests).
    const { eachWholeBriefing } = await import("../../load/folder.js");
    const array = jsonArrayWriter(ctx.out, (b: Briefing) => briefingToJson(b, status(b)));
    await eachWholeBriefing(result, briefings, (b) => array.add(b));
    array.end();
    return EXIT.ok;
  }
  let widest: Widest | null = null;
  if (asTable(ctx, args)) {
    widest = new Widest();
    for (const b of briefings) widest.add(b);
  }
  const empty = () => emptyList(result.summaries.length, args, filter, states?.state.lastVisit !== null);
  return printRows(ctx, args, briefings, briefings.length, widest, empty);
}

/** A table (a terminal, or `--width`), else tab-separated records. */
function asTable(ctx: CommandContext, args: ListArgs): boolean {
  return !(ctx.tabular && args.width === undefined);
}

/**
 * The list's `kept` rows: tab-separated records (`widest` null), else the table, sized by `widest`,
 * or what an empty list says; the streamed list and the whole read both print through here.
 */
async function printRows(
  ctx: CommandContext,
  args: ListArgs,
  rows: Iterable<Listed>,
  kept: number,
  widest: Widest | null,
  empty: () => string,
): Promise<number> {
  if (widest === null) {
    await streamLines(ctx, rows, record);
    return EXIT.ok;
  }
  const width = args.width ?? ctx.width;
  if (kept === 0) ctx.out.write(note(empty(), width));
  else await streamLines(ctx, rows, tableLine(ctx, width, widest));
  return EXIT.ok;
}

/** What an empty list says: no briefings at all, none unread or new, or none the filter keeps. */
function emptyList(total: number, args: ListArgs, filter: Filter, readerUsed: boolean): string {
  if (total === 0) return "No briefings.";
  if (!args.unread && !args.isNew) return "No briefing matches the filter.";
  const never = args.isNew && !readerUsed ? " (the reader has not been used on this folder yet)" : "";
  return `No ${args.isNew ? "new" : "unread"} briefing${never}${isEmptyFilter(filter) ? "" : " matches the filter"}.`;
}

/**
 * The plain list (no read state asked for) printed as its rows are read from the store, none held
 * (load/list-rows.ts); null when they cannot be streamed, with nothing written.
 */
async function streamedList(
  ctx: CommandContext,
  args: ListArgs,
  filter: Filter,
  { store, synced }: { store: Store; synced: Synced },
): Promise<number | null> {
  const { withListRows } = await import("../../load/list-rows.js");
  const widest = asTable(ctx, args) ? new Widest() : null;
  return withListRows(
    ctx.dir,
    store,
    synced,
    filter,
    "error",
    widest ? (b) => widest.add(b) : null,
    async (list) => {
      reportLoadErrors(ctx, list);
      const empty = () => emptyList(list.total, args, filter, true);
      return printRows(ctx, args, list.rows, list.kept, widest, empty);
    },
  );
}

/**
 * `list --json` (no read-state filter) with the files read from the store a few hundred at a time,
 * none held beyond them (load/list-rows.ts); null when they cannot be streamed, with nothing written.
 */
async function streamedJson(
  ctx: CommandContext,
  _args: ListArgs,
  filter: Filter,
  { store, synced }: { store: Store; synced: Synced },
): Promise<number | null> {
  const { withListFiles } = await import("../../load/list-rows.js");
  const { eachWholeBriefing } = await import("../../load/folder.js");
  return withListFiles(ctx.dir, store, synced, filter, "error", async (list) => {
    reportLoadErrors(ctx, list);
    const states = await briefingStatesInParts(ctx, list.present);
    const array = jsonArrayWriter(ctx.out, ([b, s]: [Briefing, JsonReadState]) => briefingToJson(b, s));
    for await (const part of list.parts()) {
      const stamps = new Map(part.map((f) => [f.relPath, f.stamp]));
      const statuses = await states.status(part, (relPath) => stamps.get(relPath));
      const status = new Map(part.map((f, i) => [f.id, statuses[i]!]));
      // The JSON holds whole briefings: the store's parsed copies, or their files parsed again.
      await eachWholeBriefing({ dir: ctx.dir, registry: list.registry, store }, part, (b) =>
        array.add([b, status.get(b.id)!]),
      );
    }
    array.end();
    states.done();
    return EXIT.ok;
  });
}
