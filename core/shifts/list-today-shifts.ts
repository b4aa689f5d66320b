import type { ServiceOptions } from '../types';
import { shiftInclude, type ShiftWithPeople } from './shift-include';
import { dayRange } from './week-range';

/** Who is on where today (the restaurant's day): every planned shift that touches it, earliest first. */
export function listTodayShifts({ db, input }: ServiceOptions<{ now?: Date }>): Promise<ShiftWithPeople[]> {
  const today = dayRange(input.now ?? new Date());
  return db.shift.findMany({
    where: { isActive: true, startsAt: { lt: today.endsAt }, endsAt: { gt: today.startsAt } },
    include: shiftInclude,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });
}
