import { z } from 'zod';
import type { MenuUpdatedPayload } from '../../contracts/socket-events';
import { tenantRows, type SqlTarget } from '../../db/sql';
import { Prisma } from '../../prisma/generated/client';
import type { ActivityDeps } from '../kitchen/deps';

/** The transaction the stock moved in (a Prisma transaction client, or any db/sql.ts target). */
type Tx = SqlTarget;

const OutOfStockRow = z.object({ id: z.string(), name: z.string() });
const RestockedRow = z.object({ id: z.string() });

export interface StockRow {
  id: string;
  name: string;
  currentStock: number;
  minStock: number;
  /** Before this movement: an alert is raised when the stock crosses its minimum, not on every order after. */
  previousStock: number;
}

/** `inventory:alert` for each of these just-moved ingredients that fell below its minimum stock. */
export async function emitLowStock(deps: ActivityDeps, tenantId: string, rows: StockRow[]): Promise<void> {
  for (const row of rows) {
    if (row.currentStock >= row.minStock || row.previousStock < row.minStock) continue;
    await deps.events.toTenant(tenantId).emit('inventory:alert', {
      itemId: row.id,
      name: row.name,
      currentStock: row.currentStock,
      minStock: row.minStock,
    });
  }
}

/** A menu item switched off because an ingredient ran out (the reason names it). */
export function outOfStock(menuItemId: string, ingredient: string): MenuUpdatedPayload {
  return { menuItemId, isAvailable: false, reason: `Out of ${ingredient}` };
}

/**
 * Active menu items that can no longer make one more unit (some ingredient's stock is below what
 * one unit needs) become unavailable, naming the ingredient. Only rows that flip are returned, so
 * the caller emits one `menu:updated` per real change (SQL function inventory_mark_out_of_stock).
 */
export async function markOutOfStockItems(tx: Tx, tenantId: string, inventoryItemIds: string[]): Promise<MenuUpdatedPayload[]> {
  if (inventoryItemIds.length === 0) return [];
  const rows = await tenantRows(
    tx,
    tenantId,
    'markOutOfStockItems',
    OutOfStockRow,
    Prisma.sql`
    SELECT menu_item_id AS id, ingredient AS name FROM inventory_mark_out_of_stock(${tenantId}::uuid, ${inventoryItemIds}::uuid[])`,
  );
  return rows.map((r) => outOfStock(r.id, r.name));
}

/**
 * The inverse after stock came back: items we switched off for one of these ingredients, and
 * that can make a unit again, become available. Items switched off by hand (any other reason)
 * stay off (SQL function inventory_restock_menu_items).
 */
export async function restockedItems(tx: Tx, tenantId: string, inventoryItemIds: string[]): Promise<MenuUpdatedPayload[]> {
  if (inventoryItemIds.length === 0) return [];
  const rows = await tenantRows(
    tx,
    tenantId,
    'restockedItems',
    RestockedRow,
    Prisma.sql`
    SELECT menu_item_id AS id FROM inventory_restock_menu_items(${tenantId}::uuid, ${inventoryItemIds}::uuid[])`,
  );
  return rows.map((r) => ({ menuItemId: r.id, isAvailable: true, reason: null }));
}
