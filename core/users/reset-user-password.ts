import { AppError } from '../../contracts/errors';
import { issueAccessLink } from '../auth/access-links';
import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { notFound, requireId } from '../validate';
import type { UserAccessLink } from './invite-user';
import { assertMayTouchOwner } from './user-input';

/**
 * An admin's password reset: a one-time link with which the user sets a new password (and every
 * session of theirs ends). The current password keeps working until then, so a reset asked for by
 * mistake locks nobody out; to shut someone out now, deactivate them.
 */
export async function resetUserPassword({ db, actor, input }: ServiceOptions<{ id: string }>): Promise<UserAccessLink> {
  const id = requireId(input.id, 'User');
  const user = await db.user.findUnique({ where: { id } });
  if (!user) throw notFound('User');
  assertMayTouchOwner(actor, user.role);
  if (!user.isActive) throw new AppError('CONFLICT', `${user.name} is deactivated: reactivate the account first`, { field: 'id' });
  return db.$transaction(async (tx) => {
    const link = await issueAccessLink({ db: tx, tenantId: actor.tenantId, userId: id, purpose: 'reset', createdById: actor.userId });
    await recordAudit({ db: tx, actor, action: 'user.password_reset', entityType: 'User', entityId: id });
    return { user, ...link };
  });
}
