import { runService } from './run-service';
import { SCENARIOS, type Scenario } from './scenarios';
import { checkTargets, summarise } from './summary';

// A short service keeps the test quick; `npm run eta:eval` runs the full ones over several seeds.
const short = (name: string): Scenario => ({ ...SCENARIOS.find((s) => s.name === name)!, serviceMinutes: 120, warmupMinutes: 30 });
const run = (name: string, rule: 'PLANNED' | 'PROMISE', seed = 1) => runService(short(name), seed, rule, { sampledRuns: 8 });

describe('eta:eval on a virtual clock', () => {
  const first = run('hidden-paces', 'PROMISE');

  it('gives the same numbers for the same seed, and other numbers for another seed', () => {
    expect(run('hidden-paces', 'PROMISE').orders).toEqual(first.orders);
    expect(run('hidden-paces', 'PROMISE', 2).orders).not.toEqual(first.orders);
  });

  it('measures orders after the warm-up, each ready after it was placed', () => {
    const measured = first.orders.filter((o) => o.measured);
    expect(measured.length).toBeGreaterThan(10);
    expect(first.orders.length).toBeGreaterThan(measured.length);
    for (const o of first.orders) {
      expect(o.actualAt).toBeGreaterThan(o.placedAt);
      expect(Math.max(...o.itemsReady)).toBe(o.actualAt);
      expect(o.from).toBeLessThanOrEqual(o.to);
    }
  });

  it('finds the oracle no worse than the naive critical path, and Brigade better halfway than at order time', () => {
    const { accuracy } = summarise(first.orders);
    expect(accuracy.oracle.maeMinutes!).toBeLessThan(accuracy.naiveCriticalPath.maeMinutes!);
    expect(accuracy.brigadeHalfway.maeMinutes!).toBeLessThan(accuracy.brigade.maeMinutes!);
    expect(checkTargets(summarise(first.orders))).toHaveLength(7);
  });

  it('compares queue rules on the same arrivals and dishes', () => {
    const planned = run('hidden-paces', 'PLANNED');
    expect(planned.orders.map((o) => [o.placedAt, o.itemsReady.length])).toEqual(first.orders.map((o) => [o.placedAt, o.itemsReady.length]));
    expect(planned.orders.map((o) => o.actualAt)).not.toEqual(first.orders.map((o) => o.actualAt));
  });

  it('does not learn the careless crew’s instant bumps: prep estimates stay near the real time', () => {
    const careless = summarise(run('instant-bumps', 'PROMISE').orders);
    const careful = summarise(first.orders);
    // Same seed, same kitchen but for the bumps: learning them (3 s prep tasks) made the quote 0.58 min more optimistic.
    expect(Math.abs(careless.accuracy.brigade.biasMinutes! - careful.accuracy.brigade.biasMinutes!)).toBeLessThan(0.3);
  });
});
