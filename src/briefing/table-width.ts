// A GFM table row with more cells than its header: GFM drops the cells past the header's, so a pasted
// table whose header lost a column (a spreadsheet's unnamed last column, a row with a note after it)
// would lose words. Nothing is lost: the header and its delimiter row are widened with empty columns,
// as many as the widest row needs, before marked reads the table. Line for line.

const DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
/** The cheap test: a pipe beside a dash, as every delimiter row has. */
const MAYBE = /\|[ \t]*:?-|-:?[ \t]*\|/;

/** A row's cells, as GFM splits them: at unescaped pipes, one leading and one trailing pipe aside. */
function cellCount(line: string): number {
  let s = line.trim();
  if (s.startsWith("|")) s = s.slice(1);
  if (s.endsWith("|") && !s.endsWith("\\|")) s = s.slice(0, -1);
  let n = 1;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === "|") n++;
  }
  return n;
}

/** The body with every table's header as wide as its widest row; else the body as it is. */
export function widenTables(body: string): string {
  if (!body.includes("|") || !MAYBE.test(body)) return body;
  const lines = body.split("\n");
  let changed = false;
  for (let i = 1; i < lines.length; i++) {
    const rule = lines[i]!;
    if (!rule.includes("-") || !DELIMITER.test(rule) || !lines[i - 1]!.includes("|")) continue;
    const columns = cellCount(lines[i - 1]!);
    if (cellCount(rule) !== columns) continue;
    let widest = columns;
    let k = i + 1;
    for (; k < lines.length && lines[k]!.trim() !== "" && lines[k]!.includes("|"); k++) {
      let row = lines[k]!;
      if (cellCount(row) > columns && row.includes("`")) {
        // A pipe inside code (`a || b`) the writer did not escape: GFM cuts the cell there, but a
        // row that fits its header with the code whole means the code. Escaped, as the writer meant.
        const whole = row.replace(/(`+)([^`]*?)\1/g, (m, tick: string, code: string) =>
          code.includes("|") ? `${tick}${code.replace(/(?<!\\)\|/g, "\\|")}${tick}` : m,
        );
        if (cellCount(whole) <= columns) {
          lines[k] = row = whole;
          changed = true;
        }
      }
      widest = Math.max(widest, cellCount(row));
    }
    if (widest > columns) {
      const extra = widest - columns;
      const close = (l: string, cell: string) => {
        const t = l.trimEnd();
        const open = t.endsWith("|") && !t.endsWith("\\|") ? t : `${t} |`;
        return open + cell.repeat(extra);
      };
      lines[i - 1] = close(lines[i - 1]!, "  |");
      lines[i] = close(rule, " --- |");
      changed = true;
    }
    i = k - 1;
  }
  return changed ? lines.join("\n") : body;
}
