import type { TenantDb } from '../../db/tenant-scope';
import { usersOnShift } from '../shifts/on-shift-now';

/**
 * Who of the tenant's riders is on shift at `now`, as the shift plan says (clock-ins included:
 * core/shifts/on-shift-now.ts). A tenant that plans no rider shifts at all has every active rider
 * on shift (a small place where whoever is in works).
 */
export async function ridersOnShift(db: TenantDb, now: Date): Promise<(riderId: string) => boolean> {
  const [on, planned] = await Promise.all([usersOnShift(db, now), db.shift.count({ where: { isActive: true, user: { role: 'DELIVERY' } } })]);
  if (planned === 0) return () => true;
  const onShift = new Set(on.map((s) => s.userId));
  return (riderId) => onShift.has(riderId);
}
