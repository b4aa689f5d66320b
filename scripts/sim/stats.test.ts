import { mean, median, percentile, slope, summarizeErrors, summarizeLatencies, withinShare } from './stats';

describe('simulation statistics', () => {
  it('takes nearest-rank percentiles, so every value reported was observed', () => {
    const tens = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(percentile(tens, 0.5)).toBe(5); // rank ceil(5) = 5
    expect(percentile(tens, 0.9)).toBe(9); // rank ceil(9) = 9
    expect(percentile(tens, 0.95)).toBe(10); // rank ceil(9.5) = 10
    expect(median([3, 1, 2])).toBe(2);
    expect(percentile([], 0.5)).toBeNull();
    expect(mean([])).toBeNull();
  });

  it('summarises signed ETA errors as MAE, p90 of |error|, bias and shares within ±2 and ±5 minutes', () => {
    // |errors| = 1, 2, 3, 6: MAE 3; p90 rank ceil(3.6) = 4 → 6; bias (−1 + 2 − 3 + 6) / 4 = 1.
    expect(summarizeErrors([-1, 2, -3, 6])).toEqual({ n: 4, mae: 3, p90: 6, bias: 1, within2: 0.5, within5: 0.75 });
    expect(withinShare([-2, 2, 2.01, -5], 2)).toBe(0.5);
    expect(summarizeErrors([])).toEqual({ n: 0, mae: null, p90: null, bias: null, within2: null, within5: null });
  });

  it('summarises latencies as median, p95 and max', () => {
    const values = Array.from({ length: 20 }, (_, i) => (i + 1) * 10); // 10 … 200
    expect(summarizeLatencies(values)).toEqual({ n: 20, median: 100, p95: 190, max: 200 });
  });

  it('fits the least-squares slope used for memory per 100 workflows', () => {
    expect(
      slope([
        [0, 1],
        [1, 3],
        [2, 5],
      ]),
    ).toBe(2);
    expect(
      slope([
        [0, 10],
        [100, 14],
        [200, 17],
        [300, 22],
      ]),
    ).toBeCloseTo(0.039, 3);
    expect(slope([[1, 1]])).toBeNull();
  });
});
