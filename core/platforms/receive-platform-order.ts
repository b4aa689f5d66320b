import { isDeepStrictEqual } from 'node:util';
import type { Db } from '../../db/client';
import type { PlatformOrderRef } from '../../contracts/platform-activities';
import { storable } from './platform-order-content';

/** Orders not taken yet: a new version of their content from the platform replaces the old one. */
const OPEN = ['received', 'needs_review'];

/**
 * Stores a platform order as delivered (a webhook or a reconciliation found it), once per
 * platform order id. A later `order.placed` with different content revises an order we have not
 * taken yet and puts it back to `received`, so the intake looks at it afresh; after the order is
 * taken or closed, later snapshots only carry state changes and leave the row alone.
 * `pending`: the order still waits for its intake, so its workflow must look at it (again).
 */
export async function receivePlatformOrder(
  prisma: Db,
  ref: PlatformOrderRef,
  order: Record<string, unknown>,
  opts: { revise: boolean },
): Promise<{ created: boolean; revised: boolean; pending: boolean }> {
  const { payload, acceptDeadline } = storable(order);
  const where = { tenantId: ref.tenantId, platformId: ref.platformId, platformOrderId: ref.platformOrderId };
  const { count } = await prisma.platformOrder.createMany({ data: [{ ...where, payload, acceptDeadline }], skipDuplicates: true });
  const row = await prisma.platformOrder.findFirst({ where, select: { id: true, status: true, orderId: true, payload: true } });
  if (!row) return { created: false, revised: false, pending: false };
  let revised = false;
  if (count === 0 && opts.revise && !row.orderId && OPEN.includes(row.status) && !isDeepStrictEqual(row.payload, payload)) {
    const updated = await prisma.platformOrder.updateMany({
      where: { id: row.id, orderId: null, status: { in: OPEN } },
      data: { payload, acceptDeadline, status: 'received', needsReview: false, reviewReason: null },
    });
    revised = updated.count === 1;
  }
  return { created: count === 1, revised, pending: revised || (!row.orderId && row.status === 'received') };
}
