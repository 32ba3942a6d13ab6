// Explicit dates in briefing text -> dated events. Pure: no clock, no I/O.
//
// Rules (documented in docs/format.md):
// - Recognised: `June 12`, `June 12, 2026`, `12 June 2026`, `Jun. 12`, `2026-06-13` (day precision);
//   `June 2026` and, after a cue word, a bare month (`in March`, `early May`, `mid-March`) (month
//   precision); a year after a cue word (`in 2025`, `since 2025`, `mid-2025`) (year precision).
// - Cue words: in, since, by, during, of, before, after, until, till, from, through(out), between,
//   around, early, late, mid. A bare number is never a year; years must be 1900–2100.
// - A date without a year takes the last year written before it in its sentence, else the year of
//   the briefing's date (yearInferred). With no briefing date
//   it is kept with an unknown year (`--06-12`, `--06`; yearUnknown): guessing a year would put it on
//   the timeline at an invented time, and dropping it would lose what the text says.
// - An event whose whole period lies after the briefing's date is expected (a deadline, a vote, the
//   day a rule applies): `2026-07` in a briefing of 2026-06-26, not `2026-06`.
// - Impossible dates (February 30) and relative phrases ("earlier this month") are not events.
// - Numeric dates: `25.03.2027` is day first (the dotted form is); `3/26/2027` or `26/3/2027` when a
//   number above 12 says which is the day, or when the briefing's other slash dates do; an ambiguous
//   one (`4/9/2027` with nothing to tell) is no event.
import { isExists } from "date-fns";
import { MONTH_NAMES } from "./calendar.js";
import type { DatedEvent, Precision } from "./schema.js";

export interface TextBlock {
  text: string;
  line: number;
}

const MONTH_NUMBER = new Map<string, number>();
MONTH_NAMES.forEach((name, i) => {
  MONTH_NUMBER.set(name, i + 1);
  MONTH_NUMBER.set(name.slice(0, 3), i + 1);
});
MONTH_NUMBER.set("Sept", 9);

const FULL = MONTH_NAMES.join("|");
// Full names first so that "June" is never read as "Jun" + "e"; `\b` stops "Junk" or "Marvel".
const MON = `(?:${FULL}|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\\b\\.?`;
const CUE =
  "(?:[Ii]n|[Ss]ince|[Bb]y|[Dd]uring|[Oo]f|[Bb]efore|[Aa]fter|[Uu]ntil|[Tt]ill|[Ff]rom|[Tt]hrough(?:out)?|[Bb]etween|[Aa]round|[Ee]arly|[Ll]ate|[Mm]id)";
const MODIFIER = "(?:(?:early|late|mid)(?:-|\\s+))";

/**
 * Months as French, German and Spanish briefings write them (their section names are read too).
 * Only after a day ("17 mars 2027", "17. März 2027", "3 de marzo de 2027") or, in their own case, before
 * a year ("mars 2027", "März 2027"): "Mars" alone is a planet.
 */
const FOREIGN_MONTHS: readonly (readonly string[])[] = [
  ["janvier", "Januar", "Jänner", "enero"],
  ["février", "Februar", "febrero"],
  ["mars", "März", "marzo"],
  ["avril", "abril"],
  ["mai", "Mai", "mayo"],
  ["juin", "Juni", "junio"],
  ["juillet", "Juli", "julio"],
  ["août", "agosto"],
  ["septembre", "septiembre", "setiembre"],
  ["octobre", "Oktober", "octubre"],
  ["novembre", "noviembre"],
  ["décembre", "Dezember", "diciembre"],
];
const FOREIGN_MONTH = new Map<string, number>();
FOREIGN_MONTHS.forEach((names, i) => {
  for (const name of names) FOREIGN_MONTH.set(name, i + 1);
});
// German months spelt as in English ("17. April 2027") are read after a day with a dot too.
const FOREIGN_ALT = [...FOREIGN_MONTH.keys(), "April", "August", "September", "November"]
  .sort((a, b) => b.length - a.length)
  .join("|");
for (const name of ["April", "August", "September", "November"]) FOREIGN_MONTH.set(name, monthOf(name));

const DATE_SOURCE = [
  // 2026-06-13 (not part of a longer number or range)
  `(?<![\\d-])(?<iy>\\d{4})-(?<im>\\d{2})-(?<id>\\d{2})(?![\\d])`,
  // June 12 / Jun. 12 / June 12th, 2026 — the day may not run into a longer number (June 12,000)
  `\\b(?<bm>${MON})\\s+(?<bd>\\d{1,2})(?:st|nd|rd|th)?(?![\\d:.,]?\\d)(?:,?\\s+(?<by>\\d{4})(?!\\d))?`,
  // 12 June 2026 / 12th of June
  `(?<![\\d.,$-])\\b(?<cd>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<cm>${MON})(?:,?\\s+(?<cy>\\d{4})(?!\\d))?`,
  // June 2026
  `\\b(?<dm>${MON}),?\\s+(?<dy>\\d{4})(?!\\d)`,
  // in March / early May / mid-March / by the end of March — but not "in March 12" (handled above)
  `\\b(?:${CUE}\\s+(?:the\\s+)?${MODIFIER}?|${MODIFIER})(?<em>${FULL})\\b(?!\\.?,?\\s+\\d|\\d)`,
  // in 2025 / since 2025 / mid-2025 — not 2025-26, 2025.5, 2020s, nor a law's name ("the AI Act of
  // 2026", "the Budget Law of 2027")
  `\\b(?!of\\s(?<=\\b(?:Act|Acts|Bill|Law|Code|Order|Regulation|Directive|Treaty|Convention|Amendment)\\s+of\\s))${CUE}(?:\\s+the)?(?:\\s+(?:early|late|mid))?(?:-|\\s+)(?<fy>\\d{4})(?!\\w|[.,]\\d|-\\d)`,
  // 17 mars 2027 / 1er mars / 17. März 2027 / 3 de marzo de 2027
  `(?<![\\d.,$-])\\b(?<gd>\\d{1,2})(?:er|\\.)?\\s+(?:de\\s+)?(?<gm>${FOREIGN_ALT})(?![A-Za-zÀ-ÿ])(?:\\s+(?:de\\s+)?(?<gy>\\d{4})(?!\\d))?`,
  // mars 2027 / März 2027 / marzo de 2027
  `(?<![A-Za-zÀ-ÿ])(?<hm>${FOREIGN_MONTHS.flat().join("|")})\\s+(?:de\\s+)?(?<hy>\\d{4})(?!\\d)`,
  // 25.03.2027, 3/26/2027 — not part of a version, an address or a longer run of numbers
  `(?<![\\d./-])(?<na>\\d{1,2})(?<ns>[./])(?<nb>\\d{1,2})\\k<ns>(?<ny>\\d{4})(?!\\d|[./-]\\d)`,
].join("|");

/** Which number of a slash date is the day: day first (25/3/2027) or month first (3/25/2027). */
type SlashOrder = "dmy" | "mdy" | null;
const SLASH_DATE = /(?<![\d./-])(\d{1,2})\/(\d{1,2})\/\d{4}(?!\d|[./-]\d)/g;

/**
 * The order of a briefing's slash dates, told by the ones that can be read only one way (a number
 * above 12): a writer keeps to one order. Null when none tells, or they disagree.
 */
function slashOrder(paras: readonly TextBlock[]): SlashOrder {
  let order: SlashOrder = null;
  for (const p of paras) {
    if (!p.text.includes("/")) continue;
    for (const m of p.text.matchAll(SLASH_DATE)) {
      const [a, b] = [Number(m[1]), Number(m[2])];
      const seen: SlashOrder = a > 12 && b <= 12 ? "dmy" : b > 12 && a <= 12 ? "mdy" : null;
      if (seen === null) continue;
      if (order !== null && order !== seen) return null;
      order = seen;
    }
  }
  return order;
}

const DATE_RE = new RegExp(DATE_SOURCE, "g");
/**
 * What every form of DATE_SOURCE holds: a digit, or (a bare month after a cue word) a month's full
 * name. A text with neither is not scanned: a third of a briefing's text, where the pattern's
 * alternatives were tried at every position for nothing.
 */
const DIGIT = /\d/;
const FULL_MONTH = new RegExp(FULL);
/** The first date of a text, with no `lastIndex` shared with a scan that may be under way (datesIn). */
const FIRST_DATE_RE = new RegExp(DATE_SOURCE);

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function validYear(y: number): boolean {
  return y >= 1900 && y <= 2100;
}

function monthOf(token: string): number {
  return MONTH_NUMBER.get(token.replace(/\.$/, "")) ?? 0;
}

interface Found {
  date: string;
  precision: Precision;
  yearInferred: boolean;
  yearUnknown?: boolean;
}

/** The date of an event whose year is unknown: `--MM-DD` or `--MM` (the ISO 8601 form without a year). */
export function isYearUnknown(date: string): boolean {
  return date.startsWith("--");
}

/** True when an event's whole period (at its precision) lies after `refDate` (YYYY-MM-DD). */
export function isAfter(date: string, refDate: string | null): boolean {
  if (refDate === null || isYearUnknown(date)) return false;
  return date > refDate.slice(0, date.length);
}

function resolve(
  g: Record<string, string | undefined>,
  refYear: number | null,
  order: () => SlashOrder,
): Found | null {
  if (g.na !== undefined) {
    const [a, b, y] = [Number(g.na), Number(g.nb), Number(g.ny)];
    // Dots are written day first wherever they are used; slashes both ways (see slashOrder).
    const dayFirst = g.ns === "." || a > 12 || (b <= 12 && order() === "dmy");
    if (g.ns === "/" && !dayFirst && b <= 12 && order() !== "mdy") return null;
    const [d, m] = dayFirst ? [a, b] : [b, a];
    if (!validYear(y) || !isExists(y, m - 1, d)) return null;
    return { date: `${y}-${pad2(m)}-${pad2(d)}`, precision: "day", yearInferred: false };
  }
  if (g.iy !== undefined) {
    const y = Number(g.iy);
    const m = Number(g.im);
    const d = Number(g.id);
    if (!validYear(y) || !isExists(y, m - 1, d)) return null;
    return { date: `${y}-${pad2(m)}-${pad2(d)}`, precision: "day", yearInferred: false };
  }
  const dayMonth =
    g.bm !== undefined
      ? { m: monthOf(g.bm), d: Number(g.bd), y: g.by }
      : g.cm !== undefined
        ? { m: monthOf(g.cm), d: Number(g.cd), y: g.cy }
        : g.gm !== undefined
          ? { m: FOREIGN_MONTH.get(g.gm)!, d: Number(g.gd), y: g.gy }
          : null;
  if (dayMonth) {
    const explicit = dayMonth.y !== undefined;
    const y = explicit ? Number(dayMonth.y) : refYear;
    if (y === null) {
      // February 29 exists in some year: checked against a leap year.
      if (!isExists(2000, dayMonth.m - 1, dayMonth.d)) return null;
      return {
        date: `--${pad2(dayMonth.m)}-${pad2(dayMonth.d)}`,
        precision: "day",
        yearInferred: false,
        yearUnknown: true,
      };
    }
    if (!validYear(y) || !isExists(y, dayMonth.m - 1, dayMonth.d)) return null;
    return {
      date: `${y}-${pad2(dayMonth.m)}-${pad2(dayMonth.d)}`,
      precision: "day",
      yearInferred: !explicit,
    };
  }
  if (g.dm !== undefined) {
    const y = Number(g.dy);
    if (!validYear(y)) return null;
    return { date: `${y}-${pad2(monthOf(g.dm))}`, precision: "month", yearInferred: false };
  }
  if (g.hm !== undefined) {
    const y = Number(g.hy);
    if (!validYear(y)) return null;
    return { date: `${y}-${pad2(FOREIGN_MONTH.get(g.hm)!)}`, precision: "month", yearInferred: false };
  }
  if (g.em !== undefined) {
    if (refYear === null)
      return { date: `--${pad2(monthOf(g.em))}`, precision: "month", yearInferred: false, yearUnknown: true };
    return { date: `${refYear}-${pad2(monthOf(g.em))}`, precision: "month", yearInferred: true };
  }
  if (g.fy !== undefined) {
    const y = Number(g.fy);
    if (!validYear(y)) return null;
    return { date: String(y), precision: "year", yearInferred: false };
  }
  return null;
}

// --- sentences ---------------------------------------------------------------------------------

/** Abbreviations that never end a sentence (titles; month abbreviations before a day). */
const NEVER_END = new Set(
  "mr mrs ms dr prof sen rep gov gen col lt capt sgt st mt ft no vs e.g i.e cf approx dept est fig vol jan feb mar apr jun jul aug sep sept oct nov dec".split(
    " ",
  ),
);
/** Abbreviations that end a sentence only when an obvious sentence opener follows ("the U.S. The …"). */
const SOMETIMES_END = new Set("inc corp ltd co llc plc jr sr etc a.m p.m u.s u.k u.n e.u d.c".split(" "));
const OPENERS = new Set(
  "The This That These Those It Its He She They We I In On At But However A An There Their His Her Our After Before When While As Since If So Yet And Or Now Meanwhile Still Also Then Instead Officials".split(
    " ",
  ),
);

// A full-width stop ends a Chinese or Japanese sentence with no space after it.
const END_RE = /[.!?]+["'”’)\]]*(?=\s|$)|[。！？]+[」』”）]*/g;
const WORD_BEFORE_RE = /(\S+)$/;
const NEXT_WORD_RE = /^\s+(["'“‘([]?)(\S+)/;

function isSentenceEnd(text: string, punctAt: number, after: number): boolean {
  const next = NEXT_WORD_RE.exec(text.slice(after, after + 40));
  if (!next) return true; // end of paragraph
  const nextWord = next[2]!;
  const first = nextWord[0]!;
  // "e.g. foo", "U.S., from": a lowercase continuation is never a new sentence.
  if (first.toLowerCase() === first && first.toUpperCase() !== first) return false;
  if (text[punctAt] !== ".") return true;
  const before = WORD_BEFORE_RE.exec(text.slice(Math.max(0, punctAt - 20), punctAt + 1));
  const token = (before?.[1] ?? "").replace(/^["'“‘([]+/, "");
  const bare = token.slice(0, -1).toLowerCase();
  if (NEVER_END.has(bare)) return false;
  if (/^[A-Z]\.$/.test(token)) return false; // an initial: "J. Smith"
  if (SOMETIMES_END.has(bare) || /^(?:[a-z]\.)+[a-z]$/.test(bare)) {
    return OPENERS.has(nextWord.replace(/[^\p{L}]+$/u, ""));
  }
  return true;
}

/** Splits text into sentences as [start, end) offsets; "U.S.", "Inc.", "Dr." and the like do not end one. */
export function splitSentences(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  END_RE.lastIndex = 0;
  for (let m = END_RE.exec(text); m !== null; m = END_RE.exec(text)) {
    const after = m.index + m[0].length;
    // The last char of the punctuation run decides (". . ." and "?!" alike).
    const punctAt = m[0].length === 1 ? m.index : m.index + m[0].search(/[.!?](?=[^.!?]*$)/);
    if (!isSentenceEnd(text, punctAt, after)) continue;
    out.push({ start, end: after });
    start = after;
  }
  if (start < text.length && text.slice(start).trim()) out.push({ start, end: text.length });
  // Trim leading whitespace off each sentence's start so offsets point at text.
  for (const s of out) {
    while (s.start < s.end && /\s/.test(text[s.start]!)) s.start++;
  }
  return out;
}

// --- events ------------------------------------------------------------------------------------

function refYearOf(refDate: string | null): number | null {
  if (!refDate) return null;
  const y = Number(refDate.slice(0, 4));
  return Number.isInteger(y) && validYear(y) ? y : null;
}

/** An event's sentence is shown on one timeline row: a run-on "sentence" is cut at a word. */
export const MAX_EVENT_TEXT = 400;

/** White space other than a lone space: what collapsing white space would change (most sentences have none). */
const UNTIDY_SPACE = /[^\S ]|\s\s/;

function eventText(raw: string): string {
  const text = (UNTIDY_SPACE.test(raw) ? raw.replace(/\s+/g, " ") : raw).trim();
  if (text.length <= MAX_EVENT_TEXT) return text;
  const space = text.lastIndexOf(" ", MAX_EVENT_TEXT - 1);
  let cut = space > MAX_EVENT_TEXT / 2 ? space : MAX_EVENT_TEXT - 1;
  // Never split a surrogate pair.
  if (/[\ud800-\udbff]/.test(text[cut - 1] ?? "")) cut--;
  return `${text.slice(0, cut)}…`;
}

/** `slashOrder(paras)`, worked out the first time a slash date asks for it. */
function lazyOrder(paras: readonly TextBlock[]): () => SlashOrder {
  let known: { order: SlashOrder } | undefined;
  return () => {
    known ??= { order: slashOrder(paras) };
    return known.order;
  };
}

/**
 * Chinese, Japanese and Korean dates: `2025年3月14日` (`号` too), `2026년 1월 22일`, and a month with
 * its year (`2027年6月`); a day and month without a year (`3月14日`) takes the year as an English one
 * does. A pattern of its own, tried only on text holding `年`, `月` or `년`, so other text pays nothing.
 */
const CJK_DATE = /(?<!\d)(?:(?<y>\d{4})[年년][ \t]*)?(?<m>\d{1,2})[月월](?:[ \t]*(?<d>\d{1,2})[日号일])?/g;

function cjkDate(g: Record<string, string | undefined>, refYear: number | null): Found | null {
  const [m, d] = [Number(g.m), g.d === undefined ? undefined : Number(g.d)];
  if (g.y === undefined && d === undefined) return null;
  if (d === undefined) {
    const y = Number(g.y);
    if (!validYear(y) || m < 1 || m > 12) return null;
    return { date: `${y}-${pad2(m)}`, precision: "month", yearInferred: false };
  }
  const y = g.y === undefined ? refYear : Number(g.y);
  if (y === null) {
    if (!isExists(2000, m - 1, d)) return null;
    return { date: `--${pad2(m)}-${pad2(d)}`, precision: "day", yearInferred: false, yearUnknown: true };
  }
  if (!validYear(y) || !isExists(y, m - 1, d)) return null;
  return { date: `${y}-${pad2(m)}-${pad2(d)}`, precision: "day", yearInferred: g.y === undefined };
}

/** The dates written in `text`, in order, with where each starts. */
function* datesIn(
  text: string,
  refYear: number | null,
  order: () => SlashOrder,
): Generator<{ index: number; found: Found }> {
  const cjk: { index: number; found: Found }[] = [];
  if (text.includes("月") || text.includes("년")) {
    CJK_DATE.lastIndex = 0;
    for (let m = CJK_DATE.exec(text); m !== null; m = CJK_DATE.exec(text)) {
      const found = cjkDate(m.groups ?? {}, refYear);
      if (found) cjk.push({ index: m.index, found });
    }
  }
  if (!DIGIT.test(text) && !FULL_MONTH.test(text)) {
    yield* cjk;
    return;
  }
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m !== null; m = DATE_RE.exec(text)) {
    const found = resolve(m.groups ?? {}, refYear, order);
    if (!found) continue;
    while (cjk.length > 0 && cjk[0]!.index < m.index) yield cjk.shift()!;
    yield { index: m.index, found };
  }
  yield* cjk;
}

/**
 * Every explicit date in the paragraphs, in text order, each with the sentence it came from. `context`
 * (the whole briefing) tells the order of its slash dates.
 */
export function extractEvents(
  paras: TextBlock[],
  refDate: string | null,
  context: readonly TextBlock[] = paras,
): DatedEvent[] {
  const refYear = refYearOf(refDate);
  const events: DatedEvent[] = [];
  const order = lazyOrder(context);
  for (const para of paras) {
    const text = para.text;
    if (!text) continue;
    const written = datesIn(text, refYear, order);
    let next = written.next();
    if (next.done) continue;
    const sentences = splitSentences(text);
    let si = 0;
    let lineAt = 0;
    let line = para.line;
    // Each sentence is tidied once and its dates remembered by sentence: a long sentence with many
    // dates ("in 2025 in 2025 ...", 100 KB of it) must cost its length once, not once per date.
    let sentence = "";
    let sentenceOf = -1;
    const seen = new Map<string, Set<string>>();
    // The last year written in the sentence so far: "reconvene in January 2027; Virginia's session
    // opens on January 13" means January 13, 2027, whatever the briefing's year.
    let sentenceYear: string | null = null;
    for (; !next.done; next = written.next()) {
      let { index, found } = next.value;
      while (si < sentences.length - 1 && sentences[si]!.end <= index) si++;
      if (si !== sentenceOf) {
        const s = sentences[si];
        sentence = eventText(s ? text.slice(s.start, s.end) : text);
        sentenceOf = si;
        sentenceYear = null;
      }
      if (!found.yearInferred && !found.yearUnknown) sentenceYear = found.date.slice(0, 4);
      else if (sentenceYear !== null) found = inYear(found, sentenceYear) ?? found;
      // The line ends before the date, found by indexOf (most texts have none) rather than char by char.
      while (lineAt < index) {
        const nl = text.indexOf("\n", lineAt);
        if (nl === -1 || nl >= index) lineAt = index;
        else {
          line++;
          lineAt = nl + 1;
        }
      }
      let dates = seen.get(sentence);
      if (!dates) {
        dates = new Set();
        seen.set(sentence, dates);
      }
      if (dates.has(found.date)) continue;
      dates.add(found.date);
      events.push({
        date: found.date,
        precision: found.precision,
        text: sentence,
        line,
        yearInferred: found.yearInferred,
        yearUnknown: found.yearUnknown === true,
        expected: isAfter(found.date, refDate),
      });
    }
  }
  return events;
}

/** A date written without its year, in `year`: null where that day does not exist (February 29). */
function inYear(found: Found, year: string): Found | null {
  const [, m, d] = /^(?:\d{4}|-)-(\d{2})(?:-(\d{2}))?$/.exec(found.date) ?? [];
  if (m === undefined) return null;
  if (d !== undefined && !isExists(Number(year), Number(m) - 1, Number(d))) return null;
  const { yearUnknown: _, ...rest } = found;
  return { ...rest, date: `${year}-${m}${d === undefined ? "" : `-${d}`}`, yearInferred: true };
}

/** The first full date (day and written year) in text order, as YYYY-MM-DD, or null. */
export function findFirstDate(paras: TextBlock[]): string | null {
  // The first full date `extractEvents(paras, null)` gives, without cutting out its sentence.
  const order = lazyOrder(paras);
  for (const para of paras) {
    for (const { found } of datesIn(para.text, null, order)) {
      if (found.precision === "day" && !found.yearUnknown) return found.date;
    }
  }
  return null;
}

const WEEKDAY_RE = /\b(?:Mon|Tue|Tues|Wed|Wednes|Thu|Thurs|Fri|Sat|Satur|Sun)(?:day)?\b\.?/gi;
const READING_TIME_RE = /\b\d+[ -]?min(?:ute)?s?(?: read)?\b/gi;
const CLOCK_RE = /\b\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|[A-Z]{2,5}(?:[+-]\d{1,2})?))?(?![\w:])/gi;
const DATELINE_WORD_RE = /^(?:posted|posted on|published|updated|last updated|dated|date|as of|on)$/i;
/** A newsletter's issue beside its date: "Issue #42 · Thursday, 4 February 2027", "Vol. 3, No. 7". */
const ISSUE_RE = /\b(?:issue|edition|no\.|vol\.|volume)\s*#?\d+\b|#\d+\b/gi;
/** Longer than "Published Wednesday, 14 September 2026 · 12 min read" is a sentence, not a dateline. */
const MAX_DATELINE_CHARS = 60;

/**
 * A line that is a full date and nothing else but a word of publishing, a time of day and a
 * reading time ("3 Nov 2026", "Last updated 2 December 2026, 14:05 GMT", "Posted Monday, 14 October
 * 2026 · 4 min read"): the dateline under a title, never run into it.
 */
export function isDateLine(text: string): boolean {
  if (text.length > MAX_DATELINE_CHARS || !/\d{4}/.test(text)) return false;
  const m = FIRST_DATE_RE.exec(text);
  const g = m?.groups;
  if (!m || !g || !(g.iy || g.by || g.cy || g.gy || g.ny)) return false;
  const rest = `${text.slice(0, m.index)} ${text.slice(m.index + m[0].length)}`
    .replace(WEEKDAY_RE, " ")
    .replace(READING_TIME_RE, " ")
    .replace(ISSUE_RE, " ")
    .replace(CLOCK_RE, " ")
    // A newsletter's or a channel's calendar emoji before the date (`🗓 November 20, 2026`).
    .replace(/(?:[\s·|,:*_()–—-]|\p{Extended_Pictographic}|\uFE0F)+/gu, " ")
    .trim();
  return rest === "" || DATELINE_WORD_RE.test(rest);
}
