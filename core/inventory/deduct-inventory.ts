import { z } from 'zod';
import type { MenuUpdatedPayload } from '../../contracts/socket-events';
import { tenantRows } from '../../db/sql';
import { Prisma } from '../../prisma/generated/client';
import type { KitchenActivities } from '../../contracts/kitchen-activities';
import { fail, type ActivityDeps } from '../kitchen/deps';
import { emitLowStock, outOfStock, type StockRow } from './inventory-alerts';

const Moved = z.object({
  id: z.string(),
  name: z.string(),
  currentStock: z.number(),
  minStock: z.number(),
  previousStock: z.number(),
}) satisfies z.ZodType<StockRow>;

/** What the SQL function inventory_deduct_item answers (db/sql/inventory_deduct_item.sql). */
const DeductedRow = z.object({
  result: z
    .object({
      moved: z.array(Moved),
      unavailable: z.array(z.object({ menuItemId: z.string(), ingredient: z.string() })),
      movements: z.number().int(),
    })
    .nullable(),
});

/** What inventory_return_item answers. */
const ReturnedRow = z.object({
  result: z.object({ available: z.array(z.string()), movements: z.number().int() }).nullable(),
});

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
    const [{ result }] = await tenantRows(
      prisma,
      tenantId,
      'deductInventory',
      DeductedRow,
      Prisma.sql`
      SELECT inventory_deduct_item(${tenantId}::uuid, ${orderItemId}::uuid) AS result`,
    );
    if (!result) fail('ITEM_NOT_FOUND', `Order item ${orderItemId} not found`);
    // Only for stock this call moved: a retry must not alert twice for one deduction.
    await emitLowStock(deps, tenantId, result.moved);
    await announce(
      tenantId,
      result.unavailable.map((u) => outOfStock(u.menuItemId, u.ingredient)),
    );
    return { movements: Number(result.movements) };
  };

  const returnInventory: KitchenActivities['returnInventory'] = async ({ tenantId, orderItemId }) => {
    const [{ result }] = await tenantRows(
      prisma,
      tenantId,
      'returnInventory',
      ReturnedRow,
      Prisma.sql`
      SELECT inventory_return_item(${tenantId}::uuid, ${orderItemId}::uuid) AS result`,
    );
    if (!result) fail('ITEM_NOT_FOUND', `Order item ${orderItemId} not found`);
    await announce(
      tenantId,
      result.available.map((menuItemId) => ({ menuItemId, isAvailable: true, reason: null })),
    );
    return { movements: Number(result.movements) };
  };

  return { deductInventory, returnInventory };
}
