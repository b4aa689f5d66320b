import { z } from 'zod';
import { secretText } from '../../domain/input/text';
import type { Db } from '../../db/client';
import type { AccessRevoked } from '../types';
import { hashRefreshToken } from './refresh-tokens';
import { recordAudit } from '../audit/record-audit';
import { parseInput } from '../validate';

const logoutSchema = z.object({ refreshToken: secretText(200).min(1) });

/**
 * Revokes the session behind a refresh token. Idempotent and answers true even for unknown tokens,
 * so it cannot be used to probe which tokens are live. The access token simply expires, but the
 * user's live connections are closed now (`accessRevoked`); the access token carries no session
 * id, so that is all of the user's sockets: those of other sessions reconnect by themselves.
 */
export async function logout({
  prisma,
  input,
  ip,
  accessRevoked,
}: {
  prisma: Db;
  input: unknown;
  ip?: string;
  accessRevoked?: AccessRevoked | null;
}): Promise<boolean> {
  const { refreshToken } = parseInput(logoutSchema, input);
  const session = await prisma.userSession.findUnique({ where: { tokenHash: hashRefreshToken(refreshToken) } });
  if (!session || session.revokedAt) return true;
  await prisma.$transaction(async (tx) => {
    await tx.userSession.update({ where: { id: session.id }, data: { revokedAt: new Date() } });
    await recordAudit({
      db: tx,
      actor: { userId: session.userId, tenantId: session.tenantId, ip },
      action: 'user.logout',
      entityType: 'User',
      entityId: session.userId,
    });
  });
  await accessRevoked?.({ tenantId: session.tenantId, userId: session.userId });
  return true;
}
