import type { InventoryItem } from '../../prisma/generated/client';
import type { ServiceOptions } from '../types';

/** "Near" the minimum: within this factor of it, so the order goes out before the shortage. */
export const NEAR_MIN_FACTOR = 1.2;
export const USAGE_WINDOW_DAYS = 7;

export interface ReorderSuggestion {
  item: InventoryItem;
  /** Enough to get back to twice the minimum: 2 × min − current. */
  suggestedQuantity: number;
  /** What orders consumed per day over the last USAGE_WINDOW_DAYS days (order_deduction movements). */
  averageDailyUsage: number;
  /** How long the current stock lasts at that pace; null without usage. */
  daysOfStockLeft: number | null;
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** Active items below or near their minimum, the ones that run out first on top. Two queries. */
export async function reorderSuggestions({ db }: ServiceOptions<unknown>): Promise<ReorderSuggestion[]> {
  const items = await db.inventoryItem.findMany({ where: { isActive: true, minStock: { gt: 0 } }, orderBy: { name: 'asc' } });
  const low = items.filter((i) => i.currentStock.toNumber() <= i.minStock.toNumber() * NEAR_MIN_FACTOR);
  if (low.length === 0) return [];
  const since = new Date(Date.now() - USAGE_WINDOW_DAYS * 24 * 60 * 60 * 1000);
  const usage = await db.inventoryMovement.groupBy({
    by: ['inventoryItemId'],
    where: { inventoryItemId: { in: low.map((i) => i.id) }, movementType: 'order_deduction', createdAt: { gte: since } },
    _sum: { quantity: true },
  });
  // Deductions are stored negative.
  const used = new Map(usage.map((u) => [u.inventoryItemId, -(u._sum.quantity?.toNumber() ?? 0)]));
  return low
    .map((item) => {
      const current = item.currentStock.toNumber();
      const averageDailyUsage = round3(Math.max(0, used.get(item.id) ?? 0) / USAGE_WINDOW_DAYS);
      return {
        item,
        suggestedQuantity: round3(Math.max(0, 2 * item.minStock.toNumber() - current)),
        averageDailyUsage,
        daysOfStockLeft: averageDailyUsage > 0 ? Math.round((Math.max(0, current) / averageDailyUsage) * 10) / 10 : null,
      };
    })
    .sort((a, b) => (a.daysOfStockLeft ?? Infinity) - (b.daysOfStockLeft ?? Infinity) || ratio(a.item) - ratio(b.item));
}

function ratio(item: InventoryItem): number {
  return item.currentStock.toNumber() / Math.max(item.minStock.toNumber(), 1e-9);
}
