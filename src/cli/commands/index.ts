// Runs one parsed command. Filters are resolved here, against the context's `today`.
import type { Command } from "../args.js";
import { type CommandContext, EXIT, fail } from "../context.js";
import { toFilter } from "../filter-args.js";
import { actorsCommand } from "./actors.js";
import { checkCommand } from "./check.js";
import { glossaryCommand } from "./glossary.js";
import { listCommand } from "./list.js";
import { printCommand } from "./print.js";
import { timelineCommand } from "./timeline.js";

/** Every command but the reader, which main.ts starts itself (it needs a terminal). */
export async function runCommand(
  ctx: CommandContext,
  command: Exclude<Command, { name: "reader" }>,
): Promise<number> {
  if (command.name === "print") return printCommand(ctx, command);
  if (command.name === "check") return checkCommand(ctx);
  const filter = toFilter(command.filter, ctx.today);
  if (typeof filter === "string") return fail(ctx, filter, EXIT.usage);
  switch (command.name) {
    case "list":
      return listCommand(ctx, command, filter);
    case "timeline":
      return timelineCommand(ctx, command, filter);
    case "actors":
      return actorsCommand(ctx, command, filter);
    case "glossary":
      return glossaryCommand(ctx, command, filter);
  }
}
