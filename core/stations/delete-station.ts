import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { notFound, requireId } from '../validate';

/**
 * Soft delete: task history and shifts keep pointing at the station, and a deactivated station's
 * task types stop counting as available to recipes (see core/workflows/compile-for-tenant.ts).
 */
export async function deleteStation({ db, actor, input }: ServiceOptions<{ id: string }>) {
  const id = requireId(input.id, 'Station');
  return db.$transaction(async (tx) => {
    const { count } = await tx.station.updateMany({ where: { id }, data: { isActive: false } });
    if (count === 0) throw notFound('Station');
    await recordAudit({ db: tx, actor, action: 'station.delete', entityType: 'Station', entityId: id });
    return tx.station.findUniqueOrThrow({ where: { id } });
  });
}
