// How sure a ready time is: the simulation run a few dozen times with each task's duration drawn
// from a log-normal fitted to what was learned (median and P10/P90), with a seeded PRNG so the same
// kitchen gives the same interval. Tasks without a learned spread keep their expected duration.
import type { Learned } from './learning';
import type { LearnedDuration } from './durations';
import { LEARNED_SAMPLES_FOR_FULL_TRUST, PACE_SAMPLES_FOR_FULL_TRUST } from './durations';
import { simulateKitchen } from './simulate';
import { safePickup } from './kitchen-model';
import type { SimInput, SimTask } from './types';

/** z of the normal's 90th percentile: P10..P90 of a log-normal spans 2 × this many sigmas of its log. */
export const Z90 = 1.2815515655446004;
/**
 * The learned spreads, drawn as they are, gave too narrow a range: the P10..P90 held 70 % of the
 * orders on `npm run eta:eval` (seeds 1-5), as what no task's own spread shows (later orders
 * taking their turn) widens the ready time. This widening gave 77 % there; 1.4 gave 80 % but held
 * 91 % in the synthetic kitchen of uncertainty.test.ts, whose spreads are exactly the true ones.
 */
export const SPREAD_CALIBRATION = 1.25;
/** Runs per interval in a small kitchen: a P10/P90 steady to about a minute. */
export const SAMPLED_RUNS = 40;
/** Fewest runs in a large kitchen: 40 runs at 1,000 tasks measured 215 ms median (scripts/bench-eta.ts), too slow for a quote. */
export const MIN_SAMPLED_RUNS = 12;

/** Runs for a kitchen of `tasks` tasks: about 16,000 simulated tasks in all, between MIN_SAMPLED_RUNS and SAMPLED_RUNS. */
export function sampledRunsFor(tasks: number): number {
  return Math.max(MIN_SAMPLED_RUNS, Math.min(SAMPLED_RUNS, Math.round(16_000 / Math.max(1, tasks))));
}

/**
 * Sigma of log(duration) from the most specific learned level trusted in full (its own P10/P90,
 * a ratio, so a station pace's spread serves as well); null when none is: no spread was learned.
 */
export function learnedSpread(learned?: LearnedDuration | null): number | null {
  const levels: Array<[Learned | null | undefined, number]> = [
    [learned?.atStation, LEARNED_SAMPLES_FOR_FULL_TRUST],
    [learned?.anyStation, LEARNED_SAMPLES_FOR_FULL_TRUST],
    [learned?.pace, PACE_SAMPLES_FOR_FULL_TRUST],
  ];
  for (const [level, fullTrust] of levels) {
    if (!level || level.samples < fullTrust || !(level.p10 > 0) || !(level.p90 >= level.p10)) continue;
    return Math.log(level.p90 / level.p10) / (2 * Z90);
  }
  return null;
}

/** mulberry32: a tiny seeded PRNG (no dependency for 6 lines); uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw (Box-Muller). */
export function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/**
 * Sorted ready times of each of `orderIds` over `runs` simulations, each drawing every open task's
 * duration as durationMs × exp(spread × z) (the learned median stays the median); running tasks
 * keep theirs (the simulation already stretches an overrun). An order that cannot be made in a run
 * has no time from it. Null when no open task has a spread: there is nothing to sample.
 */
export function sampleReadyTimes(input: SimInput, orderIds: ReadonlyArray<string>, opts: { runs?: number; seed?: number } = {}): Map<string, number[]> | null {
  const open = input.tasks.map((t) => t.status === 'PENDING' || t.status === 'QUEUED' || t.status === 'BLOCKED');
  const spread = input.tasks.map((t, i) => (open[i] ? (t.spread ?? 0) : 0));
  const pickup = input.tasks.map((t, i) => (open[i] && safePickup(t) > 0 ? (t.pickupSpread ?? 0) : 0));
  if (!spread.some((s) => s > 0) && !pickup.some((s) => s > 0)) return null;
  const random = seededRandom(opts.seed ?? 1);
  const out = new Map(orderIds.map((id) => [id, [] as number[]]));
  for (let run = 0; run < (opts.runs ?? SAMPLED_RUNS); run++) {
    const tasks: SimTask[] = input.tasks.map((t, i) =>
      spread[i] > 0 || pickup[i] > 0
        ? {
            ...t,
            durationMs: spread[i] > 0 ? Math.round(t.durationMs * Math.exp(SPREAD_CALIBRATION * spread[i] * normal(random))) : t.durationMs,
            pickupMs: pickup[i] > 0 ? Math.round(safePickup(t) * Math.exp(SPREAD_CALIBRATION * pickup[i] * normal(random))) : t.pickupMs,
          }
        : t,
    );
    const result = simulateKitchen({ ...input, tasks });
    for (const [id, times] of out) {
      const ready = result.orderReady[id];
      if (ready !== undefined) times.push(ready);
    }
  }
  for (const times of out.values()) times.sort((a, b) => a - b);
  return out;
}

/** The q-quantile of sorted values, linearly interpolated; null for none. */
export function quantileOf(sorted: ReadonlyArray<number>, q: number): number | null {
  if (sorted.length === 0) return null;
  const at = Math.min(1, Math.max(0, q)) * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}
