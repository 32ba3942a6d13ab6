// Runs one parsed command. Filters are resolved here, against the context's `today`.
//
// Each command module is imported when it runs, not at the top: together they pull in the loader,
// zod, yaml and the story code, and `print ID` answered from the cache needs none of it.
import type { Command } from "../args.js";
import { type CommandContext, EXIT, fail } from "../context.js";

/** Every command but the reader, which main.ts starts itself (it needs a terminal). */
export async function runCommand(
  ctx: CommandContext,
  command: Exclude<Command, { name: "reader" }>,
): Promise<number> {
  if (command.name === "print") return (await import("./print.js")).printCommand(ctx, command);
  if (command.name === "check") return (await import("./check.js")).checkCommand(ctx);
  if (command.name === "keys") return (await import("./keys.js")).keysCommand(ctx);
  if (command.name === "config") return (await import("./config.js")).configCommand(ctx);
  if (command.name === "completion")
    return (await import("./completion.js")).completionCommand(ctx, command.shell);
  const { toFilter } = await import("../filter-args.js");
  const filter = await toFilter(command.filter, ctx.today);
  if (typeof filter === "string") return fail(ctx, filter, EXIT.usage);
  switch (command.name) {
    case "mark":
      return (await import("./mark.js")).markCommand(ctx, command, filter);
    case "list":
      return (await import("./list.js")).listCommand(ctx, command, filter);
    case "timeline":
      return (await import("./timeline.js")).timelineCommand(ctx, command, filter);
    case "actors":
      return (await import("./actors.js")).actorsCommand(ctx, command, filter);
    case "agenda":
      return (await import("./agenda.js")).agendaCommand(ctx, command, filter);
    case "stories":
      return (await import("./stories.js")).storiesCommand(ctx, command, filter);
    case "glossary":
      return (await import("./glossary.js")).glossaryCommand(ctx, command, filter);
  }
}
