import type { ServiceOptions } from '../types';
import { shiftInclude, type ShiftWithPeople } from './shift-include';
import { dayRange } from './week-range';

/** The caller's own shifts of today, and one still running from yesterday: what the clock-in button offers. */
export function listMyShifts({ db, actor, input }: ServiceOptions<{ now?: Date }>): Promise<ShiftWithPeople[]> {
  const now = input.now ?? new Date();
  const today = dayRange(now);
  return db.shift.findMany({
    where: {
      userId: actor.userId,
      isActive: true,
      startsAt: { lt: today.endsAt },
      OR: [{ endsAt: { gt: today.startsAt } }, { clockedInAt: { not: null }, clockedOutAt: null }],
    },
    include: shiftInclude,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });
}
