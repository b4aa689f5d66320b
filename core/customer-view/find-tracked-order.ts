import type { Db } from '../../db/client';
import { isWellFormedToken, TRACKING_TOKEN_LENGTH } from './public-tokens';
import { isFinalStage, trackingStage } from './tracking-stage';

/** A finished order's link keeps working this long after it closed, then opens nothing. */
export const TRACKING_AFTER_CLOSE_MS = 24 * 3_600_000;

/**
 * The order a tracking token opens, or null: unknown tokens, and orders finished more than
 * TRACKING_AFTER_CLOSE_MS ago. Unscoped by necessity, like findBoardScreen: the token is unique
 * across tenants and names its tenant.
 */
export async function findTrackedOrder(prisma: Db, token: unknown, now: Date): Promise<{ id: string; tenantId: string } | null> {
  if (!isWellFormedToken(token, TRACKING_TOKEN_LENGTH)) return null;
  const order = await prisma.order.findUnique({
    where: { trackingToken: token },
    select: { id: true, tenantId: true, status: true, closedAt: true, updatedAt: true },
  });
  if (!order) return null;
  // A cancelled order has no closedAt: its last change is when it was cancelled.
  const closed = order.closedAt ?? order.updatedAt;
  if (isFinalStage(trackingStage(order.status)) && now.getTime() - closed.getTime() > TRACKING_AFTER_CLOSE_MS) return null;
  return { id: order.id, tenantId: order.tenantId };
}
