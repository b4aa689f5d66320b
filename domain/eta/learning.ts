// Learning what the kitchen really takes from recorded durations, robustly: a time-decayed
// weighted median, so one stray bump or a slow evening long ago cannot drag the estimate, and
// implausible bumps (a cook tapping DONE at once, a ticket left open) are skipped, not learned.

/** One recorded duration, per unit (perUnitSeconds), with what the recipe expected of it then. */
export interface DurationSample {
  seconds: number;
  /** The recipe's estimate for the same unit; null when unknown (then it is never judged implausible). */
  expectedSeconds: number | null;
  /** When it was recorded (epoch ms). */
  at: number;
}

/** A learned value (seconds, or a pace ratio) and how many plausible samples it stands on. */
export interface Learned {
  value: number;
  samples: number;
  /** Weighted 10th and 90th percentiles of the same samples: the spread the value hides. */
  p10: number;
  p90: number;
}

/** Below this share of the expected time a bump is not a real cook: the ticket was tapped by mistake. */
export const PLAUSIBLE_MIN_SHARE = 0.2;
/** Above this many times the expected time the ticket was forgotten open, not cooked. */
export const PLAUSIBLE_MAX_FACTOR = 5;
/** A sample this old counts half as much as one recorded now: the kitchen changes (crew, menu, kit). */
export const LEARNING_HALF_LIFE_MS = 14 * 24 * 3_600_000;

/** True when the sample looks like a real cook; implausible ones stay stored (analytics) but are not learned. */
export function isPlausible(sample: Pick<DurationSample, 'seconds' | 'expectedSeconds'>): boolean {
  if (!Number.isFinite(sample.seconds) || sample.seconds < 0) return false;
  const expected = sample.expectedSeconds;
  if (expected === null || !Number.isFinite(expected) || expected <= 0) return true;
  return sample.seconds >= PLAUSIBLE_MIN_SHARE * expected && sample.seconds <= PLAUSIBLE_MAX_FACTOR * expected;
}

/** The robust duration of plausible samples; null when none is plausible. */
export function learnDuration(samples: ReadonlyArray<DurationSample>): Learned | null {
  return weightedSummary(samples.filter(isPlausible).map((s) => ({ value: s.seconds, at: s.at })));
}

/**
 * How much slower (> 1) or faster than the recipes' estimates a station works, over every task it
 * recorded: the median of actual / expected. A dish with no history there starts from it.
 */
export function learnPace(samples: ReadonlyArray<DurationSample>): Learned | null {
  const ratios: Array<{ value: number; at: number }> = [];
  for (const s of samples) {
    if (s.expectedSeconds !== null && s.expectedSeconds > 0 && isPlausible(s)) ratios.push({ value: s.seconds / s.expectedSeconds, at: s.at });
  }
  return weightedSummary(ratios);
}

/**
 * Weighted median and 10th/90th percentiles, each sample weighted by 2^(-age / half-life), age
 * counted from the newest sample (only relative weights matter, so no clock is needed).
 */
export function weightedSummary(values: ReadonlyArray<{ value: number; at: number }>): Learned | null {
  const usable = values.filter((v) => Number.isFinite(v.value) && Number.isFinite(v.at));
  if (usable.length === 0) return null;
  const newest = Math.max(...usable.map((v) => v.at));
  const weighted = usable.map((v) => ({ value: v.value, weight: Math.pow(2, (v.at - newest) / LEARNING_HALF_LIFE_MS) })).sort((a, b) => a.value - b.value);
  const total = weighted.reduce((sum, w) => sum + w.weight, 0);
  return {
    value: weightedQuantile(weighted, total, 0.5),
    samples: usable.length,
    p10: weightedQuantile(weighted, total, 0.1),
    p90: weightedQuantile(weighted, total, 0.9),
  };
}

/**
 * The value where the cumulative weight reaches q of the total; exactly on a boundary between
 * two samples, their midpoint (so two equal-weight samples give their mean, like a plain median).
 */
function weightedQuantile(sorted: ReadonlyArray<{ value: number; weight: number }>, total: number, q: number): number {
  const target = q * total;
  let cumulative = 0;
  for (let i = 0; i < sorted.length; i++) {
    cumulative += sorted[i].weight;
    const gap = cumulative - target;
    if (Math.abs(gap) <= total * 1e-12 && i + 1 < sorted.length) return (sorted[i].value + sorted[i + 1].value) / 2;
    if (gap > 0) return sorted[i].value;
  }
  return sorted[sorted.length - 1].value;
}
