// `signaldesk print ID`: one briefing as text, markdown or JSON.

import { loadBriefingById } from "../../load/load-one.js";
import { type CommandContext, EXIT, fail, findBriefing, load } from "../context.js";
import { type PrintArgs, writeBriefing } from "./print-formats.js";

export async function printCommand(ctx: CommandContext, args: PrintArgs): Promise<number> {
  // An exact id usually names one file: read just that one. Anything less certain loads the folder.
  const one = await loadBriefingById(ctx.dir, args.id);
  if (one !== null) return writeBriefing(ctx, args, one);

  const result = await load(ctx, false);
  if (typeof result === "number") return result;

  const found = findBriefing(ctx, args.id, result);
  if (typeof found === "number") return found;
  // The store keeps digests: the briefing's file is read and parsed again.
  const { wholeBriefing } = await import("../../load/folder.js");
  const whole = await wholeBriefing(result, found);
  if (whole === null) return fail(ctx, `briefing '${found.id}' could not be read again`, EXIT.invalid);
  return writeBriefing(ctx, args, whole);
}
