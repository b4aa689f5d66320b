import type { TenantDb } from '../../db/tenant-scope';
import type { PlatformOrder } from '../../prisma/generated/client';
import type { PlatformOrderLine, PlatformOrderView } from '../../platforms/connector';
import { requireId, notFound } from '../validate';

/** A platform order line that matched none of the platform's assignments. */
export interface UnknownLine {
  platformItemId: string;
  name: string | null;
  quantity: number;
}

/** A PlatformOrder as the API shows it: which lines did not map, and the platform's name. */
export type PlatformOrderRow = PlatformOrder & { platformName: string | null; unknownItems: UnknownLine[] };

/** The order's lines as far as they are lines: an order held for invalid content may hold anything. */
export const payloadLines = (row: Pick<PlatformOrder, 'payload'>): PlatformOrderLine[] => {
  const items = (row.payload as Partial<PlatformOrderView> | null)?.items;
  if (!Array.isArray(items)) return [];
  return items
    .filter((l): l is PlatformOrderLine => typeof l === 'object' && l !== null && typeof l.productId === 'string')
    .map((l) => ({ ...l, name: typeof l.name === 'string' ? l.name : undefined, quantity: Number.isSafeInteger(l.quantity) ? l.quantity : 0 }));
};

/**
 * Lines are checked against today's assignments, one query for all rows. An order we took
 * (it has our order) mapped completely when it came in, whatever the assignments say now.
 */
export async function withUnknownItems(db: TenantDb, rows: Array<PlatformOrder & { platform?: { name: string } }>): Promise<PlatformOrderRow[]> {
  const open = rows.filter((r) => !r.orderId);
  const platformIds = [...new Set(open.map((r) => r.platformId))];
  const assigned = platformIds.length
    ? await db.productPlatformAssignment.findMany({
        where: { platformId: { in: platformIds }, platformProductId: { not: null } },
        select: { platformId: true, platformProductId: true },
      })
    : [];
  const known = new Set(assigned.map((a) => `${a.platformId}|${a.platformProductId}`));
  return rows.map(({ platform, ...row }) => ({
    ...row,
    platformName: platform?.name ?? null,
    unknownItems: row.orderId
      ? []
      : payloadLines(row)
          .filter((l) => !known.has(`${row.platformId}|${l.productId}`))
          .map((l) => ({ platformItemId: l.productId, name: l.name ?? null, quantity: l.quantity })),
  }));
}

export async function platformOrderRow(db: TenantDb, id: string): Promise<PlatformOrderRow> {
  const row = await db.platformOrder.findFirst({ where: { id: requireId(id, 'Platform order') }, include: { platform: { select: { name: true } } } });
  if (!row) throw notFound('Platform order');
  return (await withUnknownItems(db, [row]))[0];
}

/** Every flagged order of the tenant, on every platform: the nearest accept deadline first, then the oldest. */
export async function platformReviewQueue({ db }: { db: TenantDb }): Promise<PlatformOrderRow[]> {
  const rows = await db.platformOrder.findMany({
    where: { status: 'needs_review' },
    include: { platform: { select: { name: true } } },
    orderBy: [{ acceptDeadline: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }],
    take: 200,
  });
  return withUnknownItems(db, rows);
}
