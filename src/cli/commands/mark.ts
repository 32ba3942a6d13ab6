// `signaldesk mark read|unread ID…` and `mark read|unread --all [filters]`. Every id is resolved
// before anything is written: one unknown id marks nothing.
import { fingerprint, type StatusFile } from "../../load/read-status.js";
import type { Seen } from "../../store/state.js";
import { type Filter, filterItems } from "../../story/filter.js";
import type { Command } from "../args.js";
import {
  type CommandContext,
  EXIT,
  fail,
  formatProblem,
  load,
  reportLoadErrors,
  sortProblems,
} from "../context.js";
import { openState } from "../read-state.js";
import { resolveBriefing } from "../resolve.js";

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
      const found = resolveBriefing(id, {
        dir: result.dir,
        briefings: result.summaries,
        problems: result.problems,
      });
      switch (found.kind) {
        case "none":
          return fail(
            ctx,
            `no briefing '${id}'${found.closest.length > 0 ? ` (did you mean ${found.closest.join(", ")}?)` : ""}; nothing marked`,
            EXIT.notFound,
          );
        case "ambiguous":
          return fail(
            ctx,
            `'${id}' matches several briefings: ${found.candidates.join(", ")}; nothing marked`,
            EXIT.usage,
          );
        case "invalid":
          ctx.err.write(
            `${sortProblems(found.problems)
              .map((p) => formatProblem(p))
              .join("\n")}\n`,
          );
          return fail(ctx, `briefing '${found.path}' did not load; nothing marked`, EXIT.invalid);
        case "briefing":
          if (!chosen.includes(found.briefing)) chosen.push(found.briefing);
      }
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
