import type { MenuUpdatedPayload } from '../../contracts/socket-events';
import { queryRows } from '../../db/client';
import { Prisma } from '../../prisma/generated/client';
import type { KitchenActivities } from '../../contracts/kitchen-activities';
import { fail, type ActivityDeps } from '../kitchen/deps';
import { emitLowStock, outOfStock, type StockRow } from './inventory-alerts';

/** What the SQL function inventory_deduct_item answers (migration 20261121100000). */
interface Deducted {
  moved: StockRow[];
  unavailable: Array<{ menuItemId: string; ingredient: string }>;
  movements: number;
}

/** What inventory_return_item answers. */
interface Returned {
  available: string[];
  movements: number;
}

/**
 * Deduction and return are one statement each (SQL functions inventory_deduct_item /
 * inventory_return_item): the movements are inserted unless their idempotency key exists and the
 * stock moves only for those inserted, in ingredient order, so a retried activity (or a retry
 * racing the first attempt) changes stock once and two items never deadlock.
 */
export interface InventoryDeps extends ActivityDeps {
  /** Wakes the delivery platforms' availability followers when a dish switched on or off. */
  notifyPlatforms?: (tenantId: string) => Promise<void>;
}

export function createInventoryActivities(deps: InventoryDeps) {
  const { prisma } = deps;

  async function announce(tenantId: string, changes: MenuUpdatedPayload[]): Promise<void> {
    for (const change of changes) await deps.events.toTenant(tenantId).emit('menu:updated', change);
    if (changes.length) await deps.notifyPlatforms?.(tenantId);
  }

  const deductInventory: KitchenActivities['deductInventory'] = async ({ tenantId, orderItemId }) => {
    const [{ result }] = await queryRows<{ result: Deducted | null }>(prisma, Prisma.sql`
      SELECT inventory_deduct_item(${tenantId}::uuid, ${orderItemId}::uuid) AS result`);
    if (!result) fail('ITEM_NOT_FOUND', `Order item ${orderItemId} not found`);
    // Only for stock this call moved: a retry must not alert twice for one deduction.
    await emitLowStock(deps, tenantId, result.moved);
    await announce(tenantId, result.unavailable.map((u) => outOfStock(u.menuItemId, u.ingredient)));
    return { movements: Number(result.movements) };
  };

  const returnInventory: KitchenActivities['returnInventory'] = async ({ tenantId, orderItemId }) => {
    const [{ result }] = await queryRows<{ result: Returned | null }>(prisma, Prisma.sql`
      SELECT inventory_return_item(${tenantId}::uuid, ${orderItemId}::uuid) AS result`);
    if (!result) fail('ITEM_NOT_FOUND', `Order item ${orderItemId} not found`);
    await announce(tenantId, result.available.map((menuItemId) => ({ menuItemId, isAvailable: true, reason: null })));
    return { movements: Number(result.movements) };
  };

  return { deductInventory, returnInventory };
}
