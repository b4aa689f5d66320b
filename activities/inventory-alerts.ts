import type { MenuUpdatedPayload } from '../contracts/socket-events';
import type { ActivityDeps } from './deps';

type Tx = Pick<ActivityDeps['prisma'], '$queryRaw'>;

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

const outOf = (name: string) => `Out of ${name}`;

/**
 * Active menu items that can no longer make one more unit (some ingredient's stock is below what
 * one unit needs) become unavailable, naming the ingredient. Only rows that flip are returned, so
 * the caller emits one `menu:updated` per real change.
 */
export async function markOutOfStockItems(tx: Tx, tenantId: string, inventoryItemIds: string[]): Promise<MenuUpdatedPayload[]> {
  if (inventoryItemIds.length === 0) return [];
  const rows = await tx.$queryRaw<Array<{ id: string; name: string }>>`
    UPDATE menu_items m SET is_available = false, unavailable_reason = 'Out of ' || short.name, updated_at = now()
    FROM (
      SELECT DISTINCT ON (ri.menu_item_id) ri.menu_item_id, ii.name
      FROM recipe_ingredients ri JOIN inventory_items ii ON ii.id = ri.inventory_item_id AND ii.tenant_id = ri.tenant_id
      WHERE ri.tenant_id = ${tenantId}::uuid AND ri.inventory_item_id = ANY(${inventoryItemIds}::uuid[])
        AND ri.quantity > 0 AND ii.current_stock < ri.quantity
      ORDER BY ri.menu_item_id, ii.name
    ) AS short
    WHERE m.id = short.menu_item_id AND m.tenant_id = ${tenantId}::uuid AND m.is_active AND m.is_available
    RETURNING m.id::text, short.name`;
  return rows.map((r) => ({ menuItemId: r.id, isAvailable: false, reason: outOf(r.name) }));
}

/**
 * The inverse after stock came back (a cancelled item's return): items we switched off for one of
 * these ingredients, and that can make a unit again, become available. Items switched off by hand
 * (any other reason) stay off.
 */
export async function restockedItems(tx: Tx, tenantId: string, inventoryItemIds: string[]): Promise<MenuUpdatedPayload[]> {
  if (inventoryItemIds.length === 0) return [];
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE menu_items m SET is_available = true, unavailable_reason = NULL, updated_at = now()
    WHERE m.tenant_id = ${tenantId}::uuid AND m.is_active AND NOT m.is_available
      AND m.unavailable_reason IN (
        SELECT 'Out of ' || name FROM inventory_items
        WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${inventoryItemIds}::uuid[]))
      AND NOT EXISTS (
        SELECT 1 FROM recipe_ingredients ri JOIN inventory_items ii ON ii.id = ri.inventory_item_id AND ii.tenant_id = ri.tenant_id
        WHERE ri.menu_item_id = m.id AND ri.tenant_id = m.tenant_id AND ri.quantity > 0 AND ii.current_stock < ri.quantity)
    RETURNING m.id::text`;
  return rows.map((r) => ({ menuItemId: r.id, isAvailable: true, reason: null }));
}
