// `signaldesk print ID`: one briefing as text, markdown or JSON.

import type { Briefing } from "../../briefing/schema.js";
import { loadBriefingById } from "../../load/load-one.js";
import { READING_MEASURE } from "../../text/blocks.js";
import type { Command } from "../args.js";
import { type CommandContext, EXIT, fail, findBriefing, load } from "../context.js";
import { briefingToJson, toJsonText } from "../json.js";
import { briefingText } from "../render/briefing-text.js";
import { createStyle } from "../style.js";

type PrintArgs = Extract<Command, { name: "print" }>;

async function write(ctx: CommandContext, args: PrintArgs, b: Briefing): Promise<number> {
  if (args.format === "json") {
    const { briefingStates } = await import("../read-state.js");
    const states = await briefingStates(ctx, [b]);
    states.state.close();
    ctx.out.write(toJsonText(briefingToJson(b, states.status.get(b.id))));
  } else if (args.format === "markdown") {
    // Markdown writes its front matter with yaml, which the text and JSON formats never need.
    const { briefingMarkdown } = await import("../render/briefing-markdown.js");
    ctx.out.write(briefingMarkdown(b, args.sections));
  } else {
    // The reading measure: body text no wider than 100 columns unless `--width` asks for more.
    const width = args.width ?? Math.min(ctx.width, READING_MEASURE);
    ctx.out.write(briefingText(b, width, createStyle(ctx.color), args.sections, ctx.hyperlinks === true));
  }
  return EXIT.ok;
}

export async function printCommand(ctx: CommandContext, args: PrintArgs): Promise<number> {
  // An exact id usually names one file: read just that one. Anything less certain loads the folder.
  const one = await loadBriefingById(ctx.dir, args.id);
  if (one !== null) return write(ctx, args, one);

  const result = await load(ctx, false);
  if (typeof result === "number") return result;

  const found = findBriefing(ctx, args.id, result);
  if (typeof found === "number") return found;
  // The store keeps digests: the briefing's file is read and parsed again.
  const { wholeBriefing } = await import("../../load/folder.js");
  const whole = await wholeBriefing(result, found);
  if (whole === null) return fail(ctx, `briefing '${found.id}' could not be read again`, EXIT.invalid);
  return write(ctx, args, whole);
}
