import { Prisma } from '../../prisma/generated/client';
import { markOutOfStockItems, restockedItems } from '../inventory/inventory-alerts';
import type { MenuUpdatedPayload } from '../../contracts/socket-events';
import { AppError } from '../../contracts/errors';
import { recordAudit } from '../audit/record-audit';
import { notifyAvailabilityChanged } from '../platforms/notify-availability';
import type { KitchenServiceOptions } from '../orders/kitchen-deps';
import { badInput } from '../errors';
import { COLUMN_MAX, notFound, parseInput, requireId } from '../validate';
import { movementInclude, type MovementWithItem } from './list-movements';
import { adjustInventorySchema } from './movement-input';

/**
 * A stock change by hand: one movement row and the stock change in one transaction (the ledger
 * always sums to currentStock). Stock never goes below zero. Like a kitchen deduction, it can
 * switch dishes off when an ingredient runs out (and back on when a delivery arrives), and an
 * item left below its minimum raises `inventory:alert`.
 */
export async function adjustInventory({
  db,
  actor,
  input,
  events,
  kitchen,
}: KitchenServiceOptions<{ id: string; quantity: unknown; type: unknown; notes?: unknown }>): Promise<MovementWithItem> {
  const id = requireId(input.id, 'Inventory item');
  const data = parseInput(adjustInventorySchema, { quantity: input.quantity, type: input.type, notes: input.notes });
  const amount = new Prisma.Decimal(data.quantity);
  const delta = data.type === 'waste' ? amount.neg() : amount;

  const { movement, menuChanges } = await db.$transaction(async (tx) => {
    const item = await tx.inventoryItem.findUnique({ where: { id } });
    if (!item) throw notFound('Inventory item');
    // The guard is in the UPDATE itself, so two simultaneous changes cannot both pass it; above,
    // the stock must stay within its numeric(10,3) column.
    const { count } = await tx.inventoryItem.updateMany({
      where: { id, currentStock: delta.isNegative() ? { gte: delta.neg() } : { lte: new Prisma.Decimal(COLUMN_MAX.stock).sub(delta) } },
      data: { currentStock: { increment: delta } },
    });
    if (count === 0 && !delta.isNegative()) {
      throw badInput([{ path: 'quantity', message: `"${item.name}" cannot hold more than ${COLUMN_MAX.stock} ${item.unit}` }], 'Stock too high');
    }
    if (count === 0) {
      throw new AppError(
        'BAD_USER_INPUT',
        `Cannot remove ${delta.neg().toString()} ${item.unit} of "${item.name}": only ${item.currentStock.toString()} ${item.unit} in stock`,
        { fieldErrors: [{ path: 'quantity', message: 'more than the stock' }] },
      );
    }
    const created = await tx.inventoryMovement.create({
      data: { tenantId: actor.tenantId, inventoryItemId: id, quantity: delta, movementType: data.type, notes: data.notes, createdById: actor.userId },
      include: movementInclude,
    });
    const menuChanges: MenuUpdatedPayload[] = delta.isNegative()
      ? await markOutOfStockItems(tx, actor.tenantId, [id])
      : await restockedItems(tx, actor.tenantId, [id]);
    await recordAudit({
      db: tx,
      actor,
      action: 'inventory.adjust',
      entityType: 'InventoryItem',
      entityId: id,
      details: { type: data.type, quantity: delta.toString(), notes: data.notes, stockBefore: item.currentStock.toString() },
    });
    return { movement: created, menuChanges };
  });

  const item = movement.inventoryItem;
  if (item.currentStock.lessThan(item.minStock)) {
    await events?.toTenant(actor.tenantId).emit('inventory:alert', {
      itemId: item.id,
      name: item.name,
      currentStock: item.currentStock.toNumber(),
      minStock: item.minStock.toNumber(),
    });
  }
  for (const change of menuChanges) await events?.toTenant(actor.tenantId).emit('menu:updated', change);
  if (menuChanges.length) await notifyAvailabilityChanged({ db, client: kitchen?.client, tenantId: actor.tenantId });
  return movement;
}
