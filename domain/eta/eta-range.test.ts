import { etaRange, orderRange, readyRange, storedPromiseRange } from './eta-range';

const now = new Date('2026-12-07T18:00:20Z');
const at = (minutes: number) => new Date(now.getTime() + minutes * 60_000);

it('leans the range later than the estimate, in whole minutes', () => {
  const { from, to } = etaRange(at(20), now);
  expect(from.toISOString()).toBe('2026-12-07T18:18:00.000Z');
  expect(to.toISOString()).toBe('2026-12-07T18:26:00.000Z');
});

it('keeps at least a few minutes of range when the order is nearly ready, never starting in the past', () => {
  const { from, to } = etaRange(at(0.5), now);
  expect(from.getTime()).toBe(now.getTime());
  expect(to.getTime() - at(0.5).getTime()).toBeGreaterThanOrEqual(3 * 60_000);
});

it('gives a late order a short range from now on instead of a time already passed', () => {
  const { from, to } = etaRange(at(-7), now);
  expect(from).toEqual(now);
  expect(to).toEqual(at(5));
});

describe('readyRange', () => {
  const t0 = new Date(Date.UTC(2026, 10, 20, 19, 0, 0));
  const min = (m: number) => t0.getTime() + m * 60_000;
  it('is P10..P90 of the samples in whole minutes, holding the estimate, basis LEARNED', () => {
    const samples = Array.from({ length: 11 }, (_, i) => min(10 + i));
    const r = readyRange(new Date(min(15)), t0, samples);
    expect(r).toEqual({ from: new Date(min(11)), to: new Date(min(19)), basis: 'LEARNED' });
  });
  it('falls back to the fixed shares without samples, basis FIXED', () => {
    expect(readyRange(new Date(min(20)), t0, null)).toEqual({ ...etaRange(new Date(min(20)), t0), basis: 'FIXED' });
  });
});

describe('orderRange', () => {
  const now = new Date('2026-12-08T12:00:00Z');
  const promise = {
    promisedAt: new Date('2026-12-08T12:20:00Z'),
    from: new Date('2026-12-08T12:17:00Z'),
    to: new Date('2026-12-08T12:26:00Z'),
    basis: 'LEARNED' as const,
  };

  it('moves the learned width of the promise with the estimate', () => {
    const r = orderRange(new Date('2026-12-08T12:30:00Z'), now, promise);
    expect(r).toEqual({ from: new Date('2026-12-08T12:27:00Z'), to: new Date('2026-12-08T12:36:00Z'), basis: 'LEARNED' });
  });

  it('never starts in the past, and uses the fixed shares once the estimate has passed or without a promise range', () => {
    expect(orderRange(new Date('2026-12-08T12:01:00Z'), now, promise).from).toEqual(now);
    expect(orderRange(new Date('2026-12-08T11:59:00Z'), now, promise).basis).toBe('FIXED');
    expect(orderRange(new Date('2026-12-08T12:30:00Z'), now, null)).toEqual({ ...etaRange(new Date('2026-12-08T12:30:00Z'), now), basis: 'FIXED' });
  });

  it('reads a stored range only when all of it was stored', () => {
    const row = { initialEstimatedReadyAt: promise.promisedAt, promiseRangeFrom: promise.from, promiseRangeTo: promise.to, promiseRangeBasis: 'LEARNED' };
    expect(storedPromiseRange(row)).toEqual(promise);
    expect(storedPromiseRange({ ...row, promiseRangeTo: null })).toBeNull();
  });
});
