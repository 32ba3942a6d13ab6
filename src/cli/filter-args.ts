// Filter flags -> the Filter the story functions take; a bad date is a usage error (a string here).
import type { Filter } from "../story/filter.js";
import type { FilterArgs } from "./args.js";

/** The Filter of the flags; date-fns (through period.ts) is loaded only when a date bound is given. */
export async function toFilter(args: FilterArgs, today: Date): Promise<Filter | string> {
  const filter: Filter = { actors: [...args.actors], tags: [...args.tags] };
  if (args.query !== undefined) filter.query = args.query;
  if (args.story !== undefined) filter.story = args.story.trim();
  for (const side of ["since", "until"] as const) {
    const text = args[side];
    if (text === undefined) continue;
    const { parseBound } = await import("../story/period.js");
    const bound = parseBound(text, today, side);
    if (!bound.ok) return `option '--${side}': ${bound.error}`;
    filter[side] = bound.date;
  }
  if (filter.since && filter.until && filter.since > filter.until) {
    return `'--since ${filter.since}' is after '--until ${filter.until}'`;
  }
  return filter;
}
