import { recordAudit } from '../audit/record-audit';
import type { RealtimeEvents, ServiceOptions } from '../types';
import { parseInput } from '../validate';
import { announceShift } from './shift-events';
import { shiftInclude, type ShiftWithPeople } from './shift-include';
import { shiftSpanSchema } from './shift-input';
import { assertShiftFits } from './shift-rules';

export interface CreateShiftInput {
  userId: string;
  stationId?: string | null;
  startsAt: unknown;
  endsAt: unknown;
}

/** Plans a shift for a user, at a station or (riders, floor staff) at none. */
export async function createShift({
  db,
  actor,
  input,
  events,
}: ServiceOptions<CreateShiftInput> & { events?: RealtimeEvents | null }): Promise<ShiftWithPeople> {
  const span = parseInput(shiftSpanSchema, { startsAt: input.startsAt, endsAt: input.endsAt });
  const plan = { userId: input.userId, stationId: input.stationId ?? null, ...span };
  const shift = await db.$transaction(async (tx) => {
    await assertShiftFits(tx, actor.tenantId, plan);
    const created = await tx.shift.create({ data: { tenantId: actor.tenantId, ...plan }, include: shiftInclude });
    await recordAudit({ db: tx, actor, action: 'shift.create', entityType: 'Shift', entityId: created.id, details: auditDetails(created) });
    return created;
  });
  await announceShift(events, actor.tenantId, shift, 'created');
  return shift;
}

export function auditDetails(shift: { userId: string; stationId: string | null; startsAt: Date; endsAt: Date }) {
  return { userId: shift.userId, stationId: shift.stationId, startsAt: shift.startsAt.toISOString(), endsAt: shift.endsAt.toISOString() };
}
