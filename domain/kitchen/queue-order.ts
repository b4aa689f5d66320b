// The order a station takes its waiting tasks in. The KDS queue shows it and the cooks follow it
// (core/tasks/station-queue.ts); the ETA simulation must take them in the same order
// (domain/eta/simulate.ts), or its predictions drift from what the kitchen does.

/**
 * Higher priority first, then the earliest planned start, then the earliest queued. Negative when
 * task a goes first, positive when b does, 0 on a full tie (each caller breaks it by id).
 * Positional numbers, not objects: the simulation compares on its hot path.
 */
export function compareWaiting(priorityA: number, plannedA: number, queuedA: number, priorityB: number, plannedB: number, queuedB: number): number {
  return priorityB - priorityA || plannedA - plannedB || queuedA - queuedB;
}
