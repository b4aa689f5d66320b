// Turns the simulation input into index-based arrays once, so the event loop never touches
// strings or maps: ranks replace id comparisons, routes replace station-type matching.
import { capacityTimeline } from './capacity';
import { QUEUE_RULE, type QueueRule } from '../kitchen/queue-order';
import type { CapacityStep, SimInput, SimTask } from './types';

/**
 * Overdue work is expected to finish soon, not instantly: this share of its expected duration past
 * now. A share, not a fixed number of seconds, so it weighs the same in a 4-minute task and a
 * 40-minute one, and in a run on a compressed clock (`npm run simulate -- --speed 10`).
 */
export const OVERRUN_GRACE_SHARE = 0.1;

export function overrunGraceMs(durationMs: number): number {
  return Number.isFinite(durationMs) && durationMs > 0 ? durationMs * OVERRUN_GRACE_SHARE : 0;
}

export function inProgressFinish(task: SimTask, now: number): number {
  const duration = safeDuration(task);
  const startedAt = task.startedAt ?? now;
  return Math.max(startedAt + duration, now + overrunGraceMs(duration));
}

export function safeDuration(task: SimTask): number {
  return Number.isFinite(task.durationMs) && task.durationMs > 0 ? task.durationMs : 0;
}

export interface StationModel {
  id: string;
  /** Slots at `now`. */
  capacity: number;
  /** How the slots change after `now` (capacitySteps), in time order; empty for a constant capacity. */
  changes: CapacityStep[];
  /** Active with at least one slot now or later: only such stations take new work. */
  usable: boolean;
  /** Pools (lower-cased station types) this station may take unassigned work from. */
  pools: number[];
}

/** Task kinds: FIXED ones (DONE, IN_PROGRESS) have known times; OPEN ones get scheduled. */
export enum Kind {
  Cancelled,
  Done,
  InProgress,
  Open,
}

export interface KitchenModel {
  now: number;
  tasks: SimTask[];
  kind: Kind[];
  /** Priority with garbage (NaN, missing) read as normal, so the queue order stays total. */
  priority: Float64Array;
  /** Position of the id in sorted order: the final, deterministic tie-break. */
  rank: Int32Array;
  late: Uint8Array;
  /** Dependents still waiting on this task. */
  children: number[][];
  /** Unfinished dependencies (IN_PROGRESS or OPEN) of each OPEN task. */
  waiting: Int32Array;
  /** Earliest start of each OPEN task: now, notBefore and the finish of DONE dependencies. */
  readyFloor: Float64Array;
  /** Station index for assigned tasks, -(pool + 1) for pooled ones, unused otherwise. */
  route: Int32Array;
  /** Station index of IN_PROGRESS tasks, -1 when their station is unknown. */
  runningOn: Int32Array;
  stations: StationModel[];
  /** Usable station indices serving each pool. */
  poolStations: number[][];
  unschedulable: number[];
  queueRule: QueueRule;
}

const KIND_OF: Record<string, Kind> = { CANCELLED: Kind.Cancelled, DONE: Kind.Done, IN_PROGRESS: Kind.InProgress };

export function buildModel(input: SimInput): KitchenModel {
  const { now } = input;
  // Duplicate ids would corrupt the dependency graph; the first occurrence wins.
  const seen = new Map<string, number>();
  const tasks: SimTask[] = [];
  for (const task of input.tasks) {
    if (seen.has(task.id)) continue;
    seen.set(task.id, tasks.length);
    tasks.push(task);
  }
  const n = tasks.length;
  const kind = tasks.map((t) => KIND_OF[t.status] ?? Kind.Open);
  const priority = Float64Array.from(tasks, (t) => (Number.isFinite(t.priority) ? t.priority : 0));
  const rank = new Int32Array(n);
  // The engine's own string sort: no comparator is called back per pair.
  tasks
    .map((t) => t.id)
    .sort()
    .forEach((id, r) => (rank[seen.get(id)!] = r));
  const late = new Uint8Array(n);
  if (input.latecomerTaskIds) tasks.forEach((t, i) => (late[i] = input.latecomerTaskIds!.has(t.id) ? 1 : 0));

  const { stations, stationIndex, poolStations, poolIndex } = buildStations(input, tasks);
  const children: number[][] = tasks.map(() => []);
  const waiting = new Int32Array(n);
  const readyFloor = new Float64Array(n);
  const route = new Int32Array(n);
  const runningOn = new Int32Array(n).fill(-1);
  const unschedulable: number[] = [];

  tasks.forEach((task, i) => {
    if (kind[i] === Kind.InProgress) runningOn[i] = stationIndex.get(task.stationId ?? '') ?? -1;
    if (kind[i] !== Kind.Open) return;
    readyFloor[i] = Math.max(now, task.notBefore ?? now);
    for (const depId of new Set(task.dependsOn)) {
      const d = seen.get(depId);
      if (d === undefined || kind[d] === Kind.Cancelled) continue;
      if (kind[d] === Kind.Done) readyFloor[i] = Math.max(readyFloor[i], tasks[d].completedAt ?? now);
      else {
        waiting[i] += 1;
        children[d].push(i);
      }
    }
    const assigned = stationIndex.get(task.stationId ?? '');
    if (assigned !== undefined && stations[assigned].usable) route[i] = assigned;
    else {
      const pool = poolIndex.get(task.stationType.toLowerCase())!;
      route[i] = -(pool + 1);
      if (poolStations[pool].length === 0) unschedulable.push(i);
    }
  });
  return {
    now,
    tasks,
    kind,
    priority,
    rank,
    late,
    children,
    waiting,
    readyFloor,
    route,
    runningOn,
    stations,
    poolStations,
    unschedulable,
    queueRule: input.queueRule ?? QUEUE_RULE,
  };
}

function buildStations(input: SimInput, tasks: SimTask[]) {
  const poolIndex = new Map<string, number>();
  for (const task of tasks) {
    const key = task.stationType.toLowerCase();
    if (!poolIndex.has(key)) poolIndex.set(key, poolIndex.size);
  }
  const poolStations: number[][] = [...poolIndex.keys()].map(() => []);
  const stationIndex = new Map<string, number>();
  // Sorted by id so the stations' own order in the input never changes the outcome.
  const sorted = [...input.stations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const stations: StationModel[] = [];
  for (const station of sorted) {
    if (stationIndex.has(station.id)) continue;
    const { initial: capacity, changes } = capacityTimeline(station, input.now);
    const usable = station.isActive && (capacity >= 1 || changes.some((c) => c.capacity >= 1));
    const pools = new Set<number>();
    for (const type of station.taskTypes) {
      const pool = poolIndex.get(type.toLowerCase());
      if (pool !== undefined) pools.add(pool);
    }
    const index = stations.length;
    stationIndex.set(station.id, index);
    stations.push({ id: station.id, capacity, changes: usable ? changes : [], usable, pools: usable ? [...pools] : [] });
    if (usable) for (const pool of pools) poolStations[pool].push(index);
  }
  return { stations, stationIndex, poolStations, poolIndex };
}
