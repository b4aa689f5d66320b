import { etaRange } from './eta-range';

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
