import { MIN, NOW, queued, station, task } from './fixtures';
import { learnDuration } from './learning';
import { simulateKitchen } from './simulate';
import type { SimTask } from './types';
import { learnedSpread, normal, quantileOf, sampleReadyTimes, seededRandom } from './uncertainty';

describe('learnedSpread', () => {
  it('is the sigma of a log-normal with the learned P10 and P90, from the most specific level trusted in full', () => {
    const level = (p10: number, p90: number, samples = 10) => ({ value: Math.sqrt(p10 * p90), samples, p10, p90 });
    expect(learnedSpread({ anyStation: level(100, 100 * Math.exp(2 * 1.2815515655446004 * 0.25)) })).toBeCloseTo(0.25, 6);
    // A station-task level of 2 samples is not trusted yet: the task anywhere speaks.
    expect(learnedSpread({ atStation: level(50, 500, 2), anyStation: level(100, 100) })).toBe(0);
    expect(learnedSpread({ pace: level(0.9, 1.2, 4) })).toBeNull();
    expect(learnedSpread(null)).toBeNull();
  });
});

describe('sampleReadyTimes', () => {
  it('is null when nothing open has a spread, and the same for the same seed', () => {
    const input = { now: NOW, stations: [station('oven', ['forno'])], tasks: [task('a', 5)] };
    expect(sampleReadyTimes(input, ['o1'])).toBeNull();
    const spread = { ...input, tasks: [task('a', 5, { spread: 0.3 }), task('b', 4, { spread: 0.3, dependsOn: ['a'] })] };
    const one = sampleReadyTimes(spread, ['o1'], { seed: 7 })!.get('o1')!;
    expect(one).toHaveLength(40);
    expect(sampleReadyTimes(spread, ['o1'], { seed: 7 })!.get('o1')).toEqual(one);
    expect(quantileOf(one, 0.1)!).toBeLessThan(quantileOf(one, 0.9)!);
    // The median run is near the expected 9 minutes.
    expect(Math.abs(quantileOf(one, 0.5)! - (NOW + 9 * MIN))).toBeLessThan(1.5 * MIN);
  });
});

describe('calibration on a synthetic kitchen with known log-normal noise', () => {
  it('holds the actual ready time between P10 and P90 for about 80 % of orders', () => {
    const SIGMA = 0.25;
    const truth: Record<string, number> = { dough: 3 * 60, bake: 8 * 60, dress: 2 * 60 };
    const truthRandom = seededRandom(20261207);
    const draw = (median: number) => median * Math.exp(SIGMA * normal(truthRandom));
    // What the kitchen learned from 60 past bumps of each task.
    const learned = Object.fromEntries(
      Object.entries(truth).map(([id, median]) => [
        id,
        learnDuration(Array.from({ length: 60 }, (_, i) => ({ seconds: draw(median), expectedSeconds: median, at: i })))!,
      ]),
    );
    const stations = [station('bench', ['banco'], 1), station('oven', ['forno'], 2)];
    const trials = 200;
    let inside = 0;
    for (let trial = 0; trial < trials; trial++) {
      // A few orders already queued ahead, then the order whose time is promised.
      const ahead = trial % 4;
      const tasks: SimTask[] = [];
      const add = (orderId: string, minutesAgo: number) => {
        const def = (id: string, type: string, deps: string[]) =>
          queued(`${orderId}:${id}`, learned[id].value / 60, minutesAgo, {
            orderId,
            orderItemId: `${orderId}:i`,
            stationType: type,
            stationId: null,
            status: deps.length ? 'PENDING' : 'QUEUED',
            dependsOn: deps.map((d) => `${orderId}:${d}`),
            spread: learnedSpread({ anyStation: learned[id] }),
          });
        tasks.push(def('dough', 'banco', []), def('dress', 'banco', ['dough']), def('bake', 'forno', ['dress']));
      };
      for (let k = 0; k < ahead; k++) add(`ahead${k}`, 10 - k);
      add('new', 0);
      const input = { now: NOW, stations, tasks };
      const sorted = sampleReadyTimes(input, ['new'], { seed: trial + 1 })!.get('new')!;
      const actual = simulateKitchen({ ...input, tasks: tasks.map((t) => ({ ...t, durationMs: draw(truth[t.id.split(':')[1]]) * 1000 })) }).orderReady.new;
      if (actual >= quantileOf(sorted, 0.1)! && actual <= quantileOf(sorted, 0.9)!) inside++;
    }
    const share = inside / trials;
    expect(share).toBeGreaterThanOrEqual(0.7);
    expect(share).toBeLessThanOrEqual(0.9);
  });
});
