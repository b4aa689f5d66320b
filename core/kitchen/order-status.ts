import { z } from 'zod';
import { tenantRows } from '../../db/sql';
import { forTenant } from '../../db/tenant-scope';
import { announceOrderDelivery } from '../delivery/announce-delivery';
import { OrderItemStatus, OrderStatus, Prisma } from '../../prisma/generated/client';
import type { KitchenActivities } from '../../contracts/kitchen-activities';
import { FINAL_ORDER_STATUSES, HAND_OFF_STATUSES } from '../../domain/kitchen/hand-off';
import { fail, type ActivityDeps } from './deps';

const ITEM_FLOW: OrderItemStatus[] = ['PENDING', 'IN_PROGRESS', 'DONE'];

/** States a row may be in for `target` to be a valid move: earlier on the path, or any open one for CANCELLED. */
function allowedFrom<S extends string>(flow: S[], target: S | 'CANCELLED'): S[] {
  if (target === 'CANCELLED') return flow.slice(0, -1);
  return flow.slice(0, flow.indexOf(target as S));
}

const IN_KITCHEN: OrderStatus[] = ['NEW', 'PREPARING'];
/**
 * The order's forward paths: a state may be skipped forward (the workflow checks the hand-off
 * rules; this keeps a late retry from moving an order back).
 */
const ORDER_FROM: Record<OrderStatus, OrderStatus[]> = {
  NEW: [],
  PREPARING: ['NEW'],
  READY: IN_KITCHEN,
  PICKED_UP: [...IN_KITCHEN, 'READY'],
  SERVED: [...IN_KITCHEN, 'READY'],
  OUT_FOR_DELIVERY: [...IN_KITCHEN, 'READY'],
  DELIVERED: [...IN_KITCHEN, 'READY', 'OUT_FOR_DELIVERY'],
  DELIVERY_FAILED: [...IN_KITCHEN, 'READY', 'OUT_FOR_DELIVERY'],
  CANCELLED: [...IN_KITCHEN, 'READY', 'OUT_FOR_DELIVERY'],
};
const LEFT_THE_PASS = new Set<OrderStatus>(HAND_OFF_STATUSES);
const PAST_READY = new Set<OrderStatus>(['READY', ...HAND_OFF_STATUSES]);
const CLOSED_AFTER_READY = new Set<OrderStatus>(FINAL_ORDER_STATUSES.filter((s) => s !== 'CANCELLED'));

const ItemRow = z.object({
  id: z.string(),
  orderId: z.string(),
  menuItemId: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  status: z.enum(OrderItemStatus),
  moved: z.boolean(),
});
const OrderRow = z.object({
  status: z.enum(OrderStatus),
  moved: z.boolean(),
  actualReadyAt: z.date().nullable(),
  handedOffAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  failureReason: z.string().nullable(),
});

/**
 * Status changes driven by the workflows, each one statement: the conditional update and the
 * read of what the answer needs (a statement's reads see the rows as before its own update, so
 * `moved` tells which). A retry that finds the target state already is success. The
 * `order:updated` event is handed to the publisher and not waited for, like the task events
 * (station-queue.ts): the workflow goes on (to the parent order, to READY) a round trip sooner.
 */
export function createOrderStatusActivities(deps: ActivityDeps) {
  const { prisma, clock } = deps;

  const setItemStatus: KitchenActivities['setItemStatus'] = async ({ tenantId, orderItemId, status }) => {
    const now = clock();
    // The item moves, and its order's items come back (boards redraw the card's item list from them).
    const rows = await tenantRows(
      prisma,
      tenantId,
      'setItemStatus',
      ItemRow,
      Prisma.sql`
      WITH moved AS (
        UPDATE order_items i SET status = ${status}::"OrderItemStatus",
          actual_ready_at = CASE WHEN ${status}::text = 'DONE' THEN ${now}::timestamptz ELSE i.actual_ready_at END
        WHERE i.id = ${orderItemId}::uuid AND i.tenant_id = ${tenantId}::uuid
          AND i.status::text = ANY(${allowedFrom(ITEM_FLOW, status)}::text[])
        RETURNING i.id
      )
      SELECT i.id::text, i.order_id::text AS "orderId", i.menu_item_id::text AS "menuItemId", i.name_snapshot AS name,
             i.quantity, i.status::text AS status, EXISTS (SELECT 1 FROM moved) AS moved
      FROM order_items i
      WHERE i.tenant_id = ${tenantId}::uuid
        AND i.order_id = (SELECT o.order_id FROM order_items o WHERE o.id = ${orderItemId}::uuid AND o.tenant_id = ${tenantId}::uuid)
      ORDER BY i.created_at, i.id`,
    );
    const item = rows.find((r) => r.id === orderItemId);
    if (!item) fail('ITEM_NOT_FOUND', `Order item ${orderItemId} not found`);
    if (!item.moved && item.status !== status) {
      fail('INVALID_TRANSITION', `Order item ${orderItemId} is ${item.status}; it cannot become ${status}`);
    }
    // A finished item leaves the kitchen: its order's ETA and breakdown change.
    if (status !== 'IN_PROGRESS') deps.eta?.after(tenantId, status === 'DONE' ? 'item-done' : 'item-cancelled');
    deps.events.track(
      deps.events.toTenant(tenantId).emit('order:updated', {
        orderId: item.orderId,
        changes: {
          items: rows.map((r) => ({
            id: r.id,
            menuItemId: r.menuItemId,
            name: r.name,
            quantity: r.quantity,
            status: r.id === orderItemId ? status : r.status,
          })),
        },
      }),
    );
  };

  const setOrderStatus: KitchenActivities['setOrderStatus'] = async ({ tenantId, orderId, status: asked, reason }) => {
    const status: OrderStatus = asked === 'DELIVERING' ? 'OUT_FOR_DELIVERY' : asked;
    const now = clock();
    // Each time is stamped once (READY itself may be skipped), and still by a retry that finds
    // the status set but not the time (rows written before this was one statement).
    const readyStamp = PAST_READY.has(status);
    const leftStamp = LEFT_THE_PASS.has(status);
    const closedStamp = CLOSED_AFTER_READY.has(status);
    const [order] = await tenantRows(
      prisma,
      tenantId,
      'setOrderStatus',
      OrderRow,
      Prisma.sql`
      WITH moved AS (
        UPDATE orders o SET status = ${status}::"OrderStatus",
          cancel_reason = CASE WHEN ${status}::text = 'CANCELLED' THEN ${reason ?? null}::text ELSE o.cancel_reason END,
          failure_reason = CASE WHEN ${status}::text = 'DELIVERY_FAILED' THEN ${reason ?? null}::text ELSE o.failure_reason END,
          actual_ready_at = CASE WHEN ${readyStamp}::boolean THEN coalesce(o.actual_ready_at, ${now}::timestamptz) ELSE o.actual_ready_at END,
          handed_off_at = CASE WHEN ${leftStamp}::boolean THEN coalesce(o.handed_off_at, ${now}::timestamptz) ELSE o.handed_off_at END,
          closed_at = CASE WHEN ${closedStamp}::boolean THEN coalesce(o.closed_at, ${now}::timestamptz) ELSE o.closed_at END,
          updated_at = now()
        WHERE o.id = ${orderId}::uuid AND o.tenant_id = ${tenantId}::uuid
          AND (o.status::text = ANY(${ORDER_FROM[status]}::text[])
               OR (${readyStamp}::boolean AND o.status = ${status}::"OrderStatus" AND o.actual_ready_at IS NULL))
        RETURNING o.id, o.actual_ready_at, o.handed_off_at, o.closed_at, o.failure_reason
      )
      SELECT o.status::text AS status, EXISTS (SELECT 1 FROM moved) AS moved,
             coalesce(m.actual_ready_at, o.actual_ready_at) AS "actualReadyAt", coalesce(m.handed_off_at, o.handed_off_at) AS "handedOffAt",
             coalesce(m.closed_at, o.closed_at) AS "closedAt", coalesce(m.failure_reason, o.failure_reason) AS "failureReason"
      FROM orders o LEFT JOIN moved m ON m.id = o.id WHERE o.id = ${orderId}::uuid AND o.tenant_id = ${tenantId}::uuid`,
    );
    if (!order) fail('ORDER_NOT_FOUND', `Order ${orderId} not found`);
    if (!order.moved && order.status !== status) {
      fail('INVALID_TRANSITION', `Order ${orderId} is ${order.status}; it cannot become ${status}`);
    }
    const iso = (d: Date | null) => d?.toISOString() ?? null;
    const times = PAST_READY.has(status)
      ? { actualReadyAt: iso(order.actualReadyAt), handedOffAt: iso(order.handedOffAt), closedAt: iso(order.closedAt), failureReason: order.failureReason }
      : {};
    deps.events.track(deps.events.toTenant(tenantId).emit('order:updated', { orderId, changes: { status, ...times } }));
    // Riders hear no order events: the one assigned to a delivery is told it is ready to pick up.
    if (status === 'READY') deps.events.track(announceOrderDelivery(forTenant(prisma, tenantId), deps.events, tenantId, orderId));
  };

  return { setItemStatus, setOrderStatus };
}
