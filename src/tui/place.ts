// The last place in the reader, saved in the read state (src/store/state.ts) and restored at the next
// start: the view, the filters, the cursor of the timeline and of the briefings list (by briefing, not
// by row: the folder may have changed since), and the open briefing with its scroll. Pure: what is
// saved, and what a saved value (untrusted: it comes from a file) restores.
import { type Filter, isEmptyFilter } from "../story/filter.js";
import type { StoryView } from "../story/view.js";
import { indexOfId, narrow } from "./model.js";
import { type RestoredPlace, type State, VIEWS, type ViewId } from "./state.js";
import { jumpTo, type Position, settle } from "./windowing.js";

export interface SavedPlace {
  v: 1;
  view: ViewId;
  filter: Filter;
  upcoming: boolean;
  /** The briefing (and the event's date) under the timeline's cursor. */
  timeline: { id: string; date: string } | null;
  /** The briefing under the briefings list's cursor. */
  briefings: string | null;
  reader: { briefingId: string; scroll: number } | null;
}

export interface PlaceCursors {
  timeline: { id: string; date: string } | null;
  briefings: string | null;
}

export function placeOf(state: State, cursors: PlaceCursors): SavedPlace {
  return {
    v: 1,
    view: state.view,
    filter: state.filter,
    upcoming: state.upcoming,
    ...cursors,
    reader: state.reader ? { briefingId: state.reader.briefingId, scroll: state.reader.scroll } : null,
  };
}

const isString = (v: unknown): v is string => typeof v === "string";
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function filterOf(v: unknown): Filter | null {
  if (typeof v !== "object" || v === null) return null;
  const f = v as Record<string, unknown>;
  if (!Array.isArray(f.actors) || !f.actors.every(isString)) return null;
  if (!Array.isArray(f.tags) || !f.tags.every(isString)) return null;
  const out: Filter = { actors: [...f.actors], tags: [...f.tags] };
  for (const key of ["since", "until"] as const) {
    const d = f[key];
    if (d === undefined) continue;
    if (!isString(d) || !DATE.test(d)) return null;
    out[key] = d;
  }
  for (const key of ["query", "story"] as const) {
    const t = f[key];
    if (t === undefined) continue;
    if (!isString(t)) return null;
    out[key] = t;
  }
  return out;
}

/** A saved value as a SavedPlace, or null when it is not one (another version, a damaged file). */
export function parsePlace(v: unknown): SavedPlace | null {
  if (typeof v !== "object" || v === null) return null;
  const p = v as Record<string, unknown>;
  if (p.v !== 1 || !(VIEWS as readonly unknown[]).includes(p.view)) return null;
  const filter = filterOf(p.filter);
  if (filter === null) return null;
  const t = p.timeline as Record<string, unknown> | null;
  const timeline =
    t && typeof t === "object" && isString(t.id) && isString(t.date) ? { id: t.id, date: t.date } : null;
  const r = p.reader as Record<string, unknown> | null;
  const reader =
    r &&
    typeof r === "object" &&
    isString(r.briefingId) &&
    Number.isInteger(r.scroll) &&
    (r.scroll as number) >= 0
      ? { briefingId: r.briefingId, scroll: r.scroll as number }
      : null;
  return {
    v: 1,
    view: p.view as ViewId,
    filter,
    upcoming: p.upcoming === true,
    timeline,
    briefings: isString(p.briefings) ? p.briefings : null,
    reader,
  };
}

/**
 * What to restore of `saved` over this story: a filter given on the command line (`cliFilter`, not
 * empty) wins over the saved one; cursors go to their briefings' rows when those are still shown; an
 * open briefing that is gone is not reopened.
 */
export function restoredPlace(
  saved: SavedPlace,
  story: StoryView,
  cliFilter: Filter,
  pages: { timeline: number; briefings: number },
  todayIso: string,
): RestoredPlace {
  const filter = isEmptyFilter(cliFilter) ? saved.filter : cliFilter;
  const upcoming = saved.upcoming ? todayIso : null;
  const n = narrow(story, filter, null, isEmptyFilter(filter), upcoming);
  const lists: Partial<Record<ViewId, Position>> = {};
  const top: Position = { cursor: 0, scrollTop: 0 };
  if (saved.briefings !== null) {
    const i = indexOfId(story, saved.briefings);
    const row = i < 0 ? -1 : n.briefings.indexOf(i);
    if (row >= 0) lists.briefings = jumpTo(top, row, n.briefings.length, pages.briefings);
  }
  if (saved.timeline !== null) {
    const i = indexOfId(story, saved.timeline.id);
    const t = n.timeline;
    let row = i < 0 ? -1 : t.rowOf(i, saved.timeline.date);
    // A briefing's own entry is not an event: looked for among the rows of its date.
    if (row < 0 && i >= 0) {
      for (let r = 0; r < t.total && r < 200_000; r++) {
        if (t.entryAt(r)?.briefing === i) {
          row = r;
          break;
        }
      }
    }
    if (row >= 0) lists.timeline = jumpTo(top, settle(row, t.total, t.selectable), t.total, pages.timeline);
  }
  const reader = saved.reader && indexOfId(story, saved.reader.briefingId) >= 0 ? saved.reader : null;
  return {
    view: saved.view,
    ...(isEmptyFilter(cliFilter) ? { filter } : {}),
    upcoming: saved.upcoming,
    lists,
    reader,
  };
}
