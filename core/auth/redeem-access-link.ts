import { z } from 'zod';
import { AppError } from '../../contracts/errors';
import { secretText } from '../../domain/input/text';
import type { Db } from '../../db/client';
import { recordAudit } from '../audit/record-audit';
import type { AuthEnv } from '../types';
import { parseInput } from '../validate';
import { ACCESS_LINK_TOKEN_LENGTH, hashAccessLinkToken } from './access-links';
import { issueSession, type AuthPayload } from './issue-session';
import { assertStrongPassword, passwordSchema } from './password-policy';
import { hashPassword } from './passwords';

const redeemSchema = z.object({ token: secretText(200).min(1, 'must not be empty'), password: passwordSchema });

const linkError = (message: string) => new AppError('NOT_FOUND', message, { field: 'token' });
const NOT_VALID = 'This link is not valid: ask for a new one';

/**
 * The person holding a one-time link (invite or reset) sets their password and is signed in. The
 * link works once: claiming it is a conditional update, so two tabs racing get one session. A
 * password the policy refuses leaves the link unused. Every earlier session of the user ends.
 */
export async function redeemAccessLink({ prisma, env, input, ip }: { prisma: Db; env: AuthEnv; input: unknown; ip?: string }): Promise<AuthPayload> {
  const { token, password } = parseInput(redeemSchema, input);
  if (token.length !== ACCESS_LINK_TOKEN_LENGTH) throw linkError(NOT_VALID);
  const link = await prisma.accessLink.findUnique({ where: { tokenHash: hashAccessLinkToken(token) }, include: { user: true, tenant: true } });
  if (!link || !link.user.isActive || !link.tenant.isActive) throw linkError(NOT_VALID);
  if (link.usedAt) throw linkError('This link has already been used: ask for a new one');
  if (link.expiresAt.getTime() <= Date.now()) throw linkError('This link has expired: ask for a new one');
  const { user, tenant } = link;
  assertStrongPassword(password, { email: user.email, name: user.name, tenantSlug: tenant.slug });
  const passwordHash = await hashPassword(password);

  return prisma.$transaction(async (tx) => {
    const now = new Date();
    const claimed = await tx.accessLink.updateMany({ where: { id: link.id, usedAt: null }, data: { usedAt: now } });
    if (claimed.count !== 1) throw linkError('This link has already been used: ask for a new one');
    const fresh = await tx.user.update({ where: { id: user.id }, data: { passwordHash, lastLoginAt: now } });
    await tx.userSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit({
      db: tx,
      actor: { userId: user.id, tenantId: tenant.id, ip },
      action: 'user.password_set',
      entityType: 'User',
      entityId: user.id,
      details: { via: link.purpose },
    });
    return issueSession({ prisma: tx, env, user: fresh, tenant });
  });
}
