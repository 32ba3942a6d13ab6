// The links of a briefing, numbered as the reader and `print` number them: in reading order (key
// points, then What happened, Why it matters, What to watch), a URL seen again keeping its number.
import { blockLinks } from "./inline.js";
import type { Briefing } from "./schema.js";
// From sections.ts, not schema.ts: importing a value from schema.ts evaluates it, and with it zod
// (450 kB), on `print ID`'s path.
import { SECTION_KEYS } from "./sections.js";

export interface BriefingLink {
  /** 1-based, the number shown after the link's text (`text[n]`). */
  n: number;
  /** The link's text where it first appears, markup removed. Untrusted: sanitise before showing. */
  text: string;
  /** As written in the file. Untrusted: sanitise before showing; open only what `linkableUrl` accepts. */
  url: string;
}

export class LinkNumbers {
  readonly list: BriefingLink[] = [];
  private readonly seen = new Map<string, number>();

  number(url: string, text: string): number {
    const hit = this.seen.get(url);
    if (hit !== undefined) return hit;
    const n = this.list.length + 1;
    this.list.push({ n, text, url });
    this.seen.set(url, n);
    return n;
  }
}

/** Every link of the briefing, numbered. */
export function briefingLinks(b: Pick<Briefing, "keyPoints" | "sections">): BriefingLink[] {
  const numbers = new LinkNumbers();
  for (const list of [b.keyPoints, ...SECTION_KEYS.map((k) => b.sections[k])])
    for (const p of list) if (p.block) for (const l of blockLinks(p.block)) numbers.number(l.url, l.text);
  return numbers.list;
}

/**
 * The links `o` may hand to a browser: http and https only, each keeping its number. A briefing is
 * untrusted, and a file:, javascript: or custom-scheme link given to the desktop's opener could do
 * more than show a page.
 */
export function openableLinks(b: Pick<Briefing, "keyPoints" | "sections">): BriefingLink[] {
  return briefingLinks(b).filter((l) => /^https?:\/\//i.test(l.url));
}
