import { z } from 'zod';
import { secretText } from '../../domain/input/text';
import type { Db } from '../../db/client';
import { hashRefreshToken } from './refresh-tokens';
import type { AuthEnv } from '../types';
import { AppError } from '../../contracts/errors';
import { parseInput } from '../validate';
import { issueSession, type AuthPayload } from './issue-session';

const refreshSchema = z.object({ refreshToken: secretText(200).min(1) });

/**
 * Rotation: every refresh revokes the presented session and opens a new one, so a stolen refresh
 * token works at most once and its reuse is rejected. Role and active flags are re-read here,
 * which is how a role change or deactivation reaches existing logins (within one access TTL).
 */
export async function refreshSession({ prisma, env, input }: { prisma: Db; env: AuthEnv; input: unknown }): Promise<AuthPayload> {
  const { refreshToken } = parseInput(refreshSchema, input);
  const session = await prisma.userSession.findUnique({
    where: { tokenHash: hashRefreshToken(refreshToken) },
    include: { user: true, tenant: true },
  });
  if (!session) throw new AppError('UNAUTHENTICATED', 'Invalid refresh token');
  if (session.revokedAt) throw new AppError('UNAUTHENTICATED', 'Refresh token has already been used or revoked');
  if (session.expiresAt.getTime() <= Date.now()) throw new AppError('UNAUTHENTICATED', 'Refresh token expired');
  if (!session.user.isActive || !session.tenant.isActive) throw new AppError('UNAUTHENTICATED', 'Account is disabled');

  return prisma.$transaction(async (tx) => {
    // Conditional revoke: of two concurrent refreshes with the same token exactly one wins.
    const { count } = await tx.userSession.updateMany({
      where: { id: session.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count !== 1) throw new AppError('UNAUTHENTICATED', 'Refresh token has already been used or revoked');
    return issueSession({ prisma: tx, env, user: session.user, tenant: session.tenant });
  });
}
