// `signaldesk agenda`: every What-to-watch item, newest first, open or followed up (story/agenda.ts).
import { type AgendaItem, buildAgenda, digestAgenda } from "../../story/agenda.js";
import { type Filter, filterItems } from "../../story/filter.js";
import type { Command } from "../args.js";
import { type CommandContext, EXIT, load, reportLoadErrors } from "../context.js";
import { writeJsonArray } from "../json.js";
import { block, cell, humanDate, note } from "../render/layout.js";
import { createStyle } from "../style.js";

type AgendaArgs = Extract<Command, { name: "agenda" }>;

const INDENT = "    ";

export function agendaItemToJson(i: AgendaItem) {
  return {
    briefingId: i.briefingId,
    date: i.date,
    text: i.text,
    status: i.status,
    followedBy: [...i.followedBy],
  };
}

export async function agendaCommand(ctx: CommandContext, args: AgendaArgs, filter: Filter): Promise<number> {
  const result = await load(ctx);
  if (typeof result === "number") return result;
  reportLoadErrors(ctx, result);

  // Follow-ups are found over every briefing: a filter narrows the items, never what followed them.
  const kept = new Set(filterItems(result.items, filter, result.registry, result.text).map((b) => b.id));
  const items = buildAgenda(result.items.map(digestAgenda)).filter((i) => kept.has(i.briefingId));
  if (args.json) {
    await writeJsonArray(ctx.out, items, agendaItemToJson);
    return EXIT.ok;
  }
  const width = args.width ?? ctx.width;
  if (items.length === 0) {
    ctx.out.write(note("Nothing to watch: no briefing has a What to watch section.", width));
    return EXIT.ok;
  }
  const style = createStyle(ctx.color);
  const byId = new Map(result.items.map((b) => [b.id, b]));
  const lines: string[] = [];
  let current: string | null = null;
  for (const item of items) {
    if (item.briefingId !== current) {
      if (current !== null) lines.push("");
      const b = byId.get(item.briefingId);
      const date = item.date === null ? "undated" : humanDate(item.date);
      lines.push(
        ...block(`${date} · ${cell(b?.title ?? item.briefingId)} [${cell(item.briefingId)}]`, width).map(
          style.heading,
        ),
      );
      current = item.briefingId;
    }
    const mark = item.status === "open" ? "○ open" : "✓ followed up";
    lines.push(`  ${item.status === "open" ? style.warning(mark) : style.muted(mark)}`);
    lines.push(...block(item.text, width, INDENT));
    for (const id of item.followedBy) {
      const f = byId.get(id);
      const when = f?.date ? humanDate(f.date) : "undated";
      lines.push(...block(`→ ${when} ${cell(f?.title ?? id)} [${cell(id)}]`, width, INDENT).map(style.muted));
    }
  }
  ctx.out.write(`${lines.join("\n")}\n`);
  return EXIT.ok;
}
