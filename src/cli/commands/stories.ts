// `signaldesk stories`: the stories of the folder, with how many briefings and the dates they span.
import { type Filter, filterItems } from "../../story/filter.js";
import { listStories, type StoryEntry } from "../../story/stories.js";
import { displayWidth, fit as fitWidth, padStart, truncate } from "../../text/width.js";
import type { Command } from "../args.js";
import { type CommandContext, EXIT, load, reportLoadErrors } from "../context.js";
import { writeJsonArray } from "../json.js";
import { cell, humanDate, note } from "../render/layout.js";

type StoriesArgs = Extract<Command, { name: "stories" }>;

export const NO_STORY = "(no story)";

export function storyToJson(s: StoryEntry) {
  return {
    name: s.name,
    briefings: s.briefingIds.length,
    first: s.first,
    last: s.last,
    briefingIds: s.briefingIds,
  };
}

/** `Jun 16 2026 – Jul 1 2026`, one date when both are the same, `undated` when none. */
export function span(s: Pick<StoryEntry, "first" | "last">): string {
  if (s.first === null || s.last === null) return "undated";
  return s.first === s.last ? humanDate(s.first) : `${humanDate(s.first)} – ${humanDate(s.last)}`;
}

export async function storiesCommand(
  ctx: CommandContext,
  args: StoriesArgs,
  filter: Filter,
): Promise<number> {
  const result = await load(ctx);
  if (typeof result === "number") return result;
  reportLoadErrors(ctx, result);
  const stories = listStories(filterItems(result.items, filter, result.registry, result.text));
  if (args.json) {
    await writeJsonArray(ctx.out, stories, storyToJson);
    return EXIT.ok;
  }
  const width = args.width ?? ctx.width;
  if (stories.length === 0) {
    ctx.out.write(note("No briefings.", width));
    return EXIT.ok;
  }
  const names = stories.map((s) => (s.name === null ? NO_STORY : cell(s.name)));
  const nameWidth = Math.min(Math.max(...names.map(displayWidth)), Math.max(8, width - 40));
  const lines = stories.map((s, i) =>
    truncate(
      [fitWidth(names[i]!, nameWidth), padStart(String(s.briefingIds.length), 5), span(s)].join("  "),
      width,
    ),
  );
  ctx.out.write(`${lines.join("\n")}\n`);
  return EXIT.ok;
}
