// The footer: the most useful keys for what has focus, read from the keymap, and where the cursor
// is. Pure, so the first frame painted before Ink loads draws the same line.
import { displayWidth, truncate } from "../../text/width.js";
import { DEFAULT_KEYMAP, type Focus, type FooterItem, footerItems, type Keymap } from "../keymap.js";
import { type Segment, spread } from "../segments.js";

/** Fewer columns than this left beside the essential keys: the status is not shown at all. */
const MIN_STATUS = 8;

const itemWidth = (item: FooterItem) => 1 + displayWidth(item.keys) + 1 + displayWidth(item.label);

/**
 * Whole items only (a key cut in half is worse than one not shown), in the keymap's order; the
 * essential ones (`? help`, `q quit`) are always kept, and what does not fit beside them is dropped
 * from the end. The status (where the cursor is, or a notice) is cut to the room beside them rather than
 * dropped, unless not even a few columns are left.
 */
export function footerLine(
  width: number,
  focus: Focus,
  given = "",
  keymap: Keymap = DEFAULT_KEYMAP,
): Segment[] {
  const items = footerItems(focus, keymap);
  const essential = items.filter((i) => i.essential).reduce((n, i) => n + itemWidth(i), 0);
  const status =
    given && width - essential - 2 >= MIN_STATUS ? truncate(given, width - essential - 2) : given;
  const statusWidth = status ? displayWidth(status) + 2 : 0;
  const withStatus = essential + statusWidth <= width;
  const right: Segment[] = withStatus && status ? [{ text: `${status} `, token: "muted" }] : [];
  let room = width - (withStatus ? statusWidth : 0) - essential;
  const kept = new Set<FooterItem>();
  for (const item of items) {
    if (item.essential) {
      kept.add(item);
      continue;
    }
    const w = itemWidth(item);
    if (w > room) {
      room = -1;
      continue;
    }
    kept.add(item);
    room -= w;
  }
  const left: Segment[] = [];
  for (const item of items) {
    if (!kept.has(item)) continue;
    left.push(
      { text: " " },
      { text: item.keys, token: "accent" },
      { text: ` ${item.label}`, token: "muted" },
    );
  }
  return spread(left, right, width);
}
