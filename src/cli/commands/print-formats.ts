// One briefing written as `print` writes it: text, markdown or JSON. Apart from print.ts (which finds
// the briefing, through the full load when it must) so that the print bundle has it without the load.
import type { Briefing } from "../../briefing/schema.js";
import { READING_MEASURE } from "../../text/blocks.js";
import type { Command } from "../args.js";
import { type CommandContext, EXIT } from "../context.js";
import { briefingToJson, toJsonText } from "../json.js";
import { briefingText } from "../render/briefing-text.js";
import { createStyle } from "../style.js";

export type PrintArgs = Extract<Command, { name: "print" }>;

export async function writeBriefing(ctx: CommandContext, args: PrintArgs, b: Briefing): Promise<number> {
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
