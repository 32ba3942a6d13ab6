// The footer: the most useful keys for what has focus, read from the keymap, and where the cursor
// is. Pure, so the first frame painted before Ink loads draws the same line.
import { displayWidth } from "../../text/width.js";
import { DEFAULT_KEYMAP, type Focus, type FooterItem, footerItems, type Keymap } from "../keymap.js";
import { type Segment, spread } from "../segments.js";

const itemWidth = (item: FooterItem) => 1 + displayWidth(item.keys) + 1 + displayWidth(item.label);

/**
 * Whole items only (a key cut in half is worse than one not shown), in the keymap's order; the
 * essential ones (`? help`, `q quit`) are always kept, and what does not fit beside them is dropped
 * from the end, then the status.
 */
export function footerLine(
  width: number,
  focus: Focus,
  status = "",
  keymap: Keymap = DEFAULT_KEYMAP,
): Segment[] {
  const items = footerItems(focus, keymap);
  const essential = items.filter((i) => i.essential).reduce((n, i) => n + itemWidth(i), 0);
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
