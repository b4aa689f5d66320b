import type { Db } from '../../db/client';
import { BOARD_TOKEN_LENGTH, hashBoardToken, isWellFormedToken } from './public-tokens';

/**
 * The live screen a board token opens, or null. The token is all there is (no user, no tenant in
 * the URL), so this reads the unscoped client by the token's hash, like login reads users; what
 * the screen shows is then read through its own tenant's scoped client.
 */
export async function findBoardScreen(prisma: Db, token: unknown): Promise<{ id: string; tenantId: string } | null> {
  if (!isWellFormedToken(token, BOARD_TOKEN_LENGTH)) return null;
  return prisma.boardScreen.findFirst({ where: { tokenHash: hashBoardToken(token), revokedAt: null }, select: { id: true, tenantId: true } });
}
