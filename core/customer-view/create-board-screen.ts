import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { parseInput } from '../validate';
import { createBoardScreenSchema } from './board-screen-input';
import { hashBoardToken, newBoardToken } from './public-tokens';

/**
 * A new pickup board screen. Its token is returned here and never again (only its hash is
 * stored), like an API key: a lost token means a new screen and revoking the old one.
 */
export async function createBoardScreen({ db, actor, input }: ServiceOptions<unknown>) {
  const { name } = parseInput(createBoardScreenSchema, input);
  const token = newBoardToken();
  const screen = await db.$transaction(async (tx) => {
    const created = await tx.boardScreen.create({
      data: { tenantId: actor.tenantId, name, tokenHash: hashBoardToken(token), createdById: actor.userId },
    });
    await recordAudit({ db: tx, actor, action: 'board_screen.create', entityType: 'BoardScreen', entityId: created.id, details: { name } });
    return created;
  });
  return { screen, token };
}
