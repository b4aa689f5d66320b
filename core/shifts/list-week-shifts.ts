import type { ServiceOptions } from '../types';
import { parseInput, requireId } from '../validate';
import { shiftInclude, type ShiftWithPeople } from './shift-include';
import { weekOfSchema } from './shift-input';
import { weekRange } from './week-range';

export interface ShiftWeek {
  startsAt: Date;
  endsAt: Date;
  shifts: ShiftWithPeople[];
}

/** The planned shifts of the week (Monday to Monday, the restaurant's time) that contains `weekOf`, optionally of one station. */
export async function listWeekShifts({ db, input }: ServiceOptions<{ weekOf: unknown; stationId?: string | null }>): Promise<ShiftWeek> {
  const { weekOf } = parseInput(weekOfSchema, { weekOf: input.weekOf });
  const stationId = input.stationId ? requireId(input.stationId, 'Station') : null;
  const week = weekRange(weekOf);
  const shifts = await db.shift.findMany({
    where: { isActive: true, startsAt: { lt: week.endsAt }, endsAt: { gt: week.startsAt }, ...(stationId ? { stationId } : {}) },
    include: shiftInclude,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
  });
  return { ...week, shifts };
}
