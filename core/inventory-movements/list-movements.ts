import type { Prisma } from '../../prisma/generated/client';
import type { ServiceOptions } from '../types';
import { notFound, parseInput, requireId } from '../validate';
import { listMovementsSchema } from './movement-input';

export const movementInclude = { inventoryItem: true } satisfies Prisma.InventoryMovementInclude;
export type MovementWithItem = Prisma.InventoryMovementGetPayload<{ include: typeof movementInclude }>;

/** The stock ledger, newest first: of one item or of the whole kitchen, optionally in a time window. */
export async function listMovements({ db, input }: ServiceOptions<unknown>): Promise<MovementWithItem[]> {
  const f = parseInput(listMovementsSchema, input);
  const itemId = f.itemId ? requireId(f.itemId, 'Inventory item') : null;
  if (itemId && !(await db.inventoryItem.findUnique({ where: { id: itemId }, select: { id: true } }))) throw notFound('Inventory item');
  return db.inventoryMovement.findMany({
    where: {
      ...(itemId ? { inventoryItemId: itemId } : {}),
      ...(f.from || f.to ? { createdAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: f.limit,
    include: movementInclude,
  });
}
