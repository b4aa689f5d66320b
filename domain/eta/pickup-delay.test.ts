import { learnPickupDelay, pickupDelayMs, pickupSamples, pickupSpread, PICKUP_MAX_MS, PICKUP_SAMPLES_FOR_FULL_TRUST } from './pickup-delay';
import { simulateKitchen } from './simulate';
import { sampleReadyTimes } from './uncertainty';
import type { SimInput } from './types';

const MIN = 60_000;
const T0 = Date.UTC(2026, 11, 8, 18);
const row = (queued: number, started: number, completed: number, plausible = true) => ({
  queuedAt: T0 + queued * MIN,
  startedAt: T0 + started * MIN,
  completedAt: T0 + completed * MIN,
  plausible,
});

describe('pickupSamples', () => {
  it('counts from the queued time while a slot is free', () => {
    expect(pickupSamples([row(0, 0.5, 5), row(6, 7, 9)], 1).map((s) => s.value / MIN)).toEqual([0.5, 1]);
  });

  it('counts a ticket that waited for a busy station only from when its slot came free', () => {
    // One slot: the second ticket queued at 1 waited for the first to finish at 5, then took 0.5 min to start.
    expect(pickupSamples([row(0, 0.5, 5), row(1, 5.5, 9)], 1).map((s) => s.value / MIN)).toEqual([0.5, 0.5]);
    // Two slots: it had a free one at once.
    expect(pickupSamples([row(0, 0.5, 5), row(1, 1.5, 9)], 2).map((s) => s.value / MIN)).toEqual([0.5, 0.5]);
  });

  it('skips an instant bump (its start is not real) but keeps its slot busy, and skips a forgotten ticket', () => {
    expect(pickupSamples([row(0, 4.9, 5, false), row(1, 5.5, 9)], 1).map((s) => s.value / MIN)).toEqual([0.5]);
    expect(pickupSamples([row(0, 0.5, 5), row(6, 6 + PICKUP_MAX_MS / MIN + 1, 30)], 1)).toHaveLength(1);
  });
});

describe('learnPickupDelay', () => {
  it('takes the decayed median, so one slow pickup does not move it, and trusts it from a few samples', () => {
    const rows = [0.4, 0.5, 0.6, 0.5, 9].map((d, i) => row(i * 10, i * 10 + d, i * 10 + d + 3));
    const learned = learnPickupDelay(rows, 1)!;
    expect(learned.value).toBe(0.5 * MIN);
    expect(learned.samples).toBe(PICKUP_SAMPLES_FOR_FULL_TRUST);
    expect(pickupDelayMs(learned)).toBe(0.5 * MIN);
    expect(pickupSpread(learned)).toBeGreaterThan(0);
    expect(pickupDelayMs(learnPickupDelay(rows.slice(0, 1), 1))).toBe(Math.round((0.4 * MIN) / PICKUP_SAMPLES_FOR_FULL_TRUST));
    expect(learnPickupDelay([], 1)).toBeNull();
    expect(pickupDelayMs(null)).toBe(0);
  });
});

describe('the simulation with a pickup delay', () => {
  const input = (pickupMs: number | null, pickupSpread: number | null = null): SimInput => ({
    now: T0,
    stations: [{ id: 's', capacity: 1, taskTypes: ['grill'], isActive: true }],
    tasks: ['a', 'b'].map((id, i) => ({
      id,
      orderId: 'o',
      orderItemId: 'i',
      stationType: 'grill',
      status: 'QUEUED' as const,
      dependsOn: i === 1 ? ['a'] : [],
      durationMs: 4 * MIN,
      priority: 0,
      pickupMs,
      pickupSpread,
    })),
  });

  it('adds the delay before each task starts, holding the slot', () => {
    expect(simulateKitchen(input(null)).orderReady.o).toBe(T0 + 8 * MIN);
    expect(simulateKitchen(input(MIN)).orderReady.o).toBe(T0 + 10 * MIN);
  });

  it('samples the delay from its spread when the durations have none', () => {
    expect(sampleReadyTimes(input(MIN), ['o'])).toBeNull();
    const times = sampleReadyTimes(input(MIN, 0.5), ['o'], { runs: 20 })!.get('o')!;
    expect(new Set(times).size).toBeGreaterThan(10);
    expect(Math.min(...times)).toBeGreaterThan(T0 + 8 * MIN);
  });
});
