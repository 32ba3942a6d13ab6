// Discord's spoiler marks (`||the result||`), in a channel's export: Discord shows the text once a
// reader clicks it. A terminal has nothing to click, so the text shows, without the bars (left in,
// they showed raw and ran into the names read from the text). Not in a table's row (`| a || b |` is
// an empty cell) nor in code.

const SPOILER = /(^|[^|\\])\|\|(?=[^\s|])([^|\n]*?[^\s|\\])\|\|(?!\|)/g;

/** A table's row: GFM's (`| a || b |`), or a Jira header row (`||Name||Date||`). */
const TABLE_ROW = /^[ \t]*\|(?!\|\S)|^[ \t]*\|\|[^|\n]+(?:\|\|[^|\n]+)+\|\|[ \t]*$/;

/** The body with spoiler marks removed; else the body as it is. */
export function spoilers(body: string): string {
  if (!body.includes("||")) return body;
  let fence: string | null = null;
  let changed = false;
  const lines = body.split("\n").map((line) => {
    const f = /^[ \t]*(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (fence === null) fence = f[1]!;
      else if (f[1]!.startsWith(fence)) fence = null;
      return line;
    }
    if (fence !== null || TABLE_ROW.test(line) || !line.includes("||")) return line;
    // Code spans (`a||b`) as written.
    const out = line.replace(/(`+)[^`]*?\1|[^`]+|`+/g, (part) =>
      part.startsWith("`") ? part : part.replace(SPOILER, "$1$2"),
    );
    if (out !== line) changed = true;
    return out;
  });
  return changed ? lines.join("\n") : body;
}
