import type { StationLoadPayload, TaskCompletedPayload, TaskUpdatedPayload } from '../../../contracts/socket-events';
import type { QueueTicket, StationQueueData } from './kds-api';

export type QueueEvent =
  | { type: 'task:updated'; payload: TaskUpdatedPayload }
  | { type: 'task:completed'; payload: TaskCompletedPayload }
  | { type: 'station:load'; payload: StationLoadPayload };

export interface Reconciled {
  queue: StationQueueData;
  /** The event says something the cached queue cannot show by itself (a new ticket, new times). */
  refetch: boolean;
}

const ON_SCREEN = new Set(['QUEUED', 'IN_PROGRESS']);

/** In progress first, then the server's order: the same rule as core/tasks/station-queue.ts. */
function ordered(tasks: QueueTicket[]): QueueTicket[] {
  const working = tasks.filter((t) => t.status === 'IN_PROGRESS');
  return [...working, ...tasks.filter((t) => t.status !== 'IN_PROGRESS')];
}

/** A server answer can never show a ticket twice, whatever it contains. */
export function uniqueTickets(tasks: QueueTicket[]): QueueTicket[] {
  const seen = new Set<string>();
  return tasks.filter((t) => !seen.has(t.id) && seen.add(t.id));
}

function withTasks(queue: StationQueueData, tasks: QueueTicket[]): StationQueueData {
  const inProgress = tasks.filter((t) => t.status === 'IN_PROGRESS').length;
  return { ...queue, tasks, inProgress, queued: tasks.length - inProgress };
}

/**
 * Applies one live event to this station's cached queue. Events arrive twice (the API emits task
 * events to the tenant room and to the station room), late, or after a refetch already showed
 * their effect, so this is idempotent: applying an event again changes nothing. What the cache can
 * show at once (a ticket starting, leaving) it shows; anything it cannot draw asks for a refetch.
 */
export function reconcileQueue(queue: StationQueueData, event: QueueEvent, stationId: string): Reconciled {
  if (event.type === 'station:load') return { queue, refetch: event.payload.stationId === stationId };

  const { taskId } = event.payload;
  const current = queue.tasks.find((t) => t.id === taskId);
  const status = event.type === 'task:completed' ? 'DONE' : event.payload.status;
  const here = event.payload.stationId === stationId;

  if (!current) return { queue, refetch: here && ON_SCREEN.has(status) };
  if (!here || !ON_SCREEN.has(status)) {
    return {
      queue: withTasks(
        queue,
        queue.tasks.filter((t) => t.id !== taskId),
      ),
      refetch: true,
    };
  }
  if (current.status === status) return { queue, refetch: true };
  const tasks = ordered(queue.tasks.map((t) => (t.id === taskId ? { ...t, status, elapsedSeconds: 0 } : t)));
  return { queue: withTasks(queue, tasks), refetch: true };
}
