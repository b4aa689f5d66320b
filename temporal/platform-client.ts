import { randomUUID } from 'node:crypto';
import {
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { PlatformRef } from '../contracts/platform-activities';
import { availabilityChangedSignal, platformAvailabilityWorkflow, platformAvailabilityWorkflowId } from '../workflows/platform-availability-workflow';
import type { ReviewFailureType } from '../workflows/platform-order-review';
import { platformOrderWorkflow, platformOrderWorkflowId, resolveReviewUpdate } from '../workflows/platform-order-workflow';
import { platformMenuSyncWorkflow, platformMenuSyncWorkflowId } from '../workflows/platform-menu-sync-workflow';
import { platformReconcileWorkflow, platformReconcileWorkflowId } from '../workflows/platform-reconcile-workflow';
import { platformStoreStatusWorkflow } from '../workflows/platform-store-status-workflow';

/** Where platform workflows run: the Temporal client and the kitchen's task queue. */
export interface WorkflowTarget {
  client: Client;
  taskQueue: string;
}

/** Starts a menu sync run (full, or only these dishes); returns its workflow id. */
export async function startMenuSync(kitchen: WorkflowTarget, ref: PlatformRef, menuItemIds?: string[]): Promise<string> {
  const workflowId = platformMenuSyncWorkflowId(ref.platformId, randomUUID());
  await kitchen.client.workflow.start(platformMenuSyncWorkflow, {
    workflowId,
    taskQueue: kitchen.taskQueue,
    args: [{ ...ref, menuItemIds }],
  });
  return workflowId;
}

/** The platform's availability follower, started once (repeating is harmless). */
export async function ensureAvailabilitySync(kitchen: WorkflowTarget, ref: PlatformRef, pollMs?: number): Promise<string> {
  const workflowId = platformAvailabilityWorkflowId(ref.platformId);
  try {
    await kitchen.client.workflow.start(platformAvailabilityWorkflow, {
      workflowId,
      taskQueue: kitchen.taskQueue,
      args: [{ ...ref, pollMs }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  return workflowId;
}

/** The platform's missed-webhook poll, started once (repeating is harmless). */
export async function ensureOrderReconciliation(
  kitchen: WorkflowTarget,
  ref: PlatformRef,
  opts: { pollMs?: number; orderPollMs?: number } = {},
): Promise<string> {
  const workflowId = platformReconcileWorkflowId(ref.platformId);
  try {
    await kitchen.client.workflow.start(platformReconcileWorkflow, {
      workflowId,
      taskQueue: kitchen.taskQueue,
      args: [{ ...ref, ...opts }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
  } catch (err) {
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  return workflowId;
}

/** Pushes the platform row's store status; returns the run id. */
export async function startStoreStatusPush(kitchen: WorkflowTarget, ref: PlatformRef): Promise<string> {
  const workflowId = `platform-store-status-${ref.platformId}-${randomUUID()}`;
  await kitchen.client.workflow.start(platformStoreStatusWorkflow, { workflowId, taskQueue: kitchen.taskQueue, args: [ref] });
  return workflowId;
}

/** Wakes each platform's availability follower; a platform whose follower is not running has nothing to wake. */
export async function signalAvailabilityChanged(client: Client, platformIds: string[]): Promise<void> {
  await Promise.all(
    platformIds.map((id) =>
      client.workflow
        .getHandle(platformAvailabilityWorkflowId(id))
        .signal(availabilityChangedSignal)
        .catch((err: unknown) => (err instanceof WorkflowNotFoundError ? undefined : Promise.reject(err))),
    ),
  );
}

const REVIEW_CONFLICTS = new Set<ReviewFailureType>(['ALREADY_RESOLVED', 'PLATFORM_REFUSED', 'RESOLUTION_FAILED']);

/**
 * Hands a person's decision on a flagged order to its platform workflow. Usually the flagged run
 * is waiting; if it is gone (it waited its day out), a new run takes it. Answers the workflow's
 * refusal (already decided, platform refused, order changed) instead of throwing it.
 */
export async function sendReviewDecision(
  kitchen: WorkflowTarget,
  ref: PlatformRef & { platformOrderId: string },
  decision: { action: 'ACCEPT' | 'DENY'; reason: string | null },
): Promise<{ refused: { type: string; message: string } | null }> {
  const startWorkflowOperation = new WithStartWorkflowOperation(platformOrderWorkflow, {
    workflowId: platformOrderWorkflowId(ref.platformId, ref.platformOrderId),
    taskQueue: kitchen.taskQueue,
    args: [ref],
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'ALLOW_DUPLICATE',
  });
  try {
    await kitchen.client.workflow.executeUpdateWithStart(resolveReviewUpdate, { args: [decision], startWorkflowOperation });
    return { refused: null };
  } catch (err) {
    const cause = err instanceof WorkflowUpdateFailedError ? err.cause : null;
    if (cause instanceof ApplicationFailure && REVIEW_CONFLICTS.has(cause.type as ReviewFailureType)) {
      return { refused: { type: cause.type ?? 'CONFLICT', message: cause.message } };
    }
    throw err;
  }
}
