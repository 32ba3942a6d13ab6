// `signaldesk list`: one row per briefing (date, id, title, actors), oldest first, undated last.

import type { Briefing } from "../../briefing/schema.js";
import { type Filter, filterItems, isEmptyFilter } from "../../story/filter.js";
import { displayWidth, fit as fitTo, truncate } from "../../text/width.js";
import type { Command } from "../args.js";
import { type CommandContext, EXIT, load, recordLine, reportLoadErrors, writeLines } from "../context.js";
import { briefingToJson, jsonArrayWriter } from "../json.js";
import { briefingStates } from "../read-state.js";
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

export async function listCommand(ctx: CommandContext, args: ListArgs, filter: Filter): Promise<number> {
  // Summaries only: the digests (events, glossary...) are not decoded for a list, and of the
  // problems only the errors are read (the only ones it reports).
  const result = await load(ctx, false, "error");
  if (typeof result === "number") return result;
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
  if (ctx.tabular && args.width === undefined) {
    writeLines(ctx, briefings, (b) => recordLine([b.date ?? "undated", b.id, b.title, b.actors.join(", ")]));
    return EXIT.ok;
  }
  if (briefings.length === 0) {
    ctx.out.write(
      note(
        result.summaries.length === 0
          ? "No briefings."
          : args.unread || args.isNew
            ? `No ${args.isNew ? "new" : "unread"} briefing${args.isNew && states?.state.lastVisit === null ? " (the reader has not been used on this folder yet)" : ""}${!isEmptyFilter(filter) ? " matches the filter" : ""}.`
            : "No briefing matches the filter.",
        args.width ?? ctx.width,
      ),
    );
    return EXIT.ok;
  }

  const style = createStyle(ctx.color);
  const width = args.width ?? ctx.width;
  const rows = briefings.map((b) => ({
    date: b.date ?? "undated",
    undated: b.date === null,
    id: cell(b.id),
    title: cell(b.title),
    actors: b.actors.map(cell).join(", "),
  }));
  // The id is what `print` takes, so it is kept whole while the title still gets 20 columns; the
  // actors column comes only when there is room for it beside a readable title.
  const rest = Math.max(0, width - DATE_WIDTH - GAP.length);
  const longestId = rows.reduce((m, r) => Math.max(m, displayWidth(r.id)), 0);
  const idWidth = Math.max(
    1,
    Math.min(longestId, Math.max(8, rest - GAP.length - 20), rest - GAP.length - 1),
  );
  const afterId = rest - idWidth - GAP.length;
  const wantActors = rows.reduce((m, r) => Math.max(m, displayWidth(r.actors)), 0);
  const actorsWidth = afterId >= 50 && wantActors > 0 ? Math.min(wantActors, Math.floor(afterId / 3)) : 0;
  const titleWidth = Math.max(1, afterId - (actorsWidth > 0 ? actorsWidth + GAP.length : 0));

  writeLines(ctx, rows, (r) => {
    const date = fitTo(r.date, DATE_WIDTH);
    const parts = [r.undated ? style.muted(date) : style.date(date), style.bold(fitTo(r.id, idWidth))];
    if (actorsWidth > 0) {
      parts.push(fitTo(r.title, titleWidth), style.muted(truncate(r.actors, actorsWidth)));
    } else {
      parts.push(truncate(r.title, titleWidth));
    }
    return parts.join(GAP).trimEnd();
  });
  return EXIT.ok;
}
