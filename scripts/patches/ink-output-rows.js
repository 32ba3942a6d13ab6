// Appended to ink/build/output.js by scripts/build.mjs (ink-output-rows). A frame in which every row
// is one single-line write at column 0 (every screen of the reader but overlays) is the rows' own
// text: each line is stringified once and kept, instead of the whole grid of cells being rebuilt and
// stringified on every keypress. Any other frame (clipping, several writes on a row, an indent) takes
// Ink's own path, unchanged.
const sdRowText = new Map();

// biome-ignore lint/correctness/noUnusedVariables: called from Output.get, the file this is appended to
function sdRowsOnly(output) {
  const lines = new Array(output.height).fill("");
  const taken = new Uint8Array(output.height);
  for (const op of output.operations) {
    if (op.type !== "write") return null;
    const { x, y, text } = op;
    if (x !== 0 || !(y >= 0 && y < output.height) || taken[y] === 1 || text.includes("\n")) return null;
    taken[y] = 1;
    let line = text;
    for (const transformer of op.transformers) line = transformer(line, 0);
    let shown = sdRowText.get(line);
    if (shown === undefined) {
      shown = styledCharsToString(output.caches.getStyledChars(line)).trimEnd();
      if (sdRowText.size >= 4000) sdRowText.clear();
      sdRowText.set(line, shown);
    }
    lines[y] = shown;
  }
  return { output: lines.join("\n"), height: output.height };
}
