import { compareWaiting, queueKey } from './queue-order';
import { simulateKitchen } from '../eta/simulate';
import { quoteItems } from '../eta/quote';
import { at, MIN, NOW, queued, station, task } from '../eta/fixtures';

describe('queue order', () => {
  it('ranks by the promise under PROMISE and by the planned start under PLANNED', () => {
    expect(queueKey('PROMISE', at(5), at(30))).toBe(at(30));
    expect(queueKey('PLANNED', at(5), at(30))).toBe(at(5));
    // An order that made no promise keeps its planned start.
    expect(queueKey('PROMISE', at(5), null)).toBe(at(5));
  });

  it('puts priority first, then the key, then the planned start, then the arrival', () => {
    expect(compareWaiting(1, at(40), 0, 0, 0, at(10), 0, 0)).toBeLessThan(0);
    expect(compareWaiting(0, at(10), at(9), 0, 0, at(20), at(1), 0)).toBeLessThan(0);
    expect(compareWaiting(0, at(10), at(2), at(5), 0, at(10), at(1), at(9))).toBeGreaterThan(0);
    expect(compareWaiting(0, at(10), at(1), at(5), 0, at(10), at(1), at(3))).toBeGreaterThan(0);
    // A quote's order (no promise yet, Infinity) ties with another and loses to any promise.
    expect(compareWaiting(0, Infinity, 0, 0, 0, Infinity, 0, 0)).toBe(0);
    expect(compareWaiting(0, Infinity, 0, 0, 0, at(90), 0, 0)).toBeGreaterThan(0);
  });

  // An earlier order's downstream task (planned late in its recipe) against a later order's first task.
  const kitchen = (queueRule: 'PLANNED' | 'PROMISE') =>
    simulateKitchen({
      now: NOW,
      queueRule,
      stations: [station('grill', ['forno'])],
      tasks: [
        task('busy', 2, { status: 'IN_PROGRESS', startedAt: NOW, stationId: 'grill', orderId: 'o0', orderItemId: 'i0' }),
        queued('earlier-order', 4, 1, { orderId: 'o1', orderItemId: 'i1', plannedAt: at(8), promiseAt: at(12), stationId: 'grill' }),
        queued('later-order', 4, 0, { orderId: 'o2', orderItemId: 'i2', plannedAt: at(1), promiseAt: at(20), stationId: 'grill' }),
      ],
    });

  it('lets a later order overtake under PLANNED, and keeps the earlier promise under PROMISE', () => {
    expect(kitchen('PLANNED').orderReady).toMatchObject({ o2: at(6), o1: at(10) });
    expect(kitchen('PROMISE').orderReady).toMatchObject({ o1: at(6), o2: at(10) });
  });

  it('quotes a new order behind every promised order under PROMISE', () => {
    const promised = [
      task('busy', 2, { status: 'IN_PROGRESS', startedAt: NOW, stationId: 'grill', orderId: 'o0', orderItemId: 'i0' }),
      queued('waiting', 4, 1, { orderId: 'o1', orderItemId: 'i1', plannedAt: at(8), promiseAt: at(30), stationId: 'grill' }),
    ];
    const newItems = [{ key: 'a', tasks: [task('only', 3, { plannedAt: NOW })] }];
    const stations = [station('grill', ['forno'])];
    expect(quoteItems({ now: NOW, stations, tasks: promised, newItems, queueRule: 'PROMISE', sampledRuns: 0 }).readyAt).toBe(at(9));
    // Under PLANNED its planned start (now) goes ahead of the waiting task planned at 8.
    expect(quoteItems({ now: NOW, stations, tasks: promised, newItems, queueRule: 'PLANNED', sampledRuns: 0 }).readyAt).toBe(NOW + 5 * MIN);
  });
});
