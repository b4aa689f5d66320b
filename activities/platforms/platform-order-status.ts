import { cancelOrder } from '../../core/orders/cancel-order';
import { forTenant } from '../../db/tenant-scope';
import type { ActivityDeps } from '../../core/kitchen/deps';
import type { OrderStatusTransition, PlatformOrderRef, PlatformOrderStatusActivities } from '../../contracts/platform-activities';
import { kitchenFromContext, platformActor } from './platform-order-ref';
import { loadPlatform, sendOnce } from './platform-support';

/**
 * After the accept: our order's transitions mirrored on the platform, each exactly once (SyncLog
 * key per transition, probe before a re-send), and the platform's cancellation mirrored on ours.
 */
export function createPlatformOrderStatusActivities({ prisma, events }: ActivityDeps): PlatformOrderStatusActivities {
  return {
    /** One status transition on the platform, exactly once (`status:<transition>:<id>`). */
    async sendPlatformOrderStatus(ref: PlatformOrderRef & { status: OrderStatusTransition }): Promise<void> {
      const { connector } = await loadPlatform(prisma, ref.tenantId, ref.platformId);
      const { status, ...where } = ref;
      await sendOnce({
        prisma,
        tenantId: ref.tenantId,
        platformId: ref.platformId,
        key: `status:${status}:${ref.platformOrderId}`,
        kind: 'order_status',
        entityType: 'PlatformOrder',
        entityId: ref.platformOrderId,
        request: { status },
        send: (key) => connector.updateOrderStatus(ref.platformOrderId, status, { idempotencyKey: key }),
        probe: async () => reached((await connector.getOrder(ref.platformOrderId)).status, status),
      });
      await prisma.platformOrder.updateMany({ where, data: { status } });
    },

    /** A new promised ready time; keyed on the time itself so each distinct change goes out once. */
    async sendPlatformReadyTime(ref: PlatformOrderRef & { readyAt: string }): Promise<void> {
      const { connector } = await loadPlatform(prisma, ref.tenantId, ref.platformId);
      const { readyAt, ...where } = ref;
      await sendOnce({
        prisma,
        tenantId: ref.tenantId,
        platformId: ref.platformId,
        key: `ready-time:${ref.platformOrderId}:${readyAt}`,
        kind: 'order_ready_time',
        entityType: 'PlatformOrder',
        entityId: ref.platformOrderId,
        request: { readyAt },
        send: (key) => connector.updateReadyTime(ref.platformOrderId, readyAt, { idempotencyKey: key }),
        probe: async () => (await connector.getOrder(ref.platformOrderId)).promisedReadyAt === readyAt,
      });
      await prisma.platformOrder.updateMany({ where, data: { promisedReadyAt: new Date(readyAt) } });
    },

    /** The platform cancelled: cancel our order too (the kitchen stops, inventory is returned). */
    async cancelPlatformKitchenOrder(ref: PlatformOrderRef & { orderId: string | null }): Promise<void> {
      const { orderId, ...where } = ref;
      await prisma.platformOrder.updateMany({ where, data: { status: 'cancelled', needsReview: false } });
      if (!orderId) return;
      const order = await prisma.order.findFirst({ where: { id: orderId, tenantId: ref.tenantId }, select: { status: true } });
      // Past the kitchen there is nothing left to stop (cancelOrder would refuse it).
      if (!order || !['NEW', 'PREPARING'].includes(order.status)) return;
      const { platform } = await loadPlatform(prisma, ref.tenantId, ref.platformId);
      await cancelOrder({
        db: forTenant(prisma, ref.tenantId),
        actor: platformActor(ref.tenantId, platform.name),
        kitchen: kitchenFromContext(),
        events,
        input: { id: orderId, reason: `Cancelled on ${platform.name}` },
      });
    },
  };
}

const FLOW = ['placed', 'accepted', 'preparing', 'ready', 'picked_up', 'delivered'];
/** Has the platform order already reached `target` (or gone past it)? */
function reached(current: string, target: OrderStatusTransition): boolean {
  if (target === 'cancelled') return current === 'cancelled';
  return FLOW.indexOf(current) >= FLOW.indexOf(target);
}
