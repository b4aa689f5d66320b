// What is not cooking: how long a ticket sits at a station that has a free slot before a cook
// starts it (the pickup delay), learned from the station's recorded tasks. Pure: rows in, seconds out.
import { weightedSummary, type Learned } from './learning';

/** One task the station started, epoch ms; completedAt null while it is still running. */
export interface StartedTask {
  queuedAt: number;
  startedAt: number;
  completedAt: number | null;
}

/**
 * Longer than this with a free slot is not a pickup but a screen nobody looked at (or a slot the
 * capacity promises and nobody staffs): kept out of what is learned, like an implausible bump.
 */
export const PICKUP_MAX_MS = 30 * 60_000;

/**
 * For each task, the time from the moment it was queued and the station had a slot for it to its
 * start. The tasks started before it went ahead of it: from their queueing to their finish each
 * holds a slot (running, or next in line for one), so a ticket waiting behind others is not
 * counted as waiting for a cook. Tasks whose wait cannot be told (started before queued, a slot never free before the
 * start: more ran than `capacity`, e.g. it was changed since) give no sample. O(n²) in the window,
 * which the caller keeps small (a few hundred recent tasks).
 */
export function pickupDelaySamples(capacity: number, tasks: ReadonlyArray<StartedTask>): Array<{ value: number; at: number }> {
  const slots = Math.max(1, Math.floor(capacity));
  const out: Array<{ value: number; at: number }> = [];
  tasks.forEach((task, i) => {
    if (!(task.startedAt >= task.queuedAt)) return;
    // A slot can only come free when the task was queued or when another task finished before it started.
    const moments = [task.queuedAt];
    for (const other of tasks) {
      if (other.completedAt !== null && other.completedAt > task.queuedAt && other.completedAt <= task.startedAt) moments.push(other.completedAt);
    }
    moments.sort((a, b) => a - b);
    const freeAt = moments.find((t) => {
      let ahead = 0;
      tasks.forEach((o, j) => {
        const from = Math.min(o.queuedAt, o.startedAt);
        if (j !== i && o.startedAt < task.startedAt && from <= t && (o.completedAt === null || o.completedAt > t)) ahead++;
      });
      return ahead < slots;
    });
    if (freeAt === undefined) return;
    const delay = task.startedAt - freeAt;
    if (delay <= PICKUP_MAX_MS) out.push({ value: delay / 1000, at: task.startedAt });
  });
  return out;
}

/**
 * The station's pickup delay in seconds: the time-decayed median of its samples of tasks started
 * from `since` on (older rows still count as work ahead); null without any.
 */
export function learnPickupDelay(capacity: number, tasks: ReadonlyArray<StartedTask>, since = -Infinity): Learned | null {
  return weightedSummary(pickupDelaySamples(capacity, tasks).filter((x) => x.at >= since));
}
