// `signaldesk actors`: who appears across the briefings, with kind, briefing count and aliases.
import type { FolderLoad } from "../../load/folder.js";
import { storyFromRows } from "../../load/story.js";
import { actorPage } from "../../story/actor-page.js";
import { indexActors } from "../../story/actors.js";
import { type Filter, filterItems } from "../../story/filter.js";
import { displayWidth, fit as fitTo, padStart, truncate } from "../../text/width.js";
import type { Command } from "../args.js";
import {
  type CommandContext,
  EXIT,
  fail,
  load,
  reportLoadErrors,
  streamLines,
  writeRecords,
} from "../context.js";
import { toJsonText, writeJsonArray } from "../json.js";
import { block, cell, humanDate, note } from "../render/layout.js";
import { createStyle } from "../style.js";
import { timelineEntryToJson } from "./timeline.js";

type ActorsArgs = Extract<Command, { name: "actors" }>;

const GAP = "  ";
const KIND_WIDTH = 10;
const COUNT_WIDTH = 3;

export async function actorsCommand(ctx: CommandContext, args: ActorsArgs, filter: Filter): Promise<number> {
  const result = await load(ctx);
  if (typeof result === "number") return result;
  reportLoadErrors(ctx, result);
  if (args.actor !== undefined) return actorPageCommand(ctx, args, filter, result);

  const actors = indexActors(
    filterItems(result.items, filter, result.registry, result.text).map((d) => ({
      id: d.id,
      actors: d.actors,
      details: () => d.learnt,
    })),
    result.registry,
  );
  if (args.json) {
    await writeJsonArray(ctx.out, actors, (a) => ({
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
  await streamLines(ctx, lines, (line) => line);
  return EXIT.ok;
}

const DATE_WIDTH = 13;

/** `actors NAME`: the actor's page (story/actor-page.ts), as text or JSON. */
function actorPageCommand(ctx: CommandContext, args: ActorsArgs, filter: Filter, result: FolderLoad): number {
  const name = args.actor ?? "";
  // The reader's story (the store's timeline, the same conflicts), so the page is the reader's page.
  const story = storyFromRows(result);
  const kept = new Set(filterItems(result.summaries, filter, result.registry, result.text).map((b) => b.id));
  const page = actorPage(story, name, (_i, s) => kept.has(s.id));
  if (!page) return fail(ctx, `no actor named '${name}' (signaldesk actors lists them)`, EXIT.notFound);
  const briefings = page.briefings.flatMap((i) => story.briefings.get(i) ?? []);
  if (args.json) {
    ctx.out.write(
      toJsonText({
        name: page.actor.name,
        kind: page.actor.kind,
        aliases: page.actor.aliases,
        briefingIds: briefings.map((b) => b.id),
        briefings: briefings.map((b) => ({ id: b.id, date: b.date, title: b.title })),
        events: page.events.map(timelineEntryToJson),
        coActors: page.coActors,
        terms: page.terms,
      }),
    );
    return EXIT.ok;
  }
  const style = createStyle(ctx.color);
  const width = args.width ?? ctx.width;
  const hanging = " ".repeat(2 + DATE_WIDTH);
  const dated = (date: string | null, text: string) => {
    const lines = block(text, width, hanging);
    return [
      `  ${style.date((date === null ? "undated" : humanDate(date)).padEnd(DATE_WIDTH))}${(lines[0] ?? "").slice(hanging.length)}`,
      ...lines.slice(1),
    ];
  };
  const a = page.actor;
  const lines: string[] = [
    ...block(cell(a.name), width).map(style.heading),
    `Kind     ${a.kind}`,
    ...block(a.aliases.length > 0 ? a.aliases.map(cell).join(", ") : "none", width, "Aliases  ", "         "),
    "",
    style.heading(`Briefings (${briefings.length})`),
  ];
  for (const b of briefings) lines.push(...dated(b.date, `${cell(b.title)} [${cell(b.id)}]`));
  lines.push("", style.heading(`Events (${page.events.length})`));
  if (page.events.length === 0) lines.push("  none");
  for (const e of page.events) {
    lines.push(...dated(e.date, `${e.expected ? "[expected] " : ""}${e.text}`));
    lines.push(...block(`— ${cell(e.briefingId)}`, width, hanging).map(style.muted));
  }
  lines.push("", style.heading("Appears with"));
  if (page.coActors.length === 0) lines.push("  nobody else");
  for (const c of page.coActors.slice(0, 20)) {
    lines.push(...block(`${cell(c.name)} (${c.count} briefing${c.count === 1 ? "" : "s"})`, width, "  "));
  }
  lines.push("", style.heading("Glossary terms"));
  lines.push(...block(page.terms.length > 0 ? page.terms.map(cell).join(", ") : "none", width, "  "));
  ctx.out.write(`${lines.join("\n")}\n`);
  return EXIT.ok;
}
