// The frame's fixed measures, shared by the App and the first frame painted before Ink loads.

export const MIN_COLUMNS = 40;
export const MIN_ROWS = 10;
export const HEADER_HEIGHT = 2;

/** Lines of the frame: one less than the terminal, so the last line never scrolls the screen. */
export function frameHeight(rows: number): number {
  return rows - 1;
}

/** Lines between the header and a one-line footer. */
export function bodyHeight(rows: number, bottom = 1): number {
  return Math.max(1, frameHeight(rows) - HEADER_HEIGHT - bottom);
}
