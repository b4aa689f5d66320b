import { quantileOf } from './uncertainty';

const MINUTE = 60_000;
/** A late order's range: from now to this far ahead (the estimate has already been passed). */
const LATE_WINDOW_MINUTES = 5;

/**
 * A range around a point estimate for a customer: the kitchen's ETA is a simulation, so a single
 * minute would promise more than it knows. Kitchens run late more often than early, so the range
 * leans later: 10% of the time left before it (at least 1 minute), 25% after (at least 3), in
 * whole minutes, never starting in the past.
 */
export function etaRange(eta: Date, now: Date): { from: Date; to: Date } {
  const left = (eta.getTime() - now.getTime()) / MINUTE;
  if (left <= 0) return { from: now, to: new Date(now.getTime() + LATE_WINDOW_MINUTES * MINUTE) };
  const before = Math.max(1, Math.round(left * 0.1));
  const after = Math.max(3, Math.round(left * 0.25));
  const from = Math.max(now.getTime(), floorMinute(eta.getTime() - before * MINUTE));
  const to = ceilMinute(eta.getTime() + after * MINUTE);
  return { from: new Date(from), to: new Date(to) };
}

/** LEARNED: the P10..P90 of runs with the learned spread; FIXED: etaRange's fixed shares (no spread learned). */
export type RangeBasis = 'LEARNED' | 'FIXED';

/**
 * The range told for a ready time: the 10th to the 90th percentile of the sampled runs (sorted,
 * uncertainty.ts) widened to whole minutes and to hold the estimate itself, never starting in the
 * past; without samples, etaRange's fixed shares.
 */
export function readyRange(eta: Date, now: Date, samples: ReadonlyArray<number> | null): { from: Date; to: Date; basis: RangeBasis } {
  if (!samples || samples.length === 0 || eta.getTime() <= now.getTime()) return { ...etaRange(eta, now), basis: 'FIXED' };
  const p10 = quantileOf(samples, 0.1)!;
  const p90 = quantileOf(samples, 0.9)!;
  const from = Math.max(now.getTime(), floorMinute(Math.min(p10, eta.getTime())));
  const to = ceilMinute(Math.max(p90, eta.getTime()));
  return { from: new Date(from), to: new Date(to), basis: 'LEARNED' };
}

const floorMinute = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;
const ceilMinute = (ms: number) => Math.ceil(ms / MINUTE) * MINUTE;

/** The range told with an order's promise (orders.promise_range_*), as stored. */
export type PromiseRange = { promisedAt: Date; from: Date; to: Date; basis: RangeBasis };

/**
 * The range for an order's current estimate: the promise's range moved with the estimate (the
 * spread learned when it was promised keeps its width before and after), whole minutes, never
 * starting in the past; etaRange's fixed shares without a stored range or once the estimate passed.
 */
export function orderRange(eta: Date, now: Date, promise: PromiseRange | null): { from: Date; to: Date; basis: RangeBasis } {
  if (!promise || eta.getTime() <= now.getTime()) return { ...etaRange(eta, now), basis: 'FIXED' };
  const before = Math.max(0, promise.promisedAt.getTime() - promise.from.getTime());
  const after = Math.max(0, promise.to.getTime() - promise.promisedAt.getTime());
  const from = Math.max(now.getTime(), floorMinute(eta.getTime() - before));
  return { from: new Date(from), to: new Date(ceilMinute(eta.getTime() + after)), basis: promise.basis };
}

/** The stored promise range of an order row, or null where none was stored (orders taken before it was). */
export function storedPromiseRange(o: {
  initialEstimatedReadyAt: Date | null;
  promiseRangeFrom: Date | null;
  promiseRangeTo: Date | null;
  promiseRangeBasis: string | null;
}): PromiseRange | null {
  if (!o.initialEstimatedReadyAt || !o.promiseRangeFrom || !o.promiseRangeTo) return null;
  return {
    promisedAt: o.initialEstimatedReadyAt,
    from: o.promiseRangeFrom,
    to: o.promiseRangeTo,
    basis: o.promiseRangeBasis === 'LEARNED' ? 'LEARNED' : 'FIXED',
  };
}
