// Briefings forwarded by mail (plain text): `From:/To:/Date:/Subject:` headers at the top and a
// signature after a `-- ` line. The headers give the title (Subject) and the date (Date) and go to
// the source with the signature, never to the sections.
import { findFirstDate } from "./dates.js";
import { MEMO_LABEL } from "./memo.js";

/** A line of mail headers (`From: ...`), a memo's (`TO: ...`, `RE: ...`) or the label over them. */
export const MAIL_HEADER_LINE = new RegExp(
  `^(?:(?:From|To|Cc|Bcc|Date|Sent|Subject|Reply-To):\\s|(?:FROM|TO|CC|BCC|DATE|RE|SUBJECT):[ \\t])|${MEMO_LABEL.source}`,
);

const HEADER = /(?:^|\s)(From|To|Cc|Bcc|Date|Sent|Subject|Reply-To|FROM|TO|CC|BCC|DATE|RE|SUBJECT):[ \t]+/g;
/** A memo's names for the mail's headers. */
const MEMO_NAME: Record<string, string> = {
  FROM: "From",
  TO: "To",
  CC: "Cc",
  BCC: "Bcc",
  DATE: "Date",
  RE: "Subject",
  SUBJECT: "Subject",
};

export interface EmailHeaders {
  subject: string | null;
  /** YYYY-MM-DD as written in the Date header, or null. */
  date: string | null;
}

/**
 * The headers of a paragraph made of mail headers only (`From: ... Subject: ...`, joined or one per
 * line), or null: it must start with a header and hold From or Subject among at least two.
 */
export function emailHeaders(text: string): EmailHeaders | null {
  if (!/^(?:From|To|Date|Subject|Sent|Cc):\s|^(?:FROM|TO|DATE|RE|SUBJECT|CC):[ \t]/.test(text)) {
    // A memo's label over its headers (`MEMORANDUM TO: …`).
    const label = /^[A-Z ]*(?:MEMO|MEMORANDUM)[A-Z ]*?(?= (?:FROM|TO|DATE|RE|SUBJECT|CC):)/.exec(text);
    if (!label || !MEMO_LABEL.test(label[0])) return null;
  }
  const fields = new Map<string, string>();
  const found: { name: string; at: number; end: number }[] = [];
  HEADER.lastIndex = 0;
  for (let m = HEADER.exec(text); m !== null; m = HEADER.exec(text)) {
    const prev = found[found.length - 1];
    // `Subject: RE: …` (as Outlook writes a reply): the RE is the subject's, no header of its own.
    if (m[1] === "RE" && prev && text.slice(prev.end, m.index).trim() === "") continue;
    found.push({ name: MEMO_NAME[m[1]!] ?? m[1]!, at: m.index, end: m.index + m[0].length });
  }
  found.forEach((f, i) => {
    if (!fields.has(f.name)) fields.set(f.name, text.slice(f.end, found[i + 1]?.at ?? text.length).trim());
  });
  if (found.length < 2 || !(fields.has("From") || fields.has("Subject"))) return null;
  const subject = (fields.get("Subject") ?? "").replace(/^(?:(?:Fwd?|FW|Re|AW|WG):\s*)+/i, "").trim();
  const when = fields.get("Date") ?? fields.get("Sent") ?? "";
  return { subject: subject || null, date: when ? findFirstDate([{ text: when, line: 1 }]) : null };
}

/** `-- ` (the signature separator), alone or at the start of a paragraph. */
export function isSignatureStart(text: string): boolean {
  return text === "--" || text.startsWith("-- ");
}

/** `Term -- definition` as a glossary line `Term: definition`, else null. */
export function doubleDashLine(text: string): string | null {
  const m = /^([^\s-][^:]{0,60}?)\s+--\s+(\S.*)$/.exec(text);
  return m ? `${m[1]}: ${m[2]}` : null;
}
