// The order a station takes its waiting tasks in. The KDS queue shows it and the cooks follow it
// (core/tasks/station-queue.ts); the ETA simulation must take them in the same order
// (domain/eta/simulate.ts), or its predictions drift from what the kitchen does.

/**
 * What ranks waiting tasks after priority. PLANNED: the task's planned start, so a new order's
 * first task can overtake an earlier order's later task. PROMISE: the order's promised ready time
 * (its first ETA), so a later order with a later promise never takes an earlier order's slot and
 * the forecast made for the earlier one stays true as new orders arrive. `npm run eta:eval`
 * measures both side by side on the same scenarios (bench/README.md).
 */
export type QueueRule = 'PLANNED' | 'PROMISE';

/** The rule the KDS and the simulation use unless a caller (the evaluation) asks for another. */
export const QUEUE_RULE: QueueRule = 'PROMISE';

/**
 * The time a waiting task is ranked by after priority. A task whose order made no promise (none
 * could be computed when it was taken) keeps its planned start: it was due to start then.
 */
export function queueKey(rule: QueueRule, plannedAt: number, promiseAt: number | null | undefined): number {
  return rule === 'PROMISE' && typeof promiseAt === 'number' && !Number.isNaN(promiseAt) ? promiseAt : plannedAt;
}

/**
 * Higher priority first, then the earliest key (queueKey), then the earliest planned start, then
 * the earliest queued. Negative when task a goes first, positive when b does, 0 on a full tie
 * (each caller breaks it by id). Positional numbers, not objects: the simulation compares on its hot path.
 */
export function compareWaiting(
  priorityA: number,
  keyA: number,
  plannedA: number,
  queuedA: number,
  priorityB: number,
  keyB: number,
  plannedB: number,
  queuedB: number,
): number {
  return priorityB - priorityA || compareTimes(keyA, keyB) || plannedA - plannedB || queuedA - queuedB;
}

/** Infinity (a hypothetical order ranked behind every promise) equals itself: its difference is NaN. */
const compareTimes = (a: number, b: number): number => (a === b ? 0 : a < b ? -1 : 1);
