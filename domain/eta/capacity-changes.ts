// The capacity changes of a kitchen model's stations as one timeline, for the event loop.
import type { KitchenModel } from './kitchen-model';

export interface CapacityChange {
  time: number;
  station: number;
  capacity: number;
  /** The station's slots just before: the change adds capacity - before free slots (or takes them). */
  before: number;
}

/** Every usable station's capacity changes, in time order (then station index, which is id order). */
export function capacityChanges(model: KitchenModel): CapacityChange[] {
  const out: CapacityChange[] = [];
  model.stations.forEach((s, index) => {
    let before = s.capacity;
    for (const step of s.changes) {
      out.push({ time: step.from, station: index, capacity: step.capacity, before });
      before = step.capacity;
    }
  });
  return out.sort((a, b) => a.time - b.time || a.station - b.station);
}
