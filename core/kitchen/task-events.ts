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
}

/**
 * `task:updated` to the tenant and to the task's station room. `alsoStationId` is the station a
 * task just left (reassign, recall of a queued dependent) so that KDS drops it too.
 */
export async function emitTaskUpdated(deps: ActivityDeps, task: TaskRow, alsoStationId: string | null = null): Promise<void> {
  const payload = {
    taskId: task.id,
    status: task.status,
    orderId: task.orderId,
    orderItemId: task.orderItemId,
    stationId: task.stationId,
  };
  await emitToTenantAndStation(deps.events, task.tenantId, task.stationId, 'task:updated', payload);
  if (alsoStationId && alsoStationId !== task.stationId) {
    await deps.events.toStation(task.tenantId, alsoStationId).emit('task:updated', payload);
  }
}

export async function emitTaskCompleted(deps: ActivityDeps, task: TaskRow): Promise<void> {
  await emitToTenantAndStation(deps.events, task.tenantId, task.stationId, 'task:completed', {
    taskId: task.id,
    orderId: task.orderId,
    stationId: task.stationId,
    completedBy: task.completedById ?? null,
  });
}
