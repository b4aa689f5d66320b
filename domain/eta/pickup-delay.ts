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
 * counted as waiting for a cook. Tasks whose wait cannot be told (started before queued, a slot
 * never free before the start: more ran than `capacity`, e.g. it was changed since) give no sample.
 * Only the tasks ahead that overlap a ticket's wait are looked at twice, so a window of a few
 * hundred recent tasks costs about n² / 2 comparisons.
 */
export function pickupDelaySamples(capacity: number, tasks: ReadonlyArray<StartedTask>): Array<{ value: number; at: number }> {
  const slots = Math.max(1, Math.floor(capacity));
  const byStart = [...tasks].sort((a, b) => a.startedAt - b.startedAt);
  const out: Array<{ value: number; at: number }> = [];
  byStart.forEach((task, i) => {
    if (!(task.startedAt >= task.queuedAt)) return;
    // The tasks ahead still holding a slot at some point of this one's wait.
    const ahead: StartedTask[] = [];
    for (let j = 0; j < i && byStart[j].startedAt < task.startedAt; j++) {
      const o = byStart[j];
      if ((o.completedAt === null || o.completedAt > task.queuedAt) && Math.min(o.queuedAt, o.startedAt) <= task.startedAt) ahead.push(o);
    }
    // A slot can only come free when the task was queued or when one ahead of it finished before it started.
    const moments = [task.queuedAt, ...ahead.flatMap((o) => (o.completedAt !== null && o.completedAt <= task.startedAt ? [o.completedAt] : []))].sort(
      (a, b) => a - b,
    );
    const holding = (t: number) => ahead.filter((o) => Math.min(o.queuedAt, o.startedAt) <= t && (o.completedAt === null || o.completedAt > t)).length;
    const freeAt = moments.find((t) => t >= task.queuedAt && holding(t) < slots);
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
