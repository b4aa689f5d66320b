import type { Db } from '../../db/client';
import type { Tenant, User } from '../../prisma/generated/client';
import { parseDuration } from './duration';
import { generateRefreshToken, hashRefreshToken } from './refresh-tokens';
import { accessTokenExpiry, signAccessToken } from './tokens';
import type { AuthEnv } from '../types';

export interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires; clients refresh shortly before. */
  expiresAt: Date;
  user: User;
  tenant: Tenant;
}

type SessionClient = Pick<Db, 'userSession'>;

/**
 * A fresh access token plus a new refresh session (only its hash is stored). `familyId`: the
 * session it rotates out of belongs to that family (refresh); absent, a login starts a new one.
 */
export async function issueSession({
  prisma,
  env,
  user,
  tenant,
  familyId,
}: {
  prisma: SessionClient;
  env: AuthEnv;
  user: User;
  tenant: Tenant;
  familyId?: string;
}): Promise<AuthPayload> {
  const accessToken = signAccessToken(
    { userId: user.id, tenantId: tenant.id, tenantSlug: tenant.slug, role: user.role, name: user.name },
    env.JWT_SECRET,
    env.ACCESS_TOKEN_TTL,
  );
  const refreshToken = generateRefreshToken();
  await prisma.userSession.create({
    data: {
      tenantId: tenant.id,
      userId: user.id,
      tokenHash: hashRefreshToken(refreshToken),
      familyId,
      expiresAt: new Date(Date.now() + parseDuration(env.REFRESH_TOKEN_TTL)),
    },
  });
  return { accessToken, refreshToken, expiresAt: accessTokenExpiry(accessToken), user, tenant };
}
