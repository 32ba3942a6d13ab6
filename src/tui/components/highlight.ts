// Search matches as styled segments, computed for the rows on screen only.
import { findMatches } from "../../story/search.js";
import { type Segment, spanSegments } from "../segments.js";
import type { Token } from "../theme.js";

export function highlight(text: string, query: string, base: Token = "plain"): Segment[] {
  if (query.trim() === "") return [{ text, token: base }];
  const spans = findMatches(text, query).map((m) => ({ ...m, token: "match" as Token }));
  return spanSegments(text, spans, base);
}
