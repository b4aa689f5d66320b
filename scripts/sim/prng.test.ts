import { createRand, exponentialGap, logNormal, normal, sample, weighted } from './prng';
import { mean, median } from './stats';

const draw = <T>(n: number, f: () => T): T[] => Array.from({ length: n }, f);

describe('seeded randomness for the simulator', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = draw(50, createRand(42));
    expect(draw(50, createRand(42))).toEqual(a);
    expect(draw(50, createRand(43))).not.toEqual(a);
    expect(a.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('draws standard normals with mean 0 and standard deviation 1', () => {
    const rand = createRand(1);
    const xs = draw(20_000, () => normal(rand));
    const m = mean(xs)!;
    const sd = Math.sqrt(mean(xs.map((x) => (x - m) ** 2))!);
    expect(Math.abs(m)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });

  it('draws log-normal durations around the given median, never negative and skewed to the slow side', () => {
    const rand = createRand(7);
    const xs = draw(20_000, () => logNormal(rand, 10, 0.3));
    expect(xs.every((x) => x > 0)).toBe(true);
    expect(Math.abs(median(xs)! - 10)).toBeLessThan(0.15);
    // Mean = median · e^(σ²/2) = 10.46: the long tail is on the slow side.
    expect(mean(xs)!).toBeGreaterThan(10.3);
    expect(mean(xs)!).toBeLessThan(10.65);
    const slow = xs.filter((x) => x > 15).length;
    const fast = xs.filter((x) => x < 5).length;
    expect(slow).toBeGreaterThan(fast * 5);
  });

  it('spaces Poisson arrivals by exponential gaps with mean 1/rate', () => {
    const rand = createRand(3);
    const gaps = draw(20_000, () => exponentialGap(rand, 1 / 500));
    expect(Math.abs(mean(gaps)! - 500)).toBeLessThan(15);
    expect(exponentialGap(rand, 0)).toBe(Infinity);
  });

  it('picks weighted options in proportion and samples without repeats', () => {
    const rand = createRand(9);
    const picks = draw(10_000, () =>
      weighted<string>(rand, [
        ['a', 3],
        ['b', 1],
      ]),
    );
    expect(Math.abs(picks.filter((p) => p === 'a').length / 10_000 - 0.75)).toBeLessThan(0.02);
    const chosen = sample(rand, [1, 2, 3, 4, 5], 4);
    expect(new Set(chosen).size).toBe(4);
    expect(sample(rand, [1, 2], 4)).toHaveLength(2);
  });
});
