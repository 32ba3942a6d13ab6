// `signaldesk glossary`: terms merged across briefings, each with its definition and where it comes from.
import { type Filter, filterItems } from "../../story/filter.js";
import { mergeGlossaryOf } from "../../story/glossary.js";
import type { Command } from "../args.js";
import { type CommandContext, EXIT, load, reportLoadErrors, streamLines, writeRecords } from "../context.js";
import { writeJsonArray } from "../json.js";
import { block, cell, note } from "../render/layout.js";
import { createStyle } from "../style.js";

type GlossaryArgs = Extract<Command, { name: "glossary" }>;

const INDENT = "  ";

export async function glossaryCommand(
  ctx: CommandContext,
  args: GlossaryArgs,
  filter: Filter,
): Promise<number> {
  const result = await load(ctx);
  if (typeof result === "number") return result;
  reportLoadErrors(ctx, result);

  const index = new Map(result.items.map((b, i) => [b.id, i]));
  const terms = mergeGlossaryOf(filterItems(result.items, filter, result.registry, result.text), (b) =>
    result.usedKeys(index.get(b.id) ?? -1),
  );
  if (args.json) {
    await writeJsonArray(ctx.out, terms, (t) => t);
    return EXIT.ok;
  }
  if (ctx.tabular && args.width === undefined) {
    writeRecords(
      ctx,
      terms.map((t) => [t.term, t.definition, t.briefingIds.join(", ")]),
    );
    return EXIT.ok;
  }
  if (terms.length === 0) {
    ctx.out.write(note("No glossary terms.", args.width ?? ctx.width));
    return EXIT.ok;
  }

  const style = createStyle(ctx.color);
  const width = args.width ?? ctx.width;
  const lines: string[] = [];
  for (const t of terms) {
    if (lines.length > 0) lines.push("");
    lines.push(...block(t.term, width).map(style.bold));
    lines.push(...block(t.definition, width, INDENT));
    // Other briefings may define the term differently; each distinct wording is shown once.
    const shown = new Set([t.definition]);
    for (const d of t.definitions) {
      if (shown.has(d.definition)) continue;
      shown.add(d.definition);
      lines.push(...block(`also (${cell(d.briefingId)}): ${d.definition}`, width, INDENT, `${INDENT}  `));
    }
    lines.push(...block(`in ${t.briefingIds.map(cell).join(", ")}`, width, INDENT).map(style.muted));
  }
  await streamLines(ctx, lines, (line) => line);
  return EXIT.ok;
}
