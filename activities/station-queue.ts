import type { KitchenActivities, TaskRef } from './contract';
import { fail, type ActivityDeps, type Tx } from './deps';
import { emitStationLoad, pickStation } from './station-load';
import { emitTaskCompleted, emitTaskUpdated, type TaskRow } from './task-events';

async function findTask(db: Tx, { tenantId, taskId }: TaskRef) {
  const task = await db.taskInstance.findFirst({ where: { id: taskId, tenantId } });
  if (!task) fail('TASK_NOT_FOUND', `Task ${taskId} not found`);
  return task;
}

function notAllowed(task: { name: string; status: string }, wanted: string): never {
  fail('INVALID_TRANSITION', `Task "${task.name}" is ${task.status}; ${wanted}`);
}

/**
 * The KDS lifecycle of one task: queue it at a station, start it inside the station's capacity,
 * complete it. Every step is a conditional update on the current status; a retry that finds the
 * row already in the target state is success and re-emits the events: the first attempt may have
 * died before emitting, and the events carry the row's state, so a duplicate is harmless.
 */
export function createStationQueueActivities(deps: ActivityDeps) {
  const { prisma, clock } = deps;

  const enqueueTask: KitchenActivities['enqueueTask'] = async (ref) => {
    const task = await findTask(prisma, ref);
    if (task.status === 'PENDING' || task.status === 'BLOCKED') {
      // Releases of the same station type are serialised, or concurrent ones would all read the
      // same loads and pile onto one station ("least loaded" must see the previous choice).
      const queuedAt = clock();
      const placed = await prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${ref.tenantId}), hashtext(lower(${task.stationType})))`;
        const station = await pickStation(tx, ref.tenantId, task.stationType);
        const { count } = await tx.taskInstance.updateMany({
          where: { id: task.id, tenantId: ref.tenantId, status: { in: ['PENDING', 'BLOCKED'] } },
          data: station ? { status: 'QUEUED', stationId: station.id, queuedAt } : { status: 'BLOCKED' },
        });
        return { station, wrote: count === 1 };
      });
      // This call queued it: the row is known without reading it back.
      if (placed.station && placed.wrote) return announceQueued({ ...task, status: 'QUEUED', stationId: placed.station.id });
      if (!placed.station) {
        // Stored and announced, so boards and managers see the ticket no station can take; the
        // workflow offers it again every BLOCKED_RETRY_MS.
        const blocked = await findTask(prisma, ref);
        if (blocked.status === 'BLOCKED') {
          await emitTaskUpdated(deps, blocked);
          fail('STATION_NOT_SUITABLE', `No active station handles station type "${task.stationType}"`);
        }
      }
    }
    const queued = await findTask(prisma, ref);
    if (!queued.stationId || !['QUEUED', 'IN_PROGRESS', 'DONE'].includes(queued.status)) {
      notAllowed(queued, 'only a pending task can be queued');
    }
    return announceQueued({ ...queued, stationId: queued.stationId });
  };

  const announceQueued = async (task: TaskRow & { stationId: string }) => {
    await emitTaskUpdated(deps, task);
    await emitStationLoad(deps, task.tenantId, [task.stationId]);
    return { stationId: task.stationId };
  };

  const startTask: KitchenActivities['startTask'] = async (ref) => {
    const started = await prisma.$transaction(async (tx) => {
      const task = await findTask(tx, ref);
      if (task.status === 'IN_PROGRESS' || task.status === 'DONE') return task;
      if (task.status !== 'QUEUED' || !task.stationId) notAllowed(task, 'only a queued task can be started');
      // The row lock serialises concurrent starts at one station, so the count below stays true.
      const [station] = await tx.$queryRaw<Array<{ name: string; capacity: number }>>`
        SELECT name, capacity FROM stations
        WHERE id = ${task.stationId}::uuid AND tenant_id = ${ref.tenantId}::uuid FOR UPDATE`;
      if (!station) fail('STATION_NOT_SUITABLE', `Station ${task.stationId} of task "${task.name}" no longer exists`);
      const busy = await tx.taskInstance.count({
        where: { tenantId: ref.tenantId, stationId: task.stationId, status: 'IN_PROGRESS' },
      });
      if (busy >= station.capacity) {
        fail('STATION_AT_CAPACITY', `Station "${station.name}" is at capacity: ${station.capacity} of ${station.capacity} tasks in progress`);
      }
      await tx.taskInstance.updateMany({
        where: { id: task.id, tenantId: ref.tenantId, status: 'QUEUED', stationId: task.stationId },
        data: { status: 'IN_PROGRESS', startedAt: clock(), assignedToId: ref.userId },
      });
      return findTask(tx, ref);
    });
    if (started.status !== 'IN_PROGRESS' && started.status !== 'DONE') notAllowed(started, 'it could not be started');
    await emitTaskUpdated(deps, started);
    await emitStationLoad(deps, ref.tenantId, [started.stationId]);
    return { startedAt: (started.startedAt ?? clock()).toISOString() };
  };

  const completeTask: KitchenActivities['completeTask'] = async (ref) => {
    const done = await prisma.$transaction(async (tx) => {
      const task = await findTask(tx, ref);
      if (task.status === 'IN_PROGRESS') {
        const open = await tx.subtaskInstance.count({
          where: { tenantId: ref.tenantId, taskInstanceId: task.id, optional: false, isCompleted: false },
        });
        if (open > 0) notAllowed(task, `${open} required subtask(s) are still open`);
        await tx.taskInstance.updateMany({
          where: { id: task.id, tenantId: ref.tenantId, status: 'IN_PROGRESS' },
          data: { status: 'DONE', completedAt: clock(), completedById: ref.userId },
        });
      } else if (task.status !== 'DONE') {
        notAllowed(task, 'only a task in progress can be completed');
      }
      const row = await findTask(tx, ref);
      if (row.status !== 'DONE') throw new Error(`Task ${row.id} changed while completing; retrying`);
      await recordDuration(tx, row);
      return row;
    });
    deps.learned.forget(ref.tenantId);
    await emitTaskUpdated(deps, done);
    await emitTaskCompleted(deps, done);
    await emitStationLoad(deps, ref.tenantId, [done.stationId]);
    return { completedAt: done.completedAt!.toISOString() };
  };

  const completeSubtask: KitchenActivities['completeSubtask'] = async (ref) => {
    const task = await findTask(prisma, ref);
    const subtask = await prisma.subtaskInstance.findFirst({
      where: { id: ref.subtaskId, taskInstanceId: task.id, tenantId: ref.tenantId },
    });
    if (!subtask) fail('TASK_NOT_FOUND', `Subtask ${ref.subtaskId} of task "${task.name}" not found`);
    if (!subtask.isCompleted) {
      if (task.status === 'DONE' || task.status === 'CANCELLED') notAllowed(task, 'its subtasks can no longer change');
      await prisma.subtaskInstance.updateMany({
        where: { id: subtask.id, tenantId: ref.tenantId, isCompleted: false },
        data: { isCompleted: true, completedAt: clock(), completedById: ref.userId },
      });
    }
    // Same status, but the KDS refetches the card and sees the ticked subtask.
    await emitTaskUpdated(deps, task);
  };

  return { enqueueTask, startTask, completeTask, completeSubtask };
}

/** One task_durations row per task instance (unique), so a retried completion records it once. */
async function recordDuration(
  tx: Tx,
  task: { id: string; tenantId: string; orderItemId: string; taskDefId: string; stationId: string | null; quantity: number; startedAt: Date | null; completedAt: Date | null },
): Promise<void> {
  if (!task.startedAt || !task.completedAt) return;
  const item = await tx.orderItem.findFirst({
    where: { id: task.orderItemId, tenantId: task.tenantId },
    select: { workflowVersion: { select: { templateId: true } } },
  });
  await tx.taskDuration.createMany({
    data: [{
      tenantId: task.tenantId,
      workflowTemplateId: item?.workflowVersion?.templateId ?? null,
      taskDefId: task.taskDefId,
      stationId: task.stationId,
      taskInstanceId: task.id,
      quantity: task.quantity,
      durationSeconds: Math.max(0, Math.round((task.completedAt.getTime() - task.startedAt.getTime()) / 1000)),
      recordedAt: task.completedAt,
    }],
    skipDuplicates: true,
  });
}
