import { AppError } from '../../contracts/errors';
import type { Actor, TenantTx } from '../types';
import { notFound, requireId } from '../validate';

/** How long before its start a shift can be clocked in to. */
export const CLOCK_IN_EARLY_MS = 60 * 60_000;

/**
 * The caller's own shift to clock in to or out of: the one named, or else the one `pick` finds.
 * Another tenant's shift is NOT_FOUND like a missing one; a colleague's is FORBIDDEN (anyone may
 * clock in and out, but only of their own shifts).
 */
export async function ownShift(tx: TenantTx, actor: Actor, shiftId: string | null | undefined, pick: { where: Record<string, unknown>; none: string }) {
  if (shiftId) {
    const shift = await tx.shift.findFirst({ where: { id: requireId(shiftId, 'Shift'), isActive: true } });
    if (!shift) throw notFound('Shift');
    if (shift.userId !== actor.userId) throw new AppError('FORBIDDEN', 'You can clock in and out of your own shifts only');
    return shift;
  }
  const shift = await tx.shift.findFirst({ where: { userId: actor.userId, isActive: true, ...pick.where }, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] });
  if (!shift) throw new AppError('CONFLICT', pick.none);
  return shift;
}
