import fc from 'fast-check';
import { at, MIN, NOW, queued, station, task } from './fixtures';
import { simulateKitchen } from './simulate';
import type { SimInput, SimStation, SimTask } from './types';
import { applyWhatIf, compareWhatIf, type RushItem, type WhatIfChanges } from './what-if';

/** Two ovens of one slot; orders o1..o3, one 10-minute bake each, queued in order on oven a. */
const ovens = (): SimStation[] => [station('a', ['forno'], 1), station('b', ['forno'], 1)];
const bake = (n: number, overrides: Partial<SimTask> = {}) =>
  queued(`t${n}`, 10, 10 - n, { orderId: `o${n}`, orderItemId: `i${n}`, stationId: null, ...overrides });
const kitchen = (): SimInput => ({ now: NOW, stations: [station('a', ['forno'], 1)], tasks: [bake(1), bake(2), bake(3)] });
const orders = [1, 2, 3].map((n) => ({ id: `o${n}`, itemIds: [`i${n}`], promisedAt: at(15) }));

const compare = (base: SimInput, changes: WhatIfChanges) => {
  const input = applyWhatIf(base, changes);
  return { input, ...compareWhatIf(orders, simulateKitchen(base), simulateKitchen(input)) };
};

const pizza: RushItem = { key: '0', dishId: 'pizza', tasks: [task('bake', 10, { plannedAt: NOW })] };
const salad: RushItem = { key: '1', dishId: 'salad', tasks: [task('toss', 2, { stationType: 'cold', plannedAt: NOW })] };

describe('applyWhatIf', () => {
  it('one more slot at the oven: the third order is ready 10 minutes sooner and no longer late', () => {
    const { rows, summary } = compare(kitchen(), { slots: [{ stationId: 'a', delta: 1 }] });
    expect(rows.map((r) => [r.currentReadyAt, r.whatIfReadyAt, r.deltaMs])).toEqual([
      [at(10), at(10), 0],
      [at(20), at(10), -10 * MIN],
      [at(30), at(20), -10 * MIN],
    ]);
    expect(summary).toEqual({ openOrders: 3, madeLate: 0, madeOnTime: 1, later: 0, earlier: 2, cannotBeMade: 0 });
  });

  it('one station down: its waiting work moves to the other station of its type, what it cooks finishes there', () => {
    const base: SimInput = {
      now: NOW,
      stations: ovens(),
      tasks: [
        task('cooking', 4, { status: 'IN_PROGRESS', startedAt: NOW, stationId: 'a', orderId: 'o1', orderItemId: 'i1' }),
        bake(2, { stationId: 'a' }),
        bake(3, { stationId: 'b' }),
      ],
    };
    const { rows, summary } = compare(base, { down: ['a'] });
    // o2, queued before o3, goes first at oven b; o3 waits behind it.
    expect(rows.map((r) => r.whatIfReadyAt)).toEqual([at(4), at(10), at(20)]);
    expect(rows.map((r) => r.currentReadyAt)).toEqual([at(4), at(14), at(10)]);
    expect(summary).toMatchObject({ madeLate: 1, earlier: 1, later: 1 });
  });

  it('the only station of a type down: its orders have no ready time with the change', () => {
    const { rows, summary } = compare(kitchen(), { down: ['a'] });
    expect(rows.every((r) => r.whatIfReadyAt === null && r.deltaMs === null && !r.lateWhatIf)).toBe(true);
    expect(summary.cannotBeMade).toBe(3);
  });

  it('a slot taken at a station that follows its shifts comes off every step, never below zero', () => {
    const staffed: SimStation = {
      ...station('a', ['forno'], 2),
      capacitySteps: [
        { from: NOW, capacity: 1 },
        { from: at(30), capacity: 2 },
      ],
    };
    const { stations } = applyWhatIf({ now: NOW, stations: [staffed], tasks: [] }, { slots: [{ stationId: 'a', delta: -1 }] });
    expect(stations[0]).toEqual({
      ...staffed,
      capacity: 1,
      capacitySteps: [
        { from: NOW, capacity: 0 },
        { from: at(30), capacity: 1 },
      ],
    });
    expect(staffed.capacitySteps).toEqual([
      { from: NOW, capacity: 1 },
      { from: at(30), capacity: 2 },
    ]);
  });

  it('a rush of 3 pizzas arriving now queues behind the open orders and makes none of them later', () => {
    const { input, rows, summary } = compare(kitchen(), { rush: { orders: 3, spreadMs: 0, items: [pizza] } });
    expect(input.rushOrderIds).toEqual(['what-if:rush:0', 'what-if:rush:1', 'what-if:rush:2']);
    expect(rows.map((r) => r.deltaMs)).toEqual([0, 0, 0]);
    expect(summary.later).toBe(0);
    const result = simulateKitchen(input);
    expect(input.rushOrderIds.map((id) => result.orderReady[id])).toEqual([at(40), at(50), at(60)]);
  });

  it('a rush spread over 30 minutes arrives evenly: no rush task starts before its order arrives', () => {
    const input = applyWhatIf({ now: NOW, stations: [station('a', ['forno'], 3)], tasks: [] }, { rush: { orders: 3, spreadMs: 30 * MIN, items: [pizza] } });
    const result = simulateKitchen(input);
    expect(input.rushOrderIds.map((id) => result.orderReady[id])).toEqual([at(10), at(20), at(30)]);
  });

  it('a rush takes an idle oven, but a second rush pizza waits behind the order promised before it', () => {
    // o1's bake is released in 5 minutes. The first rush pizza finds the oven idle and bakes now,
    // delaying o1; the second has no promise yet (queue-order.ts ranks by promise), so it bakes after o1.
    const base: SimInput = {
      now: NOW,
      stations: [station('a', ['forno'], 1), station('c', ['prep'], 1)],
      tasks: [
        task('prep', 5, { status: 'IN_PROGRESS', startedAt: NOW, stationId: 'c', stationType: 'prep', promiseAt: at(16) }),
        task('bake', 10, { dependsOn: ['prep'], plannedAt: at(5), promiseAt: at(16) }),
      ],
    };
    const input = applyWhatIf(base, { rush: { orders: 2, spreadMs: 0, items: [pizza] } });
    const after = simulateKitchen(input);
    const { rows, summary } = compareWhatIf([{ id: 'o1', itemIds: ['i1'], promisedAt: at(16) }], simulateKitchen(base), after);
    expect(rows[0]).toMatchObject({ currentReadyAt: at(15), whatIfReadyAt: at(20), deltaMs: 5 * MIN, lateNow: false, lateWhatIf: true });
    expect(summary).toMatchObject({ madeLate: 1, later: 1 });
    expect(input.rushOrderIds.map((id) => after.itemReady[`${id}:0`])).toEqual([at(10), at(30)]);
  });

  it("86'd dishes come off the rush's orders; a rush of only 86'd dishes adds nothing", () => {
    const some = applyWhatIf(kitchen(), { eightySix: ['pizza'], rush: { orders: 4, spreadMs: 0, items: [pizza, salad] } });
    expect(some.droppedLines).toBe(4);
    expect(some.tasks.filter((t) => t.orderId.startsWith('what-if:')).map((t) => t.stationType)).toEqual(['cold', 'cold', 'cold', 'cold']);
    const none = applyWhatIf(kitchen(), { eightySix: ['pizza'], rush: { orders: 4, spreadMs: 0, items: [pizza] } });
    expect([none.rushOrderIds, none.tasks.length, none.droppedLines]).toEqual([[], 3, 4]);
  });

  it('86 alone leaves the open orders as they are: the kitchen cooks what it accepted', () => {
    const { rows } = compare(kitchen(), { eightySix: ['pizza'] });
    expect(rows.map((r) => r.deltaMs)).toEqual([0, 0, 0]);
  });

  it('never changes its input, and with no change simulates exactly the current kitchen', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3, max: 3 }), fc.boolean(), fc.integer({ min: 1, max: 5 }), (delta, down, rush) => {
        const base = kitchen();
        const copy = JSON.parse(JSON.stringify(base));
        applyWhatIf(base, { slots: [{ stationId: 'a', delta }], down: down ? ['a'] : [], rush: { orders: rush, spreadMs: 0, items: [pizza] } });
        expect(base).toEqual(copy);
        expect(simulateKitchen(applyWhatIf(base, {}))).toEqual(simulateKitchen(base));
      }),
      { numRuns: 50 },
    );
  });
});
