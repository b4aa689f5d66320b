import fc from 'fast-check';
import { learnPickupDelay, pickupDelaySamples, PICKUP_MAX_MS } from './pickup-delay';

const T = Date.UTC(2026, 11, 8, 19, 0, 0);
const s = (seconds: number) => T + seconds * 1000;
const task = (queued: number, started: number, completed: number | null) => ({
  queuedAt: s(queued),
  startedAt: s(started),
  completedAt: completed === null ? null : s(completed),
});

describe('pickupDelaySamples', () => {
  it('counts from the queue time when a slot was free then', () => {
    expect(pickupDelaySamples(1, [task(0, 40, 300)]).map((x) => x.value)).toEqual([40]);
  });

  it('counts from the moment a slot came free when the station was full: waiting behind work is not pickup', () => {
    // One slot: the second ticket waits for the first (done at 300) and is started 20 s later.
    const samples = pickupDelaySamples(1, [task(0, 10, 300), task(5, 320, 600)]);
    expect(samples.map((x) => x.value)).toEqual([10, 20]);
  });

  it('with two slots a second ticket has a free slot at once', () => {
    expect(pickupDelaySamples(2, [task(0, 10, 300), task(5, 35, 600)]).map((x) => x.value)).toEqual([10, 30]);
  });

  it('keeps out tickets left with a free slot longer than PICKUP_MAX_MS and rows started before queued', () => {
    const forgotten = { queuedAt: s(0), startedAt: s(0) + PICKUP_MAX_MS + 1000, completedAt: null };
    expect(pickupDelaySamples(1, [forgotten, task(100, 50, 200)])).toEqual([]);
  });

  it('learns a robust median: one slow pickup among quick ones does not move it', () => {
    const tasks = [15, 20, 25, 20, 900].map((delay, i) => task(i * 1000, i * 1000 + delay, i * 1000 + delay + 60));
    expect(learnPickupDelay(1, tasks)).toMatchObject({ value: 20, samples: 5 });
    expect(learnPickupDelay(1, [])).toBeNull();
  });

  it('never gives a negative delay nor one longer than the ticket waited in all', () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 600 }), fc.option(fc.integer({ min: 0, max: 900 })));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.array(row, { maxLength: 12 }), (capacity, rows) => {
        const tasks = rows.map(([q, wait, run]) => task(q, q + wait, run === null ? null : q + wait + run));
        for (const sample of pickupDelaySamples(capacity, tasks)) {
          const t = tasks.find((x) => x.startedAt === sample.at)!;
          expect(sample.value).toBeGreaterThanOrEqual(0);
          expect(sample.value).toBeLessThanOrEqual((t.startedAt - t.queuedAt) / 1000);
        }
      }),
    );
  });
});
