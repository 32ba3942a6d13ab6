// The windowed list keeps its rows mounted across moves (a step that scrolls moves one row from one
// end to the other; a page gives every row new text): whatever the moves, the screen shows the rows
// of the window in order, the cursor on its row, and blank lines under the last row.
import fc from "fast-check";
import { Box } from "ink";
import { afterEach, describe, expect, it } from "vitest";
import { Line } from "../../src/tui/components/Line.js";
import { List } from "../../src/tui/components/List.js";
import { type Motion, moveCursor, type Position, visibleSlice } from "../../src/tui/windowing.js";
import { type Rendered, render } from "./render.js";

const WIDTH = 30;
let app: Rendered | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
});

const renderRow = (index: number, selected: boolean) => (
  <Line segments={[{ text: `${selected ? ">" : " "} row ${index}` }]} width={WIDTH} />
);

const tree = (total: number, height: number, pos: Position) => (
  <Box flexDirection="column" width={WIDTH}>
    <List
      total={total}
      cursor={pos.cursor}
      scrollTop={pos.scrollTop}
      height={height}
      width={WIDTH}
      renderRow={renderRow}
    />
  </Box>
);

/** The screen a window of `height` rows from `start` should show. */
function expected(total: number, height: number, pos: Position): string[] {
  const { start, end } = visibleSlice(total, pos.cursor, height, pos.scrollTop);
  const out: string[] = [];
  for (let i = start; i < start + height; i++)
    out.push(i < end ? `${i === pos.cursor ? ">" : " "} row ${i}` : "");
  return out;
}

const MOTIONS: Motion[] = ["down", "up", "pageDown", "pageUp", "bottom", "top"];

describe("List", () => {
  it("shows the window's rows in order after any moves", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.constantFrom(...MOTIONS, "down", "down", "up"), { maxLength: 25 }),
        async (total, height, motions) => {
          let pos: Position = { cursor: 0, scrollTop: 0 };
          app = await render(tree(total, height, pos), { columns: WIDTH, rows: height + 2 });
          for (const motion of motions) {
            pos = moveCursor(pos, motion, total, height);
            await app.rerender(tree(total, height, pos));
            expect(
              app
                .lines()
                .slice(0, height)
                .map((l) => l.trimEnd()),
            ).toEqual(expected(total, height, pos));
          }
          app.unmount();
          app = undefined;
        },
      ),
      { numRuns: 40 },
    );
  });
});
