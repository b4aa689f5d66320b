import type { TaskStatusName } from '../../contracts/socket-events';
import { emitToTenantAndStation, type ActivityDeps } from './deps';

/** The columns every task event is built from; a row read back on retry yields the same event. */
export interface TaskRow {
  id: string;
  tenantId: string;
  orderId: string;
  orderItemId: string;
  stationId: string | null;
  status: TaskStatusName;
  completedById?: string | null;
  /**
   * The row's last writing transaction (changed_xid), read with the row: a transition announced
   * again by a retry (or by the workflow after the counter fired the task) has the same version,
   * and the publisher sends it once. Absent where a repeat is a new fact (a ticked subtask).
   */
  version?: string | null;
}

/** Sent once per task version and status; undefined (always sent) without a version. */
const once = (task: TaskRow) => (task.version ? { once: `${task.id}:${task.status}:${task.version}` } : undefined);

/**
 * `task:updated` to the tenant and to the task's station room. `alsoStationId` is the station a
 * task just left (reassign, recall of a queued dependent) so that KDS drops it too. `plannedStartAt`:
 * the task's new planned start, when re-pacing moved it.
 */
export async function emitTaskUpdated(deps: ActivityDeps, task: TaskRow, alsoStationId: string | null = null, plannedStartAt?: string): Promise<void> {
  const payload = {
    taskId: task.id,
    status: task.status,
    orderId: task.orderId,
    orderItemId: task.orderItemId,
    stationId: task.stationId,
    ...(plannedStartAt ? { plannedStartAt } : {}),
  };
  await emitToTenantAndStation(deps.events, task.tenantId, task.stationId, 'task:updated', payload, once(task));
  if (alsoStationId && alsoStationId !== task.stationId) {
    await deps.events.toStation(task.tenantId, alsoStationId).emit('task:updated', payload, once(task));
  }
}

export async function emitTaskCompleted(deps: ActivityDeps, task: TaskRow): Promise<void> {
  await emitToTenantAndStation(
    deps.events,
    task.tenantId,
    task.stationId,
    'task:completed',
    { taskId: task.id, orderId: task.orderId, stationId: task.stationId, completedBy: task.completedById ?? null },
    once(task),
  );
}
