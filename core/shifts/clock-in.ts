import { AppError } from '../../contracts/errors';
import { recordAudit } from '../audit/record-audit';
import type { RealtimeEvents, ServiceOptions } from '../types';
import { CLOCK_IN_EARLY_MS, ownShift } from './own-shift';
import { moment as at } from './shift-time';
import { announceShift } from './shift-events';
import { shiftInclude, type ShiftWithPeople } from './shift-include';

/**
 * The caller starts their shift: the one named, else their next one that can be clocked in to now
 * (from an hour before it starts until it ends). Clocking in early makes them count at their
 * station from then on (core/shifts/shift-include.ts effectiveSpan).
 */
export async function clockIn({
  db,
  actor,
  input,
  events,
  now = new Date(),
}: ServiceOptions<{ shiftId?: string | null }> & { events?: RealtimeEvents | null; now?: Date }): Promise<ShiftWithPeople> {
  const shift = await db.$transaction(async (tx) => {
    const still = await tx.shift.findFirst({ where: { userId: actor.userId, isActive: true, clockedInAt: { not: null }, clockedOutAt: null } });
    if (still && (!input.shiftId || input.shiftId === still.id)) throw new AppError('CONFLICT', `You are clocked in already, since ${at(still.clockedInAt!)}`);
    const shift = await ownShift(tx, actor, input.shiftId, {
      where: { clockedInAt: null, startsAt: { lte: new Date(now.getTime() + CLOCK_IN_EARLY_MS) }, endsAt: { gt: now } },
      none: 'You have no shift to clock in to now: a shift can be clocked in to from an hour before it starts until it ends',
    });
    if (shift.clockedInAt)
      throw new AppError('CONFLICT', `You worked this shift already: clocked in at ${at(shift.clockedInAt)}, out at ${at(shift.clockedOutAt!)}`);
    if (still) throw new AppError('CONFLICT', `You are still clocked in to your shift that ends at ${at(still.endsAt)}: clock out of it first`);
    if (now.getTime() < shift.startsAt.getTime() - CLOCK_IN_EARLY_MS)
      throw new AppError('CONFLICT', `This shift starts at ${at(shift.startsAt)}: clock in from an hour before`);
    if (now >= shift.endsAt) throw new AppError('CONFLICT', `This shift ended at ${at(shift.endsAt)}`);
    // Conditional, so a second tap racing the first changes nothing.
    const { count } = await tx.shift.updateMany({ where: { id: shift.id, clockedInAt: null }, data: { clockedInAt: now } });
    if (count === 0) throw new AppError('CONFLICT', 'You clocked in to this shift already');
    await recordAudit({ db: tx, actor, action: 'shift.clock_in', entityType: 'Shift', entityId: shift.id, details: { at: now.toISOString() } });
    return tx.shift.findUniqueOrThrow({ where: { id: shift.id }, include: shiftInclude });
  });
  await announceShift(events, actor.tenantId, shift, 'clocked-in');
  return shift;
}
