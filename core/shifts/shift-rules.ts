import { AppError } from '../../contracts/errors';
import { tenantExecute } from '../../db/sql';
import { Prisma } from '../../prisma/generated/client';
import type { TenantTx } from '../types';
import { notFound, requireId } from '../validate';
import { span } from './shift-time';

/** First key of the per-user advisory lock that serialises a user's shift changes: "SHIFT" on a phone keypad. */
const SHIFT_LOCK = 74438;

export interface ShiftPlan {
  userId: string;
  stationId: string | null;
  startsAt: Date;
  endsAt: Date;
}

/**
 * Takes the user's shift lock for the rest of the transaction, then checks the plan: the user and
 * the station are the tenant's (another tenant's id is NOT_FOUND like a missing one) and active,
 * and none of the user's other shifts overlaps it (back to back is fine). Two planners adding
 * overlapping shifts at once queue on the lock, so the second sees the first's shift.
 */
export async function assertShiftFits(tx: TenantTx, tenantId: string, plan: ShiftPlan, exceptShiftId?: string): Promise<void> {
  const userId = requireId(plan.userId, 'User');
  const stationId = plan.stationId === null ? null : requireId(plan.stationId, 'Station');
  await lockShiftsOf(tx, tenantId, [userId]);
  const user = await tx.user.findUnique({ where: { id: userId } });
  if (!user) throw notFound('User');
  if (!user.isActive) throw new AppError('CONFLICT', `${user.name} is deactivated: only active users can have shifts`);
  if (stationId !== null) {
    const station = await tx.station.findUnique({ where: { id: stationId } });
    if (!station) throw notFound('Station');
    if (!station.isActive) throw new AppError('CONFLICT', `Station "${station.name}" is inactive: activate it before planning shifts there`);
  }
  const clash = await tx.shift.findFirst({
    where: { userId, isActive: true, startsAt: { lt: plan.endsAt }, endsAt: { gt: plan.startsAt }, ...(exceptShiftId ? { id: { not: exceptShiftId } } : {}) },
    include: { station: true },
    orderBy: { startsAt: 'asc' },
  });
  if (clash) {
    const where = clash.station ? ` at ${clash.station.name}` : '';
    throw new AppError('CONFLICT', `${user.name} already has a shift${where} from ${span(clash.startsAt, clash.endsAt)}, which overlaps this one`, {
      shiftId: clash.id,
    });
  }
}

/**
 * Takes the users' shift locks until the transaction ends, in one order (so two transactions
 * that each need two users cannot wait on each other). Taking one again is free.
 */
export async function lockShiftsOf(tx: TenantTx, tenantId: string, userIds: string[]): Promise<void> {
  for (const userId of [...new Set(userIds)].sort()) {
    // Wrapped: Prisma's raw queries cannot return the lock function's `void`.
    await tenantExecute(
      tx,
      tenantId,
      'shift lock',
      Prisma.sql`SELECT true AS locked FROM (SELECT pg_advisory_xact_lock(${SHIFT_LOCK}::int, hashtext(${tenantId}::text || ${userId}::text))) AS l`,
    );
  }
}
