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
      shown = sdStyledLine(line) ?? styledCharsToString(output.caches.getStyledChars(line)).trimEnd();
      if (sdRowText.size >= 4000) sdRowText.clear();
      sdRowText.set(line, shown);
    }
    lines[y] = shown;
  }
  return { output: lines.join("\n"), height: output.height };
}

// Ink re-encodes a line through one object per character (tokenize, styledCharsFromTokens,
// styledCharsToString) to drop redundant style codes. Every character between two escape codes has
// the same style and the diff between equal styles is empty, so the re-encoded line is the runs of
// text in between the codes Ink would write for a "skeleton" that has one character per run. A page
// of new rows has few skeletons (a row's styles are the same whatever its text): the codes are worked
// out by Ink's own functions once per skeleton, and each line only splits and joins.
const sdSkeletons = new Map();
const sdGraphemes = new Intl.Segmenter();
const SD_RUN = "x";
const SD_MARK = "\u0000";

/** The line as Ink's styledCharsToString(styledCharsFromTokens(tokenize(line))).trimEnd(), or null. */
function sdStyledLine(line) {
  // 0x9B is a one-byte CSI to the tokenizer; text from files never has it (the sanitiser writes it
  // out), so such a line is left to Ink.
  if (line.includes("\u009b")) return null;
  const runs = [];
  let skeleton = "";
  let at = 0;
  while (at < line.length) {
    if (line.charCodeAt(at) !== 0x1b) {
      let end = line.indexOf("\u001b", at);
      if (end === -1) end = line.length;
      const run = line.slice(at, end);
      // Ink reads the line grapheme by grapheme: a run must not start with a mark that would join
      // the code's final "m" (Ink would swallow it with the code).
      if (at > 0 && run.charCodeAt(0) >= 0x80 && sdGraphemes.segment(`m${run}`).containing(0).segment !== "m")
        return null;
      runs.push(run);
      skeleton += SD_RUN;
      at = end;
      continue;
    }
    // An SGR code, as the tokenizer reads one: ESC [ digits and semicolons m. Anything else (a link,
    // a lone ESC) is left to Ink.
    if (line.charCodeAt(at + 1) !== 0x5b) return null;
    let end = at + 2;
    for (; end < line.length; end++) {
      const c = line.charCodeAt(end);
      if (c !== 0x3b && !(c >= 0x30 && c <= 0x39)) break;
    }
    if (line.charCodeAt(end) !== 0x6d) return null;
    skeleton += line.slice(at, end + 1);
    at = end + 1;
  }
  let pieces = sdSkeletons.get(skeleton);
  if (pieces === undefined) {
    const chars = styledCharsFromTokens(tokenize(skeleton));
    if (chars.length !== runs.length) return null;
    for (const c of chars) c.value = SD_MARK;
    pieces = styledCharsToString(chars).split(SD_MARK);
    if (sdSkeletons.size >= 1000) sdSkeletons.clear();
    sdSkeletons.set(skeleton, pieces);
  }
  let out = pieces[0];
  for (let i = 0; i < runs.length; i++) out += runs[i] + pieces[i + 1];
  return out.trimEnd();
}
