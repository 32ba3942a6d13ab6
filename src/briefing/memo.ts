// A memorandum's header block: an optional `MEMORANDUM` line over upper-case `TO:`, `FROM:`, `DATE:`,
// `RE:`/`SUBJECT:`, `CC:` lines, often set apart by blank lines. It is read as mail headers are
// (email.ts): the title from RE or SUBJECT, the date from DATE, the block to the source. Here the
// header lines are moved up to sit together under the label, one paragraph, blank lines left below.

/** The label over a memo's headers (`MEMORANDUM`, `INTERNAL MEMO`, `MEMORANDUM FOR THE RECORD`). */
export const MEMO_LABEL =
  /^[ \t]*(?:(?:INTERNAL|CONFIDENTIAL|PRIVILEGED|OFFICE)[ \t]+)*(?:MEMORANDUM|MEMO)(?:[ \t]+(?:FOR THE RECORD|TO FILE))?[ \t]*$/;
const MEMO_HEADER = /^(?:TO|FROM|DATE|RE|SUBJECT|CC|BCC):[ \t]/;
const OPENING =
  /^\s*(?:(?:INTERNAL|CONFIDENTIAL|PRIVILEGED|OFFICE)[ \t]+)*MEMO|^\s*(?:TO|FROM|RE|SUBJECT|DATE):/;

/** The body with a memo's header lines together under its label; else the body as it is. */
export function memoBody(body: string): string {
  if (!OPENING.test(body)) return body;
  const lines = body.split("\n");
  let i = 0;
  while (i < lines.length && lines[i]!.trim() === "") i++;
  const top = i;
  if (MEMO_LABEL.test(lines[i]!)) i++;
  const headers: number[] = [];
  for (; i < lines.length; i++) {
    if (lines[i]!.trim() === "") continue;
    if (!MEMO_HEADER.test(lines[i]!)) break;
    headers.push(i);
  }
  const names = headers.map((k) => /^[A-Z]+/.exec(lines[k]!)![0]);
  if (headers.length < 2 || !names.some((n) => n === "FROM" || n === "RE" || n === "SUBJECT")) return body;
  const block = [
    ...(MEMO_LABEL.test(lines[top]!) ? [lines[top]!] : []),
    ...headers.map((k) => lines[k]!.replace(/^([A-Z]+):[ \t]+/, "$1: ")),
  ];
  const last = headers[headers.length - 1]!;
  for (let k = top; k <= last; k++) lines[k] = k - top < block.length ? block[k - top]! : "";
  return lines.join("\n");
}
