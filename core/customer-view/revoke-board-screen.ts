import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { notFound, requireId } from '../validate';

export interface RevokeBoardScreenOptions extends ServiceOptions<{ id: string }> {
  /** Closes the screen's open pages on every API node once the revocation has committed. */
  screenRevoked?: ((tenantId: string, screenId: string) => Promise<void>) | null;
}

/** The token stops working at once and open pages are cut; revoking again changes nothing. */
export async function revokeBoardScreen({ db, actor, input, screenRevoked }: RevokeBoardScreenOptions) {
  const id = requireId(input.id, 'Board screen');
  const screen = await db.$transaction(async (tx) => {
    const { count } = await tx.boardScreen.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    const found = await tx.boardScreen.findUnique({ where: { id } });
    if (!found) throw notFound('Board screen');
    if (count > 0) await recordAudit({ db: tx, actor, action: 'board_screen.revoke', entityType: 'BoardScreen', entityId: id, details: { name: found.name } });
    return found;
  });
  await screenRevoked?.(actor.tenantId, id);
  return screen;
}
