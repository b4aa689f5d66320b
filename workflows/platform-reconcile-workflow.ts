import { condition, continueAsNew, defineSignal, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { PlatformReconcileActivities } from '../contracts/platform-activities';
import { PLATFORM_CALL } from './platform-profiles';

/**
 * Polls one platform for orders whose webhook never reached us (every `pollMs`, a minute by
 * default) and starts their platform order workflows; see activities/platforms/platform-reconcile.ts.
 */
export interface PlatformReconcileInput {
  tenantId: string;
  platformId: string;
  pollMs?: number;
  /** Poll interval of the order workflows it starts (tests shorten it). */
  orderPollMs?: number;
  since?: string | null;
}

export const platformReconcileWorkflowId = (platformId: string): string => `platform-reconcile-${platformId}`;
export const stopReconcileSignal = defineSignal('stopReconcile');

const call = proxyActivities<PlatformReconcileActivities>(PLATFORM_CALL);

export async function platformReconcileWorkflow(input: PlatformReconcileInput): Promise<void> {
  let stopped = false;
  setHandler(stopReconcileSignal, () => void (stopped = true));
  let since = input.since ?? null;
  while (!stopped) {
    ({ since } = await call.reconcilePlatformOrders({ tenantId: input.tenantId, platformId: input.platformId, since, pollMs: input.orderPollMs }));
    await condition(() => stopped, input.pollMs ?? 60_000);
    if (workflowInfo().continueAsNewSuggested) await continueAsNew<typeof platformReconcileWorkflow>({ ...input, since });
  }
}
