import { AppError } from '../../contracts/errors';
import { isUniqueViolation } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { parseInput } from '../validate';
import { createInventoryItemSchema } from './inventory-input';

const nameTaken = (name: string) => new AppError('CONFLICT', `An inventory item named "${name}" already exists`, { field: 'name' });

/** The initial stock is recorded as an `initial` movement so the ledger always sums to currentStock. */
export async function createInventoryItem({ db, actor, input }: ServiceOptions<unknown>) {
  const { initialStock, ...data } = parseInput(createInventoryItemSchema, input);
  const clash = await db.inventoryItem.findFirst({ where: { name: { equals: data.name, mode: 'insensitive' } }, select: { id: true } });
  if (clash) throw nameTaken(data.name);
  try {
    return await db.$transaction(async (tx) => {
      const item = await tx.inventoryItem.create({ data: { ...data, currentStock: initialStock, tenantId: actor.tenantId } });
      if (Number(initialStock) !== 0) {
        await tx.inventoryMovement.create({
          data: {
            tenantId: actor.tenantId,
            inventoryItemId: item.id,
            quantity: initialStock,
            movementType: 'initial',
            notes: 'Initial stock',
            createdById: actor.userId,
          },
        });
      }
      await recordAudit({ db: tx, actor, action: 'inventory_item.create', entityType: 'InventoryItem', entityId: item.id, details: { ...data, initialStock } });
      return item;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(data.name);
    throw err;
  }
}
