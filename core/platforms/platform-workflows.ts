import { randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { KitchenHandle } from '../../api/context';
import { platformAvailabilityWorkflow, platformAvailabilityWorkflowId } from '../../workflows/platform-availability-workflow';
import { platformMenuSyncWorkflow, platformMenuSyncWorkflowId } from '../../workflows/platform-menu-sync-workflow';
import { platformReconcileWorkflow, platformReconcileWorkflowId } from '../../workflows/platform-reconcile-workflow';
import { platformStoreStatusWorkflow } from '../../workflows/platform-store-status-workflow';

export interface PlatformRef {
  tenantId: string;
  platformId: string;
}

/** Starts a menu sync run (full, or only these dishes); returns its workflow id. */
export async function startMenuSync(kitchen: KitchenHandle, ref: PlatformRef, menuItemIds?: string[]): Promise<string> {
  const workflowId = platformMenuSyncWorkflowId(ref.platformId, randomUUID());
  await kitchen.client.workflow.start(platformMenuSyncWorkflow, {
    workflowId,
    taskQueue: kitchen.taskQueue,
    args: [{ ...ref, menuItemIds }],
  });
  return workflowId;
}

/** The platform's availability follower, started once (repeating is harmless). */
export async function ensureAvailabilitySync(kitchen: KitchenHandle, ref: PlatformRef, pollMs?: number): Promise<string> {
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
export async function ensureOrderReconciliation(kitchen: KitchenHandle, ref: PlatformRef, opts: { pollMs?: number; orderPollMs?: number } = {}): Promise<string> {
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
export async function startStoreStatusPush(kitchen: KitchenHandle, ref: PlatformRef): Promise<string> {
  const workflowId = `platform-store-status-${ref.platformId}-${randomUUID()}`;
  await kitchen.client.workflow.start(platformStoreStatusWorkflow, { workflowId, taskQueue: kitchen.taskQueue, args: [ref] });
  return workflowId;
}
