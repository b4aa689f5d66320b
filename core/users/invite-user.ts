import type { User } from '../../prisma/generated/client';
import { AppError } from '../../contracts/errors';
import { issueAccessLink, newAccessLinkToken, type IssuedAccessLink } from '../auth/access-links';
import { hashPassword } from '../auth/passwords';
import { recordAudit } from '../audit/record-audit';
import { isUniqueViolation } from '../errors';
import type { ServiceOptions } from '../types';
import { parseInput } from '../validate';
import { assertMayTouchOwner, inviteUserSchema } from './user-input';

export interface UserAccessLink extends IssuedAccessLink {
  user: User;
}

const emailTaken = (email: string) =>
  new AppError('CONFLICT', `A user with email ${email} already exists`, { field: 'email', fieldErrors: [{ path: 'email', message: 'is already taken' }] });

/**
 * Creates the user with a one-time link that sets their first password; the admin passes the link
 * on (no mail server needed). Until then the account's password is random and known to nobody.
 */
export async function inviteUser({ db, actor, input }: ServiceOptions<unknown>): Promise<UserAccessLink> {
  const data = parseInput(inviteUserSchema, input);
  assertMayTouchOwner(actor, data.role);
  const clash = await db.user.findFirst({ where: { email: { equals: data.email, mode: 'insensitive' } }, select: { id: true } });
  if (clash) throw emailTaken(data.email);
  const passwordHash = await hashPassword(newAccessLinkToken());
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({ data: { ...data, passwordHash, tenantId: actor.tenantId } });
      const link = await issueAccessLink({ db: tx, tenantId: actor.tenantId, userId: user.id, purpose: 'invite', createdById: actor.userId });
      await recordAudit({ db: tx, actor, action: 'user.invite', entityType: 'User', entityId: user.id, details: { email: data.email, role: data.role } });
      return { user, ...link };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw emailTaken(data.email);
    throw err;
  }
}
