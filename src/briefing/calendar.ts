// Month names and how a date is shown at its precision, shared by the command line and the reader.

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

/** The heading of the group of events whose year is unknown. */
export const UNKNOWN_YEAR_HEADING = "Year unknown";

/** `2026-06-13` -> `Jun 13 2026`, `2026-06` -> `Jun 2026`, `2026` -> `2026`; `--06-12` -> `Jun 12 ????`. */
export function humanDate(date: string): string {
  if (date.startsWith("--")) return humanDate(`????${date.slice(1)}`);
  const [y, m, d] = date.split("-");
  const month = m === undefined ? undefined : MONTH_NAMES[Number(m) - 1]?.slice(0, 3);
  if (month === undefined) return y ?? date;
  return d === undefined ? `${month} ${y}` : `${month} ${Number(d)} ${y}`;
}

/** The heading a date is grouped under in the timeline: `June 2026`, or the year alone. */
export function monthHeading(date: string): string {
  if (date.startsWith("--")) return UNKNOWN_YEAR_HEADING;
  const [y, m] = date.split("-");
  const month = m === undefined ? undefined : MONTH_NAMES[Number(m) - 1];
  return month === undefined ? (y ?? date) : `${month} ${y}`;
}
