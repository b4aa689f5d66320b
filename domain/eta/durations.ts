// Expected task durations: the recipe's estimate, replaced by what the kitchen really takes
// once enough history exists, and scaled by quantity.
import type { Learned } from './learning';

/** Samples needed before the learned average fully replaces the recipe estimate. */
export const LEARNED_SAMPLES_FOR_FULL_TRUST = 3;
/**
 * Each unit after the first adds this share of one unit's time. Batching is why: three pizzas
 * go in the oven together and the cook rolls dough for all three at once, so the task for
 * quantity 3 takes 1 + 2 * 0.35 = 1.7 times one pizza, not 3 times.
 */
export const EXTRA_UNIT_SHARE = 0.35;

/**
 * What was learned about one task, most specific first (learning.ts): the recipe task at this
 * station, the recipe task at any station, and the pace of the station (or of the stations
 * serving its type) over every dish, as a ratio to the recipes' estimates. Each level may be absent.
 */
export interface LearnedDuration {
  /** Per-unit seconds of this recipe task at this station. */
  atStation?: Learned | null;
  /** Per-unit seconds of this recipe task at any station. */
  anyStation?: Learned | null;
  /** actual / estimate over every task of the station: a new dish at a slow station starts slow. */
  pace?: Learned | null;
}

/** Where an expected duration came from: the most specific level that contributed to it. */
export type DurationSource = 'STATION_TASK' | 'TASK' | 'STATION_PACE' | 'ESTIMATE';

export function quantityFactor(quantity: number): number {
  const units = Number.isFinite(quantity) && quantity > 1 ? quantity : 1;
  return 1 + (units - 1) * EXTRA_UNIT_SHARE;
}

/** Normalises an observed duration of a task made for `quantity` units to one unit's time. */
export function perUnitSeconds(actualSeconds: number, quantity: number): number {
  return actualSeconds / quantityFactor(quantity);
}

/** Samples before a station's pace fully replaces the recipe estimate (it spans many dishes, so a few more). */
export const PACE_SAMPLES_FOR_FULL_TRUST = 5;

/**
 * One unit's expected seconds, walking the hierarchy estimate → station pace × estimate → task
 * anywhere → task at this station. Each level replaces the one below from
 * LEARNED_SAMPLES_FOR_FULL_TRUST samples on and is blended with it in proportion below that
 * (1 sample: one third learned), so one unusual first order cannot swing every ETA.
 */
export function unitDuration(estimateSeconds: number, learned?: LearnedDuration | null): { seconds: number; source: DurationSource; samples: number } {
  let seconds = nonNegative(estimateSeconds);
  let source: DurationSource = 'ESTIMATE';
  let samples = 0;
  const step = (level: Learned | null | undefined, fullTrust: number, valueSeconds: (l: Learned) => number, name: DurationSource) => {
    if (!level || level.samples <= 0) return;
    const value = valueSeconds(level);
    if (!Number.isFinite(value) || value < 0) return;
    const trust = Math.min(1, level.samples / fullTrust);
    seconds = (1 - trust) * seconds + trust * value;
    source = name;
    samples = level.samples;
  };
  const estimate = seconds;
  step(learned?.pace, PACE_SAMPLES_FOR_FULL_TRUST, (l) => l.value * estimate, 'STATION_PACE');
  step(learned?.anyStation, LEARNED_SAMPLES_FOR_FULL_TRUST, (l) => l.value, 'TASK');
  step(learned?.atStation, LEARNED_SAMPLES_FOR_FULL_TRUST, (l) => l.value, 'STATION_TASK');
  return { seconds, source, samples };
}

/**
 * The simulation's duration of a task made for `quantity` units (unitDuration scaled by
 * quantityFactor). `estimateMinutes` is the recipe's own estimate; `addedMinutes` (per unit, a
 * modifier's ADD_MINUTES) is not part of what is learned, so it adds on top of a learned time.
 */
export function expectedDurationMs(opts: { estimateMinutes: number; quantity: number; learned?: LearnedDuration | null; addedMinutes?: number }): number {
  const { seconds } = unitDuration(nonNegative(opts.estimateMinutes) * 60, opts.learned);
  return Math.round((seconds + nonNegative(opts.addedMinutes ?? 0) * 60) * 1000 * quantityFactor(opts.quantity));
}

function nonNegative(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}
