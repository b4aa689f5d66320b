import {
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineSignal,
  defineUpdate,
  getExternalWorkflowHandle,
  log,
  patched,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
  type SignalDefinition,
} from '@temporalio/workflow';
import type { KitchenActivities } from '../contracts/kitchen-activities';
import { ItemActions, type TaskActionInput } from './item/actions';
import { ItemLifecycle } from './item/lifecycle';
import { checkCancel, checkComplete, checkCompleteSubtask, checkPriority, checkReassign, checkRecall, checkStart, checkUndoStart } from './item/checks';
import { ItemModel, type ItemCarryOver, type ItemStateView, type TaskView } from './item/model';
import { BACKGROUND_ETA_PATCH, ItemTimers } from './item/timers';
import { LOCAL_WRITE } from './support/activity-profiles';
import { Mutex } from 'async-mutex';

export type { ItemStateView, TaskView } from './item/model';

export interface ItemWorkflowInput {
  tenantId: string;
  orderId: string;
  orderItemId: string;
  /** ISO time the item's first tasks may go to a station (fire by prep time); null = now. */
  fireAt: string | null;
  priority?: number;
  /** Set only by continue-as-new. */
  carry?: ItemCarryOver;
}

export interface ItemWorkflowResult {
  orderItemId: string;
  status: 'DONE' | 'CANCELLED';
}

export const itemWorkflowId = (orderItemId: string): string => `item-${orderItemId}`;

// KDS commands: updates, so the cook gets the new task state or a clear rejection.
export const startTaskUpdate = defineUpdate<TaskView, [TaskActionInput]>('startTask');
export const completeTaskUpdate = defineUpdate<TaskView, [TaskActionInput]>('completeTask');
export const completeSubtaskUpdate = defineUpdate<TaskView, [TaskActionInput & { subtaskId: string }]>('completeSubtask');
export const undoStartTaskUpdate = defineUpdate<TaskView, [TaskActionInput]>('undoStartTask');
export const recallTaskUpdate = defineUpdate<TaskView, [{ taskId?: string }]>('recallTask');
export const reassignTaskUpdate = defineUpdate<TaskView, [{ taskId: string; stationId: string }]>('reassignTask');
export const cancelItemUpdate = defineUpdate<ItemStateView, [{ reason: string }]>('cancelItem');
// From the order workflow, which cannot send updates: fire-and-forget.
export const cancelItemSignal = defineSignal<[{ reason: string }]>('cancelItemSignal');
export const raisePrioritySignal = defineSignal<[{ priority: number; fireAt?: string | null }]>('raisePriority');
/** The order re-paced this item from the kitchen's live progress: its new fire time (ISO). Ignored once fired. */
export const repaceItemSignal = defineSignal<[{ fireAt: string }]>('repaceItem');
export const itemStateQuery = defineQuery<ItemStateView>('itemState');
/** Sent by the item to its parent order when its first task starts. */
export const itemStartedSignal = defineSignal<[{ orderItemId: string }]>('itemStarted');
/**
 * Sent by the item to its parent order as soon as it is DONE or CANCELLED, so the order turns
 * READY without waiting for the item's last ETA recalculation (the child's result follows).
 */
export const itemSettledSignal = defineSignal<[{ orderItemId: string; status: 'DONE' | 'CANCELLED' }]>('itemSettled');
/** Sent by the item to its parent order after each task it completes (the order re-paces from it). */
export const itemProgressSignal = defineSignal<[{ orderItemId: string }]>('itemProgress');
/** Workflows started before the item told its parent on settling replay without the signal. */
export const NOTIFY_SETTLED_PATCH = 'item-notifies-parent-when-settled';
/** An item that took a re-paced fire time stores it before firing on it (items from before never got one). */
export const REPACED_FIRE_PATCH = 'item-stores-repaced-fire-time';

const { materializeItemTasks } = proxyLocalActivities<KitchenActivities>(LOCAL_WRITE);

export async function itemWorkflow(input: ItemWorkflowInput): Promise<ItemWorkflowResult> {
  const { tenantId, orderId, orderItemId } = input;
  const model = new ItemModel(orderId, orderItemId, input.priority ?? 0, input.fireAt);
  // Updates and signals run beside the main loop: one critical section at a time (Temporal's
  // safe-message-handlers pattern), so two KDS bumps cannot both pass their checks.
  const mutex = new Mutex();
  const lifecycle = new ItemLifecycle({ tenantId, orderId, orderItemId }, model, mutex);
  const actions = new ItemActions(
    model,
    mutex,
    lifecycle,
    () => notifyParent(itemStartedSignal, { orderItemId }),
    () => notifyParent(itemProgressSignal, { orderItemId }),
  );
  const timers = new ItemTimers({ tenantId, orderId, orderItemId }, model);
  registerHandlers(model, actions, lifecycle);

  const plan = await materializeItemTasks({ tenantId, orderItemId, plannedStartAt: input.fireAt });
  model.load(plan, input.carry);
  lifecycle.restoreCompensations();
  if (plan.tasks.length > 0 && plan.tasks.every((t) => t.status === 'CANCELLED')) model.phase = 'CANCELLED';

  while (!model.closed) {
    // Taken before acting: a bump that lands while this iteration awaits an activity must wake the next wait.
    const seen = model.version;
    // A re-paced fire time is stored (KDS, ETA) before the item fires on it. Only a repaceItem signal sets fireMoved.
    if (model.fireMoved && patched(REPACED_FIRE_PATCH)) await lifecycle.moveFireTime();
    const now = Date.now();
    if (timers.fireDue(now)) await lifecycle.fire();
    else if (timers.blockedRetryDue(now)) {
      timers.markBlockedRetried();
      await lifecycle.retryBlocked();
    }
    if (model.allDone()) await lifecycle.finish();
    if (model.closed) break;
    await timers.refreshEta();
    const lateAt = timers.lateCheckAt();
    if (lateAt !== null && lateAt <= Date.now()) {
      await timers.checkLate(Date.now());
      continue;
    }
    if (workflowInfo().continueAsNewSuggested && (await readyToContinueAsNew(model, mutex, timers))) {
      return await continueAsNew<typeof itemWorkflow>({ ...input, fireAt: model.fireAt, priority: model.priority, carry: model.carryOver() });
    }
    const sleep = timers.sleepMs(Date.now());
    // Wait for a handler that is still mid-way (a bump releasing its dependents) to finish, so one recalculation covers it.
    const changed = () => model.version !== seen && !mutex.isLocked();
    if (sleep === undefined) await condition(changed);
    else await condition(changed, sleep);
  }
  const status = model.phase === 'DONE' ? 'DONE' : 'CANCELLED';
  if (patched(NOTIFY_SETTLED_PATCH)) await notifyParent(itemSettledSignal, { orderItemId, status });
  // DONE or CANCELLED frees station capacity: everyone else's ETA moves.
  await timers.settleEta();
  await condition(allHandlersFinished);
  return { orderItemId, status };
}

function registerHandlers(model: ItemModel, actions: ItemActions, lifecycle: ItemLifecycle): void {
  // A ticket fired at the counter is on the KDS before its item has loaded: an action on it is
  // accepted while loading and checked strictly once loaded (its handler waits for the load).
  const unlessLoading = (check: () => unknown) => void (model.phase === 'LOADING' || check());
  setHandler(startTaskUpdate, (i) => actions.startTask(i), { validator: (i) => unlessLoading(() => checkStart(model, i.taskId, true)) });
  setHandler(undoStartTaskUpdate, (i) => actions.undoStartTask(i), { validator: (i) => unlessLoading(() => checkUndoStart(model, i.taskId)) });
  setHandler(completeTaskUpdate, (i) => actions.completeTask(i), { validator: (i) => unlessLoading(() => checkComplete(model, i.taskId)) });
  setHandler(completeSubtaskUpdate, (i) => actions.completeSubtask(i), {
    validator: (i) => unlessLoading(() => checkCompleteSubtask(model, i.taskId, i.subtaskId)),
  });
  setHandler(recallTaskUpdate, (i) => actions.recallTask(i), { validator: (i) => unlessLoading(() => checkRecall(model, i.taskId)) });
  setHandler(reassignTaskUpdate, (i) => actions.reassignTask(i), {
    validator: (i) => unlessLoading(() => checkReassign(model, i.taskId, i.stationId)),
  });
  setHandler(
    cancelItemUpdate,
    async ({ reason }) => {
      await lifecycle.cancel(reason);
      return model.view();
    },
    { validator: (_input) => checkCancel(model) },
  );
  setHandler(cancelItemSignal, ({ reason }) => lifecycle.cancel(reason));
  setHandler(raisePrioritySignal, ({ priority, fireAt }) => {
    try {
      model.priority = checkPriority(priority);
    } catch (err) {
      log.warn('Ignoring invalid priority', { priority, error: String(err) }); // signals cannot be rejected
      return;
    }
    if (fireAt !== undefined && model.phase === 'WAITING') model.fireAt = fireAt;
    model.changed('priority-changed');
  });
  setHandler(repaceItemSignal, ({ fireAt }) => {
    if ((model.phase !== 'LOADING' && model.phase !== 'WAITING') || typeof fireAt !== 'string' || Number.isNaN(Date.parse(fireAt))) return;
    model.fireAt = fireAt;
    model.fireMoved = true;
    model.changed('item-repaced');
  });
  setHandler(itemStateQuery, () => model.view());
}

/** Tells the parent order its first task started (NEW → PREPARING) or the item settled; a closed parent is fine. */
async function notifyParent<A extends { orderItemId: string }>(signal: SignalDefinition<[A]>, payload: A): Promise<void> {
  const parent = workflowInfo().parent;
  if (!parent) return;
  try {
    await getExternalWorkflowHandle(parent.workflowId).signal(signal, payload);
  } catch (err) {
    log.warn('Could not notify the parent order', { ...payload, signal: signal.name, error: String(err) });
  }
}

/** Continue-as-new only from a quiet point: no handler running and nothing holding the mutex. */
async function readyToContinueAsNew(model: ItemModel, mutex: Mutex, timers: ItemTimers): Promise<boolean> {
  await condition(() => allHandlersFinished() && !mutex.isLocked());
  if (patched(BACKGROUND_ETA_PATCH)) await timers.settleEta();
  return !model.closed;
}
