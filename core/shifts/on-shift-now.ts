import type { TenantDb } from '../../db/tenant-scope';
import { CLOCK_IN_EARLY_MS } from './own-shift';
import { effectiveSpan } from './shift-include';

export interface OnShift {
  userId: string;
  shiftId: string;
  /** Null for a shift at no station (riders, floor staff). */
  stationId: string | null;
  startsAt: Date;
  endsAt: Date;
  clockedInAt: Date | null;
}

/**
 * Who is on shift at `at` (default now) in the tenant of `db`, one entry per active user: a
 * planned shift that has begun and not ended, where clocking in early starts it and clocking out
 * early ends it. For other use cases (the delivery dispatch: is this rider on shift?); `userIds` narrows
 * the answer to those users.
 */
export async function usersOnShift(db: TenantDb, at: Date = new Date(), userIds?: string[]): Promise<OnShift[]> {
  const rows = await db.shift.findMany({
    where: {
      isActive: true,
      user: { isActive: true },
      ...(userIds ? { userId: { in: userIds } } : {}),
      // An early clock-in starts a shift at most an hour early, and nothing ends it after its end; effectiveSpan decides.
      startsAt: { lte: new Date(at.getTime() + CLOCK_IN_EARLY_MS) },
      endsAt: { gt: at },
    },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });
  const out = new Map<string, OnShift>();
  for (const shift of rows) {
    const span = effectiveSpan(shift);
    if (span.startsAt <= at && at < span.endsAt && !out.has(shift.userId)) {
      out.set(shift.userId, {
        userId: shift.userId,
        shiftId: shift.id,
        stationId: shift.stationId,
        startsAt: shift.startsAt,
        endsAt: shift.endsAt,
        clockedInAt: shift.clockedInAt,
      });
    }
  }
  return [...out.values()];
}
