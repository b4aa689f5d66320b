import { z } from 'zod';
import { safeText, secretText, TEXT_LIMITS } from '../../domain/input/text';
import type { Db } from '../../db/client';
import { burnPasswordCheck, verifyPassword } from './passwords';
import type { AuthEnv } from '../types';
import { AppError } from '../../contracts/errors';
import { recordAudit } from '../audit/record-audit';
import { parseInput } from '../validate';
import { issueSession, type AuthPayload } from './issue-session';
import { loginAccount, type LoginThrottle } from './login-throttle';

const loginSchema = z.object({
  tenant: safeText(TEXT_LIMITS.label).min(1),
  email: safeText(TEXT_LIMITS.email).min(1),
  password: secretText(200).min(1),
});

/** One message for unknown tenant, unknown email and wrong password: none of them is revealed. */
const BAD_CREDENTIALS = 'Invalid tenant, email or password';

export interface LoginOptions {
  prisma: Db;
  env: AuthEnv;
  input: unknown;
  ip?: string;
  /** Per-IP and per-account limits with backoff; absent, attempts are not limited (scripts). */
  throttle?: LoginThrottle | null;
}

export async function login({ prisma, env, input, ip, throttle }: LoginOptions): Promise<AuthPayload> {
  const { tenant: slug, email, password } = parseInput(loginSchema, input);
  const attempt = { ip, account: loginAccount(slug, email) };
  // Before any lookup, so a blocked attempt looks and takes the same for every account.
  await throttle?.begin(attempt);
  const tenant = await prisma.tenant.findUnique({ where: { slug: slug.toLowerCase() } });
  const user = tenant ? await prisma.user.findFirst({ where: { tenantId: tenant.id, email: { equals: email, mode: 'insensitive' } } }) : null;
  // Always run bcrypt so an unknown account takes as long as a wrong password.
  const passwordOk = user ? await verifyPassword(password, user.passwordHash) : await burnPasswordCheck(password);
  if (!tenant || !user || !passwordOk) {
    if (tenant && user) {
      await recordAudit({
        db: prisma,
        actor: { userId: user.id, tenantId: tenant.id, ip },
        action: 'user.login_failed',
        entityType: 'User',
        entityId: user.id,
      });
    }
    await throttle?.failed(attempt);
    throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  await throttle?.succeeded(attempt);
  // Only after the password proved who they are do we say the account exists but is disabled.
  if (!user.isActive || !tenant.isActive) throw new AppError('UNAUTHENTICATED', 'Account is disabled');

  return prisma.$transaction(async (tx) => {
    const fresh = await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    const payload = await issueSession({ prisma: tx, env, user: fresh, tenant });
    await recordAudit({ db: tx, actor: { userId: user.id, tenantId: tenant.id, ip }, action: 'user.login', entityType: 'User', entityId: user.id });
    return payload;
  });
}
