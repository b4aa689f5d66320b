/**
 * The statistics the simulator and the bench print. Percentiles are nearest-rank (the value at
 * rank ceil(p·n) of the sorted sample), so every reported number is one that was observed.
 */

export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1];
}

export const median = (values: readonly number[]): number | null => percentile(values, 0.5);

export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

export interface ErrorSummary {
  n: number;
  /** Mean absolute error. */
  mae: number | null;
  /** 90th percentile of the absolute error. */
  p90: number | null;
  /** Mean signed error: positive means predictions were late (pessimistic), negative early. */
  bias: number | null;
  /** Share (0..1) of |error| ≤ 2 and ≤ 5 (same unit as the errors, minutes here). */
  within2: number | null;
  within5: number | null;
}

export function withinShare(errors: readonly number[], limit: number): number | null {
  if (errors.length === 0) return null;
  return errors.filter((e) => Math.abs(e) <= limit).length / errors.length;
}

/** `errors` are signed (predicted − actual). */
export function summarizeErrors(errors: readonly number[]): ErrorSummary {
  const abs = errors.map(Math.abs);
  return {
    n: errors.length,
    mae: mean(abs),
    p90: percentile(abs, 0.9),
    bias: mean(errors),
    within2: withinShare(errors, 2),
    within5: withinShare(errors, 5),
  };
}

export interface LatencySummary {
  n: number;
  median: number | null;
  p95: number | null;
  max: number | null;
}

export function summarizeLatencies(values: readonly number[]): LatencySummary {
  return { n: values.length, median: median(values), p95: percentile(values, 0.95), max: values.length ? Math.max(...values) : null };
}

/** Least-squares slope of y over x (for "memory per 100 workflows"); null with fewer than 2 distinct x. */
export function slope(points: ReadonlyArray<readonly [number, number]>): number | null {
  if (points.length < 2) return null;
  const mx = points.reduce((s, [x]) => s + x, 0) / points.length;
  const my = points.reduce((s, [, y]) => s + y, 0) / points.length;
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  if (sxx === 0) return null;
  return points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0) / sxx;
}
