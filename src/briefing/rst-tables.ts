// reStructuredText's tables, grid (`+---+` rules around `|` rows, `+===+` under the header) and simple
// (`=====  =====` rules over columns), written as GFM tables for marked to read. A table's rows are
// written from its first line down, one line each, and its lines left over are blank: the table keeps
// its line, and the lines after it theirs. A cell written on several lines is one cell, its lines
// joined; a cell spanning columns is the first one's, the others empty.

const GRID_RULE = /^[ \t]*\+(?:[-=]+\+)+[ \t]*$/;
const SIMPLE_RULE = /^=+(?:[ \t]+=+)+[ \t]*$/;
/** A simple table header's column-span underline (`------------  ------`). */
const SPAN_RULE = /^-+(?:[ \t]+-+)*[ \t]*$/;

/** One cell's text as it goes into a GFM row: inline markup read, its pipes escaped. */
type Cell = (text: string) => string;

/**
 * The table that opens at line `i`, written into `out` as a GFM table; the index of its last line, or
 * null when no table opens there.
 */
export function rstTable(lines: string[], out: string[], i: number, cell: Cell): number | null {
  const line = lines[i]!;
  if (GRID_RULE.test(line) && /^[ \t]*\|/.test(lines[i + 1] ?? "")) return grid(lines, out, i, cell);
  if (SIMPLE_RULE.test(line)) return simple(lines, out, i, cell);
  return null;
}

function grid(lines: string[], out: string[], i: number, cell: Cell): number {
  const top = lines[i]!;
  const bounds: number[] = [];
  for (let k = top.indexOf("+"); k !== -1; k = top.indexOf("+", k + 1)) bounds.push(k);
  const columns = bounds.length - 1;
  let end = i;
  while (end + 1 < lines.length && /^[ \t]*[+|]/.test(lines[end + 1]!)) end++;
  const rows: string[][][] = [];
  let header = 0;
  let row: string[][] | null = null;
  for (let j = i + 1; j <= end; j++) {
    const l = lines[j]!;
    if (GRID_RULE.test(l)) {
      if (row) rows.push(row);
      row = null;
      if (l.includes("=")) header = rows.length;
      continue;
    }
    row ??= Array.from({ length: columns }, () => []);
    for (let c = 0; c < columns; ) {
      // The cell runs to the next boundary its line marks: past one it does not mark, it spans.
      let k = c + 1;
      while (k < columns && l[bounds[k]!] !== "|" && l[bounds[k]!] !== "+") k++;
      const text = l.slice(bounds[c]! + 1, bounds[k]).trim();
      if (text) row[c]!.push(text);
      c = k;
    }
  }
  if (row) rows.push(row);
  const joined = rows.map((r) => r.map((parts) => parts.join(" ")));
  // Header rows written on several lines of the grid are one header row.
  const head =
    header > 0
      ? joined[0]!.map((_, c) =>
          joined
            .slice(0, header)
            .map((r) => r[c])
            .filter(Boolean)
            .join(" "),
        )
      : Array.from({ length: columns }, () => "");
  write(out, i, end, head, joined.slice(header), cell);
  return end;
}

function simple(lines: string[], out: string[], i: number, cell: Cell): number | null {
  const rule = lines[i]!;
  const starts: number[] = [];
  for (const m of rule.matchAll(/=+/g)) starts.push(m.index);
  const rules = [i];
  let end = i + 1;
  for (; end < lines.length; end++) {
    const l = lines[end]!;
    if (SIMPLE_RULE.test(l)) {
      rules.push(end);
      const next = lines[end + 1];
      if (next === undefined || next.trim() === "" || rules.length === 3) break;
    } else if (l.trim() === "" && rules.length === 1) return null;
  }
  if (end >= lines.length || rules.length < 2) return null;
  const rowsIn = (from: number, to: number): string[][] => {
    const rows: string[][] = [];
    for (let j = from + 1; j < to; j++) {
      const l = lines[j]!;
      if (l.trim() === "" || SPAN_RULE.test(l)) continue;
      const cells = starts.map((s, c) => l.slice(s, starts[c + 1] ?? l.length).trim());
      // A line with its first column empty goes on with the row above.
      const last = rows[rows.length - 1];
      if (cells[0] === "" && last)
        for (let c = 0; c < last.length; c++) last[c] = [last[c], cells[c]].filter(Boolean).join(" ");
      else rows.push(cells);
    }
    return rows;
  };
  const header = rules.length === 3 ? rowsIn(rules[0]!, rules[1]!) : [];
  const body = rowsIn(rules[rules.length - 2]!, rules[rules.length - 1]!);
  const head = starts.map((_, c) =>
    header
      .map((r) => r[c])
      .filter(Boolean)
      .join(" "),
  );
  write(out, i, end, head, body, cell);
  return end;
}

/** The GFM table over lines `from` to `to`: header, rule, rows, then blank lines. */
function write(out: string[], from: number, to: number, head: string[], rows: string[][], cell: Cell) {
  const row = (cells: string[]) => `| ${cells.map((c) => cell(c).replace(/\|/g, "\\|")).join(" | ")} |`;
  const table = [row(head), `|${head.map(() => " --- ").join("|")}|`, ...rows.map(row)];
  for (let j = from; j <= to; j++) out[j] = table[j - from] ?? "";
}
