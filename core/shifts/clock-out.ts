import { AppError } from '../../contracts/errors';
import { recordAudit } from '../audit/record-audit';
import type { RealtimeEvents, ServiceOptions } from '../types';
import { ownShift } from './own-shift';
import { moment as at } from './shift-time';
import { announceShift } from './shift-events';
import { shiftInclude, type ShiftWithPeople } from './shift-include';

/**
 * The caller ends their shift: the one named, else the one they are clocked in to. Clocking out
 * before the planned end takes them off their station at once, for the ETA too.
 */
export async function clockOut({
  db,
  actor,
  input,
  events,
  now = new Date(),
}: ServiceOptions<{ shiftId?: string | null }> & { events?: RealtimeEvents | null; now?: Date }): Promise<ShiftWithPeople> {
  const shift = await db.$transaction(async (tx) => {
    const shift = await ownShift(tx, actor, input.shiftId, {
      where: { clockedInAt: { not: null }, clockedOutAt: null },
      none: 'You are not clocked in to any shift',
    });
    if (!shift.clockedInAt) throw new AppError('CONFLICT', 'You have not clocked in to this shift');
    if (shift.clockedOutAt) throw new AppError('CONFLICT', `You clocked out of this shift at ${at(shift.clockedOutAt)} already`);
    const { count } = await tx.shift.updateMany({ where: { id: shift.id, clockedOutAt: null }, data: { clockedOutAt: now } });
    if (count === 0) throw new AppError('CONFLICT', 'You clocked out of this shift already');
    await recordAudit({ db: tx, actor, action: 'shift.clock_out', entityType: 'Shift', entityId: shift.id, details: { at: now.toISOString() } });
    return tx.shift.findUniqueOrThrow({ where: { id: shift.id }, include: shiftInclude });
  });
  await announceShift(events, actor.tenantId, shift, 'clocked-out');
  return shift;
}
