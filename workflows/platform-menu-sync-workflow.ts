import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  defineQuery,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { ItemPushResult, PlatformMenuActivities, PlatformSyncEventActivities } from '../contracts/platform-activities';
import type { MenuSyncPhase } from '../contracts/socket-events';
import { PLATFORM_CALL, PLATFORM_EVENT } from './platform-profiles';
import { errorMessage } from '../contracts/errors';

/**
 * Menu sync for one platform: without `menuItemIds` a full upload (the platform processes it
 * asynchronously; we poll its result and record each dish's outcome), with them one PUT per dish,
 * one at a time so the platform is never flooded. Rate limits and transient failures retry per
 * PLATFORM_CALL (429 after Retry-After); a dish whose retries run out is marked FAILED, not lost.
 * Progress goes to the tenant's browsers as `platform:sync` (runId = this workflow's id).
 */
export interface PlatformMenuSyncInput {
  tenantId: string;
  platformId: string;
  menuItemIds?: string[];
}

export interface MenuSyncProgress {
  total: number;
  done: number;
  failed: number;
  phase: MenuSyncPhase;
}

export const platformMenuSyncWorkflowId = (platformId: string, runKey: string): string => `platform-menu-sync-${platformId}-${runKey}`;
export const menuSyncProgressQuery = defineQuery<MenuSyncProgress>('menuSyncProgress');

const call = proxyActivities<PlatformMenuActivities>(PLATFORM_CALL);
/** Polling the asynchronous upload result: "still processing" is the retried failure. */
const poll = proxyActivities<PlatformMenuActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 1.5, maximumInterval: '5 seconds', maximumAttempts: 40 },
});
const events = proxyLocalActivities<PlatformSyncEventActivities>(PLATFORM_EVENT);

export async function platformMenuSyncWorkflow(input: PlatformMenuSyncInput): Promise<MenuSyncProgress> {
  const progress: MenuSyncProgress = { total: 0, done: 0, failed: 0, phase: 'loading' };
  setHandler(menuSyncProgressQuery, () => ({ ...progress }));
  const ref = { tenantId: input.tenantId, platformId: input.platformId };
  // Runs started before progress events existed replay without them.
  const live = patched('menu-sync-progress');
  const report = async (error?: string): Promise<void> => {
    if (!live) return;
    const finished = progress.phase === 'done';
    const status = !finished ? 'PENDING' : progress.failed === 0 && !error ? 'SYNCED' : 'FAILED';
    const message = error ?? (finished ? summary(progress) : undefined);
    await events.reportMenuSyncProgress({ ...ref, runId: workflowInfo().workflowId, ...progress, status, ...(message ? { message } : {}) });
  };
  const count = async (results: ItemPushResult[]) => {
    progress.done += results.filter((r) => r.ok).length;
    progress.failed += results.filter((r) => !r.ok).length;
    await report();
  };

  try {
    await report();
    const items = await call.loadPlatformMenu({ ...ref, menuItemIds: input.menuItemIds });
    progress.total = items.length;
    if (!input.menuItemIds) {
      progress.phase = 'uploading';
      await report();
      const { uploadId } = await call.uploadPlatformMenu({ ...ref, items });
      progress.phase = 'processing';
      await report();
      await count(await poll.awaitMenuUpload({ ...ref, uploadId, productIds: items.map((i) => i.productId) }));
    } else {
      progress.phase = 'items';
      await report();
      for (const item of items) await count([await pushItem(ref, item)]);
    }
  } catch (err) {
    progress.phase = 'done';
    // The browser must hear that the run is over even when it failed (or was cancelled).
    await CancellationScope.nonCancellable(() => report(`Sync failed: ${causeOf(err)}`)).catch(() => undefined);
    throw err;
  }
  progress.phase = 'done';
  await report();
  return progress;
}

async function pushItem(
  ref: { tenantId: string; platformId: string },
  item: Parameters<PlatformMenuActivities['pushMenuItem']>[0]['item'],
): Promise<ItemPushResult> {
  try {
    return await call.pushMenuItem({ ...ref, item });
  } catch (err) {
    const cause = causeOf(err);
    await call.markMenuItemFailed({ ...ref, productId: item.productId, error: `Gave up after retries: ${cause}` });
    return { productId: item.productId, ok: false, error: cause };
  }
}

function causeOf(err: unknown): string {
  if (err instanceof ActivityFailure && err.cause instanceof ApplicationFailure) return err.cause.message;
  return errorMessage(err);
}

function summary(p: MenuSyncProgress): string {
  return p.failed === 0 ? `${p.done} of ${p.total} dishes synced` : `${p.failed} of ${p.total} dishes failed`;
}
