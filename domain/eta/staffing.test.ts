import { at, MIN, NOW, station, task } from './fixtures';
import { quoteItems } from './quote';
import { simulateKitchen } from './simulate';
import { shiftCapacitySteps, staffedCapacitySteps } from './staffing';
import type { SimStation, SimTask } from './types';

const shift = (fromMin: number, toMin: number) => ({ startsAt: at(fromMin), endsAt: at(toMin) });

describe('staffedCapacitySteps', () => {
  it('counts the people on shift at each instant, capped at the configured capacity, and ends at 0', () => {
    expect(staffedCapacitySteps(3, [shift(-60, 30), shift(10, 60), shift(20, 40), shift(25, 50)], NOW)).toEqual([
      { from: NOW, capacity: 1 },
      { from: at(10), capacity: 2 },
      { from: at(20), capacity: 3 },
      // 4 on shift from 25 to 30, but the station has 3 slots.
      { from: at(40), capacity: 2 },
      { from: at(50), capacity: 1 },
      { from: at(60), capacity: 0 },
    ]);
  });

  it('starts at 0 when nobody is on shift now, and ignores shifts that are over or end before they start', () => {
    expect(staffedCapacitySteps(2, [shift(-90, -30), shift(30, 20), shift(15, 45)], NOW)).toEqual([
      { from: NOW, capacity: 0 },
      { from: at(15), capacity: 1 },
      { from: at(45), capacity: 0 },
    ]);
  });

  it('joins back-to-back shifts of a hand-over without a gap', () => {
    expect(staffedCapacitySteps(2, [shift(-10, 20), shift(20, 50)], NOW)).toEqual([
      { from: NOW, capacity: 1 },
      { from: at(50), capacity: 0 },
    ]);
  });
});

describe('shiftCapacitySteps (which stations follow their shifts, and from when)', () => {
  it('gives a station without shifts no steps: its configured capacity stands', () => {
    expect(shiftCapacitySteps(2, [], NOW)).toEqual([]);
  });

  it('follows the shifts from now on once the first one has started, nobody on between them', () => {
    expect(shiftCapacitySteps(2, [shift(-240, -60), shift(30, 90)], NOW)).toEqual([
      { from: NOW, capacity: 0 },
      { from: at(30), capacity: 1 },
      { from: at(90), capacity: 0 },
    ]);
  });

  it('keeps the configured capacity until a plan that starts later begins', () => {
    const steps = shiftCapacitySteps(2, [shift(24 * 60, 24 * 60 + 240)], NOW);
    expect(steps).toEqual([
      { from: at(24 * 60), capacity: 1 },
      { from: at(24 * 60 + 240), capacity: 0 },
    ]);
    // Before the first step the station's own capacity holds (SimStation.capacitySteps).
    expect(
      quoteItems({
        now: NOW,
        stations: [{ ...station('oven', ['forno'], 2), capacitySteps: steps }],
        tasks: [],
        newItems: [{ key: 'p', tasks: [task('bake', 8)] }],
      }).readyAt,
    ).toBe(at(8));
  });
});

// The staffing test: with one grill cook until T+10 min and two after, a grill-heavy
// order placed at T+9 is ready earlier than with one cook all along. T is NOW - 9 minutes.
describe('a quote with the grill staffed by shifts', () => {
  const T = NOW - 9 * MIN;
  const grill = (shifts: Array<{ startsAt: number; endsAt: number }>): SimStation => ({
    ...station('grill', ['grill'], 2),
    capacitySteps: staffedCapacitySteps(2, shifts, NOW),
  });
  const oneCook = [{ startsAt: T, endsAt: T + 240 * MIN }];
  const secondFromTen = [...oneCook, { startsAt: T + 10 * MIN, endsAt: T + 240 * MIN }];
  // Three patties (6 minutes each) and a bun toasted after them.
  const burgers = (): SimTask[] => [
    task('patty-1', 6, { stationType: 'grill' }),
    task('patty-2', 6, { stationType: 'grill' }),
    task('patty-3', 6, { stationType: 'grill' }),
    task('bun', 1, { stationType: 'grill', dependsOn: ['patty-1', 'patty-2', 'patty-3'] }),
  ];
  const quote = (stations: SimStation[]) => quoteItems({ now: NOW, stations, tasks: [], newItems: [{ key: 'burgers', tasks: burgers() }] });

  it('is earlier with a second cook from T+10 than with one cook all along', () => {
    const one = quote([grill(oneCook)]);
    const two = quote([grill(secondFromTen)]);
    // Side by side: one cook grills the patties one after the other (6 + 6 + 6 + 1); the second
    // cook takes the second patty at T+10, a minute after the order, and the third at T+15.
    expect({ one: (one.readyAt - NOW) / MIN, two: (two.readyAt - NOW) / MIN }).toEqual({ one: 19, two: 13 });
    expect(two.readyAt).toBeLessThan(one.readyAt);
    expect(one.unstaffed).toEqual([]);
  });

  it('stands as today when no shifts are planned: the configured capacity of 2 from now', () => {
    expect((quote([station('grill', ['grill'], 2)]).readyAt - NOW) / MIN).toBe(13);
  });

  it('waits for the next shift at a station with nobody on, and says which station and from when', () => {
    const q = quote([grill([{ startsAt: NOW + 30 * MIN, endsAt: NOW + 120 * MIN }])]);
    expect(q.readyAt).toBe(at(30 + 6 + 6 + 6 + 1));
    expect(q.unstaffed).toEqual([{ stationId: 'grill', staffedFrom: at(30) }]);
    expect(q.unschedulableItems).toEqual([]);
  });

  it('has no ready time for an order whose station has nobody on shift from now on', () => {
    const q = quote([grill([shift(-120, -60)])]);
    expect(q.unschedulableItems).toEqual(['burgers']);
    expect(q.unstaffed).toEqual([{ stationId: 'grill', staffedFrom: null }]);
  });

  it('does not call a station unstaffed when another station of its type has someone on', () => {
    const spare = station('grill-2', ['grill'], 1);
    const q = quote([grill([{ startsAt: NOW + 30 * MIN, endsAt: NOW + 120 * MIN }]), spare]);
    expect(q.unstaffed).toEqual([]);
    expect(q.readyAt).toBe(at(6 + 6 + 6 + 1));
  });

  it('finishes a task that runs past the end of its cook’s shift, and starts nothing new after it', () => {
    const stations = [grill([shift(-60, 3)])];
    const running = task('cooking', 5, { status: 'IN_PROGRESS', stationId: 'grill', stationType: 'grill', startedAt: NOW, orderId: 'o0', orderItemId: 'i0' });
    const waiting = task('next', 2, { status: 'QUEUED', stationId: 'grill', stationType: 'grill', queuedAt: NOW, orderId: 'o0', orderItemId: 'i0' });
    const result = simulateKitchen({ now: NOW, stations, tasks: [running, waiting] });
    // One slot until T+3: "next" cannot start beside "cooking", and nobody is there afterwards.
    expect(result.taskFinish.cooking).toBe(at(5));
    expect(result.taskStart.next).toBeUndefined();
    expect(result.itemReady.i0).toBeUndefined();
  });
});
