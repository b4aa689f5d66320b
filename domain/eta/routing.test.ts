import { at, MIN, NOW, queued, station, task } from './fixtures';
import { simulateKitchen } from './simulate';

const busy = (id: string, stationId: string, minutesLeft: number) =>
  task(id, minutesLeft, { status: 'IN_PROGRESS', startedAt: NOW, stationId, orderId: 'o-busy', orderItemId: `i-${id}` });

describe('simulateKitchen: choosing a station', () => {
  it('sends an unassigned task to the station that can start it earliest', () => {
    const r = simulateKitchen({
      now: NOW,
      stations: [station('oven-a', ['forno']), station('oven-b', ['forno'])],
      tasks: [busy('x', 'oven-a', 5), busy('y', 'oven-b', 2), task('pizza', 8)],
    });
    expect(r.taskStation.pizza).toBe('oven-b');
    expect(r.taskStart.pizza).toBe(at(2));
  });

  it('breaks a tie between equally free stations by fewer queued tasks, then by id', () => {
    const stations = [station('oven-a', ['forno']), station('oven-b', ['forno']), station('oven-c', ['forno'])];
    const r = simulateKitchen({
      now: NOW,
      stations,
      tasks: [busy('x', 'oven-a', 5), busy('y', 'oven-b', 5), queued('waiting', 3, 1, { stationId: 'oven-a' }), busy('z', 'oven-c', 5), task('pizza', 8)],
    });
    expect(r.taskStation.pizza).toBe('oven-b');
    const idle = simulateKitchen({ now: NOW, stations, tasks: [task('pizza', 8)] });
    expect(idle.taskStation.pizza).toBe('oven-a');
  });

  it('keeps an assigned task on its station even when another station is idle', () => {
    const r = simulateKitchen({
      now: NOW,
      stations: [station('oven-a', ['forno']), station('oven-b', ['forno'])],
      tasks: [busy('x', 'oven-a', 5), queued('mine', 3, 1, { stationId: 'oven-a' })],
    });
    expect(r.taskStation.mine).toBe('oven-a');
    expect(r.taskStart.mine).toBe(at(5));
    expect(r.stationFreeAt).toEqual({ 'oven-a': at(8), 'oven-b': NOW });
  });

  it('moves a task assigned to a deactivated station to an active one that serves its type', () => {
    const r = simulateKitchen({
      now: NOW,
      stations: [station('old-oven', ['forno'], 1, false), station('oven', ['forno'])],
      tasks: [queued('pizza', 8, 2, { stationId: 'old-oven' })],
    });
    expect(r.taskStation.pizza).toBe('oven');
  });

  it('lets a task in progress on a deactivated station finish there', () => {
    const r = simulateKitchen({
      now: NOW,
      stations: [station('old-oven', ['forno'], 1, false)],
      tasks: [task('pizza', 8, { status: 'IN_PROGRESS', startedAt: NOW - 2 * MIN, stationId: 'old-oven' })],
    });
    expect(r.taskFinish.pizza).toBe(at(6));
    expect(r.itemReady.i1).toBe(at(6));
  });

  it('gives the same result whatever the order of tasks and stations in the input', () => {
    const stations = [station('oven-a', ['forno'], 2), station('oven-b', ['forno'])];
    const tasks = [task('p1', 4), task('p2', 4), task('p3', 4), task('p4', 4), queued('q', 2, 1, { priority: 1 })];
    const forward = simulateKitchen({ now: NOW, stations, tasks });
    const backward = simulateKitchen({ now: NOW, stations: [...stations].reverse(), tasks: [...tasks].reverse() });
    expect(backward).toEqual(forward);
  });
});

describe('simulateKitchen: work no station can do', () => {
  const tasks = [
    task('roll', 5, { stationType: 'sushi', orderId: 'o-sushi', orderItemId: 'i-sushi' }),
    task('box', 1, { stationType: 'packaging', dependsOn: ['roll'], orderId: 'o-sushi', orderItemId: 'i-sushi' }),
    task('pizza', 8, { orderId: 'o-sushi', orderItemId: 'i-pizza' }),
    task('other', 8, { orderId: 'o-other', orderItemId: 'i-other' }),
  ];

  it('reports the task unschedulable and gives its item and order no ready time', () => {
    const r = simulateKitchen({ now: NOW, stations: [station('oven', ['forno'], 2), station('pass', ['packaging'])], tasks });
    expect(r.unschedulable).toEqual(['roll']);
    expect(r.taskStart).not.toHaveProperty('roll');
    expect(r.taskStart).not.toHaveProperty('box');
    expect(r.itemReady).toEqual({ 'i-pizza': at(8), 'i-other': at(8) });
    expect(r.orderReady).toEqual({ 'o-other': at(8) });
  });

  it('counts a station type served only by inactive or zero-capacity stations as unserved', () => {
    const stations = [station('sushi-bar', ['sushi'], 1, false), station('sushi-2', ['sushi'], 0), station('oven', ['forno'])];
    const r = simulateKitchen({ now: NOW, stations, tasks });
    expect(r.unschedulable).toEqual(['box', 'roll']);
  });
});
