// Expected task durations: the recipe's estimate, replaced by what the kitchen really takes
// once enough history exists, and scaled by quantity.

/** Samples needed before the learned average fully replaces the recipe estimate. */
export const LEARNED_SAMPLES_FOR_FULL_TRUST = 3;
/**
 * Each unit after the first adds this share of one unit's time. Batching is why: three pizzas
 * go in the oven together and the cook rolls dough for all three at once, so the task for
 * quantity 3 takes 1 + 2 * 0.35 = 1.7 times one pizza, not 3 times.
 */
export const EXTRA_UNIT_SHARE = 0.35;

export interface LearnedDuration {
  /** Moving average of recent actual durations, normalised to one unit (see perUnitSeconds). */
  avgSeconds: number;
  samples: number;
}

export function quantityFactor(quantity: number): number {
  const units = Number.isFinite(quantity) && quantity > 1 ? quantity : 1;
  return 1 + (units - 1) * EXTRA_UNIT_SHARE;
}

/** Normalises an observed duration of a task made for `quantity` units to one unit's time. */
export function perUnitSeconds(actualSeconds: number, quantity: number): number {
  return actualSeconds / quantityFactor(quantity);
}

/**
 * Learned time replaces the estimate from 3 samples on; below that the two are blended in
 * proportion (1 sample: one third learned), so one unusual first order cannot swing every ETA.
 */
export function expectedDurationMs(opts: { estimateMinutes: number; quantity: number; learned?: LearnedDuration | null }): number {
  const estimateMs = nonNegative(opts.estimateMinutes) * 60_000;
  const learned = opts.learned;
  let unitMs = estimateMs;
  if (learned && Number.isFinite(learned.avgSeconds) && learned.avgSeconds >= 0 && learned.samples > 0) {
    const trust = Math.min(1, learned.samples / LEARNED_SAMPLES_FOR_FULL_TRUST);
    unitMs = (1 - trust) * estimateMs + trust * learned.avgSeconds * 1000;
  }
  return Math.round(unitMs * quantityFactor(opts.quantity));
}

/** Mean of the last `window` finite samples (oldest first); null when there are none. */
export function movingAverage(samples: number[], window = 100): number | null {
  let sum = 0;
  let count = 0;
  for (let i = samples.length - 1; i >= 0 && count < window; i--) {
    if (!Number.isFinite(samples[i])) continue;
    sum += samples[i];
    count += 1;
  }
  return count === 0 ? null : sum / count;
}

function nonNegative(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}
