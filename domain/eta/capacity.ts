// A station's capacity as a step function of time (SimStation.capacitySteps), read one way by the
// simulation, the quote and the screens that say whether a station is staffed.
import type { CapacityStep, SimStation } from './types';

type Stepped = Pick<SimStation, 'capacity' | 'capacitySteps'>;

/** Whole slots, never negative; garbage (NaN, Infinity) is no slot at all. */
export const slots = (capacity: number): number => (Number.isFinite(capacity) ? Math.max(0, Math.floor(capacity)) : 0);

/** The steps in time order, whole slots, one per instant (the later of equal ones wins); unusable instants dropped. */
export function sortedSteps(station: Stepped): CapacityStep[] {
  const given = station.capacitySteps;
  if (!given || given.length === 0) return [];
  // Array.prototype.sort is stable: equal instants keep the caller's order, so the last one is the caller's last.
  const steps = given.filter((s) => !Number.isNaN(s.from) && s.from !== Infinity).sort((a, b) => a.from - b.from);
  const out: CapacityStep[] = [];
  for (const step of steps) {
    const next = { from: step.from, capacity: slots(step.capacity) };
    if (out.length > 0 && out[out.length - 1].from === next.from) out[out.length - 1] = next;
    else out.push(next);
  }
  return out;
}

export interface CapacityTimeline {
  /** Slots at `at`. */
  initial: number;
  /** Later changes only: each step after `at` whose capacity differs from the one before it. */
  changes: CapacityStep[];
}

/** The capacity at `at` and how it changes afterwards. */
export function capacityTimeline(station: Stepped, at: number): CapacityTimeline {
  let initial = slots(station.capacity);
  const changes: CapacityStep[] = [];
  for (const step of sortedSteps(station)) {
    if (step.from <= at) initial = step.capacity;
    else if (step.capacity !== (changes.length > 0 ? changes[changes.length - 1].capacity : initial)) changes.push(step);
  }
  return { initial, changes };
}

export function capacityAt(station: Stepped, at: number): number {
  return capacityTimeline(station, at).initial;
}

/** The first instant from `at` on at which the station has a slot (`at` itself when it has one then); null: never. */
export function staffedFrom(station: Stepped, at: number): number | null {
  const { initial, changes } = capacityTimeline(station, at);
  if (initial >= 1) return at;
  return changes.find((c) => c.capacity >= 1)?.from ?? null;
}
