// Samples per metric, with failures (timeouts, crashes) counted apart so they are never averaged away.

export class Samples {
  constructor() {
    this.map = new Map();
  }

  entry(key) {
    let e = this.map.get(key);
    if (!e) {
      e = { values: [], failures: [] };
      this.map.set(key, e);
    }
    return e;
  }

  /** Records a figure, or a failure when `value` is null/undefined (then `reason` says why). */
  add(key, value, reason = "timeout") {
    const e = this.entry(key);
    if (value === null || value === undefined || Number.isNaN(value)) e.failures.push(reason);
    else e.values.push(value);
  }

  fail(key, reason) {
    this.entry(key).failures.push(reason);
  }

  has(key) {
    const e = this.map.get(key);
    return Boolean(e && (e.values.length > 0 || e.failures.length > 0));
  }

  stats(key) {
    const e = this.map.get(key);
    if (!e) return null;
    const v = [...e.values].sort((a, b) => a - b);
    return {
      n: v.length,
      failures: e.failures.length,
      reasons: [...new Set(e.failures)],
      p50: percentile(v, 0.5),
      p90: percentile(v, 0.9),
      max: v.length > 0 ? v[v.length - 1] : null,
    };
  }

  toJSON() {
    return Object.fromEntries(this.map);
  }
}

/** Nearest-rank percentile; the median of an even count is the mean of the middle two. */
export function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  if (p === 0.5) {
    const mid = sorted.length / 2;
    return Number.isInteger(mid) ? (sorted[mid - 1] + sorted[mid]) / 2 : sorted[Math.floor(mid)];
  }
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export function fmtMs(v) {
  if (v === null || v === undefined) return "—";
  return v < 100 ? `${v.toFixed(1)} ms` : `${Math.round(v)} ms`;
}

export function fmtRatio(a, b) {
  if (a === null || a === undefined || !b) return "—";
  return `${(a / b).toFixed(2)}×`;
}
