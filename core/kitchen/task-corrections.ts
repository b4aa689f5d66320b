import { OPEN_TASK_STATUSES } from '../../domain/kitchen/open-statuses';
import { UNDO_START_WINDOW_MS } from '../../domain/kitchen/undo-start';
import type { KitchenActivities } from '../../contracts/kitchen-activities';
import { fail, type ActivityDeps } from './deps';
import { announceStationLoad, handlesType } from './station-load';
import { emitTaskUpdated } from './task-events';
import { readTask, unstartIfRecent } from './task-sql';

/** Corrections from the line: undo a start or a bump, move a ticket to another station, cancel an item. */
export function createTaskCorrectionActivities(deps: ActivityDeps) {
  const { prisma, clock } = deps;

  /**
   * Undo a wrong Start: back to QUEUED at its old place, started_at cleared. The window is
   * measured here, by the worker's clock that stamped started_at, never by the tablet's. A retry
   * that finds the task QUEUED again is success (the workflow only asks for a task in progress).
   */
  const undoStartTask: KitchenActivities['undoStartTask'] = async (ref) => {
    const now = clock();
    const undone = await unstartIfRecent(prisma, { ...ref, startedSince: new Date(now.getTime() - UNDO_START_WINDOW_MS) });
    const task = undone ?? (await readTask(prisma, ref.tenantId, ref.taskId));
    if (!task) fail('TASK_NOT_FOUND', `Task ${ref.taskId} not found`);
    if (!undone && task.status === 'IN_PROGRESS' && task.startedAt) {
      const seconds = Math.floor((now.getTime() - task.startedAt.getTime()) / 1000);
      fail('UNDO_WINDOW_PASSED', `Task "${task.name}": too late to undo; the task has been running for ${seconds} s`);
    }
    if (task.status !== 'QUEUED') fail('INVALID_TRANSITION', `Task "${task.name}" is ${task.status}; only a task in progress can be undone`);
    deps.events.track(emitTaskUpdated(deps, task));
    announceStationLoad(deps, ref.tenantId, [task.stationId]);
    deps.eta?.after(ref.tenantId, 'task-unstarted');
  };

  const recallTask: KitchenActivities['recallTask'] = async (ref) => {
    const { task, requeued } = await prisma.$transaction(async (tx) => {
      const found = await tx.taskInstance.findFirst({ where: { id: ref.taskId, tenantId: ref.tenantId } });
      if (!found) fail('TASK_NOT_FOUND', `Task ${ref.taskId} not found`);
      if (found.status === 'DONE') {
        // Back in progress at its station even if that briefly exceeds capacity: the dish is physically there.
        await tx.taskInstance.updateMany({
          where: { id: found.id, tenantId: ref.tenantId, status: 'DONE' },
          data: { status: 'IN_PROGRESS', completedAt: null, completedById: null },
        });
        // The bump was a mistake: its duration must not teach the ETA, and the real completion records anew.
        await tx.taskDuration.deleteMany({ where: { tenantId: ref.tenantId, taskInstanceId: found.id } });
      } else if (found.status !== 'IN_PROGRESS') {
        fail('INVALID_TRANSITION', `Task "${found.name}" is ${found.status}; only a completed task can be recalled`);
      }
      // Dependents released by the bump leave their station again until this task is done.
      const leaving = await tx.taskInstance.findMany({
        where: { id: { in: ref.requeueDependents }, tenantId: ref.tenantId, orderItemId: found.orderItemId, status: 'QUEUED' },
      });
      await tx.taskInstance.updateMany({
        where: { id: { in: leaving.map((t) => t.id) }, tenantId: ref.tenantId, status: 'QUEUED' },
        data: { status: 'PENDING', stationId: null, queuedAt: null },
      });
      const task = await tx.taskInstance.findFirstOrThrow({ where: { id: found.id, tenantId: ref.tenantId } });
      return { task, requeued: leaving };
    });
    deps.learned.forget(ref.tenantId);
    await emitTaskUpdated(deps, task);
    for (const dep of requeued) {
      await emitTaskUpdated(deps, { ...dep, status: 'PENDING', stationId: null }, dep.stationId);
    }
    announceStationLoad(deps, ref.tenantId, [task.stationId, ...requeued.map((t) => t.stationId)]);
    deps.eta?.after(ref.tenantId, 'task-recalled');
  };

  const reassignTask: KitchenActivities['reassignTask'] = async (ref) => {
    const task = await prisma.taskInstance.findFirst({ where: { id: ref.taskId, tenantId: ref.tenantId } });
    if (!task) fail('TASK_NOT_FOUND', `Task ${ref.taskId} not found`);
    const station = await prisma.station.findFirst({ where: { id: ref.stationId, tenantId: ref.tenantId } });
    if (!station || !station.isActive) fail('STATION_NOT_SUITABLE', `Station ${ref.stationId} is not an active station of this kitchen`);
    if (!handlesType(station, task.stationType)) {
      fail('STATION_NOT_SUITABLE', `Station "${station.name}" does not handle station type "${task.stationType}"`);
    }
    if (task.status !== 'QUEUED') fail('INVALID_TRANSITION', `Task "${task.name}" is ${task.status}; only a queued task can be reassigned`);
    if (task.stationId !== station.id) {
      const moved = await prisma.taskInstance.updateMany({
        where: { id: task.id, tenantId: ref.tenantId, status: 'QUEUED', stationId: task.stationId },
        data: { stationId: station.id },
      });
      if (moved.count === 0) throw new Error(`Task ${task.id} changed while being reassigned; retrying`);
    }
    // A retry (already at the target) re-emits too: the first attempt may have died before emitting.
    await emitTaskUpdated(deps, { ...task, stationId: station.id }, task.stationId);
    announceStationLoad(deps, ref.tenantId, [task.stationId, station.id]);
    deps.eta?.after(ref.tenantId, 'task-reassigned');
    return { stationId: station.id };
  };

  const cancelItemTasks: KitchenActivities['cancelItemTasks'] = async ({ tenantId, orderItemId }) => {
    await prisma.taskInstance.updateMany({
      where: { tenantId, orderItemId, status: { in: [...OPEN_TASK_STATUSES] } },
      data: { status: 'CANCELLED' },
    });
    // Emitted from the rows, not from what this call changed, so a retry after a crash still tells the KDS.
    const cancelled = await prisma.taskInstance.findMany({ where: { tenantId, orderItemId, status: 'CANCELLED' } });
    for (const task of cancelled) await emitTaskUpdated(deps, task);
    announceStationLoad(
      deps,
      tenantId,
      cancelled.map((t) => t.stationId),
    );
    deps.eta?.after(tenantId, 'item-cancelled');
  };

  return { undoStartTask, recallTask, reassignTask, cancelItemTasks };
}
