// The links of a briefing, numbered in reading order, for `o` in the reader. Found in the text as
// written: Markdown links `[text](url)`, autolinks `<url>` and bare URLs. Only http and https are
// kept: a briefing is untrusted, and a file:, javascript: or custom-scheme link handed to the
// desktop's opener could do more than show a page.
import type { Briefing } from "./schema.js";

export interface BriefingLink {
  /** 1-based, as the picker shows it. */
  n: number;
  /** The link's text, or the URL when it has none. */
  text: string;
  url: string;
}

const LINK =
  /\[([^\]\n]{0,500})\]\(\s*<?(https?:\/\/[^\s()<>]+)>?(?:\s+"[^"]*")?\s*\)|<(https?:\/\/[^\s<>]+)>|(https?:\/\/[^\s<>()[\]"']+)/gi;
/** Sentence punctuation after a bare URL belongs to the sentence. */
const TRAILING = /[.,;:!?]+$/;

type LinkParts = Pick<Briefing, "source" | "keyPoints" | "sections" | "glossary">;

function texts(b: LinkParts): string[] {
  const out: string[] = [];
  if (b.source) out.push(b.source);
  for (const p of b.keyPoints) out.push(p.text);
  for (const section of [b.sections.whatHappened, b.sections.whyItMatters, b.sections.whatToWatch])
    for (const p of section) out.push(p.text);
  for (const g of b.glossary) out.push(g.definition);
  return out;
}

export function briefingLinks(b: LinkParts): BriefingLink[] {
  const links: BriefingLink[] = [];
  const seen = new Set<string>();
  for (const text of texts(b)) {
    for (const m of text.matchAll(LINK)) {
      const url = m[2] ?? m[3] ?? (m[4] ?? "").replace(TRAILING, "");
      if (url === "" || seen.has(url)) continue;
      seen.add(url);
      const label = (m[1] ?? "").trim();
      links.push({ n: links.length + 1, text: label === "" ? url : label, url });
    }
  }
  return links;
}
