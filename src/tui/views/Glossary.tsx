// Every glossary term A–Z with its definition and the briefings that define or use it; Enter lists
// those briefings.
import { Box } from "ink";
import type { Dispatch, ReactNode } from "react";
import type { StoryView } from "../../story/view.js";
import { sanitizeLine } from "../../text/sanitize.js";
import { fit as fitText, wrap } from "../../text/width.js";
import { highlight } from "../components/highlight.js";
import { Line, type Segment } from "../components/Line.js";
import { List } from "../components/List.js";
import { Pane } from "../components/Pane.js";
import { useListKeys } from "../hooks/useListKeys.js";
import type { Searchable } from "../listSearch.js";
import type { GlossaryItem } from "../model.js";
import type { Action } from "../state.js";
import type { Position } from "../windowing.js";

export interface GlossaryProps {
  story: StoryView;
  width: number;
  height: number;
  items: readonly GlossaryItem[];
  list: Searchable;
  pos: Position;
  query: string;
  active: boolean;
  dispatch: Dispatch<Action>;
}

export function glossaryDetailHeight(height: number): number {
  if (height >= 14) return 6;
  if (height >= 8) return 3;
  return 0;
}

/** The briefings that define or use a term (every defining one is among those using it). */
export function termBriefings(g: GlossaryItem): number[] {
  return [...new Set([...g.definedIn, ...g.usedIn])];
}

const countOf = new WeakMap<GlossaryItem, number>();

/** Whether `list` only goes up. */
function ascending(list: Int32Array): boolean {
  for (let i = 1; i < list.length; i++) if (list[i]! <= list[i - 1]!) return false;
  return true;
}

/**
 * How many briefings define or use a term, without building the set of them: a term of a large
 * archive is used in tens of thousands, and each row of the list shows this count on every frame.
 * Both lists come in story order, so their union is counted in one merge; kept per term.
 */
export function termBriefingCount(g: GlossaryItem): number {
  let n = countOf.get(g);
  if (n !== undefined) return n;
  const a = g.definedIn;
  const b = g.usedIn;
  if (ascending(a) && ascending(b)) {
    n = 0;
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i]! < b[j]!)) i++;
      else if (i >= a.length || b[j]! < a[i]!) j++;
      else {
        i++;
        j++;
      }
      n++;
    }
  } else n = termBriefings(g).length;
  countOf.set(g, n);
  return n;
}

/** More ids than a line can show are cut: a term used across 100k briefings lists tens of thousands. */
const SHOWN_IDS = 12;
const definersOf = new WeakMap<GlossaryItem, Set<number>>();

function definers(item: GlossaryItem): Set<number> {
  let set = definersOf.get(item);
  if (!set) {
    set = new Set(item.definedIn);
    definersOf.set(item, set);
  }
  return set;
}

/** The ids of the first briefings of `list` (less `skip`), then how many more; "none" when none. */
function someIds(story: StoryView, list: Int32Array, total: number, skip?: Set<number>): string {
  const shown: string[] = [];
  for (const i of list) {
    if (shown.length >= SHOWN_IDS) break;
    if (!skip?.has(i)) shown.push(sanitizeLine(story.briefings.get(i)?.id ?? "?"));
  }
  if (shown.length === 0) return "none";
  const more = total - shown.length;
  return more > 0 ? `${shown.join(", ")} and ${more} more` : shown.join(", ");
}

function Detail({
  story,
  item,
  width,
  height,
}: {
  story: StoryView;
  item: GlossaryItem | undefined;
  width: number;
  height: number;
}): ReactNode {
  if (height <= 0) return null;
  const lines: Segment[][] = [[{ text: "─".repeat(width), token: "muted" }]];
  if (item) {
    lines.push([
      { text: " Defined in: ", token: "muted" },
      { text: someIds(story, item.definedIn, item.definedIn.length) },
      { text: "  Also used in: ", token: "muted" },
      // Every defining briefing is among `usedIn`, so the others are the difference.
      { text: someIds(story, item.usedIn, item.usedIn.length - item.definedIn.length, definers(item)) },
    ]);
    const defs = item.definitionCount > 1 ? ` (${item.definitionCount} definitions differ)` : "";
    for (const l of wrap(`${sanitizeLine(item.definition)}${defs}`, Math.max(1, width - 2))) {
      lines.push([{ text: ` ${l}` }]);
    }
  }
  return <Pane lines={lines} width={width} height={height} />;
}

export function Glossary({
  story,
  width,
  height,
  items,
  list,
  pos,
  query,
  active,
  dispatch,
}: GlossaryProps): ReactNode {
  const detail = glossaryDetailHeight(height);
  const listHeight = height - detail;
  const termWidth = Math.min(28, Math.floor(width / 3));
  useListKeys({
    active,
    list,
    page: listHeight,
    cursor: pos.cursor,
    query,
    dispatch,
    onOpen: (row) => {
      const g = items[row];
      if (g) dispatch({ type: "openTerm", term: sanitizeLine(g.term), briefings: termBriefings(g) });
    },
  });
  return (
    <Box flexDirection="column" height={height} width={width}>
      <List
        total={items.length}
        cursor={pos.cursor}
        scrollTop={pos.scrollTop}
        height={listHeight}
        width={width}
        renderRow={(row, selected) => {
          const g = items[row];
          if (!g) return <Line segments={[]} width={width} />;
          const term = fitText(sanitizeLine(g.term), termWidth);
          const count = termBriefingCount(g);
          return (
            <Line
              segments={[
                { text: selected ? "› " : "  ", token: "accent" },
                ...highlight(term, query, "term"),
                { text: ` ${String(count).padStart(3)}  `, token: "muted" },
                ...highlight(sanitizeLine(g.definition), query),
              ]}
              width={width}
              {...(selected ? { fill: "selection" as const } : {})}
            />
          );
        }}
      />
      <Detail story={story} item={items[pos.cursor]} width={width} height={detail} />
    </Box>
  );
}
