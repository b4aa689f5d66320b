import type { ServiceOptions } from '../types';
import { shiftInclude, type ShiftWithPeople } from './shift-include';
import { dayRange } from './week-range';
import { CLOCK_IN_EARLY_MS } from './own-shift';

/**
 * The caller's own shifts of today, one still running from yesterday, and one that opens for
 * clocking in before midnight (a 00:15 start at 23:50): what the clock-in button offers.
 */
export function listMyShifts({ db, actor, input }: ServiceOptions<{ now?: Date }>): Promise<ShiftWithPeople[]> {
  const now = input.now ?? new Date();
  const today = dayRange(now);
  return db.shift.findMany({
    where: {
      userId: actor.userId,
      isActive: true,
      startsAt: { lt: new Date(Math.max(today.endsAt.getTime(), now.getTime() + CLOCK_IN_EARLY_MS)) },
      OR: [{ endsAt: { gt: today.startsAt } }, { clockedInAt: { not: null }, clockedOutAt: null }],
    },
    include: shiftInclude,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });
}
