import type { Db } from '../../db/client';
import type { Role } from '../../prisma/generated/client';
import { AppError } from '../../contracts/errors';
import type { AuthClaims } from './tokens';

/**
 * Re-reads the token's user on every request: an access token outlives a deactivation (or a role
 * change) by up to its TTL, and "deactivate" must end access at once. One primary-key read.
 */
export async function currentAccess(prisma: Db, claims: AuthClaims): Promise<{ role: Role }> {
  const user = await prisma.user.findFirst({
    where: { id: claims.userId, tenantId: claims.tenantId, isActive: true, tenant: { isActive: true } },
    select: { role: true },
  });
  if (!user) throw new AppError('UNAUTHENTICATED', 'User is inactive');
  return user;
}
