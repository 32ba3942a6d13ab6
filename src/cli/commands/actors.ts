// `signaldesk actors`: who appears across the briefings, with kind, briefing count and aliases.
import { buildActorIndex } from "../../story/actors.js";
import { applyFilter, type Filter } from "../../story/filter.js";
import { displayWidth, fit as fitTo, padStart, truncate } from "../../text/width.js";
import type { Command } from "../args.js";
import { type CommandContext, EXIT, load, reportLoadErrors, writeRecords } from "../context.js";
import { writeJsonArray } from "../json.js";
import { cell, note } from "../render/layout.js";
import { createStyle } from "../style.js";

type ActorsArgs = Extract<Command, { name: "actors" }>;

const GAP = "  ";
const KIND_WIDTH = 10;
const COUNT_WIDTH = 3;

export async function actorsCommand(ctx: CommandContext, args: ActorsArgs, filter: Filter): Promise<number> {
  const result = await load(ctx);
  if (typeof result === "number") return result;
  reportLoadErrors(ctx, result);

  const actors = buildActorIndex(applyFilter(result.briefings, filter, result.registry), result.registry);
  if (args.json) {
    writeJsonArray(ctx.out, actors, (a) => ({
      name: a.name,
      kind: a.kind,
      aliases: a.aliases,
      briefingIds: a.briefingIds,
    }));
    return EXIT.ok;
  }
  if (ctx.tabular && args.width === undefined) {
    writeRecords(
      ctx,
      actors.map((a) => [a.name, a.kind, String(a.briefingIds.length), a.aliases.join(", ")]),
    );
    return EXIT.ok;
  }
  if (actors.length === 0) {
    ctx.out.write(note("No actors.", args.width ?? ctx.width));
    return EXIT.ok;
  }

  const style = createStyle(ctx.color);
  const width = args.width ?? ctx.width;
  const rows = actors.map((a) => ({
    name: cell(a.name),
    kind: a.kind,
    count: String(a.briefingIds.length),
    aliases: a.aliases.map(cell).join(", "),
  }));
  // A narrow terminal keeps the name and the count and drops the kind; names are kept whole when the
  // aliases can still have a few columns.
  const showKind = width >= 40;
  const fixed = (showKind ? KIND_WIDTH + GAP.length : 0) + COUNT_WIDTH + GAP.length;
  const longestName = rows.reduce((m, r) => Math.max(m, displayWidth(r.name)), 0);
  const nameWidth = Math.max(1, Math.min(longestName, Math.max(12, width - fixed - 10), width - fixed));
  const aliasWidth = width - nameWidth - fixed - GAP.length;

  const lines = rows.map((r) => {
    const parts = [style.bold(fitTo(r.name, nameWidth))];
    if (showKind) parts.push(fitTo(r.kind, KIND_WIDTH));
    parts.push(padStart(r.count, COUNT_WIDTH));
    if (aliasWidth >= 8 && r.aliases !== "") parts.push(style.muted(truncate(r.aliases, aliasWidth)));
    return parts.join(GAP);
  });
  ctx.out.write(`${lines.join("\n")}\n`);
  return EXIT.ok;
}
