// How good ready-time predictions were, one set of measures for the evaluation (`npm run eta:eval`)
// and the analytics page on real history (web/src/analytics), so the two report the same thing.

const MINUTE = 60_000;

/** One prediction against what happened, epoch ms; `from`..`to` the interval told with it, if any. */
export interface AccuracyPoint {
  predicted: number;
  actual: number;
  from?: number | null;
  to?: number | null;
}

export interface Accuracy {
  count: number;
  /** Mean absolute error in minutes; null without points. */
  maeMinutes: number | null;
  /** Mean of predicted − actual in minutes: negative is optimistic (ready later than said). */
  biasMinutes: number | null;
  /** Share within ± `toleranceMinutes` of the prediction. */
  withinShare: number | null;
  /** Share ready more than `toleranceMinutes` after the prediction. */
  lateShare: number | null;
  /** Share of the points with an interval whose interval held the actual time; null when none had one. */
  coverage: number | null;
}

export function accuracyOf(points: ReadonlyArray<AccuracyPoint>, toleranceMinutes: number): Accuracy {
  const usable = points.filter((p) => Number.isFinite(p.predicted) && Number.isFinite(p.actual));
  const n = usable.length;
  const withInterval = usable.filter((p) => typeof p.from === 'number' && typeof p.to === 'number');
  const coverage = withInterval.length === 0 ? null : withInterval.filter((p) => p.from! <= p.actual && p.actual <= p.to!).length / withInterval.length;
  if (n === 0) return { count: 0, maeMinutes: null, biasMinutes: null, withinShare: null, lateShare: null, coverage };
  const errors = usable.map((p) => (p.predicted - p.actual) / MINUTE);
  // A hair of slack so 3.0 minutes computed from millisecond times still counts as within 3.
  const tolerance = toleranceMinutes + 1e-9;
  return {
    count: n,
    maeMinutes: errors.reduce((sum, e) => sum + Math.abs(e), 0) / n,
    biasMinutes: errors.reduce((sum, e) => sum + e, 0) / n,
    withinShare: errors.filter((e) => Math.abs(e) <= tolerance).length / n,
    lateShare: errors.filter((e) => -e > tolerance).length / n,
    coverage,
  };
}
