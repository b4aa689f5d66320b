import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  type Client,
  type WorkflowHandle,
} from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import type { OrderPlan } from '../contracts/kitchen-activities';
import { KITCHEN_WORKFLOW_TASK_TIMEOUT } from '../workflows/support/activity-profiles';
import { codeOfFailure } from '../contracts/errors';
import type { HandOffStatus } from '../domain/kitchen/hand-off';
import {
  cancelItemUpdate,
  completeSubtaskUpdate,
  completeTaskUpdate,
  itemWorkflowId,
  reassignTaskUpdate,
  recallTaskUpdate,
  startTaskUpdate,
  undoStartTaskUpdate,
} from '../workflows/item-workflow';
import { cancelOrderUpdate, handOffUpdate, orderWorkflow, orderWorkflowId, updatePriorityUpdate, type OrderStateView } from '../workflows/order-workflow';

/**
 * How the API talks to the kitchen workflows. Rejections come back as values with the code
 * the GraphQL layer puts in `extensions.code`; anything else (server down, a bug) throws.
 */
export type KitchenRejectionCode = 'CONFLICT' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'UNAVAILABLE';
/** `type` is the failure type (STATION_AT_CAPACITY, INVALID_TRANSITION, ...), for logs and tests. */
export type KitchenResult<T> = { ok: true; result: T } | { ok: false; code: KitchenRejectionCode; message: string; type: string };

const KDS_UPDATES = {
  startTask: startTaskUpdate,
  undoStartTask: undoStartTaskUpdate,
  completeTask: completeTaskUpdate,
  completeSubtask: completeSubtaskUpdate,
  recallTask: recallTaskUpdate,
  reassignTask: reassignTaskUpdate,
  cancelItem: cancelItemUpdate,
} as const;

export type KdsUpdateName = keyof typeof KDS_UPDATES;
type UpdateArgs<D> = D extends UpdateDefinition<unknown, [infer A], string> ? A : never;
type UpdateResult<D> = D extends UpdateDefinition<infer R, any, string> ? R : never; // eslint-disable-line @typescript-eslint/no-explicit-any
export type KdsUpdateArgs<N extends KdsUpdateName> = UpdateArgs<(typeof KDS_UPDATES)[N]>;
export type KdsUpdateResult<N extends KdsUpdateName> = UpdateResult<(typeof KDS_UPDATES)[N]>;

/** Starts the order's workflow once: a retried call (or a second API node) gets the same one. */
export async function startOrderWorkflow(
  client: Client,
  opts: { tenantId: string; orderId: string; taskQueue: string; plan?: OrderPlan },
): Promise<{ workflowId: string }> {
  const workflowId = orderWorkflowId(opts.orderId);
  try {
    await client.workflow.start(orderWorkflow, {
      workflowId,
      taskQueue: opts.taskQueue,
      workflowTaskTimeout: KITCHEN_WORKFLOW_TASK_TIMEOUT,
      args: [{ tenantId: opts.tenantId, orderId: opts.orderId, ...(opts.plan ? { plan: opts.plan } : {}) }],
      // Running: hand back the existing run. Closed: never run an order's kitchen twice.
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return { workflowId };
  } catch (err) {
    if (err instanceof WorkflowExecutionAlreadyStartedError) return { workflowId };
    throw err;
  }
}

/** What a KDS action answers when its workflow is not reachable in time; the cook taps again. */
export const KITCHEN_RECONNECTING = 'Kitchen reconnecting — try again';

/**
 * A KDS action on an order item's workflow (task ids are resolved to their item by the caller).
 * `updateId`: the same id sent twice (a tablet retrying after a timeout) is applied once.
 * `deadline` (epoch ms): with no worker polling, an update waits for the workflow task to time
 * out (10 s and more); past the deadline the gRPC call is cut and the answer is UNAVAILABLE. The
 * server keeps the admitted update, so it may still apply once a worker is back: retry with the
 * same `updateId` to join it rather than send a second one.
 */
export function kdsUpdate<N extends KdsUpdateName>(
  client: Client,
  opts: { orderItemId: string; update: N; args: KdsUpdateArgs<N>; updateId?: string; deadline?: number },
): Promise<KitchenResult<KdsUpdateResult<N>>> {
  const def = KDS_UPDATES[opts.update] as unknown as UpdateDefinition<KdsUpdateResult<N>, [KdsUpdateArgs<N>]>;
  const handle = client.workflow.getHandle(itemWorkflowId(opts.orderItemId));
  const send = () => handle.executeUpdate(def, { args: [opts.args], updateId: opts.updateId });
  const { deadline } = opts;
  return asResult(deadline === undefined ? send : () => client.connection.withDeadline(deadline, send), `Order item ${opts.orderItemId}`, handle);
}

/**
 * How long an order-level action (cancel, priority, hand-over) waits for the order workflow before
 * answering UNAVAILABLE, like a KDS tap. An admitted update still applies once a worker is back;
 * repeating it then meets the workflow's state rules (already cancelled…), so nothing doubles.
 */
export const ORDER_ACTION_BUDGET_MS = 2_500;

function withinBudget<T>(client: Client, send: () => Promise<T>): () => Promise<T> {
  return () => client.connection.withDeadline(Date.now() + ORDER_ACTION_BUDGET_MS, send);
}

export function cancelOrder(client: Client, opts: { orderId: string; reason: string }): Promise<KitchenResult<OrderStateView>> {
  const handle = client.workflow.getHandle(orderWorkflowId(opts.orderId));
  return asResult(
    withinBudget(client, () => handle.executeUpdate(cancelOrderUpdate, { args: [{ reason: opts.reason }] })),
    `Order ${opts.orderId}`,
    handle,
  );
}

export function updateOrderPriority(client: Client, opts: { orderId: string; priority: number }): Promise<KitchenResult<OrderStateView>> {
  const handle = client.workflow.getHandle(orderWorkflowId(opts.orderId));
  return asResult(
    withinBudget(client, () => handle.executeUpdate(updatePriorityUpdate, { args: [{ priority: opts.priority }] })),
    `Order ${opts.orderId}`,
    handle,
  );
}

/** After READY: picked up, served, out with a rider; then delivered or failed (with a reason). */
export function handOffOrder(client: Client, opts: { orderId: string; to: HandOffStatus; reason?: string }): Promise<KitchenResult<OrderStateView>> {
  const handle = client.workflow.getHandle(orderWorkflowId(opts.orderId));
  return asResult(
    withinBudget(client, () => handle.executeUpdate(handOffUpdate, { args: [{ to: opts.to, reason: opts.reason }] })),
    `Order ${opts.orderId}`,
    handle,
  );
}

async function asResult<T>(run: () => Promise<T>, subject: string, handle: WorkflowHandle): Promise<KitchenResult<T>> {
  try {
    return { ok: true, result: await run() };
  } catch (err) {
    const rejection = toRejection(err, subject);
    if (rejection?.type === 'WORKFLOW_NOT_FOUND' && (await hasFinished(handle))) return alreadyFinished(subject);
    if (rejection) return rejection;
    throw err;
  }
}

/** An update racing the workflow's close can get a bare NOT_FOUND; the execution itself says it ended. */
async function hasFinished(handle: WorkflowHandle): Promise<boolean> {
  const description = await handle.describe().catch(() => null);
  return description !== null && description.status.name !== 'RUNNING';
}

function alreadyFinished(subject: string): Extract<KitchenResult<never>, { ok: false }> {
  return { ok: false, code: 'CONFLICT', message: `${subject} is already finished in the kitchen`, type: 'ALREADY_FINISHED' };
}

/** Maps a rejected update to its GraphQL code; returns null for errors that are not the caller's fault. */
export function toRejection(err: unknown, subject: string): Extract<KitchenResult<never>, { ok: false }> | null {
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return { ok: false, code: 'UNAVAILABLE', message: KITCHEN_RECONNECTING, type: 'KITCHEN_RECONNECTING' };
  }
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure) {
    const type = err.cause.type ?? '';
    const code = codeOfFailure(type);
    return code === 'CONFLICT' || code === 'NOT_FOUND' || code === 'BAD_USER_INPUT' ? { ok: false, code, message: err.cause.message, type } : null;
  }
  if (err instanceof WorkflowNotFoundError) {
    // The server answers NOT_FOUND both for an unknown id and for a workflow that already finished.
    if (/already completed/i.test(err.message)) return alreadyFinished(subject);
    return { ok: false, code: 'NOT_FOUND', message: `${subject} has no running kitchen workflow`, type: 'WORKFLOW_NOT_FOUND' };
  }
  return null;
}
