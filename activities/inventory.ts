import { randomUUID } from 'node:crypto';
import type { KitchenActivities } from './contract';
import { fail, type ActivityDeps, type Tx } from './deps';
import { emitLowStock, markOutOfStockItems, restockedItems, type StockRow } from './inventory-alerts';
import { notifyPlatformsFromActivity } from './platform-availability';

interface Movement {
  inventoryItemId: string;
  /** Signed, as stored: negative for a deduction, positive for a return. */
  quantity: string;
  type: 'order_deduction' | 'order_return';
  key: string;
}

/**
 * Inserts the movement unless its idempotency key exists, and moves the stock only when it was
 * inserted: a retried activity (or a retry racing the first attempt) changes stock once.
 */
async function applyMovement(tx: Tx, tenantId: string, orderId: string, m: Movement): Promise<StockRow | null> {
  const inserted = await tx.$queryRaw<Array<{ id: string }>>`
    INSERT INTO inventory_movements (id, tenant_id, inventory_item_id, quantity, movement_type, reference_id, idempotency_key)
    VALUES (${randomUUID()}::uuid, ${tenantId}::uuid, ${m.inventoryItemId}::uuid, ${m.quantity}::numeric, ${m.type},
            ${orderId}::uuid, ${m.key})
    ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
    RETURNING id::text`;
  if (inserted.length === 0) return null;
  const [row] = await tx.$queryRaw<StockRow[]>`
    UPDATE inventory_items SET current_stock = current_stock + ${m.quantity}::numeric, updated_at = now()
    WHERE id = ${m.inventoryItemId}::uuid AND tenant_id = ${tenantId}::uuid
    RETURNING id::text, name, current_stock::float8 AS "currentStock", min_stock::float8 AS "minStock",
              (current_stock - ${m.quantity}::numeric)::float8 AS "previousStock"`;
  return row ?? null;
}

export function createInventoryActivities(deps: ActivityDeps) {
  const { prisma } = deps;

  async function findItem(tenantId: string, orderItemId: string) {
    const item = await prisma.orderItem.findFirst({
      where: { id: orderItemId, tenantId },
      select: { id: true, orderId: true, quantity: true, menuItemId: true, status: true },
    });
    if (!item) fail('ITEM_NOT_FOUND', `Order item ${orderItemId} not found`);
    return item;
  }

  const deductInventory: KitchenActivities['deductInventory'] = async ({ tenantId, orderItemId }) => {
    const item = await findItem(tenantId, orderItemId);
    // A cancelled item takes nothing (a deduction arriving after its compensation would never be returned).
    if (item.status === 'CANCELLED') return { movements: await countMovements(tenantId, `deduct:${orderItemId}:`) };
    const ingredients = await prisma.recipeIngredient.findMany({
      where: { tenantId, menuItemId: item.menuItemId },
      orderBy: { inventoryItemId: 'asc' }, // one lock order for every deduction: no deadlocks
    });
    const { moved, unavailable } = await prisma.$transaction(async (tx) => {
      const moved: StockRow[] = [];
      for (const ing of ingredients) {
        const row = await applyMovement(tx, tenantId, item.orderId, {
          inventoryItemId: ing.inventoryItemId,
          quantity: ing.quantity.mul(item.quantity).neg().toString(),
          type: 'order_deduction',
          key: `deduct:${orderItemId}:${ing.inventoryItemId}`,
        });
        if (row) moved.push(row);
      }
      return { moved, unavailable: await markOutOfStockItems(tx, tenantId, moved.map((r) => r.id)) };
    });
    // Only for stock this call moved: a retry must not alert twice for one deduction.
    await emitLowStock(deps, tenantId, moved);
    for (const change of unavailable) await deps.events.toTenant(tenantId).emit('menu:updated', change);
    if (unavailable.length) await notifyPlatformsFromActivity(prisma, tenantId);
    return { movements: await countMovements(tenantId, `deduct:${orderItemId}:`) };
  };

  const returnInventory: KitchenActivities['returnInventory'] = async ({ tenantId, orderItemId }) => {
    const item = await findItem(tenantId, orderItemId);
    // Only what was actually deducted comes back, whatever the recipe says today.
    const deducted = await prisma.inventoryMovement.findMany({
      where: { tenantId, idempotencyKey: { startsWith: `deduct:${orderItemId}:` } },
      orderBy: { inventoryItemId: 'asc' },
    });
    const available = await prisma.$transaction(async (tx) => {
      for (const m of deducted) {
        await applyMovement(tx, tenantId, item.orderId, {
          inventoryItemId: m.inventoryItemId,
          quantity: m.quantity.neg().toString(),
          type: 'order_return',
          key: `return:${orderItemId}:${m.inventoryItemId}`,
        });
      }
      return restockedItems(tx, tenantId, deducted.map((m) => m.inventoryItemId));
    });
    for (const change of available) await deps.events.toTenant(tenantId).emit('menu:updated', change);
    if (available.length) await notifyPlatformsFromActivity(prisma, tenantId);
    return { movements: await countMovements(tenantId, `return:${orderItemId}:`) };
  };

  async function countMovements(tenantId: string, keyPrefix: string): Promise<number> {
    return prisma.inventoryMovement.count({ where: { tenantId, idempotencyKey: { startsWith: keyPrefix } } });
  }

  return { deductInventory, returnInventory };
}
