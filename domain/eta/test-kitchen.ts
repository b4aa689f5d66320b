// Test and benchmark support (not part of the engine): builds a consistent kitchen snapshot
// from plain "genes", so fast-check can generate and shrink them and the bench can draw them
// from a seeded PRNG. Consistent means: only tasks whose dependencies are done can be queued,
// running or done, and no station runs more tasks than it has slots.
import type { SimStation, SimTask, SimTaskStatus } from './types';

export const STATION_TYPES = ['prep', 'forno', 'grill', 'fry', 'cold', 'bar', 'packaging'] as const;

export interface StationGene {
  types: number[];
  capacity: number;
  active: boolean;
  /** Spell its types in upper case, to exercise case-insensitive matching. */
  shout: boolean;
  /** Capacity steps (shifts), at offsets from now (negative: already in force); absent: `capacity` throughout. */
  steps?: Array<{ atMs: number; capacity: number }>;
}

export interface TaskGene {
  type: number;
  /** Indices of earlier tasks of the same item; later ones are ignored (keeps the DAG acyclic). */
  deps: number[];
  durationMs: number;
  /** Picks the status among those consistent with the dependencies. */
  roll: number;
  /** 0..1: how long ago it was queued/started/completed, relative to its duration. */
  age: number;
  /** Which serving station it is assigned to once queued; -1 leaves it unassigned. */
  assign: number;
  notBeforeMs: number | null;
  cancelled: boolean;
}

export interface ItemGene {
  order: number;
  priority: number;
  tasks: TaskGene[];
}

export interface KitchenGenes {
  stations: StationGene[];
  items: ItemGene[];
}

export function kitchenFromGenes(genes: KitchenGenes, now: number): { stations: SimStation[]; tasks: SimTask[] } {
  const stations: SimStation[] = genes.stations.map((g, i) => ({
    id: `st-${i}`,
    capacity: g.capacity,
    isActive: g.active,
    taskTypes: g.types.map((t) => (g.shout ? STATION_TYPES[t].toUpperCase() : STATION_TYPES[t])),
    ...(g.steps ? { capacitySteps: g.steps.map((step) => ({ from: now + step.atMs, capacity: step.capacity })) } : {}),
  }));
  const serves = (s: SimStation, type: string) => s.taskTypes.some((t) => t.toLowerCase() === type);
  const running = new Map<string, number>();
  const tasks: SimTask[] = [];

  genes.items.forEach((item, k) => {
    const statuses: SimTaskStatus[] = [];
    item.tasks.forEach((g, j) => {
      const type = STATION_TYPES[g.type];
      const deps = [...new Set(g.deps.filter((d) => d < j))];
      const depsDone = deps.every((d) => statuses[d] === 'DONE' || statuses[d] === 'CANCELLED');
      let status: SimTaskStatus = g.cancelled
        ? 'CANCELLED'
        : !depsDone
          ? g.roll < 0.5
            ? 'PENDING'
            : 'BLOCKED'
          : g.roll < 0.25
            ? 'DONE'
            : g.roll < 0.45
              ? 'IN_PROGRESS'
              : g.roll < 0.7
                ? 'QUEUED'
                : 'PENDING';
      let stationId: string | null = null;
      if (status === 'IN_PROGRESS') {
        // A station deactivated mid-task still finishes the task, so inactive ones qualify here.
        const free = stations.filter((s) => serves(s, type) && (running.get(s.id) ?? 0) < Math.floor(s.capacity));
        if (free.length === 0) status = 'QUEUED';
        else {
          stationId = free[Math.abs(g.assign) % free.length].id;
          running.set(stationId, (running.get(stationId) ?? 0) + 1);
        }
      }
      if (status === 'QUEUED' && g.assign >= 0) {
        // Assigned to any active station serving the type, staffed or not: the engine must cope with both.
        const usable = stations.filter((s) => s.isActive && (s.capacity >= 1 || (s.capacitySteps?.length ?? 0) > 0) && serves(s, type));
        if (usable.length > 0) stationId = usable[g.assign % usable.length].id;
      }
      statuses.push(status);
      const ago = Math.round(g.age * 600_000);
      tasks.push({
        id: `t-${k}-${j}`,
        orderId: `order-${item.order}`,
        orderItemId: `item-${k}`,
        stationType: type,
        stationId,
        status,
        dependsOn: deps.map((d) => `t-${k}-${d}`),
        durationMs: g.durationMs,
        startedAt: status === 'IN_PROGRESS' ? now - Math.round(g.age * g.durationMs * 1.5) : status === 'DONE' ? now - ago - g.durationMs : null,
        completedAt: status === 'DONE' ? now - ago : null,
        priority: item.priority,
        queuedAt: status === 'QUEUED' ? now - ago : null,
        notBefore: g.notBeforeMs === null ? null : now + g.notBeforeMs,
      });
    });
  });
  return { stations, tasks };
}
