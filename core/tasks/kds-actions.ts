import type { Client } from '@temporalio/client';
import { kdsUpdate, type KitchenResult } from '../../temporal/kitchen-client';
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

/** How long an action on a task waits for its item workflow to start (its order starts it within a second). */
const ITEM_START_WAIT_MS = 5_000;
const ITEM_START_POLL_MS = 50;

const sleep = (ms: number) => new Promise<false>((resolve) => setTimeout(() => resolve(false), ms));

/**
 * A KDS action is a Temporal Update on the task's item workflow (`item-<orderItemId>`): the
 * workflow validates it and answers with a clear rejection (CONFLICT / NOT_FOUND) or performs
 * it before returning, so the task read back afterwards shows the new state.
 */
async function onTask(
  opts: Options<unknown>,
  taskId: string,
  run: (client: Client, task: { id: string; orderItemId: string }) => Promise<KitchenResult<TaskView>>,
): Promise<TaskNode> {
  const id = requireId(taskId, 'Task');
  const kitchen = requireKitchen(opts.kitchen);
  const task = await findTaskItem(opts, id);
  let result = await run(kitchen.client, task);
  // A ticket fired at the counter is on the KDS a moment before its item workflow exists: try
  // again once the workflow announces itself, or every ITEM_START_POLL_MS if that is not heard.
  let watch = kitchen.itemWorkflows;
  for (const until = Date.now() + ITEM_START_WAIT_MS; !result.ok && result.type === 'WORKFLOW_NOT_FOUND' && Date.now() < until;) {
    const heard = watch ? await watch.wait(task.orderItemId, ITEM_START_POLL_MS) : await sleep(ITEM_START_POLL_MS);
    result = await run(kitchen.client, task);
    // Announced, yet still not found (gone again): no more trusting the announcement, just poll.
    if (heard) watch = undefined;
  }
  const view = unwrapKitchen(await nameTheItem(opts, task.orderItemId, result));
  // The workflow accepted the action, so the task is this tenant's: an id-only answer needs no
  // read, nor one that asks only what the workflow answered with.
  if (opts.card === 'id') return idTaskNode(id);
  if (opts.card === 'view') return viewTaskNode(view);
  return getTask({ db: opts.db, actor: opts.actor, input: { id }, card: opts.card });
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
  return onTask(opts, opts.input.id, (client, t) =>
    kdsUpdate(client, { orderItemId: t.orderItemId, update: 'startTask', args: { taskId: t.id, userId: opts.actor.userId } }),
  );
}

export function completeTask(opts: Options<{ id: string }>): Promise<TaskNode> {
  return onTask(opts, opts.input.id, (client, t) =>
    kdsUpdate(client, { orderItemId: t.orderItemId, update: 'completeTask', args: { taskId: t.id, userId: opts.actor.userId } }),
  );
}

export function completeSubtask(opts: Options<{ taskId: string; subtaskId: string }>): Promise<TaskNode> {
  return onTask(opts, opts.input.taskId, async (client, t) => {
    // The item workflow knows its tasks' subtasks: an id that is not one of them is NOT_FOUND.
    const subtaskId = requireId(opts.input.subtaskId, 'Subtask');
    return kdsUpdate(client, { orderItemId: t.orderItemId, update: 'completeSubtask', args: { taskId: t.id, subtaskId, userId: opts.actor.userId } });
  });
}

/** Undo a bump: the task goes back to IN_PROGRESS (the workflow refuses once its dependents started). */
export function recallTask(opts: Options<{ id: string }>): Promise<TaskNode> {
  return onTask(opts, opts.input.id, async (client, t) => {
    const result = await kdsUpdate(client, { orderItemId: t.orderItemId, update: 'recallTask', args: { taskId: t.id } });
    if (result.ok) await recordAudit({ db: opts.db, actor: opts.actor, action: 'task.recall', entityType: 'TaskInstance', entityId: t.id });
    return result;
  });
}

export function reassignTask(opts: Options<{ id: string; stationId: string }>): Promise<TaskNode> {
  return onTask(opts, opts.input.id, async (client, t) => {
    const stationId = requireId(opts.input.stationId, 'Station');
    const station = await opts.db.station.findUnique({ where: { id: stationId }, select: { id: true } });
    if (!station) throw notFound('Station');
    const result = await kdsUpdate(client, { orderItemId: t.orderItemId, update: 'reassignTask', args: { taskId: t.id, stationId } });
    if (result.ok) {
      await recordAudit({ db: opts.db, actor: opts.actor, action: 'task.reassign', entityType: 'TaskInstance', entityId: t.id, details: { stationId } });
    }
    return result;
  });
}
