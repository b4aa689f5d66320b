import type { TenantDb } from '../../db/tenant-scope';
import { notFound, requireId } from '../validate';
import { deliveryInclude, deliveryView, type DeliveryRow, type DeliveryView } from './delivery-view';
import { readTravelTime } from './travel-time';

/** A delivery of the caller's tenant by id; NOT_FOUND for a malformed, missing or foreign id alike. */
export async function findDelivery(db: TenantDb, id: string): Promise<DeliveryRow> {
  const row = await db.deliveryAssignment.findUnique({ where: { id: requireId(id, 'Delivery') }, include: deliveryInclude });
  if (!row) throw notFound('Delivery');
  return row;
}

/** The delivery as it is now, for the answer of a change. */
export async function reloadDelivery(db: TenantDb, id: string): Promise<DeliveryView> {
  const [row, travel] = await Promise.all([findDelivery(db, id), readTravelTime(db)]);
  return deliveryView(row, travel.minutes);
}
