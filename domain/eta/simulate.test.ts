import { at, MIN, NOW, queued, station, task } from './fixtures';
import { simulateKitchen } from './simulate';

describe('simulateKitchen: queues and capacity', () => {
  it('runs three queued tasks one after another on a station with one slot', () => {
    const r = simulateKitchen({
      now: NOW,
      stations: [station('oven', ['forno'], 1)],
      tasks: [queued('a', 4, 3), queued('b', 5, 2), queued('c', 6, 1)],
    });
    expect(r.taskStart).toEqual({ a: at(0), b: at(4), c: at(9) });
    expect(r.taskFinish).toEqual({ a: at(4), b: at(9), c: at(15) });
    expect(r.itemReady).toEqual({ i1: at(15) });
    expect(r.orderReady).toEqual({ o1: at(15) });
    expect(r.stationFreeAt).toEqual({ oven: at(15) });
    expect(r.unschedulable).toEqual([]);
  });

  it('runs two tasks in parallel on a station with two slots and starts the third when one frees', () => {
    const r = simulateKitchen({
      now: NOW,
      stations: [station('oven', ['forno'], 2)],
      tasks: [queued('a', 4, 3), queued('b', 5, 2), queued('c', 6, 1)],
    });
    expect(r.taskFinish).toEqual({ a: at(4), b: at(5), c: at(10) });
    expect(r.taskStation).toEqual({ a: 'oven', b: 'oven', c: 'oven' });
  });

  it('lets an urgent task jump ahead of normal work queued earlier', () => {
    const r = simulateKitchen({
      now: NOW,
      stations: [station('oven', ['forno'], 1)],
      tasks: [
        task('cooking', 8, { status: 'IN_PROGRESS', startedAt: NOW - 3 * MIN, stationId: 'oven' }),
        queued('normal', 4, 10, { orderItemId: 'i2' }),
        queued('urgent', 2, 1, { orderItemId: 'i3', orderId: 'o3', priority: 2 }),
      ],
    });
    expect(r.taskStart.urgent).toBe(at(5));
    expect(r.taskStart.normal).toBe(at(7));
    expect(r.orderReady).toEqual({ o1: at(11), o3: at(7) });
  });

  it('serves work that was queued earlier first among equal priorities, then by id', () => {
    const r = simulateKitchen({
      now: NOW,
      stations: [station('oven', ['forno'], 1)],
      tasks: [queued('b-late', 1, 1), queued('z-early', 1, 9), task('a-pending', 1), task('c-pending', 1)],
    });
    // Pending tasks become ready now, after everything that was queued minutes ago.
    expect(r.taskStart).toEqual({ 'z-early': at(0), 'b-late': at(1), 'a-pending': at(2), 'c-pending': at(3) });
  });

  it("takes an older order's task released late before a newer order's queued earlier, by planned start as the KDS queue does", () => {
    const r = simulateKitchen({
      now: NOW,
      stations: [station('oven', ['forno'], 1), station('prep', ['banco'], 1)],
      tasks: [
        task('cooking', 3, { status: 'IN_PROGRESS', startedAt: NOW, stationId: 'oven' }),
        // The older order's bake waits for its dough (done in 2 minutes); it was planned 10 minutes ago.
        task('dough', 2, { status: 'IN_PROGRESS', startedAt: NOW, stationId: 'prep', orderId: 'old', orderItemId: 'old-1', stationType: 'banco' }),
        task('bake', 4, { dependsOn: ['dough'], orderId: 'old', orderItemId: 'old-1', plannedAt: NOW - 10 * MIN }),
        // The newer order's only task is already in the oven's queue, planned for now.
        queued('new-bake', 4, 0, { orderId: 'new', orderItemId: 'new-1', plannedAt: NOW }),
      ],
    });
    expect(r.taskStart).toMatchObject({ bake: at(3), 'new-bake': at(7) });
    expect(r.orderReady).toMatchObject({ old: at(7), new: at(11) });
  });

  it('matches station types case-insensitively', () => {
    const r = simulateKitchen({ now: NOW, stations: [station('oven', ['FORNO'])], tasks: [task('a', 3, { stationType: 'Forno' })] });
    expect(r.taskFinish.a).toBe(at(3));
    expect(r.taskStation.a).toBe('oven');
  });
});

describe('simulateKitchen: tasks already in progress', () => {
  it('finishes a task started 5 minutes ago with an 8 minute duration 3 minutes from now', () => {
    const r = simulateKitchen({
      now: NOW,
      stations: [station('oven', ['forno'], 1)],
      tasks: [task('pizza', 8, { status: 'IN_PROGRESS', startedAt: NOW - 5 * MIN, stationId: 'oven' }), queued('next', 2, 1)],
    });
    expect(r.taskStart.pizza).toBe(NOW - 5 * MIN);
    expect(r.taskFinish.pizza).toBe(at(3));
    expect(r.taskStart.next).toBe(at(3));
  });

  it('gives an overdue task a grace of 10% of its duration instead of finishing it now', () => {
    const r = simulateKitchen({
      now: NOW,
      stations: [station('oven', ['forno'], 1)],
      tasks: [task('late', 8, { status: 'IN_PROGRESS', startedAt: NOW - 10 * MIN, stationId: 'oven' }), queued('next', 2, 1)],
    });
    expect(r.taskFinish.late).toBe(NOW + 48_000);
    expect(r.taskStart.next).toBe(NOW + 48_000);
  });

  it('gives a short overdue task the same share of its duration, not a fixed number of seconds', () => {
    const r = simulateKitchen({
      now: NOW,
      stations: [station('oven', ['forno'])],
      tasks: [task('late', 2, { status: 'IN_PROGRESS', startedAt: NOW - 5 * MIN, stationId: 'oven' })],
    });
    // 10 % of 2 minutes: on a clock compressed ten times it weighs what it weighs in a real kitchen.
    expect(r.taskFinish.late).toBe(NOW + 12_000);
  });

  it('keeps a station with more tasks in progress than slots full until enough of them finish', () => {
    const r = simulateKitchen({
      now: NOW,
      stations: [station('oven', ['forno'], 1)],
      tasks: [
        task('x', 4, { status: 'IN_PROGRESS', startedAt: NOW, stationId: 'oven' }),
        task('y', 6, { status: 'IN_PROGRESS', startedAt: NOW, stationId: 'oven' }),
        queued('next', 1, 1),
      ],
    });
    expect(r.taskStart.next).toBe(at(6));
  });
});

describe('simulateKitchen: dependencies and pacing', () => {
  const stations = [station('bench', ['prep']), station('oven', ['forno']), station('pass', ['packaging'])];

  it('waits for dependencies across stations: dough at prep, bake at forno, box at packaging', () => {
    const r = simulateKitchen({
      now: NOW,
      stations,
      tasks: [
        task('dough', 3, { stationType: 'prep', status: 'QUEUED', queuedAt: NOW }),
        task('bake', 8, { dependsOn: ['dough'] }),
        task('box', 1, { stationType: 'packaging', dependsOn: ['bake'] }),
      ],
    });
    expect(r.taskStart).toEqual({ dough: at(0), bake: at(3), box: at(11) });
    expect(r.itemReady.i1).toBe(at(12));
    expect(r.taskStation).toEqual({ dough: 'bench', bake: 'oven', box: 'pass' });
  });

  it('starts dependents of finished tasks now and reports a finished item at its last completion', () => {
    const r = simulateKitchen({
      now: NOW,
      stations,
      tasks: [
        task('dough', 3, { stationType: 'prep', status: 'DONE', startedAt: at(-9), completedAt: at(-6), stationId: 'bench' }),
        task('bake', 8, { dependsOn: ['dough'] }),
        task('salad', 2, { orderItemId: 'i2', stationType: 'prep', status: 'DONE', startedAt: at(-4), completedAt: at(-2) }),
      ],
    });
    expect(r.taskStart.bake).toBe(NOW);
    expect(r.itemReady).toEqual({ i1: at(8), i2: at(-2) });
    expect(r.taskStation.dough).toBe('bench');
  });

  it('does not start a task before its notBefore but lets other work use the station meanwhile', () => {
    const r = simulateKitchen({
      now: NOW,
      stations,
      tasks: [queued('paced', 2, 5, { priority: 2, notBefore: at(7) }), queued('other', 5, 1, { orderItemId: 'i2' })],
    });
    expect(r.taskStart).toEqual({ other: at(0), paced: at(7) });
  });

  it('ignores cancelled tasks, both as dependencies and in the ready time', () => {
    const r = simulateKitchen({
      now: NOW,
      stations,
      tasks: [task('extra', 30, { status: 'CANCELLED' }), task('bake', 8, { dependsOn: ['extra'] })],
    });
    expect(r.taskStart).toEqual({ bake: NOW });
    expect(r.itemReady.i1).toBe(at(8));
  });

  it('treats a dependency missing from the input as already finished', () => {
    const r = simulateKitchen({ now: NOW, stations, tasks: [task('bake', 8, { dependsOn: ['archived'] })] });
    expect(r.taskFinish.bake).toBe(at(8));
  });
});
