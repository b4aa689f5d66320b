import { AppError } from '../../contracts/errors';
import { recordAudit } from '../audit/record-audit';
import type { AccessRevoked, ServiceOptions } from '../types';
import { notFound, parseInput, requireId } from '../validate';
import { assertMayTouchOwner, updateUserSchema } from './user-input';

/**
 * `accessRevoked` is told once a deactivation or role change has committed: the user's live
 * connections close now, and come back (if at all) with the new role.
 */
export async function updateUser({
  db,
  actor,
  input,
  accessRevoked,
}: ServiceOptions<{ id: string; changes: unknown }> & { accessRevoked?: AccessRevoked | null }) {
  const id = requireId(input.id, 'User');
  const changes = parseInput(updateUserSchema, input.changes);
  const target = await db.user.findUnique({ where: { id } });
  if (!target) throw notFound('User');
  assertMayTouchOwner(actor, target.role, changes.role);
  // Nobody can lock themselves out; another manager-of-users has to do it.
  if (id === actor.userId && (changes.isActive === false || (changes.role && changes.role !== target.role))) {
    throw new AppError('CONFLICT', 'You cannot deactivate your own account or change your own role');
  }
  const loseAccess = changes.isActive === false || (changes.role !== undefined && changes.role !== target.role);

  const updated = await db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id }, data: changes });
    // Refresh is where role and active flags are re-read: revoking sessions forces that now.
    if (loseAccess) await tx.userSession.updateMany({ where: { userId: id, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit({ db: tx, actor, action: 'user.update', entityType: 'User', entityId: id, details: { changes } });
    return user;
  });
  if (loseAccess) await accessRevoked?.({ tenantId: updated.tenantId, userId: id });
  return updated;
}
