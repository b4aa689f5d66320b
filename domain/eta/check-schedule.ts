// Test support: independent, brute-force checks of a SimResult against its input. Each returns
// human-readable violations (empty = holds). Deliberately O(n²) and unlike the engine's code.
import { OVERRUN_GRACE_SHARE } from './kitchen-model';
import type { SimInput, SimResult, SimStation, SimTask } from './types';

const open = (t: SimTask) => t.status !== 'DONE' && t.status !== 'IN_PROGRESS' && t.status !== 'CANCELLED';
const serves = (s: SimStation, type: string) => s.taskTypes.some((t) => t.toLowerCase() === type.toLowerCase());
const whole = (c: number) => (Number.isFinite(c) ? Math.max(0, Math.floor(c)) : 0);

/** Slots at `t`: the step in force then (the last listed of those with the latest `from` ≤ t), else `capacity`. */
export function slotsAt(s: SimStation, t: number): number {
  let found: { from: number; capacity: number } | null = null;
  for (const step of s.capacitySteps ?? []) if (step.from <= t && (found === null || step.from >= found.from)) found = step;
  return whole(found ? found.capacity : s.capacity);
}

/** Instants at which the station's slots may change. */
const stepInstants = (s: SimStation) => (s.capacitySteps ?? []).map((step) => step.from);

/** Active, with a slot now or at some later step. */
const usable = (s: SimStation, now: number) => s.isActive && [now, ...stepInstants(s).filter((t) => t > now)].some((t) => slotsAt(s, t) >= 1);

/** Stations an open task may run on: its assigned one if usable, else every usable one serving its type. */
export function eligibleStations(input: SimInput, task: SimTask): SimStation[] {
  const assigned = input.stations.find((s) => s.id === task.stationId);
  if (assigned && usable(assigned, input.now)) return [assigned];
  return input.stations.filter((s) => usable(s, input.now) && serves(s, task.stationType));
}

/** The earliest instant the task could start: now, notBefore, and its live dependencies' finishes. */
export function readyTime(input: SimInput, result: SimResult, task: SimTask): number {
  let ready = Math.max(input.now, task.notBefore ?? input.now);
  for (const depId of task.dependsOn) {
    const dep = input.tasks.find((t) => t.id === depId);
    if (!dep || dep.status === 'CANCELLED') continue;
    ready = Math.max(ready, result.taskFinish[depId] ?? Infinity);
  }
  return ready;
}

export function precedenceViolations(input: SimInput, result: SimResult): string[] {
  const out: string[] = [];
  for (const task of input.tasks.filter(open)) {
    const start = result.taskStart[task.id];
    if (start === undefined) continue;
    if (start < readyTime(input, result, task)) out.push(`${task.id} starts at ${start} before it is ready`);
    if (result.taskFinish[task.id] !== start + Math.max(0, task.durationMs)) out.push(`${task.id} finish != start + duration`);
  }
  for (const task of input.tasks.filter((t) => t.status === 'IN_PROGRESS')) {
    const finish = result.taskFinish[task.id];
    if (!(finish >= input.now + OVERRUN_GRACE_SHARE * Math.max(0, task.durationMs) && finish >= (task.startedAt ?? input.now) + task.durationMs)) {
      out.push(`in-progress ${task.id} finishes at ${finish}, too early`);
    }
  }
  return out;
}

/** Occupation intervals [start, finish) of every not-yet-done task, per station id. */
function intervalsByStation(input: SimInput, result: SimResult): Map<string, Array<[number, number]>> {
  const map = new Map<string, Array<[number, number]>>();
  for (const task of input.tasks) {
    const station = result.taskStation[task.id];
    if (!station || task.status === 'DONE' || task.status === 'CANCELLED') continue;
    if (!map.has(station)) map.set(station, []);
    map.get(station)!.push([result.taskStart[task.id], result.taskFinish[task.id]]);
  }
  return map;
}

const busyAt = (intervals: Array<[number, number]>, t: number) => intervals.filter(([a, b]) => a <= t && t < b).length;

/**
 * No task starts on a station whose slots (at that instant) are all taken, counting the new one.
 * Tasks already running are never stopped: when the slots drop below them (a shift ends), the
 * station only takes nothing new until they are back within its slots.
 */
export function capacityViolations(input: SimInput, result: SimResult): string[] {
  const out: string[] = [];
  const intervals = intervalsByStation(input, result);
  for (const task of input.tasks.filter(open)) {
    const stationId = result.taskStation[task.id];
    const station = input.stations.find((s) => s.id === stationId);
    if (!station) continue;
    const t = result.taskStart[task.id];
    if (busyAt(intervals.get(station.id)!, t) > slotsAt(station, t)) out.push(`${stationId} over capacity at ${t} starting ${task.id}`);
  }
  return out;
}

export function placementViolations(input: SimInput, result: SimResult): string[] {
  const out: string[] = [];
  for (const task of input.tasks.filter(open)) {
    const station = result.taskStation[task.id];
    if (station === undefined) continue;
    if (!eligibleStations(input, task).some((s) => s.id === station)) out.push(`${task.id} ran on ineligible ${station}`);
  }
  return out;
}

/**
 * Greedy list scheduling never idles: while an open task waits past its ready time, every
 * station that could run it has all its slots busy.
 */
export function idleWhileWaitingViolations(input: SimInput, result: SimResult): string[] {
  const out: string[] = [];
  const intervals = intervalsByStation(input, result);
  for (const task of input.tasks.filter(open)) {
    const start = result.taskStart[task.id];
    if (start === undefined) continue;
    const ready = readyTime(input, result, task);
    for (const station of eligibleStations(input, task)) {
      const mine = intervals.get(station.id) ?? [];
      const instants = [ready, ...[...mine.flat(), ...stepInstants(station)].filter((t) => t > ready && t < start)];
      const idle = instants.find((t) => t < start && busyAt(mine, t) < slotsAt(station, t));
      if (idle !== undefined) out.push(`${task.id} waits at ${idle} while ${station.id} has a free slot`);
    }
  }
  return out;
}

/** A station never takes a task while a higher-priority task it could run is waiting. */
export function priorityViolations(input: SimInput, result: SimResult): string[] {
  const out: string[] = [];
  const candidates = input.tasks.filter((t) => open(t) && result.taskStart[t.id] !== undefined);
  for (const taken of candidates) {
    const t = result.taskStart[taken.id];
    const station = result.taskStation[taken.id];
    for (const other of candidates) {
      if (other.priority <= taken.priority || result.taskStart[other.id] <= t) continue;
      const couldRun = eligibleStations(input, other).some((s) => s.id === station);
      if (couldRun && readyTime(input, result, other) <= t) out.push(`${station} took ${taken.id} over waiting ${other.id}`);
    }
  }
  return out;
}
