import { ApplicationFailure, ApplicationFailureCategory } from '@temporalio/common';
import type { ItemPushResult, MenuEntry, PlatformMenuActivities, PlatformRef } from '../../contracts/platform-activities';
import { PermanentError } from '../../platforms/connector';
import { defaultProductId } from '../../platforms/mapping';
import { isWithinSchedule } from '../../platforms/schedule';
import type { ActivityDeps } from '../../core/kitchen/deps';
import { asActivityFailure, loadPlatform, logSync } from './platform-support';

/**
 * Menu and availability pushes. Per-item problems are recorded on the assignment (syncStatus,
 * syncError) rather than thrown: one rejected dish must not stop the rest of the menu.
 */
export function createPlatformMenuActivities({ prisma, clock }: ActivityDeps): PlatformMenuActivities {
  // Archived dishes stay out of the menu pushed; the availability pass sees them too, to switch them off there.
  const assignments = (ref: PlatformRef, menuItemIds?: string[], withArchived = false) =>
    prisma.productPlatformAssignment.findMany({
      where: {
        tenantId: ref.tenantId,
        platformId: ref.platformId,
        ...(withArchived ? {} : { menuItem: { isActive: true } }),
        ...(menuItemIds ? { menuItemId: { in: menuItemIds } } : {}),
      },
      include: { menuItem: true },
      orderBy: { menuItem: { displayOrder: 'asc' } },
    });

  /** The restaurant's time zone for platform schedules: tenant settings `timeZone`, else this server's. */
  const timeZoneOf = async (tenantId: string): Promise<string> => {
    const tenant = await prisma.tenant.findUnique({ where: { id: tenantId }, select: { settings: true } });
    const zone = (tenant?.settings as { timeZone?: unknown } | null)?.timeZone;
    return typeof zone === 'string' && zone ? zone : Intl.DateTimeFormat().resolvedOptions().timeZone;
  };
  /** On offer on the platform now: switched on there, on the menu and in stock here, and inside its schedule. */
  const offered = (a: Awaited<ReturnType<typeof assignments>>[number], timeZone: string) =>
    a.isAvailable && a.menuItem.isActive && a.menuItem.isAvailable && isWithinSchedule(clock(), a, timeZone);

  const markResults = async (ref: PlatformRef, results: ItemPushResult[]) => {
    for (const r of results) {
      await prisma.productPlatformAssignment.updateMany({
        where: { tenantId: ref.tenantId, platformId: ref.platformId, platformProductId: r.productId },
        data: r.ok ? { syncStatus: 'SYNCED', syncError: null, lastSyncedAt: clock() } : { syncStatus: 'FAILED', syncError: r.error },
      });
    }
  };

  const activities = {
    /** What the platform should show: our dishes with the platform's own name/price overrides. */
    async loadPlatformMenu(ref: PlatformRef & { menuItemIds?: string[] }): Promise<MenuEntry[]> {
      const rows = await assignments(ref, ref.menuItemIds);
      const timeZone = await timeZoneOf(ref.tenantId);
      const entries: MenuEntry[] = [];
      for (const a of rows) {
        let productId = a.platformProductId;
        if (!productId) {
          productId = defaultProductId(a.menuItemId);
          await prisma.productPlatformAssignment.update({ where: { id: a.id }, data: { platformProductId: productId } });
        }
        entries.push({
          assignmentId: a.id,
          productId,
          name: a.platformName ?? a.menuItem.name,
          price: Number(a.platformPrice ?? a.menuItem.price),
          available: offered(a, timeZone),
          category: a.menuItem.category,
          description: a.menuItem.description,
        });
      }
      return entries;
    },

    async uploadPlatformMenu(ref: PlatformRef & { items: MenuEntry[] }): Promise<{ uploadId: string }> {
      const { connector } = await loadPlatform(prisma, ref.tenantId, ref.platformId);
      try {
        const result = await connector.uploadMenu(ref.items.map(({ assignmentId: _a, ...item }) => item));
        await logSync(prisma, { tenantId: ref.tenantId, platformId: ref.platformId, kind: 'menu_full', status: 'sent', request: { items: ref.items.length } });
        return result;
      } catch (err) {
        await logSync(prisma, { tenantId: ref.tenantId, platformId: ref.platformId, kind: 'menu_full', status: 'failed', error: String(err) });
        throw asActivityFailure(err);
      }
    },

    /** The upload's outcome; still processing is a (retried) failure, so Temporal's backoff does the polling. */
    async awaitMenuUpload(ref: PlatformRef & { uploadId: string; productIds: string[] }): Promise<ItemPushResult[]> {
      const { connector } = await loadPlatform(prisma, ref.tenantId, ref.platformId);
      const result = await connector.menuUploadResult(ref.uploadId).catch((err) => Promise.reject(asActivityFailure(err)));
      if (result.status === 'processing') {
        // Expected while the platform works: BENIGN keeps these retries out of the warning logs.
        throw ApplicationFailure.create({ message: 'Menu upload still processing', type: 'STILL_PROCESSING', category: ApplicationFailureCategory.BENIGN });
      }
      const errors = new Map(result.errors.map((e) => [e.productId, e.message]));
      const results: ItemPushResult[] = ref.productIds.map((productId) =>
        errors.has(productId) ? { productId, ok: false, error: errors.get(productId)! } : { productId, ok: true },
      );
      await markResults(ref, results);
      return results;
    },

    /** One dish, created or updated on the platform; a rejection is recorded on its assignment. */
    async pushMenuItem(ref: PlatformRef & { item: MenuEntry }): Promise<ItemPushResult> {
      const { connector } = await loadPlatform(prisma, ref.tenantId, ref.platformId);
      const { assignmentId: _a, ...item } = ref.item;
      try {
        await connector.upsertItem(item);
      } catch (err) {
        if (!(err instanceof PermanentError)) throw asActivityFailure(err);
        const failed: ItemPushResult = { productId: item.productId, ok: false, error: err.message };
        await markResults(ref, [failed]);
        await logSync(prisma, {
          tenantId: ref.tenantId,
          platformId: ref.platformId,
          kind: 'menu_item',
          status: 'failed',
          entityType: 'MenuItem',
          entityId: item.productId,
          error: err.message,
        });
        return failed;
      }
      await markResults(ref, [{ productId: item.productId, ok: true }]);
      await logSync(prisma, {
        tenantId: ref.tenantId,
        platformId: ref.platformId,
        kind: 'menu_item',
        status: 'sent',
        entityType: 'MenuItem',
        entityId: item.productId,
      });
      return { productId: item.productId, ok: true };
    },

    /** Records the failure of an item whose retries ran out (the workflow caught it). */
    async markMenuItemFailed(ref: PlatformRef & { productId: string; error: string }): Promise<void> {
      await markResults(ref, [{ productId: ref.productId, ok: false, error: ref.error }]);
    },

    /**
     * Incremental dish updates: pushes every dish whose platform content (name, price, category,
     * description) changed since the last look. `known` null means "first look": it only records.
     */
    async reconcilePlatformMenuContent(ref: PlatformRef & { known: Record<string, string> | null }): Promise<Record<string, string>> {
      const entries = await activities.loadPlatformMenu(ref);
      const next: Record<string, string> = {};
      for (const e of entries) next[e.productId] = JSON.stringify([e.name, e.price, e.category ?? null, e.description ?? null]);
      if (!ref.known) return next;
      // A rejected dish is recorded on its assignment (pushMenuItem) and not re-sent until it changes again.
      for (const entry of entries.filter((e) => ref.known![e.productId] !== next[e.productId])) await activities.pushMenuItem({ ...ref, item: entry });
      return next;
    },

    /** Pushes the platform row's desired store status (the latest wins, so overlapping runs converge). */
    async pushStoreStatus(ref: PlatformRef): Promise<{ status: string; extraMinutes: number }> {
      const { platform, connector } = await loadPlatform(prisma, ref.tenantId, ref.platformId);
      const status = platform.storeStatus as 'online' | 'paused' | 'busy';
      const extraMinutes = status === 'busy' ? platform.busyExtraMinutes : 0;
      try {
        await connector.setStoreStatus(status, extraMinutes);
      } catch (err) {
        await logSync(prisma, { ...ref, kind: 'store_status', status: 'failed', error: String(err), request: { status, extraMinutes } });
        throw asActivityFailure(err);
      }
      await logSync(prisma, { ...ref, kind: 'store_status', status: 'sent', request: { status, extraMinutes } });
      return { status, extraMinutes };
    },

    /**
     * Availability reconciliation: pushes every dish whose availability differs from what the
     * platform was last told (`known`, kept by the workflow), returns the new `known`.
     */
    async reconcilePlatformAvailability(ref: PlatformRef & { known: Record<string, boolean> }): Promise<Record<string, boolean>> {
      const rows = await assignments(ref, undefined, true);
      const timeZone = await timeZoneOf(ref.tenantId);
      const known = { ...ref.known };
      const changed = rows.filter((a) => a.platformProductId && (known[a.platformProductId] ?? true) !== offered(a, timeZone));
      if (!changed.length) return known;
      const { connector } = await loadPlatform(prisma, ref.tenantId, ref.platformId);
      for (const a of changed) {
        const available = offered(a, timeZone);
        try {
          await connector.setItemAvailability(a.platformProductId!, available);
          await logSync(prisma, {
            tenantId: ref.tenantId,
            platformId: ref.platformId,
            kind: 'availability',
            status: 'sent',
            entityType: 'MenuItem',
            entityId: a.menuItemId,
            request: { available },
          });
        } catch (err) {
          if (!(err instanceof PermanentError)) throw asActivityFailure(err);
          await prisma.productPlatformAssignment.update({ where: { id: a.id }, data: { syncStatus: 'FAILED', syncError: err.message } });
        }
        known[a.platformProductId!] = available;
      }
      return known;
    },
  };
  return activities;
}
