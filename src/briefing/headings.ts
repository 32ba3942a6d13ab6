// The heading vocabulary: which headings, lead-ins and labels name a section, the glossary or the
// source, and what a heading looks like. Shared by paragraph splitting and placement.
import type { SectionKey } from "./schema.js";

export const SECTION_ALIASES: Record<SectionKey, readonly string[]> = {
  whatHappened: [
    "what happened",
    "driving the news",
    "the news",
    "the backstory",
    "background",
    "what we know",
    "what's new",
    "the story",
    // French, German and Spanish briefings name their sections in their own words.
    "ce qui s'est passé",
    "les faits",
    "was passiert ist",
    "was ist passiert",
    "qué pasó",
    "lo que pasó",
    // The one-word section names of French, German and Spanish news sites: Background, The stakes, Next steps.
    "contexte",
    "le contexte",
    "hintergrund",
    "contexto",
  ],
  whyItMatters: [
    "why it matters",
    "why this matters",
    "the big picture",
    "implications",
    "the stakes",
    "between the lines",
    "why it's important",
    "why it's big",
    "pourquoi c'est important",
    "pourquoi ça compte",
    "pourquoi cela compte",
    "warum es wichtig ist",
    "warum das wichtig ist",
    "por qué importa",
    "por qué es importante",
    "enjeux",
    "les enjeux",
    "l'enjeu",
    "einordnung",
    "lo que está en juego",
  ],
  whatToWatch: [
    "what to watch",
    "what to watch next",
    "what's next",
    "what i'm watching",
    "what we're watching",
    "looking ahead",
    "what comes next",
    "the outlook",
    "watch",
    // Axios's closing lead-in, which the heading keywords already send here.
    "the bottom line",
    "bottom line",
    "ce qu'il faut surveiller",
    "à surveiller",
    "la suite",
    "was zu beobachten ist",
    "worauf zu achten ist",
    "ausblick",
    "wie es weitergeht",
    "qué vigilar",
    "lo que viene",
    "prochaines étapes",
    "les prochaines étapes",
    "et maintenant",
    "nächste schritte",
    "próximos pasos",
  ],
};

const GLOSSARY_HEADINGS = new Set([
  "glossary",
  "glossary of terms",
  "key terms",
  "key terms and definitions",
  "terms to know",
  "definitions",
  "glossaire",
  "lexique",
  "glossar",
  "glosario",
]);
const SOURCE_HEADINGS = new Set([
  "source",
  "sources",
  "references",
  "bibliography",
  "quelle",
  "quellen",
  "fuente",
  "fuentes",
]);
const KEY_POINT_HEADINGS = new Set([
  "key points",
  "key takeaways",
  "takeaways",
  "highlights",
  "at a glance",
  "in brief",
  "tl;dr",
  "tldr",
  "the short version",
  "summary",
  "ce qu'il faut retenir",
  "l'essentiel",
  "en bref",
  "das wichtigste in kürze",
  "das wichtigste",
  "auf einen blick",
  "en resumen",
  "lo esencial",
]);

/** Words that may join an alias to the rest of a heading: "Implications for the industry". */
const LINK_WORDS =
  "for|of|on|in|to|and|from|about|at|beyond|behind|with|so|after|around|as|over|under|since|into|amid|here|now|this|this week|today";

/** Keyword rule for headings that name no section: the earliest keyword in the heading decides. */
const HEADING_KEYWORDS: [SectionKey, RegExp][] = [
  ["whatHappened", /\b(background|context|history|timeline|recap|how we got here|the details)\b/],
  [
    "whyItMatters",
    /\b(means?|meaning|matters?|impacts?|implications?|significance|stakes|consequences?|analysis|perspectives?|reactions?|what they're saying|why)\b/,
  ],
  [
    "whatToWatch",
    /\b(conclusions?|concluding|outlook|ahead|next|future|coming|watch|expect\w*|forecasts?|road ?map|what now|final thoughts|bottom line)\b/,
  ],
];

const ALIAS_LIST: [SectionKey, string][] = (Object.keys(SECTION_ALIASES) as SectionKey[])
  .flatMap((key) => SECTION_ALIASES[key].map((alias): [SectionKey, string] => [key, alias]))
  .sort((a, b) => b[1].length - a[1].length);

const MAX_KEY_CHARS = 200;
/** Lead-ins and source labels sit at the start of a paragraph: only this much is looked at. */
const LABEL_CHARS = 160;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const EMPH = "(?:\\*\\*|__|\\*|_)?";
const ALIAS_ALT = ALIAS_LIST.map(([, a]) => escapeRe(a)).join("|");
const LINKED = new RegExp(`^(?:\\s*[:|\\-–—]\\s*\\S|\\s+(?:${LINK_WORDS})\\b)`);
const LEAD_IN = new RegExp(`^${EMPH}\\s*(${ALIAS_ALT})\\s*${EMPH}\\s*:\\s*${EMPH}\\s+(?=\\S)`, "i");
const SOURCE_LINE = new RegExp(
  `^${EMPH}\\s*(?:sources?(?:\\s+assisted)?|quellen?|fuentes?)\\s*${EMPH}\\s*:${EMPH}\\s*`,
  "i",
);
/** A wire service's press release names its sender in capitals, no colon: `SOURCE Acme Labs`. */
const WIRE_SOURCE = /^SOURCE[ \t]+(?=\p{Lu})/u;
/** A wire story's credit line closing its copy: `(Reporting by …; Editing by …)`. */
const WIRE_CREDIT = /^\((?:Additional )?(?:Reporting|Writing) by [^()]+\)$/;

/** Lower case, straight apostrophes, single spaces, no emphasis markers or closing punctuation. */
export function headingKey(text: string): string {
  // Most headings are plain words ("What happened", "The Backstory: A Quiet Reversal"), which every
  // step below but the last two leaves as they are.
  if (text.length <= MAX_KEY_CHARS && PLAIN_KEY.test(text)) return text.toLowerCase().replace(NUMBERING, "");
  // No name is near this long; cutting first keeps every regex below on a short string.
  return text
    .slice(0, MAX_KEY_CHARS)
    .replace(/[’‘`]/g, "'")
    .replace(/^(?:\*\*|__|\*|_)+|(?:\*\*|__|\*|_)+$/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim()
    .replace(TRAILING_EMOJI, "")
    .replace(/[\s:?.!]+$/, "")
    .replace(NUMBERING, "");
}

/** `## What happened 🔥`: an emoji after the name names nothing either. */
const TRAILING_EMOJI = /(?:\s*(?:\p{Extended_Pictographic}|\uFE0F|\u200D))+$/u;

/**
 * ASCII words and single spaces, a comma, colon or semicolon after any word but the last: no emphasis,
 * curly quote, white space run or closing punctuation to remove (numbering still may be: "Part 2: ...").
 */
const PLAIN_KEY = /^(?:[A-Za-z0-9']+[,:;]? )*[A-Za-z0-9']+$/;

// `1. What happened`, `II) Why it matters`, `📌 What to watch`, `Part 2 — What to watch`: the number,
// emoji or part names nothing.
const NUMBERING =
  /^(?:(?:\p{Extended_Pictographic}|\p{So}|\uFE0F|\u200D|\u20E3|[#*])+\s*|(?:(?:part|section|chapter) )?(?:\d{1,2}|[ivx]{1,4}|[a-h])(?:[.):]| [—–-])\s+)+/u;

export interface SectionMatch {
  key: SectionKey;
  /** True when the heading is the alias and nothing more. */
  exact: boolean;
}

/**
 * The section a heading names: the alias itself, the alias with a subtitle after `:` or a dash
 * ("The Backstory: A Rapid Policy Shift"), or the alias followed by a linking word ("Implications for
 * the AI Industry"). Requiring the link word keeps "Background checks" or "The News Corp deal" out.
 */
export function sectionForHeading(text: string): SectionMatch | null {
  return sectionForKey(headingKey(text));
}

/** Each alias's section (the first in ALIAS_LIST's order, as a search of it finds). */
const SECTION_OF = new Map<string, SectionKey>();
/** ALIAS_LIST by an alias's first character, in its order: only those can begin a key. */
const ALIASES_BY_FIRST = new Map<string, [SectionKey, string][]>();
for (const entry of ALIAS_LIST) {
  const [section, alias] = entry;
  if (!SECTION_OF.has(alias)) SECTION_OF.set(alias, section);
  const list = ALIASES_BY_FIRST.get(alias[0] ?? "");
  if (list) list.push(entry);
  else ALIASES_BY_FIRST.set(alias[0] ?? "", [entry]);
}

function sectionForKey(key: string): SectionMatch | null {
  const exact = SECTION_OF.get(key);
  if (exact !== undefined) return { key: exact, exact: true };
  for (const [section, alias] of ALIASES_BY_FIRST.get(key[0] ?? "") ?? []) {
    if (key.startsWith(alias) && LINKED.test(key.slice(alias.length))) return { key: section, exact: false };
  }
  return null;
}

export function isGlossaryHeading(text: string): boolean {
  return GLOSSARY_HEADINGS.has(headingKey(text));
}

export function isSourceHeading(text: string): boolean {
  return SOURCE_HEADINGS.has(headingKey(text));
}

/** `Key takeaways`, `TL;DR`, ...: bullets under it, before the first section, are the key points. */
export function isKeyPointsHeading(text: string): boolean {
  return KEY_POINT_HEADINGS.has(headingKey(text));
}

/** A heading naming no section: the section its keywords point to, if any. */
export function sectionByKeywords(text: string): SectionKey | null {
  const key = headingKey(text);
  let best: SectionKey | null = null;
  let at = Number.POSITIVE_INFINITY;
  for (const [section, re] of HEADING_KEYWORDS) {
    const m = re.exec(key);
    if (m && m.index < at) {
      best = section;
      at = m.index;
    }
  }
  return best;
}

/**
 * `Why it matters: the rest` -> the section and the rest; null when the paragraph has no lead-in.
 * A line that is heading-shaped as a whole ("The Backstory: A Rapid Policy Shift") is a heading with a
 * subtitle, not a lead-in: a lead-in opens a sentence.
 */
export function leadIn(text: string): { key: SectionKey; rest: string } | null {
  // No colon where the label may stand: no lead-in, and the rest is not looked at (most paragraphs).
  if (text.lastIndexOf(":", LABEL_CHARS - 1) === -1 || headingShape(text)) return null;
  const m = LEAD_IN.exec(text.slice(0, LABEL_CHARS).replace(/[’‘]/g, "'"));
  if (!m) return null;
  const alias = (m[1] ?? "").toLowerCase();
  const hit = ALIAS_LIST.find(([, a]) => a === alias);
  const rest = text.slice(m[0].length).trim();
  return hit && rest ? { key: hit[0], rest } : null;
}

/** `Source: X` / `Source assisted: X` -> "X" (possibly empty); null when it is not a source line. */
export function sourceLine(text: string): string | null {
  if (text.charCodeAt(0) === 40 /* ( */ && WIRE_CREDIT.test(text)) return text.slice(1, -1);
  // Either label needs a colon where the label may stand, or the wire's capitals: most paragraphs have neither.
  if (text.lastIndexOf(":", LABEL_CHARS - 1) === -1 && !text.startsWith("SOURCE")) return null;
  const m = SOURCE_LINE.exec(text.slice(0, LABEL_CHARS)) ?? WIRE_SOURCE.exec(text);
  if (!m) return null;
  return stripEndEmphasis(
    text
      .slice(m[0].length)
      .replace(/^(?:\*\*|__|\*|_)\s*/, "")
      .trim(),
  );
}

/** Drops a closing `**`, `__`, `*` or `_` (of a bold or italic line) without a backtracking regex. */
function stripEndEmphasis(s: string): string {
  const cut = s.endsWith("**") || s.endsWith("__") ? 2 : s.endsWith("*") || s.endsWith("_") ? 1 : 0;
  return s.slice(0, s.length - cut).trim();
}

/** `## Title ##` -> `Title`: closing hashes go only when a space separates them (`C#` stays). */
export function withoutClosingHashes(s: string): string {
  const t = s.trimEnd();
  let k = t.length;
  while (k > 0 && t[k - 1] === "#") k--;
  if (k === 0) return "";
  if (k < t.length && (t[k - 1] === " " || t[k - 1] === "\t")) return t.slice(0, k).trim();
  return t.trim();
}

const MAX_HEADING_CHARS = 90;
const MAX_HEADING_WORDS = 12;

export function stripEmphasis(s: string): string {
  const m = /^(\*\*|__)(.+)\1$/.exec(s);
  return m ? (m[2] ?? s).trim() : s;
}

export function headingShape(raw: string): boolean {
  const text = stripEmphasis(raw.trim());
  if (!text || text.length > MAX_HEADING_CHARS) return false;
  if (text.split(/\s+/).length > MAX_HEADING_WORDS) return false;
  if (/^\p{Ll}/u.test(text) && !isKnownHeading(text)) return false;
  // A line of tags (`#eu #liability`, as Obsidian writes them) names nothing.
  if (/^#[^\s#]/.test(text)) return false;
  // Full-width stops end CJK sentences: `…負担する。` is prose, not a heading.
  if (/[.,;!…。．，；！]$/.test(text)) return false;
  if (text.endsWith(":") && !isKnownHeading(text)) return false;
  // A sentence ends inside it (`…in June 2025. The Governor`): the first line of a hard-wrapped
  // paragraph, never a heading. Three letters or digits before the stop: `U.S. Policy`, `Mrs. Dalloway` stay.
  if (/[\p{Ll}\p{N}]{3}\.\s+\p{Lu}/u.test(text)) return false;
  return /[\p{L}\p{N}]/u.test(text);
}

export function isKnownHeading(text: string): boolean {
  // One key for the four look-ups (each of the functions above makes its own).
  const key = headingKey(text);
  return (
    sectionForKey(key) !== null ||
    GLOSSARY_HEADINGS.has(key) ||
    SOURCE_HEADINGS.has(key) ||
    KEY_POINT_HEADINGS.has(key)
  );
}
