import { expectedDurationMs, movingAverage, perUnitSeconds, quantityFactor } from './durations';

describe('expectedDurationMs', () => {
  it('uses the recipe estimate when nothing has been learned', () => {
    expect(expectedDurationMs({ estimateMinutes: 8, quantity: 1 })).toBe(480_000);
    expect(expectedDurationMs({ estimateMinutes: 8, quantity: 1, learned: null })).toBe(480_000);
    expect(expectedDurationMs({ estimateMinutes: 8, quantity: 1, learned: { avgSeconds: 600, samples: 0 } })).toBe(480_000);
  });

  it('replaces the estimate with the learned average from three samples on', () => {
    expect(expectedDurationMs({ estimateMinutes: 8, quantity: 1, learned: { avgSeconds: 600, samples: 3 } })).toBe(600_000);
    expect(expectedDurationMs({ estimateMinutes: 8, quantity: 1, learned: { avgSeconds: 600, samples: 100 } })).toBe(600_000);
  });

  it('blends estimate and learned average in proportion below three samples', () => {
    // One sample: two thirds estimate (480 s), one third learned (780 s) = 580 s.
    expect(expectedDurationMs({ estimateMinutes: 8, quantity: 1, learned: { avgSeconds: 780, samples: 1 } })).toBe(580_000);
    expect(expectedDurationMs({ estimateMinutes: 8, quantity: 1, learned: { avgSeconds: 780, samples: 2 } })).toBe(680_000);
  });

  it('scales sub-linearly with quantity: each extra unit adds 35% of one', () => {
    expect(expectedDurationMs({ estimateMinutes: 10, quantity: 3 })).toBe(1_020_000);
    expect(quantityFactor(1)).toBe(1);
    expect(quantityFactor(3)).toBeCloseTo(1.7);
    expect(quantityFactor(0)).toBe(1);
    expect(expectedDurationMs({ estimateMinutes: 10, quantity: 2, learned: { avgSeconds: 300, samples: 5 } })).toBe(405_000);
  });

  it('normalises an observed duration to one unit so the learned average stays per unit', () => {
    expect(perUnitSeconds(1020, 3)).toBeCloseTo(600);
  });

  it('falls back to sane values for broken inputs instead of producing NaN', () => {
    expect(expectedDurationMs({ estimateMinutes: -5, quantity: 1 })).toBe(0);
    expect(expectedDurationMs({ estimateMinutes: 4, quantity: Number.NaN })).toBe(240_000);
    expect(expectedDurationMs({ estimateMinutes: 4, quantity: 1, learned: { avgSeconds: Number.NaN, samples: 9 } })).toBe(240_000);
  });
});

describe('movingAverage', () => {
  it('averages the most recent samples within the window', () => {
    expect(movingAverage([100, 200, 300])).toBe(200);
    expect(movingAverage([1000, 10, 20], 2)).toBe(15);
    const hundredAndFive = [...Array.from({ length: 5 }, () => 9999), ...Array.from({ length: 100 }, () => 60)];
    expect(movingAverage(hundredAndFive)).toBe(60);
  });

  it('returns null when there is nothing to average and skips non-finite samples', () => {
    expect(movingAverage([])).toBeNull();
    expect(movingAverage([Number.NaN])).toBeNull();
    expect(movingAverage([50, Number.POSITIVE_INFINITY, 70])).toBe(60);
  });
});
