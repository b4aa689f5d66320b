import { expectedDurationMs, perUnitSeconds, quantityFactor, unitDuration } from './durations';
import type { Learned } from './learning';

/** A learned level of `samples` samples around `value`. */
const level = (value: number, samples: number): Learned => ({ value, samples, p10: value, p90: value });

describe('expectedDurationMs', () => {
  it('uses the recipe estimate when nothing has been learned', () => {
    expect(expectedDurationMs({ estimateMinutes: 8, quantity: 1 })).toBe(480_000);
    expect(expectedDurationMs({ estimateMinutes: 8, quantity: 1, learned: null })).toBe(480_000);
    expect(expectedDurationMs({ estimateMinutes: 8, quantity: 1, learned: { anyStation: level(600, 0) } })).toBe(480_000);
  });

  it('replaces the estimate with the learned average from three samples on', () => {
    expect(expectedDurationMs({ estimateMinutes: 8, quantity: 1, learned: { anyStation: level(600, 3) } })).toBe(600_000);
    expect(expectedDurationMs({ estimateMinutes: 8, quantity: 1, learned: { anyStation: level(600, 100) } })).toBe(600_000);
  });

  it('blends estimate and learned average in proportion below three samples', () => {
    // One sample: two thirds estimate (480 s), one third learned (780 s) = 580 s.
    expect(expectedDurationMs({ estimateMinutes: 8, quantity: 1, learned: { anyStation: level(780, 1) } })).toBe(580_000);
    expect(expectedDurationMs({ estimateMinutes: 8, quantity: 1, learned: { anyStation: level(780, 2) } })).toBe(680_000);
  });

  it('scales sub-linearly with quantity: each extra unit adds 35% of one', () => {
    expect(expectedDurationMs({ estimateMinutes: 10, quantity: 3 })).toBe(1_020_000);
    expect(quantityFactor(1)).toBe(1);
    expect(quantityFactor(3)).toBeCloseTo(1.7);
    expect(quantityFactor(0)).toBe(1);
    expect(expectedDurationMs({ estimateMinutes: 10, quantity: 2, learned: { anyStation: level(300, 5) } })).toBe(405_000);
  });

  it('normalises an observed duration to one unit so the learned average stays per unit', () => {
    expect(perUnitSeconds(1020, 3)).toBeCloseTo(600);
  });

  it('falls back to sane values for broken inputs instead of producing NaN', () => {
    expect(expectedDurationMs({ estimateMinutes: -5, quantity: 1 })).toBe(0);
    expect(expectedDurationMs({ estimateMinutes: 4, quantity: Number.NaN })).toBe(240_000);
    expect(expectedDurationMs({ estimateMinutes: 4, quantity: 1, learned: { anyStation: level(Number.NaN, 9) } })).toBe(240_000);
  });
});

describe('unitDuration: the hierarchy task at station → task → station pace × estimate → estimate', () => {
  it("starts a new dish at a slow station from that station's pace, not from the estimate", () => {
    expect(unitDuration(600, { pace: level(1.5, 5) })).toEqual({ seconds: 900, source: 'STATION_PACE', samples: 5 });
    // Two pace samples of five for full trust: 60 % estimate, 40 % pace.
    expect(unitDuration(600, { pace: level(1.5, 2) }).seconds).toBeCloseTo(720);
  });

  it('lets the task learned anywhere replace the pace, and the task at this station replace both', () => {
    expect(unitDuration(600, { pace: level(1.5, 50), anyStation: level(500, 3) })).toEqual({ seconds: 500, source: 'TASK', samples: 3 });
    expect(unitDuration(600, { pace: level(1.5, 50), anyStation: level(500, 3), atStation: level(400, 7) })).toEqual({
      seconds: 400,
      source: 'STATION_TASK',
      samples: 7,
    });
  });

  it('blends a level with few samples into the one below it', () => {
    // One sample at this station: a third of 300 s, two thirds of the task anywhere (600 s).
    expect(unitDuration(900, { anyStation: level(600, 3), atStation: level(300, 1) }).seconds).toBeCloseTo(500);
  });

  it('says the estimate is the source when nothing was learned', () => {
    expect(unitDuration(600, null)).toEqual({ seconds: 600, source: 'ESTIMATE', samples: 0 });
    expect(unitDuration(600, { atStation: null, anyStation: level(100, 0) })).toEqual({ seconds: 600, source: 'ESTIMATE', samples: 0 });
  });
});

describe('expectedDurationMs with added minutes', () => {
  const learned = { anyStation: { value: 600, samples: 3, p10: 540, p90: 700 } };
  it("adds a modifier's minutes on top of a learned time, scaled by quantity like the rest", () => {
    expect(expectedDurationMs({ estimateMinutes: 8, quantity: 1, learned })).toBe(600_000);
    expect(expectedDurationMs({ estimateMinutes: 8, quantity: 1, learned, addedMinutes: 4 })).toBe(840_000);
    expect(expectedDurationMs({ estimateMinutes: 8, quantity: 2, learned, addedMinutes: 4 })).toBe(Math.round(840_000 * 1.35));
  });
  it('is the raised estimate while nothing is learned', () => {
    expect(expectedDurationMs({ estimateMinutes: 8, quantity: 1, addedMinutes: 4 })).toBe(12 * 60_000);
  });
});
