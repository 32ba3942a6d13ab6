// The footer: the most useful keys for what has focus, read from the keymap, and where the cursor
// is. Pure, so the first frame painted before Ink loads draws the same line.
import { displayWidth } from "../../text/width.js";
import { type Focus, footerItems } from "../keymap.js";
import { type Segment, spread } from "../segments.js";

export function footerLine(width: number, focus: Focus, status = ""): Segment[] {
  const right: Segment[] = status ? [{ text: `${status} `, token: "muted" }] : [];
  const room = width - (status ? displayWidth(status) + 2 : 0);
  // Whole items only: a key cut in half is worse than one not shown.
  const left: Segment[] = [];
  let used = 0;
  for (const item of footerItems(focus)) {
    const w = 1 + displayWidth(item.keys) + 1 + displayWidth(item.label);
    if (used + w > room) break;
    left.push(
      { text: " " },
      { text: item.keys, token: "accent" },
      { text: ` ${item.label}`, token: "muted" },
    );
    used += w;
  }
  return spread(left, right, width);
}
