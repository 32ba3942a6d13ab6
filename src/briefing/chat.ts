// A chat pasted or exported as a briefing (WhatsApp, Teams, Discord, Telegram): its message headers,
// `[12/03/2026, 09:14] Name:` or `Name — 12/03/2026 9:02 AM`, say when it was written. They date a
// briefing that names no date otherwise. Whether `12/03` is the 12th of March or the 3rd of December is
// the app's setting, not the text's: read as docs/format.md says (a day over 12, the messages' order,
// then the clock).

/** A header's date and time: `12/03/2026, 09:14`, `3.12.26 09:14`, `12/3/26, 9:14:22 AM`. */
const STAMP =
  /(\d{1,2})([/.])(\d{1,2})\2(\d{4}|\d{2}),?[ \t\u202f]+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \t\u202f]?([AaPp])\.?[Mm]\.?)?/;
/** The same, capturing nothing, inside the header shapes below. */
const S =
  "\\d{1,2}[/.]\\d{1,2}[/.](?:\\d{4}|\\d{2}),?[ \\t\\u202f]+\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?(?:[ \\t\\u202f]?[AaPp]\\.?[Mm]\\.?)?";
/** WhatsApp on iOS and Teams `[stamp] Name:`; WhatsApp on Android `stamp - Name:`. */
const STAMP_FIRST = new RegExp(
  `^[\\u200e\\u200f]?(?:\\[${S}\\][ \\t]?|${S}[ \\t]+[-–][ \\t]+)[^:\\n]{1,60}:`,
  "gm",
);
/**
 * Discord `Name — stamp` (its name in bold when pasted), Telegram `Name, [stamp]`: a name of up to five
 * words and the stamp, alone on their line. Read only where two or more stand, as in any chat: one
 * alone may be a line of prose ending in a date and time.
 */
const NAME_FIRST = new RegExp(
  `^(?:\\*\\*)?[\\p{Lu}\\p{Ll}@][^\\s*—–]*(?:[ \\t][^\\s*—–]+){0,4}(?:\\*\\*)?(?:[ \\t]+[—–-]|,)?[ \\t]+\\[?${S}\\]?[ \\t]*$`,
  "gmu",
);

interface Stamp {
  a: number;
  b: number;
  year: number;
  dots: boolean;
  /** The clock: `upper` AM/PM, `lower` am/pm, or 24 hours. */
  clock: "upper" | "lower" | "24";
}

/** The day the chat's first message was written, `YYYY-MM-DD`, or null when it cannot be told. */
export function chatDate(body: string): string | null {
  if (!body.includes(":") || !/\d[/.]\d/.test(body)) return null;
  const stamps: { at: number; s: Stamp }[] = [];
  const named = Array.from(body.matchAll(NAME_FIRST));
  for (const m of [...body.matchAll(STAMP_FIRST), ...(named.length > 1 ? named : [])]) {
    const p = STAMP.exec(m[0])!;
    const [a, b, y] = [Number(p[1]), Number(p[3]), Number(p[4])];
    const clock = p[5] === undefined ? "24" : p[5] === p[5].toUpperCase() ? "upper" : "lower";
    stamps.push({ at: m.index, s: { a, b, year: y < 100 ? 2000 + y : y, dots: p[2] === ".", clock } });
  }
  if (stamps.length === 0) return null;
  const list = stamps.sort((x, y) => x.at - y.at).map((x) => x.s);
  const dayFirst = order(list);
  if (dayFirst === null) return null;
  const { a, b, year } = list[0]!;
  const [day, month] = dayFirst ? [a, b] : [b, a];
  if (month > 12) return null;
  // Whether the day exists (February 30) is the caller's check, as for any date read.
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Whether the headers write the day first: dots always do; a number over 12 shows which is the day;
 * else the messages, written in time order, can be read in time order one way only; else the clock
 * says how the app was set: a 12-hour clock in capitals (`9:02 AM`) is the United States' month first,
 * a 24-hour clock or a lower-case `am` the day first of most other places. Null where they disagree.
 */
function order(list: Stamp[]): boolean | null {
  if (list.some((s) => s.dots)) return true;
  const dayOver = list.some((s) => s.a > 12);
  const monthOver = list.some((s) => s.b > 12);
  if (dayOver || monthOver) return dayOver && monthOver ? null : dayOver;
  const key = (s: Stamp, dayFirst: boolean) =>
    s.year * 10000 + (dayFirst ? s.b * 100 + s.a : s.a * 100 + s.b);
  const inOrder = (dayFirst: boolean) =>
    list.every((s, i) => i === 0 || key(list[i - 1]!, dayFirst) <= key(s, dayFirst));
  const [d, m] = [inOrder(true), inOrder(false)];
  if (d !== m) return d;
  if (!d) return null;
  const clocks = new Set(list.map((s) => s.clock));
  if (clocks.size !== 1) return null;
  return !clocks.has("upper");
}
