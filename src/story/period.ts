// Date filters as the command line and the reader's `d` prompt take them:
//   YYYY | YYYY-MM | YYYY-MM-DD | Nd Nw Nm Ny (N days/weeks/months/years back from today)
//   A..B | A.. | ..B  (each bound any of the forms above)
// A period used as "since" means its first day, as "until" its last day; both bounds are inclusive.
// Results are always full days (YYYY-MM-DD), so comparing them with briefing dates is a string compare.
import { format, getDaysInMonth, isExists, subDays, subMonths, subWeeks, subYears } from "date-fns";
import { MONTH_NAMES } from "../briefing/calendar.js";

export type Side = "since" | "until";
export type BoundResult = { ok: true; date: string } | { ok: false; error: string };
export type PeriodResult = { ok: true; since?: string; until?: string } | { ok: false; error: string };

const FORMS = "expected YYYY, YYYY-MM, YYYY-MM-DD or Nd/Nw/Nm/Ny";

const ABSOLUTE_RE = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/;
const RELATIVE_RE = /^(\d{1,5})\s*([dwmy])$/i;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function shown(input: string): string {
  return input.length > 40 ? `${input.slice(0, 40)}…` : input;
}

/** One bound: the first day of the period for "since", the last day for "until". */
export function parseBound(input: string, today: Date, side: Side): BoundResult {
  const s = input.trim();
  if (!s) return { ok: false, error: `empty date; ${FORMS}` };
  const rel = RELATIVE_RE.exec(s);
  if (rel) {
    const n = Number(rel[1]);
    const unit = rel[2]!.toLowerCase();
    const back =
      unit === "d"
        ? subDays(today, n)
        : unit === "w"
          ? subWeeks(today, n)
          : unit === "m"
            ? subMonths(today, n)
            : subYears(today, n);
    if (Number.isNaN(back.getTime()) || back.getFullYear() < 1)
      return { ok: false, error: `${s} goes back too far` };
    return { ok: true, date: format(back, "yyyy-MM-dd") };
  }
  const abs = ABSOLUTE_RE.exec(s);
  if (!abs) return { ok: false, error: `"${shown(s)}" is not a date; ${FORMS}` };
  const y = Number(abs[1]);
  if (abs[2] === undefined)
    return { ok: true, date: side === "since" ? `${abs[1]}-01-01` : `${abs[1]}-12-31` };
  const m = Number(abs[2]);
  if (m < 1 || m > 12) return { ok: false, error: `month ${m} does not exist` };
  const ym = `${abs[1]}-${pad2(m)}`;
  if (abs[3] === undefined) {
    const last = getDaysInMonth(new Date(y, m - 1, 1));
    return { ok: true, date: side === "since" ? `${ym}-01` : `${ym}-${pad2(last)}` };
  }
  const d = Number(abs[3]);
  if (!isExists(y, m - 1, d)) {
    const days = getDaysInMonth(new Date(y, m - 1, 1));
    return {
      ok: false,
      error: `${ym}-${pad2(d)} does not exist (${MONTH_NAMES[m - 1]} ${y} has ${days} days)`,
    };
  }
  return { ok: true, date: `${ym}-${pad2(d)}` };
}

/** A period: a single form (its first and last day) or `since..until` with either side optional. */
export function parsePeriod(input: string, today: Date): PeriodResult {
  const s = input.trim();
  if (!s) return { ok: false, error: `empty period; ${FORMS}, or since..until` };
  const dots = s.indexOf("..");
  if (dots === -1) {
    const since = parseBound(s, today, "since");
    if (!since.ok) return since;
    // "7d" is "the last 7 days": from then on, with no end.
    if (RELATIVE_RE.test(s)) return { ok: true, since: since.date };
    const until = parseBound(s, today, "until");
    if (!until.ok) return until;
    return { ok: true, since: since.date, until: until.date };
  }
  const a = s.slice(0, dots).trim();
  const b = s.slice(dots + 2).trim();
  if (!a && !b) return { ok: false, error: "a period needs at least one side of '..'" };
  if (b.includes("..")) return { ok: false, error: "a period has one '..' at most" };
  const out: { ok: true; since?: string; until?: string } = { ok: true };
  if (a) {
    const since = parseBound(a, today, "since");
    if (!since.ok) return { ok: false, error: `since: ${since.error}` };
    out.since = since.date;
  }
  if (b) {
    const until = parseBound(b, today, "until");
    if (!until.ok) return { ok: false, error: `until: ${until.error}` };
    out.until = until.date;
  }
  if (out.since && out.until && out.since > out.until) {
    return { ok: false, error: `since ${out.since} is after until ${out.until}` };
  }
  return out;
}
