import type { BoardView } from '../../contracts/public-views';
import type { Db } from '../../db/client';
import { forTenant } from '../../db/tenant-scope';
import { findBoardScreen } from './find-board-screen';
import { readPageSettings } from './page-settings';
import { linkNotFound } from './public-tokens';

/** On the board as "preparing": taken, not ready yet. Every status after READY (and CANCELLED) leaves the board. */
const PREPARING = ['NEW', 'PREPARING'] as const;
/** Orders older than this are not the counter's any more (one forgotten in READY would stay up for good). */
const BOARD_HORIZON_MS = 24 * 3_600_000;
/** Per column: more would not be readable across a room anyway. */
const COLUMN_MAX = 60;

export interface ReadBoardOptions {
  prisma: Db;
  input: { token: unknown };
  now: Date;
}

/** The board of the screen the token opens: order numbers preparing and ready, oldest first; no deliveries. */
export async function readBoard({ prisma, input, now }: ReadBoardOptions): Promise<BoardView> {
  const screen = await findBoardScreen(prisma, input.token);
  if (!screen) throw linkNotFound();
  const db = forTenant(prisma, screen.tenantId);
  const since = new Date(now.getTime() - BOARD_HORIZON_MS);
  const column = (statuses: Array<'NEW' | 'PREPARING' | 'READY'>) =>
    db.order.findMany({
      // A delivery leaves with a rider, not from the counter: its customer follows the tracking link.
      where: { status: { in: statuses }, createdAt: { gte: since }, fulfillment: { not: 'DELIVERY' } },
      select: { orderNumber: true },
      orderBy: { orderNumber: 'asc' },
      take: COLUMN_MAX,
    });
  const [preparing, ready, page] = await Promise.all([column([...PREPARING]), column(['READY']), readPageSettings(db)]);
  return { preparing: preparing.map((o) => o.orderNumber), ready: ready.map((o) => o.orderNumber), page };
}
