// Event-driven list scheduling of the kitchen from `now` forward. At each instant, finished
// tasks free their slots and release dependents; then every station with a free slot takes
// its best ready task in the KDS queue's order (domain/kitchen/queue-order.ts: priority, the
// order's promise or the planned start, queued or ready time), then by id. Unassigned tasks wait in
// a pool per station type that every serving station draws from, so they start on whichever
// station can take them first. A station's slots may change over time (capacitySteps: the cooks
// on shift); each change is an instant of its own, where a station that gained slots takes work.
// Each task is pushed and popped a constant number of times: O((tasks + deps) log tasks + changes).
import { compareWaiting, queueKey } from '../kitchen/queue-order';
import { MinHeap } from './heap';
import { buildModel, inProgressFinish, Kind, safeDuration, type KitchenModel } from './kitchen-model';
import { capacityChanges } from './capacity-changes';
import { collectResult } from './collect';
import type { Schedule, SimInput, SimResult } from './types';

interface Event {
  time: number;
  task: number;
}

const finite = (t: number | null | undefined): t is number => typeof t === 'number' && Number.isFinite(t);

export function simulateKitchen(input: SimInput): SimResult {
  const model = buildModel(input);
  return collectResult(model, runSchedule(model));
}

/** Consumes the model: dependency counts and ready floors are updated in place as tasks finish. */
export function runSchedule(model: KitchenModel): Schedule {
  const { tasks, kind, now, stations } = model;
  const n = tasks.length;
  const start = new Float64Array(n).fill(NaN);
  const finish = new Float64Array(n).fill(NaN);
  const station = new Int32Array(n).fill(-1);
  const key = new Float64Array(n);
  const planned = new Float64Array(n);
  const rankKey = new Float64Array(n);
  const rule = model.queueRule;

  const events = new MinHeap<Event>((a, b) => a.time < b.time || (a.time === b.time && a.task < b.task));
  const before = (a: number, b: number): boolean => {
    const order = compareWaiting(model.priority[a], rankKey[a], planned[a], key[a], model.priority[b], rankKey[b], planned[b], key[b]);
    if (order !== 0) return order < 0;
    if (model.late[a] !== model.late[b]) return model.late[a] < model.late[b];
    return model.rank[a] < model.rank[b];
  };
  const ownQueue = stations.map(() => new MinHeap<number>(before));
  const pools = model.poolStations.map(() => new MinHeap<number>(before));
  const unschedulable = new Set(model.unschedulable);

  // Free slots go negative when more tasks are in progress than the station has slots.
  const free = stations.map((s) => s.capacity);
  const running = stations.map(() => 0);
  const dirty = new Set<number>();
  const changes = capacityChanges(model);
  let nextChange = 0;

  for (let i = 0; i < n; i++) {
    if (kind[i] === Kind.Done) {
      finish[i] = tasks[i].completedAt ?? now;
      start[i] = Math.min(tasks[i].startedAt ?? finish[i], finish[i]);
    } else if (kind[i] === Kind.InProgress) {
      start[i] = tasks[i].startedAt ?? now;
      finish[i] = inProgressFinish(tasks[i], now);
      station[i] = model.runningOn[i];
      if (station[i] >= 0) {
        free[station[i]] -= 1;
        running[station[i]] += 1;
      }
      events.push({ time: finish[i], task: i });
    } else if (kind[i] === Kind.Open && model.waiting[i] === 0 && !unschedulable.has(i)) {
      events.push({ time: model.readyFloor[i], task: i });
    }
  }

  const enqueue = (i: number, time: number): void => {
    const queuedAt = tasks[i].queuedAt;
    key[i] = finite(queuedAt) ? queuedAt : time;
    const plannedAt = tasks[i].plannedAt;
    planned[i] = finite(plannedAt) ? plannedAt : key[i];
    rankKey[i] = queueKey(rule, planned[i], tasks[i].promiseAt);
    const route = model.route[i];
    if (route >= 0) {
      ownQueue[route].push(i);
      dirty.add(route);
    } else {
      pools[-route - 1].push(i);
      for (const s of model.poolStations[-route - 1]) dirty.add(s);
    }
  };

  // One event per task: a finish for started tasks, a release for open ones whose deps are done.
  const handle = (event: Event): void => {
    const i = event.task;
    if (kind[i] === Kind.Open && Number.isNaN(start[i])) {
      enqueue(i, event.time);
      return;
    }
    if (station[i] >= 0) {
      free[station[i]] += 1;
      running[station[i]] -= 1;
      dirty.add(station[i]);
    }
    for (const child of model.children[i]) {
      model.readyFloor[child] = Math.max(model.readyFloor[child], event.time);
      model.waiting[child] -= 1;
      if (model.waiting[child] === 0 && !unschedulable.has(child)) {
        events.push({ time: model.readyFloor[child], task: child });
      }
    }
  };

  const load = (s: number): number => running[s] + ownQueue[s].size;
  const pickOrder = new MinHeap<number>((a, b) => load(a) < load(b) || (load(a) === load(b) && a < b));

  const dispatch = (time: number): void => {
    for (const s of dirty) if (stations[s].usable && free[s] > 0) pickOrder.push(s);
    dirty.clear();
    // Less loaded stations pick first, one task at a time, so shared pools spread evenly.
    while (pickOrder.size > 0) {
      const s = pickOrder.pop()!;
      const source = bestSource(stations[s].pools, ownQueue[s], pools, before);
      if (!source) continue;
      const i = source.pop()!;
      start[i] = time;
      finish[i] = time + safeDuration(tasks[i]);
      station[i] = s;
      free[s] -= 1;
      running[s] += 1;
      events.push({ time: finish[i], task: i });
      if (free[s] > 0) pickOrder.push(s);
    }
  };

  // Finishes free slots and capacity changes add or remove them before the instant's dispatch.
  const applyChanges = (time: number): void => {
    for (; nextChange < changes.length && changes[nextChange].time === time; nextChange++) {
      const { station: s, capacity } = changes[nextChange];
      free[s] += capacity - changes[nextChange].before;
      if (capacity > changes[nextChange].before) dirty.add(s);
    }
  };

  /** Tasks wait in a queue or pool: only then can a later capacity change still start something. */
  const someWaiting = (): boolean => ownQueue.some((q) => q.size > 0) || pools.some((p) => p.size > 0);

  for (;;) {
    let time = events.size > 0 ? events.peek()!.time : Infinity;
    // A capacity change is an instant of its own while something could still start then.
    if (nextChange < changes.length && changes[nextChange].time < time && (events.size > 0 || someWaiting())) time = changes[nextChange].time;
    if (time === Infinity) break;
    while (events.size > 0 && events.peek()!.time === time) handle(events.pop()!);
    if (nextChange < changes.length) applyChanges(time);
    dispatch(time);
  }
  return { start, finish, station };
}

function bestSource(stationPools: number[], own: MinHeap<number>, pools: MinHeap<number>[], before: (a: number, b: number) => boolean): MinHeap<number> | null {
  let best: MinHeap<number> | null = own.size > 0 ? own : null;
  for (const p of stationPools) {
    const heap = pools[p];
    if (heap.size > 0 && (best === null || before(heap.peek()!, best.peek()!))) best = heap;
  }
  return best;
}
