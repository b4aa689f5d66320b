import type { TenantDb } from '../../db/tenant-scope';

/**
 * Who of the tenant's riders is on shift at `now`: the one place that asks, so shift planning can
 * answer it instead. A shift counts while startsAt <= now < endsAt and it is active. A tenant that
 * plans no rider shifts at all has every active rider on shift (a small place where whoever is
 * in works).
 */
export async function ridersOnShift(db: TenantDb, now: Date): Promise<(riderId: string) => boolean> {
  const riderShift = { isActive: true, user: { role: 'DELIVERY' as const } };
  const [current, planned] = await Promise.all([
    db.shift.findMany({ where: { ...riderShift, startsAt: { lte: now }, endsAt: { gt: now } }, select: { userId: true } }),
    db.shift.count({ where: riderShift }),
  ]);
  if (planned === 0) return () => true;
  const on = new Set(current.map((s) => s.userId));
  return (riderId) => on.has(riderId);
}
