import { ApplicationFailure } from '@temporalio/common';
import { createOrder } from '../../core/orders/create-order';
import { forTenant } from '../../db/tenant-scope';
import type { PlatformOrderPayload } from '../../contracts/socket-events';
import type { PlatformOrderView } from '../../platforms/connector';
import { mapOrderLines, type MappingResult } from '../../platforms/mapping';
import { mapPlatformModifiers, type ModifiedLine } from '../../core/platforms/map-platform-modifiers';
import type { ActivityDeps } from '../../core/kitchen/deps';
import type { IntakeResult, PlatformOrderActivities, PlatformOrderRef, PlatformOrderStatusActivities } from '../../contracts/platform-activities';
import { kitchenFromContext, platformActor } from './platform-order-ref';
import { asActivityFailure, loadPlatform, sendOnce, type PlatformFailureType } from './platform-support';
import { contentReason, orderContentProblems } from '../../core/platforms/platform-order-content';
import { receivePlatformOrder } from '../../core/platforms/receive-platform-order';
import { resolveOrderLines } from '../../core/orders/resolve-order-lines';
import { isAppError } from '../../contracts/errors';
import { setTimeout as sleep } from 'node:timers/promises';

/** When the ETA is not computed yet, the promise falls back to this (and is corrected later). */
const FALLBACK_READY_MS = 30 * 60_000;
const ETA_WAIT_POLLS = 20;

const clip = (text: string | null | undefined, max: number): string | null => (text ? text.slice(0, max) : null);

export function createPlatformOrderActivities({ prisma, clock, events }: ActivityDeps): Omit<PlatformOrderActivities, keyof PlatformOrderStatusActivities> {
  const row = (ref: PlatformOrderRef) =>
    prisma.platformOrder.findFirst({ where: { tenantId: ref.tenantId, platformId: ref.platformId, platformOrderId: ref.platformOrderId } });

  async function mapRow(ref: PlatformOrderRef, payload: PlatformOrderView): Promise<MappingResult> {
    const productIds = payload.items.map((i) => i.productId);
    const assignments = await prisma.productPlatformAssignment.findMany({
      where: { tenantId: ref.tenantId, platformId: ref.platformId, platformProductId: { in: productIds } },
      include: { menuItem: { select: { id: true, name: true, isAvailable: true, isActive: true } } },
    });
    return mapOrderLines(
      payload.items,
      assignments.map((a) => ({
        platformProductId: a.platformProductId!,
        menuItemId: a.menuItemId,
        menuItemName: a.menuItem.name,
        available: a.isAvailable && a.menuItem.isAvailable && a.menuItem.isActive,
      })),
    );
  }

  /** Why the kitchen would refuse these lines (createOrder's own check), or null when it takes them. */
  async function kitchenRefusal(tenantId: string, lines: ModifiedLine[]): Promise<string | null> {
    try {
      await resolveOrderLines(
        forTenant(prisma, tenantId),
        lines.map((l) => ({ menuItemId: l.menuItemId, quantity: l.quantity, notes: l.notes, modifications: null, modifiers: l.modifiers })),
      );
      return null;
    } catch (err) {
      if (isAppError(err) && err.code === 'BAD_USER_INPUT') return `The kitchen cannot take it: ${err.message}`;
      throw err;
    }
  }

  /** Best effort, like every event: the publisher never rejects. */
  const announce = (ref: PlatformOrderRef, status: PlatformOrderPayload['status'], reason: string | null = null) =>
    events.toTenant(ref.tenantId).emit('platform:order', { platformId: ref.platformId, platformOrderId: ref.platformOrderId, status, reason });

  return {
    /**
     * Looks at the stored platform order (written by the webhook; fetched from the platform when
     * a reconciliation found it first) and decides: cook it, deny it, or keep it for review.
     */
    async intakePlatformOrder(ref: PlatformOrderRef): Promise<IntakeResult> {
      let stored = await row(ref);
      if (!stored) {
        const { connector } = await loadPlatform(prisma, ref.tenantId, ref.platformId);
        const fetched = await connector.getOrder(ref.platformOrderId).catch((err) => Promise.reject(asActivityFailure(err)));
        await receivePlatformOrder(prisma, ref, fetched as unknown as Record<string, unknown>, { revise: false });
        stored = (await row(ref))!;
      }
      if (stored.orderId) return { kind: 'ok', orderId: stored.orderId };
      if (['denied', 'cancelled'].includes(stored.status)) return { kind: 'closed', status: stored.status };
      // Flagged earlier: stays flagged until a person resolves it (resolvePlatformOrder), even if it would map now.
      if (stored.status === 'needs_review') return { kind: 'review', reason: stored.reviewReason ?? 'Needs review' };
      const flag = async (reason: string): Promise<IntakeResult> => {
        await prisma.platformOrder.update({ where: { id: stored.id }, data: { status: 'needs_review', needsReview: true, reviewReason: reason } });
        await announce(ref, 'needs_review', reason);
        return { kind: 'review', reason };
      };
      // Checked before anything reads it: content the kitchen cannot take is a person's call, never a retry.
      const problems = orderContentProblems(stored.payload);
      if (problems.length) {
        const { platform } = await loadPlatform(prisma, ref.tenantId, ref.platformId);
        const rule = (platform.config as { invalidOrders?: string } | null)?.invalidOrders;
        return rule === 'deny' ? { kind: 'deny', reason: contentReason(problems) } : flag(contentReason(problems));
      }
      const mapped = await mapRow(ref, stored.payload as unknown as PlatformOrderView);
      if (mapped.kind === 'unknown') {
        return flag(mapped.unknownProductIds.length ? `Unknown platform products: ${mapped.unknownProductIds.join(', ')}` : 'The order has no items');
      }
      if (mapped.kind === 'unavailable') return { kind: 'deny', reason: `Unavailable: ${mapped.names.join(', ')}` };
      const modified = await mapPlatformModifiers(forTenant(prisma, ref.tenantId), mapped.lines);
      if (modified.unknown.length) return flag(`Unknown modifiers: ${modified.unknown.join(', ')}`);
      // The kitchen's own checks (a published recipe for every dish…), as createOrder will make them.
      const refused = await kitchenRefusal(ref.tenantId, modified.lines);
      return refused ? flag(refused) : { kind: 'ok', orderId: null };
    },

    /** Our order (channel IMPORT) through the normal create-order service, once: its idempotency key is the platform order. */
    async createPlatformKitchenOrder(ref: PlatformOrderRef): Promise<{ orderId: string }> {
      const stored = await row(ref);
      if (!stored) throw ApplicationFailure.nonRetryable('Platform order row missing', 'PLATFORM_NOT_FOUND');
      if (stored.orderId) return { orderId: stored.orderId };
      const payload = stored.payload as unknown as PlatformOrderView;
      const mapped = await mapRow(ref, payload);
      if (mapped.kind !== 'ok') throw ApplicationFailure.nonRetryable(`Order can no longer be mapped (${mapped.kind})`, 'PLATFORM_REJECTED');
      const { platform } = await loadPlatform(prisma, ref.tenantId, ref.platformId);
      // Accepted at review with names no option matches: those reach the kitchen as free text.
      const { lines } = await mapPlatformModifiers(forTenant(prisma, ref.tenantId), mapped.lines);
      const order = await createOrder({
        db: forTenant(prisma, ref.tenantId),
        prisma,
        actor: platformActor(ref.tenantId, platform.name),
        kitchen: kitchenFromContext(),
        // The board hears about it like any other new order (order:created).
        events,
        input: {
          channel: 'IMPORT',
          // Clipped to what an order keeps: a person who accepted an odd order at review has seen it whole.
          customerName: clip(payload.customer?.name, 255),
          customerAddress: clip(payload.customer?.address, 1000),
          fulfillment: deliveredByUs(platform.config) && payload.customer?.address ? 'DELIVERY' : 'TAKEAWAY',
          notes: clip([`${platform.name} order ${ref.platformOrderId}`, payload.notes].filter(Boolean).join(' — '), 2000),
          idempotencyKey: `platform:${ref.platformId}:${ref.platformOrderId}`,
          items: lines.map((l) => ({
            menuItemId: l.menuItemId,
            quantity: l.quantity,
            notes: clip(l.notes, 1000),
            modifiers: l.modifiers,
            modifications: clip(l.unmapped.join(', '), 1000),
          })),
        },
      }).catch(async (err: unknown) => {
        if (!isAppError(err) || err.code !== 'BAD_USER_INPUT') throw err;
        // E.g. a dish lost its recipe since the intake: back to the review queue, not a retry.
        const reason = `The kitchen cannot take it: ${err.message}`;
        await prisma.platformOrder.update({ where: { id: stored.id }, data: { status: 'needs_review', needsReview: true, reviewReason: reason } });
        await announce(ref, 'needs_review', reason);
        throw ApplicationFailure.nonRetryable(reason, 'PLATFORM_ORDER_HELD' satisfies PlatformFailureType);
      });
      await prisma.platformOrder.update({ where: { id: stored.id }, data: { orderId: order.id } });
      return { orderId: order.id };
    },

    /** Accepts on the platform with our ETA as the promised ready time; exactly once (`accept:<id>`). */
    async acceptPlatformOrder(ref: PlatformOrderRef & { orderId: string }): Promise<{ promisedReadyAt: string }> {
      const { connector } = await loadPlatform(prisma, ref.tenantId, ref.platformId);
      // The kitchen computes the ETA right after the order starts: wait for it briefly, then fall back
      // (the status loop sends the real time as soon as it differs materially).
      let eta: Date | null = null;
      for (let i = 0; i < ETA_WAIT_POLLS && !eta; i++) {
        if (i > 0) await sleep(250);
        const order = await prisma.order.findFirst({
          where: { id: ref.orderId, tenantId: ref.tenantId },
          select: { estimatedReadyAt: true, initialEstimatedReadyAt: true },
        });
        // The first estimate is createOrder's promise (the kitchen's promiseQuantile), not a later run's median.
        eta = order?.initialEstimatedReadyAt ?? order?.estimatedReadyAt ?? null;
      }
      const promisedReadyAt = (eta ?? new Date(clock().getTime() + FALLBACK_READY_MS)).toISOString();
      await sendOnce({
        prisma,
        tenantId: ref.tenantId,
        platformId: ref.platformId,
        key: `accept:${ref.platformOrderId}`,
        kind: 'order_accept',
        entityType: 'PlatformOrder',
        entityId: ref.platformOrderId,
        request: { promisedReadyAt },
        send: (key) => connector.acceptOrder(ref.platformOrderId, promisedReadyAt, { idempotencyKey: key }),
        probe: async () => (await connector.getOrder(ref.platformOrderId)).status !== 'placed',
      });
      const { orderId: _order, ...where } = ref;
      await prisma.platformOrder.updateMany({ where, data: { status: 'accepted', needsReview: false, promisedReadyAt: new Date(promisedReadyAt) } });
      await announce(ref, 'accepted');
      const accepted = await connector.getOrder(ref.platformOrderId).catch(() => null);
      return { promisedReadyAt: accepted?.promisedReadyAt ?? promisedReadyAt };
    },

    async denyPlatformOrder(ref: PlatformOrderRef & { reason: string }): Promise<void> {
      const { connector } = await loadPlatform(prisma, ref.tenantId, ref.platformId);
      const { reason, ...where } = ref;
      await sendOnce({
        prisma,
        tenantId: ref.tenantId,
        platformId: ref.platformId,
        key: `deny:${ref.platformOrderId}`,
        kind: 'order_deny',
        entityType: 'PlatformOrder',
        entityId: ref.platformOrderId,
        request: { reason },
        send: (key) => connector.denyOrder(ref.platformOrderId, reason, { idempotencyKey: key }),
        probe: async () => (await connector.getOrder(ref.platformOrderId)).status !== 'placed',
      });
      await prisma.platformOrder.updateMany({ where, data: { status: 'denied', needsReview: false, reviewReason: reason } });
      await announce(ref, 'denied', reason);
    },

    /** Where our order is, for the platform workflow's status loop. */
    async readOrderProgress(input: { tenantId: string; orderId: string }): Promise<{ status: string; estimatedReadyAt: string | null }> {
      const order = await prisma.order.findFirst({ where: { id: input.orderId, tenantId: input.tenantId }, select: { status: true, estimatedReadyAt: true } });
      if (!order) throw ApplicationFailure.nonRetryable(`Order ${input.orderId} not found`, 'ORDER_NOT_FOUND');
      return { status: order.status, estimatedReadyAt: order.estimatedReadyAt?.toISOString() ?? null };
    },
  };
}

/** The platform's courier collects its orders unless the platform is set up for our own riders. */
function deliveredByUs(config: unknown): boolean {
  return (config as { deliveredBy?: string } | null)?.deliveredBy === 'restaurant';
}
