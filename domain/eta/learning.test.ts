import fc from 'fast-check';
import { isPlausible, learnDuration, learnPace, LEARNING_HALF_LIFE_MS, weightedSummary, type DurationSample } from './learning';

const T0 = Date.UTC(2026, 10, 20, 12);
const sample = (seconds: number, expectedSeconds: number | null = 120, at = T0): DurationSample => ({ seconds, expectedSeconds, at });

describe('isPlausible', () => {
  it('keeps bumps between 20 % and 5 times the expected time, and rejects the rest', () => {
    expect(isPlausible(sample(24))).toBe(true);
    expect(isPlausible(sample(600))).toBe(true);
    expect(isPlausible(sample(23))).toBe(false);
    expect(isPlausible(sample(0))).toBe(false);
    expect(isPlausible(sample(601))).toBe(false);
  });

  it('cannot judge a sample without an expected time, except a broken one', () => {
    expect(isPlausible(sample(1, null))).toBe(true);
    expect(isPlausible(sample(Number.NaN, null))).toBe(false);
    expect(isPlausible(sample(-1, null))).toBe(false);
  });
});

describe('learnDuration', () => {
  it('does not learn "Beat eggs = 0 min" from instant bumps: they are skipped, the real cooks count', () => {
    expect(learnDuration([sample(0), sample(1), sample(2)])).toBeNull();
    expect(learnDuration([sample(0), sample(1), sample(2), sample(110), sample(130)])).toMatchObject({ value: 120, samples: 2 });
  });

  it('takes the median, so one slow ticket among steady ones does not move it', () => {
    expect(learnDuration([sample(100), sample(110), sample(120), sample(500)])?.value).toBe(115);
    expect(learnDuration([sample(100), sample(110), sample(120)])?.value).toBe(110);
  });

  it('weighs recent samples more: the kitchen of last week outvotes the kitchen of two months ago', () => {
    const old = [150, 150, 150].map((s, i) => sample(s, 120, T0 - 8 * LEARNING_HALF_LIFE_MS + i));
    const recent = [90, 90].map((s, i) => sample(s, 120, T0 + i));
    expect(learnDuration([...old, ...recent])?.value).toBe(90);
  });

  it('reports the spread as weighted 10th and 90th percentiles', () => {
    const learned = learnDuration(Array.from({ length: 10 }, (_, i) => sample(100 + i * 10)))!;
    expect(learned.p10).toBe(105); // exactly on the boundary between the 1st and 2nd: their midpoint
    expect(learned.p90).toBe(185);
    expect(learned.p10).toBeLessThanOrEqual(learned.value);
    expect(learned.value).toBeLessThanOrEqual(learned.p90);
  });

  it('never lets one more sample move the estimate outside the range of three or more equally recent ones', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 30, max: 500, noNaN: true }), { minLength: 3, maxLength: 40 }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (base, outlier) => {
          const samples = base.map((s) => sample(s, null));
          const after = learnDuration([...samples, sample(outlier, null)])!.value;
          expect(after).toBeGreaterThanOrEqual(Math.min(...base));
          expect(after).toBeLessThanOrEqual(Math.max(...base));
        },
      ),
    );
  });

  it('never learns from an implausible sample, whatever the others are', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 24, max: 600, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.oneof(fc.double({ min: 0, max: 23.9, noNaN: true }), fc.double({ min: 600.1, max: 1e6, noNaN: true })),
        (base, bump) => {
          const samples = base.map((s) => sample(s));
          expect(learnDuration([...samples, sample(bump)])).toEqual(learnDuration(samples));
        },
      ),
    );
  });
});

describe('learnPace', () => {
  it('learns how much slower than the recipes a station works, over every dish', () => {
    const pace = learnPace([sample(180, 120), sample(300, 200), sample(150, 100), sample(0, 100), sample(10, null)])!;
    expect(pace.value).toBeCloseTo(1.5);
    expect(pace.samples).toBe(3);
  });
});

describe('weightedSummary', () => {
  it('returns null with nothing usable', () => {
    expect(weightedSummary([])).toBeNull();
    expect(weightedSummary([{ value: Number.NaN, at: T0 }])).toBeNull();
  });
});
