import type { TrackingView } from '../../contracts/public-views';
import type { Db } from '../../db/client';
import { forTenant } from '../../db/tenant-scope';
import { orderRange, storedPromiseRange } from '../../domain/eta/eta-range';
import { findTrackedOrder } from './find-tracked-order';
import { readPageSettings } from './page-settings';
import { linkNotFound } from './public-tokens';
import { isCooking, trackingStage } from './tracking-stage';

export interface ReadTrackingOptions {
  prisma: Db;
  input: { token: unknown };
  now: Date;
}

/**
 * One order as its customer may see it: number, stage, ETA range while cooking, the dishes and
 * quantities, and the rider's first name once it is out. Selected field by field, so a column
 * added to orders later is not shown by accident.
 */
export async function readTracking({ prisma, input, now }: ReadTrackingOptions): Promise<TrackingView> {
  const found = await findTrackedOrder(prisma, input.token, now);
  if (!found) throw linkNotFound();
  const db = forTenant(prisma, found.tenantId);
  const order = await db.order.findUnique({
    where: { id: found.id },
    select: {
      orderNumber: true,
      status: true,
      fulfillment: true,
      estimatedReadyAt: true,
      initialEstimatedReadyAt: true,
      promiseRangeFrom: true,
      promiseRangeTo: true,
      promiseRangeBasis: true,
      actualReadyAt: true,
      items: { where: { status: { not: 'CANCELLED' } }, select: { nameSnapshot: true, quantity: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      delivery: { select: { rider: { select: { name: true } } } },
    },
  });
  if (!order) throw linkNotFound();
  const stage = trackingStage(order.status);
  // The learned range of the promise, moved with the current estimate: the customer sees how sure the kitchen is.
  const range = isCooking(stage) && order.estimatedReadyAt ? orderRange(order.estimatedReadyAt, now, storedPromiseRange(order)) : null;
  const riderName = order.delivery?.rider?.name.trim();
  const riderShown = (stage === 'out_for_delivery' || stage === 'delivered') && riderName;
  return {
    orderNumber: order.orderNumber,
    delivery: order.fulfillment === 'DELIVERY',
    stage,
    eta: range && { from: range.from.toISOString(), to: range.to.toISOString() },
    readyAt: stage === 'cancelled' ? null : (order.actualReadyAt?.toISOString() ?? null),
    items: order.items.map((i) => ({ name: i.nameSnapshot, quantity: i.quantity })),
    rider: riderShown ? { firstName: riderName.split(/\s+/)[0] } : null,
    page: await readPageSettings(db),
  };
}
