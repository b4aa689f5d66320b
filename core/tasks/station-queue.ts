import { compareWaiting, QUEUE_RULE, queueKey } from '../../domain/kitchen/queue-order';
import type { Station } from '../../prisma/generated/client';
import type { ServiceOptions } from '../types';
import { notFound, requireId } from '../validate';
import { readStationCards } from './task-card-sql';
import type { TaskNode } from './task-node';

export interface StationQueue {
  station: Station;
  /** IN_PROGRESS first, then QUEUED in the order the station should take them. */
  entries: TaskNode[];
  inProgress: number;
  queued: number;
  /** (queued + in progress) / capacity, like `station:load`: above 100 when work is waiting. */
  loadPercent: number;
  /** When the queue was read: elapsed times are measured from it. */
  now: Date;
}

const plannedAt = (n: TaskNode) => (n.task.plannedStartAt ?? n.task.queuedAt ?? n.task.createdAt).getTime();
const queuedAt = (n: TaskNode) => (n.task.queuedAt ?? n.task.createdAt).getTime();
const rankOf = (n: TaskNode) => queueKey(QUEUE_RULE, plannedAt(n), n.order.promisedReadyAt?.getTime() ?? null);

/** Work in hand first (oldest start on top), then waiting work by priority, the order's promise (QUEUE_RULE), planned start, arrival. */
export function compareQueueEntries(a: TaskNode, b: TaskNode): number {
  const started = (n: TaskNode) => (n.task.status === 'IN_PROGRESS' ? 0 : 1);
  if (started(a) !== started(b)) return started(a) - started(b);
  if (started(a) === 0) return (a.task.startedAt?.getTime() ?? 0) - (b.task.startedAt?.getTime() ?? 0);
  return (
    compareWaiting(a.task.priority, rankOf(a), plannedAt(a), queuedAt(a), b.task.priority, rankOf(b), plannedAt(b), queuedAt(b)) ||
    a.task.id.localeCompare(b.task.id)
  );
}

/** One station's KDS screen: one query for the station, one for its task cards (the same cards a KDS action answers with). */
export async function getStationQueue({ db, actor, input }: ServiceOptions<{ stationId: string }>): Promise<StationQueue> {
  const id = requireId(input.stationId, 'Station');
  const station = await db.station.findUnique({ where: { id } });
  if (!station) throw notFound('Station');
  const entries = (await readStationCards(db, actor.tenantId, id)).sort(compareQueueEntries);
  const inProgress = entries.filter((e) => e.task.status === 'IN_PROGRESS').length;
  const queued = entries.length - inProgress;
  const loadPercent = Math.round((entries.length / Math.max(station.capacity, 1)) * 100);
  return { station, entries, inProgress, queued, loadPercent, now: new Date() };
}
