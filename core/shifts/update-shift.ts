import { AppError } from '../../contracts/errors';
import { recordAudit } from '../audit/record-audit';
import type { RealtimeEvents, ServiceOptions } from '../types';
import { notFound, parseInput, requireId } from '../validate';
import { auditDetails } from './create-shift';
import { announceShift } from './shift-events';
import { shiftInclude, type ShiftWithPeople } from './shift-include';
import { shiftSpanSchema, updateShiftSchema } from './shift-input';
import { assertShiftFits, lockShiftsOf } from './shift-rules';

/**
 * Moves a planned shift: other times, another station (null: none) or another user. The result is
 * checked like a new shift (ends after it starts, no overlap with the user's others).
 */
export async function updateShift({
  db,
  actor,
  input,
  events,
}: ServiceOptions<{ id: string; changes: unknown }> & { events?: RealtimeEvents | null }): Promise<ShiftWithPeople> {
  const id = requireId(input.id, 'Shift');
  const changes = parseInput(updateShiftSchema, input.changes);
  const { shift, before } = await db.$transaction(async (tx) => {
    const current = await tx.shift.findFirst({ where: { id, isActive: true } });
    if (!current) throw notFound('Shift');
    const next = {
      userId: changes.userId ?? current.userId,
      stationId: changes.stationId === undefined ? current.stationId : changes.stationId,
      ...parseInput(shiftSpanSchema, { startsAt: changes.startsAt ?? current.startsAt, endsAt: changes.endsAt ?? current.endsAt }),
    };
    if (next.userId !== current.userId) {
      if (current.clockedInAt)
        throw new AppError('CONFLICT', 'This shift has been clocked in to: it cannot be handed to someone else. Plan a new shift for them instead.');
      // Both users' locks, in one order, so neither user's shifts move under us.
      await lockShiftsOf(tx, actor.tenantId, [current.userId, requireId(next.userId, 'User')]);
    }
    await assertShiftFits(tx, actor.tenantId, next, id);
    const updated = await tx.shift.update({ where: { id }, data: next, include: shiftInclude });
    await recordAudit({
      db: tx,
      actor,
      action: 'shift.update',
      entityType: 'Shift',
      entityId: id,
      details: { before: auditDetails(current), after: auditDetails(updated) },
    });
    return { shift: updated, before: current };
  });
  await announceShift(events, actor.tenantId, shift, 'updated', before.stationId);
  return shift;
}
