import { AppError } from '../../contracts/errors';
import { isUniqueViolation } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { notFound, parseInput, requireId } from '../validate';
import { updateInventoryItemSchema } from './inventory-input';

export async function updateInventoryItem({ db, actor, input }: ServiceOptions<{ id: string; changes: unknown }>) {
  const id = requireId(input.id, 'Inventory item');
  const changes = parseInput(updateInventoryItemSchema, input.changes);
  if (changes.name !== undefined) {
    const clash = await db.inventoryItem.findFirst({
      where: { name: { equals: changes.name, mode: 'insensitive' }, NOT: { id } },
      select: { id: true },
    });
    if (clash) throw new AppError('CONFLICT', `An inventory item named "${changes.name}" already exists`, { field: 'name' });
  }
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.inventoryItem.updateMany({ where: { id }, data: changes });
      if (count === 0) throw notFound('Inventory item');
      await recordAudit({ db: tx, actor, action: 'inventory_item.update', entityType: 'InventoryItem', entityId: id, details: { changes } });
      return tx.inventoryItem.findUniqueOrThrow({ where: { id } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('CONFLICT', `An inventory item named "${changes.name}" already exists`, { field: 'name' });
    throw err;
  }
}
