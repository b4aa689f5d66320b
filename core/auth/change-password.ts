import { z } from 'zod';
import type { Db } from '../../db/client';
import { AppError } from '../../contracts/errors';
import { recordAudit } from '../audit/record-audit';
import type { Actor, AuthEnv } from '../types';
import { parseInput } from '../validate';
import { issueSession, type AuthPayload } from './issue-session';
import { loginAccount, type LoginThrottle } from './login-throttle';
import { assertStrongPassword, passwordSchema } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';

const changePasswordSchema = z.object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema });

const fieldError = (path: string, message: string) =>
  new AppError('BAD_USER_INPUT', `Invalid input: ${path}: ${message}`, { fieldErrors: [{ path, message }] });

/**
 * The signed-in user sets a new password. The current one is checked under the same per-account
 * limits as a login (a stolen access token must not become a password oracle). Every refresh
 * session of the user ends, wherever it was opened, and the caller gets a fresh one.
 */
export async function changePassword({
  prisma,
  env,
  actor,
  input,
  throttle,
}: {
  prisma: Db;
  env: AuthEnv;
  actor: Actor;
  input: unknown;
  throttle?: LoginThrottle | null;
}): Promise<AuthPayload> {
  const { currentPassword, newPassword } = parseInput(changePasswordSchema, input);
  const [user, tenant] = await Promise.all([
    prisma.user.findFirst({ where: { id: actor.userId, tenantId: actor.tenantId } }),
    prisma.tenant.findUnique({ where: { id: actor.tenantId } }),
  ]);
  if (!user || !tenant || !user.isActive || !tenant.isActive) throw new AppError('UNAUTHENTICATED', 'Invalid token');
  const attempt = { ip: actor.ip, account: loginAccount(tenant.slug, user.email) };
  await throttle?.begin(attempt);
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    await throttle?.failed(attempt);
    throw fieldError('currentPassword', 'is not the current password');
  }
  await throttle?.succeeded(attempt);
  if (newPassword === currentPassword) throw fieldError('newPassword', 'must differ from the current password');
  assertStrongPassword(newPassword, { email: user.email, name: user.name, tenantSlug: tenant.slug }, 'newPassword');
  const passwordHash = await hashPassword(newPassword);

  return prisma.$transaction(async (tx) => {
    const fresh = await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.userSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit({ db: tx, actor, action: 'user.password_change', entityType: 'User', entityId: user.id });
    return issueSession({ prisma: tx, env, user: fresh, tenant });
  });
}
