import type { KitchenActivities, TaskRef } from '../../contracts/kitchen-activities';
import { fail, type ActivityDeps, type Tx } from './deps';
import { announceStationLoad } from './station-load';
import { emitTaskCompleted, emitTaskUpdated } from './task-events';
import { completeIfReady, openRequiredSubtasks, queueTask, readTask, startIfFree, stationLoadOf, tickSubtask } from './task-sql';

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
 *
 * A step's events are handed to the publisher, which sends them in order (batched), and the step
 * returns without waiting for PostgreSQL to take them: every KDS action answers one round trip
 * sooner. Real-time delivery is best effort (events.ts): a worker killed in that moment loses
 * them, as it loses a pending `station:load`; the transition itself is stored, and a KDS
 * refetches its queue when a station's load disagrees with what it shows, and on reconnect.
 */
export function createStationQueueActivities(deps: ActivityDeps) {
  const { prisma, clock } = deps;

  const enqueueTask: KitchenActivities['enqueueTask'] = async (ref) => {
    const placed = await queueTask(prisma, ref.tenantId, ref.taskId, clock());
    if (placed?.status === 'BLOCKED') {
      // Stored and announced, so boards and managers see the ticket no station can take; the
      // workflow offers it again every BLOCKED_RETRY_MS.
      await emitTaskUpdated(deps, placed);
      fail('STATION_NOT_SUITABLE', `No active station handles station type "${placed.stationType}"`);
    }
    // Queued by this call, or earlier (a retry, or the counter fired it): announced either way.
    const queued = placed ?? (await readTask(prisma, ref.tenantId, ref.taskId));
    if (!queued) fail('TASK_NOT_FOUND', `Task ${ref.taskId} not found`);
    if (!queued.stationId || !['QUEUED', 'IN_PROGRESS', 'DONE'].includes(queued.status)) {
      notAllowed(queued, 'only a pending task can be queued');
    }
    deps.events.track(emitTaskUpdated(deps, queued));
    announceStationLoad(deps, queued.tenantId, [queued.stationId]);
    deps.eta?.after(ref.tenantId, 'task-queued');
    return { stationId: queued.stationId };
  };

  const startTask: KitchenActivities['startTask'] = async (ref) => {
    const startedAt = clock();
    const started = (await startIfFree(prisma, { ...ref, userId: ref.userId ?? null, startedAt })) ?? (await alreadyStarted(ref));
    deps.events.track(emitTaskUpdated(deps, started));
    announceStationLoad(deps, ref.tenantId, [started.stationId]);
    deps.eta?.after(ref.tenantId, 'task-started');
    return { startedAt: (started.startedAt ?? startedAt).toISOString() };
  };

  /** A start that changed nothing: a retry of one that did (success), or a refusal. */
  const alreadyStarted = async (ref: TaskRef) => {
    const task = await readTask(prisma, ref.tenantId, ref.taskId);
    if (!task) fail('TASK_NOT_FOUND', `Task ${ref.taskId} not found`);
    if (task.status === 'IN_PROGRESS' || task.status === 'DONE') return task;
    if (task.status !== 'QUEUED' || !task.stationId) notAllowed(task, 'only a queued task can be started');
    const station = await stationLoadOf(prisma, ref.tenantId, task.stationId);
    if (!station) fail('STATION_NOT_SUITABLE', `Station ${task.stationId} of task "${task.name}" no longer exists`);
    if (station.inProgress >= station.capacity) {
      fail('STATION_AT_CAPACITY', `Station "${station.name}" is at capacity: ${station.capacity} of ${station.capacity} tasks in progress`);
    }
    throw new Error(`Task ${task.id} changed while starting; retrying`);
  };

  const completeTask: KitchenActivities['completeTask'] = async (ref) => {
    const at = { tenantId: ref.tenantId, taskId: ref.taskId, userId: ref.userId ?? null, completedAt: clock() };
    // The bump and its duration row are one statement: a completion that committed has recorded it.
    const bumped = await completeIfReady(prisma, at);
    const done = bumped ?? (await alreadyDone(ref));
    // Its recipe's averages are read again (a retry recorded nothing new: the first attempt did
    // this, or another worker did and this one sees it within the cache's lifetime).
    if (bumped?.recordedTemplateId) deps.learned.forget(ref.tenantId, bumped.recordedTemplateId);
    // Published together (one NOTIFY statement), delivered in this order.
    deps.events.track(Promise.all([emitTaskUpdated(deps, done), emitTaskCompleted(deps, done)]));
    announceStationLoad(deps, ref.tenantId, [done.stationId]);
    deps.eta?.after(ref.tenantId, 'task-completed');
    return { completedAt: done.completedAt!.toISOString() };
  };

  /** A completion that changed nothing: a retry of one that did (success), or a refusal. */
  const alreadyDone = async (ref: TaskRef) => {
    const task = await readTask(prisma, ref.tenantId, ref.taskId);
    if (!task) fail('TASK_NOT_FOUND', `Task ${ref.taskId} not found`);
    if (task.status === 'DONE') return task;
    if (task.status !== 'IN_PROGRESS') notAllowed(task, 'only a task in progress can be completed');
    const open = await openRequiredSubtasks(prisma, ref.tenantId, ref.taskId);
    if (open > 0) notAllowed(task, `${open} required subtask(s) are still open`);
    throw new Error(`Task ${task.id} changed while completing; retrying`);
  };

  const completeSubtask: KitchenActivities['completeSubtask'] = async (ref) => {
    const ticked = await tickSubtask(prisma, { ...ref, userId: ref.userId ?? null, completedAt: clock() });
    // Nothing ticked: already ticked (a retry: announce again), or refused.
    const task = ticked ?? (await findTask(prisma, ref));
    if (!ticked) {
      const subtask = await prisma.subtaskInstance.findFirst({
        where: { id: ref.subtaskId, taskInstanceId: task.id, tenantId: ref.tenantId },
      });
      if (!subtask) fail('TASK_NOT_FOUND', `Subtask ${ref.subtaskId} of task "${task.name}" not found`);
      if (!subtask.isCompleted) notAllowed(task, 'its subtasks can no longer change');
    }
    // Same status and row version, but a new fact: the KDS refetches the card and sees the tick.
    deps.events.track(emitTaskUpdated(deps, { ...task, version: null }));
  };

  return { enqueueTask, startTask, completeTask, completeSubtask };
}
