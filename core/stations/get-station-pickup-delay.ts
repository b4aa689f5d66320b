import { learnPickupDelay } from '../../domain/eta/pickup-delay';
import type { Learned } from '../../domain/eta';
import type { ServiceOptions } from '../types';

/** How many of the station's recently started tasks the pickup delay learns from. */
export const PICKUP_WINDOW = 200;
/** Older rows read with them only as the work ahead of the window's first tasks (so those are not judged alone). */
const PICKUP_CONTEXT = 50;

/**
 * How long a ticket waits at this station, once it has a slot for it, before a cook starts it:
 * learned from its last PICKUP_WINDOW started tasks (domain/eta/pickup-delay.ts), against its
 * configured capacity; null until one could be told.
 */
export async function getStationPickupDelay({ db, input }: ServiceOptions<{ stationId: string; capacity: number }>): Promise<Learned | null> {
  const rows = await db.taskInstance.findMany({
    // A task cancelled while running has no finish time: it would hold its slot for ever.
    where: { stationId: input.stationId, status: { in: ['DONE', 'IN_PROGRESS'] }, queuedAt: { not: null }, startedAt: { not: null } },
    orderBy: [{ startedAt: 'desc' }, { id: 'asc' }],
    take: PICKUP_WINDOW + PICKUP_CONTEXT,
    select: { queuedAt: true, startedAt: true, completedAt: true },
  });
  const tasks = rows.map((r) => ({ queuedAt: r.queuedAt!.getTime(), startedAt: r.startedAt!.getTime(), completedAt: r.completedAt?.getTime() ?? null }));
  const since = tasks.length > PICKUP_WINDOW ? tasks[PICKUP_WINDOW - 1].startedAt : -Infinity;
  return learnPickupDelay(input.capacity, tasks, since);
}
