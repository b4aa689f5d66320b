// Hand-written kitchens for the example tests: readable builders with sensible defaults.
import type { SimStation, SimTask } from './types';

export const NOW = Date.UTC(2026, 10, 20, 19, 0, 0);
export const MIN = 60_000;

export function station(id: string, taskTypes: string[], capacity = 1, isActive = true): SimStation {
  return { id, taskTypes, capacity, isActive };
}

/** A task of order o1 / item i1 that needs `minutes` at a forno station, pending by default. */
export function task(id: string, minutes: number, overrides: Partial<SimTask> = {}): SimTask {
  return {
    id,
    orderId: 'o1',
    orderItemId: 'i1',
    stationType: 'forno',
    status: 'PENDING',
    dependsOn: [],
    durationMs: minutes * MIN,
    priority: 0,
    ...overrides,
  };
}

/** Queued `minutesAgo` (so queue order is explicit) on an assigned station. */
export function queued(id: string, minutes: number, minutesAgo: number, overrides: Partial<SimTask> = {}): SimTask {
  return task(id, minutes, { status: 'QUEUED', queuedAt: NOW - minutesAgo * MIN, ...overrides });
}

/** Minutes from NOW, for readable expectations. */
export const at = (minutes: number) => NOW + minutes * MIN;
