import { z } from 'zod';
import { secretText } from '../../domain/input/text';
import type { Db } from '../../db/client';
import { hashRefreshToken } from './refresh-tokens';
import type { AuthEnv } from '../types';
import { AppError } from '../../contracts/errors';
import { parseInput } from '../validate';
import { recordAudit } from '../audit/record-audit';
import { issueSession, type AuthPayload } from './issue-session';

const refreshSchema = z.object({ refreshToken: secretText(200).min(1) });

const ALREADY_USED = 'Refresh token has already been used or revoked';

/**
 * Rotation: every refresh revokes the presented session and opens a new one in the same family,
 * so a stolen refresh token works at most once. Presenting a revoked one means two parties hold
 * the chain (thief and user): every live session of its family is revoked, so neither's newer
 * token works and the user has to log in again. Role and active flags are re-read here, which
 * is how a role change or deactivation reaches existing logins (within one access TTL).
 */
export async function refreshSession({ prisma, env, input, ip }: { prisma: Db; env: AuthEnv; input: unknown; ip?: string }): Promise<AuthPayload> {
  const { refreshToken } = parseInput(refreshSchema, input);
  const session = await prisma.userSession.findUnique({
    where: { tokenHash: hashRefreshToken(refreshToken) },
    include: { user: true, tenant: true },
  });
  if (!session) throw new AppError('UNAUTHENTICATED', 'Invalid refresh token');
  if (session.revokedAt) {
    await revokeFamily(prisma, session, ip);
    throw new AppError('UNAUTHENTICATED', ALREADY_USED);
  }
  if (session.expiresAt.getTime() <= Date.now()) throw new AppError('UNAUTHENTICATED', 'Refresh token expired');
  if (!session.user.isActive || !session.tenant.isActive) throw new AppError('UNAUTHENTICATED', 'Account is disabled');

  return prisma.$transaction(async (tx) => {
    // Conditional revoke: of two concurrent refreshes with the same token exactly one wins. The
    // loser read the token while it was live (a client's double send), so its family survives.
    const { count } = await tx.userSession.updateMany({
      where: { id: session.id, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count !== 1) throw new AppError('UNAUTHENTICATED', ALREADY_USED);
    return issueSession({ prisma: tx, env, user: session.user, tenant: session.tenant, familyId: session.familyId });
  });
}

async function revokeFamily(prisma: Db, session: { userId: string; tenantId: string; familyId: string }, ip: string | undefined): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.userSession.updateMany({ where: { familyId: session.familyId, revokedAt: null }, data: { revokedAt: new Date() } });
    // Only a reuse that still found live sessions is news; repeats of a dead chain are not audited again.
    if (count === 0) return;
    await recordAudit({
      db: tx,
      actor: { userId: session.userId, tenantId: session.tenantId, ip },
      action: 'user.refresh_reused',
      entityType: 'User',
      entityId: session.userId,
      details: { revokedSessions: count },
    });
  });
}
