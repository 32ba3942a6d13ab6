// `signaldesk mark read|unread ID…` and `mark read|unread --all [filters]`. Every id is resolved
// before anything is written: one unknown id marks nothing.
import { fingerprint, type StatusFile } from "../../load/read-status.js";
import type { Seen } from "../../store/state.js";
import { type Filter, filterItems } from "../../story/filter.js";
import type { Command } from "../args.js";
import { type CommandContext, EXIT, fail, findBriefing, load, reportLoadErrors } from "../context.js";
import { openState } from "../read-state.js";

type MarkArgs = Extract<Command, { name: "mark" }>;

export async function markCommand(ctx: CommandContext, args: MarkArgs, filter: Filter): Promise<number> {
  const result = await load(ctx);
  if (typeof result === "number") return result;
  let chosen: StatusFile[];
  if (args.all) {
    reportLoadErrors(ctx, result);
    chosen = filterItems(result.summaries, filter, result.registry, result.text);
  } else {
    chosen = [];
    for (const id of args.ids) {
      const found = findBriefing(ctx, id, result, "; nothing marked");
      if (typeof found === "number") return found;
      if (!chosen.includes(found)) chosen.push(found);
    }
  }

  const state = await openState(ctx, true);
  try {
    if (args.read) {
      const seen: Seen[] = [];
      for (const b of chosen) {
        const print = await fingerprint(b);
        if (print === null)
          return fail(ctx, `${b.path}: could not be read again; nothing marked`, EXIT.notFound);
        seen.push(print);
      }
      state.markRead(seen);
    } else state.markUnread(chosen.map((b) => b.relPath));
    if (!state.persistent) return EXIT.cantCreate;
  } finally {
    state.close();
  }
  const n = chosen.length;
  ctx.out.write(`${n} briefing${n === 1 ? "" : "s"} marked ${args.read ? "read" : "unread"}\n`);
  return EXIT.ok;
}
