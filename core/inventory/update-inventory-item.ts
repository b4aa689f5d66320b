import { AppError } from '../../contracts/errors';
import { isUniqueViolation } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { sameUnit } from '../menu/menu-references';
import type { ServiceOptions, TenantTx } from '../types';
import { notFound, parseInput, requireId } from '../validate';
import { updateInventoryItemSchema } from './inventory-input';

const nameTaken = (name: string | undefined) => new AppError('CONFLICT', `An inventory item named "${name}" already exists`, { field: 'name' });

/** Details only (stock moves through movements). isActive false archives the item, true brings it back. */
export async function updateInventoryItem({ db, actor, input }: ServiceOptions<{ id: string; changes: unknown }>) {
  const id = requireId(input.id, 'Inventory item');
  const changes = parseInput(updateInventoryItemSchema, input.changes);
  if (changes.name !== undefined) {
    const clash = await db.inventoryItem.findFirst({
      where: { name: { equals: changes.name, mode: 'insensitive' }, NOT: { id } },
      select: { id: true },
    });
    if (clash) throw nameTaken(changes.name);
  }
  try {
    return await db.$transaction(async (tx) => {
      const before = await tx.inventoryItem.findUnique({ where: { id }, select: { unit: true } });
      if (!before) throw notFound('Inventory item');
      if (changes.unit !== undefined && !sameUnit(changes.unit, before.unit)) await assertUnused(tx, id, 'unit', `its recipe quantities are in ${before.unit}`);
      if (changes.isActive === false) await assertUnused(tx, id, 'isActive', 'they would stop deducting it');
      await tx.inventoryItem.updateMany({ where: { id }, data: changes });
      await recordAudit({ db: tx, actor, action: 'inventory_item.update', entityType: 'InventoryItem', entityId: id, details: { changes } });
      return tx.inventoryItem.findUniqueOrThrow({ where: { id } });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw nameTaken(changes.name);
    throw err;
  }
}

/**
 * A unit change would silently rescale every recipe quantity (0.125 kg becoming 0.125 g), and an
 * archived item would be missing from dishes still on the menu: both wait until no dish uses it.
 */
async function assertUnused(tx: TenantTx, id: string, field: string, why: string) {
  const dishes = await tx.menuItem.findMany({
    where: { isActive: true, ingredients: { some: { inventoryItemId: id } } },
    select: { name: true },
    orderBy: { name: 'asc' },
  });
  if (dishes.length === 0) return;
  const names = dishes.map((d) => `"${d.name}"`).join(', ');
  throw new AppError('CONFLICT', `Used by ${names} on the menu: ${why}. Remove it from their ingredients first.`, { field });
}
