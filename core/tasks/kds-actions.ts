import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { LRUCache } from 'lru-cache';
import { KITCHEN_RECONNECTING, kdsUpdate, type KitchenResult } from '../../temporal/kitchen-client';
import { recordAudit } from '../audit/record-audit';
import { requireKitchen, unwrapKitchen, type KitchenServiceOptions } from '../orders/kitchen-deps';
import { notFound, requireId } from '../validate';
import { getTask } from './get-task';
import { knownTaskItem, rememberTaskItem } from './task-items';
import type { TaskView } from '../../workflows/item-workflow';
import { idTaskNode, viewTaskNode, type CardScope, type TaskNode } from './task-node';
import { nameTheItem } from './item-subject';

/** `card`: how much of the task the answer reads back (what the client selected). */
type Options<I> = KitchenServiceOptions<I> & { card?: CardScope };

/**
 * How long a KDS action may wait for its item workflow before answering UNAVAILABLE ("kitchen
 * reconnecting"): under the 3 s a cook waits on a tap, with room for the reads around it.
 */
const KDS_ANSWER_MS = 2_500;
const ITEM_START_POLL_MS = 50;

const sleep = (ms: number) => new Promise<false>((resolve) => setTimeout(() => resolve(false), ms));

/** What each attempt sends: the answer's deadline and the update id a retried tap reuses. */
type Attempt = { deadline: number; updateId: string };
/** The action and what distinguishes one of its kind from another ('subtask:<id>', 'reassign:<station>'). */
type KdsAction = 'start' | 'undo-start' | 'complete' | 'recall' | `subtask:${string}` | `reassign:${string}`;

/**
 * Per task, the update id of a tap that answered UNAVAILABLE: the server keeps the admitted
 * update and applies it once a worker is back, so the same tap again joins it instead of sending
 * a second. Any other answer on the task forgets it (a later complete after a recall is new).
 */
const pendingUpdates = new LRUCache<string, { action: KdsAction; updateId: string }>({ max: 10_000, ttl: 10 * 60_000 });

/**
 * A KDS action is a Temporal Update on the task's item workflow (`item-<orderItemId>`): the
 * workflow validates it and answers with a clear rejection (CONFLICT / NOT_FOUND) or performs
 * it before returning, so the task read back afterwards shows the new state. A task that exists
 * here but whose workflow cannot answer in time (no worker, a worker catching up after a crash)
 * is UNAVAILABLE, never NOT_FOUND: the ticket is still on the screen.
 */
async function onTask(
  opts: Options<unknown>,
  taskId: string,
  action: KdsAction,
  run: (client: Client, task: { id: string; orderItemId: string }, attempt: Attempt) => Promise<KitchenResult<TaskView>>,
): Promise<TaskNode> {
  const id = requireId(taskId, 'Task');
  const kitchen = requireKitchen(opts.kitchen);
  const task = await findTaskItem(opts, id);
  const pendingKey = `${opts.actor.tenantId}:${id}`;
  const pending = pendingUpdates.get(pendingKey);
  const attempt = { deadline: Date.now() + KDS_ANSWER_MS, updateId: pending?.action === action ? pending.updateId : randomUUID() };
  let result = await run(kitchen.client, task, attempt);
  // A ticket fired at the counter is on the KDS a moment before its item workflow exists (and
  // while no worker runs, the order cannot start it): try again once the workflow announces
  // itself, or every ITEM_START_POLL_MS if that is not heard, until the deadline.
  let watch = kitchen.itemWorkflows;
  while (!result.ok && (await workflowBehind(opts, id, action, result)) && Date.now() < attempt.deadline) {
    const wait = Math.min(ITEM_START_POLL_MS, attempt.deadline - Date.now());
    const heard = watch && result.type === 'WORKFLOW_NOT_FOUND' ? await watch.wait(task.orderItemId, wait) : await sleep(wait);
    result = await run(kitchen.client, task, attempt);
    // Announced, yet still not found (gone again): no more trusting the announcement, just poll.
    if (heard) watch = undefined;
  }
  if (!result.ok && (await workflowBehind(opts, id, action, result))) {
    result = { ok: false, code: 'UNAVAILABLE', message: KITCHEN_RECONNECTING, type: 'KITCHEN_RECONNECTING' };
  }
  if (!result.ok && (await startNotRecorded(opts, id, action, result))) {
    // The start reached the database, but its update was lost with a workflow task (a Temporal
    // store outage): record it now (the activity answers with the stored start) and act again.
    const start = await kdsUpdate(kitchen.client, {
      orderItemId: task.orderItemId,
      update: 'startTask',
      args: { taskId: id, userId: opts.actor.userId },
      deadline: attempt.deadline,
      updateId: randomUUID(),
    });
    if (start.ok) {
      attempt.updateId = randomUUID();
      result = await run(kitchen.client, task, attempt);
    }
  }
  if (!result.ok && result.code === 'UNAVAILABLE') pendingUpdates.set(pendingKey, { action, updateId: attempt.updateId });
  else pendingUpdates.delete(pendingKey);
  const view = unwrapKitchen(await nameTheItem(opts, task.orderItemId, result));
  // The workflow accepted the action, so the task is this tenant's: an id-only answer needs no
  // read, nor one that asks only what the workflow answered with.
  if (opts.card === 'id') return idTaskNode(id);
  if (opts.card === 'view') return viewTaskNode(view);
  return getTask({ db: opts.db, actor: opts.actor, input: { id }, card: opts.card });
}

/**
 * True when the rejection says the workflow has not caught up with a task that exists: its
 * workflow is not running yet, or a start is refused as "not released" while the database (which
 * the workflow's own activities write) already shows the task QUEUED, as after a worker crash
 * whose replay has not re-run the release yet.
 */
async function workflowBehind(opts: Options<unknown>, id: string, action: KdsAction, result: KitchenResult<TaskView>): Promise<boolean> {
  if (result.ok) return false;
  if (result.type === 'WORKFLOW_NOT_FOUND' || result.type === 'KITCHEN_RECONNECTING') return true;
  if (action !== 'start' || result.type !== 'INVALID_TRANSITION') return false;
  const row = await opts.db.taskInstance.findUnique({ where: { id }, select: { status: true } });
  return row?.status === 'QUEUED';
}

/** A tap on a started task refused because its workflow still has it QUEUED, while the database shows it IN_PROGRESS. */
async function startNotRecorded(opts: Options<unknown>, id: string, action: KdsAction, result: KitchenResult<TaskView>): Promise<boolean> {
  if (result.ok || result.type !== 'INVALID_TRANSITION' || !/is QUEUED/.test(result.message)) return false;
  if (action !== 'complete' && action !== 'undo-start') return false;
  const row = await opts.db.taskInstance.findUnique({ where: { id }, select: { status: true } });
  return row?.status === 'IN_PROGRESS';
}

async function findTaskItem(opts: Options<unknown>, id: string): Promise<{ id: string; orderItemId: string }> {
  const known = knownTaskItem(opts.actor.tenantId, id);
  if (known) return { id, orderItemId: known };
  const task = await opts.db.taskInstance.findUnique({ where: { id }, select: { id: true, orderItemId: true } });
  if (!task) throw notFound('Task'); // another tenant's task looks exactly like a missing one
  rememberTaskItem(opts.actor.tenantId, id, task.orderItemId);
  return task;
}

export function startTask(opts: Options<{ id: string }>): Promise<TaskNode> {
  return onTask(opts, opts.input.id, 'start', (client, t, attempt) =>
    kdsUpdate(client, { orderItemId: t.orderItemId, update: 'startTask', args: { taskId: t.id, userId: opts.actor.userId }, ...attempt }),
  );
}

/**
 * Undo a wrong Start: IN_PROGRESS → QUEUED at its old place, within UNDO_START_WINDOW_MS of the
 * start as the kitchen's clock measures it (later: CONFLICT, UNDO_WINDOW_PASSED). No duration is
 * recorded from the undone start. The order stays PREPARING if this start was what made it so.
 */
export function undoStartTask(opts: Options<{ id: string }>): Promise<TaskNode> {
  return onTask(opts, opts.input.id, 'undo-start', async (client, t, attempt) => {
    const result = await kdsUpdate(client, {
      orderItemId: t.orderItemId,
      update: 'undoStartTask',
      args: { taskId: t.id, userId: opts.actor.userId },
      ...attempt,
    });
    if (result.ok) await recordAudit({ db: opts.db, actor: opts.actor, action: 'task.undo-start', entityType: 'TaskInstance', entityId: t.id });
    return result;
  });
}

export function completeTask(opts: Options<{ id: string }>): Promise<TaskNode> {
  return onTask(opts, opts.input.id, 'complete', (client, t, attempt) =>
    kdsUpdate(client, { orderItemId: t.orderItemId, update: 'completeTask', args: { taskId: t.id, userId: opts.actor.userId }, ...attempt }),
  );
}

export function completeSubtask(opts: Options<{ taskId: string; subtaskId: string }>): Promise<TaskNode> {
  return onTask(opts, opts.input.taskId, `subtask:${opts.input.subtaskId}`, async (client, t, attempt) => {
    // The item workflow knows its tasks' subtasks: an id that is not one of them is NOT_FOUND.
    const subtaskId = requireId(opts.input.subtaskId, 'Subtask');
    return kdsUpdate(client, {
      orderItemId: t.orderItemId,
      update: 'completeSubtask',
      args: { taskId: t.id, subtaskId, userId: opts.actor.userId },
      ...attempt,
    });
  });
}

/** Undo a bump: the task goes back to IN_PROGRESS (the workflow refuses once its dependents started). */
export function recallTask(opts: Options<{ id: string }>): Promise<TaskNode> {
  return onTask(opts, opts.input.id, 'recall', async (client, t, attempt) => {
    const result = await kdsUpdate(client, { orderItemId: t.orderItemId, update: 'recallTask', args: { taskId: t.id }, ...attempt });
    if (result.ok) await recordAudit({ db: opts.db, actor: opts.actor, action: 'task.recall', entityType: 'TaskInstance', entityId: t.id });
    return result;
  });
}

export function reassignTask(opts: Options<{ id: string; stationId: string }>): Promise<TaskNode> {
  return onTask(opts, opts.input.id, `reassign:${opts.input.stationId}`, async (client, t, attempt) => {
    const stationId = requireId(opts.input.stationId, 'Station');
    const station = await opts.db.station.findUnique({ where: { id: stationId }, select: { id: true } });
    if (!station) throw notFound('Station');
    const result = await kdsUpdate(client, { orderItemId: t.orderItemId, update: 'reassignTask', args: { taskId: t.id, stationId }, ...attempt });
    if (result.ok) {
      await recordAudit({ db: opts.db, actor: opts.actor, action: 'task.reassign', entityType: 'TaskInstance', entityId: t.id, details: { stationId } });
    }
    return result;
  });
}
