/** Terminal sizes (columns, rows) the first-frame tests compare at: from the smallest allowed to a large one. */
export const FRAME_SIZES = [
  [40, 10],
  [80, 24],
  [100, 30],
  [132, 50],
] as const;
