import { ActivityFailure, ApplicationFailure, defineQuery, proxyActivities, setHandler } from '@temporalio/workflow';
import type { ItemPushResult, PlatformMenuActivities } from '../activities/platform-menu';
import { PLATFORM_CALL } from './platform-profiles';

/**
 * Menu sync for one platform: without `menuItemIds` a full upload (the platform processes it
 * asynchronously; we poll its result and record each dish's outcome), with them one PUT per dish,
 * one at a time so the platform is never flooded. Rate limits and transient failures retry per
 * PLATFORM_CALL (429 after Retry-After); a dish whose retries run out is marked FAILED, not lost.
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
  phase: 'loading' | 'uploading' | 'processing' | 'items' | 'done';
}

export const platformMenuSyncWorkflowId = (platformId: string, runKey: string): string => `platform-menu-sync-${platformId}-${runKey}`;
export const menuSyncProgressQuery = defineQuery<MenuSyncProgress>('menuSyncProgress');

const call = proxyActivities<PlatformMenuActivities>(PLATFORM_CALL);
/** Polling the asynchronous upload result: "still processing" is the retried failure. */
const poll = proxyActivities<PlatformMenuActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 1.5, maximumInterval: '5 seconds', maximumAttempts: 40 },
});

export async function platformMenuSyncWorkflow(input: PlatformMenuSyncInput): Promise<MenuSyncProgress> {
  const progress: MenuSyncProgress = { total: 0, done: 0, failed: 0, phase: 'loading' };
  setHandler(menuSyncProgressQuery, () => ({ ...progress }));
  const ref = { tenantId: input.tenantId, platformId: input.platformId };
  const items = await call.loadPlatformMenu({ ...ref, menuItemIds: input.menuItemIds });
  progress.total = items.length;
  const count = (results: ItemPushResult[]) => {
    progress.done += results.filter((r) => r.ok).length;
    progress.failed += results.filter((r) => !r.ok).length;
  };

  if (!input.menuItemIds) {
    progress.phase = 'uploading';
    const { uploadId } = await call.uploadPlatformMenu({ ...ref, items });
    progress.phase = 'processing';
    count(await poll.awaitMenuUpload({ ...ref, uploadId, productIds: items.map((i) => i.productId) }));
  } else {
    progress.phase = 'items';
    for (const item of items) {
      try {
        count([await call.pushMenuItem({ ...ref, item })]);
      } catch (err) {
        const cause = err instanceof ActivityFailure && err.cause instanceof ApplicationFailure ? err.cause.message : String(err);
        await call.markMenuItemFailed({ ...ref, productId: item.productId, error: `Gave up after retries: ${cause}` });
        count([{ productId: item.productId, ok: false, error: cause }]);
      }
    }
  }
  progress.phase = 'done';
  return progress;
}
