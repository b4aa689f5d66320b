import { AppError } from '../../contracts/errors';
import { recordAudit } from '../audit/record-audit';
import type { RealtimeEvents, ServiceOptions } from '../types';
import { notFound, requireId } from '../validate';
import { auditDetails } from './create-shift';
import { announceShift } from './shift-events';
import { shiftInclude, type ShiftWithPeople } from './shift-include';

/**
 * Takes a planned shift off the plan. The row stays, deactivated: the ETA's mirror of the shifts
 * only sees rows that change (a deleted one would linger there until its next whole read), and a
 * shift that was worked stays the record of it, so one clocked in to cannot be deleted.
 */
export async function deleteShift({ db, actor, input, events }: ServiceOptions<{ id: string }> & { events?: RealtimeEvents | null }): Promise<ShiftWithPeople> {
  const id = requireId(input.id, 'Shift');
  const shift = await db.$transaction(async (tx) => {
    const current = await tx.shift.findFirst({ where: { id, isActive: true } });
    if (!current) throw notFound('Shift');
    if (current.clockedInAt)
      throw new AppError('CONFLICT', 'This shift has been clocked in to: it stays as the record of the time worked. Change its end instead.');
    const updated = await tx.shift.update({ where: { id }, data: { isActive: false }, include: shiftInclude });
    await recordAudit({ db: tx, actor, action: 'shift.delete', entityType: 'Shift', entityId: id, details: auditDetails(current) });
    return updated;
  });
  await announceShift(events, actor.tenantId, shift, 'deleted');
  return shift;
}
