/** Stock ledger, adjustments and reorder suggestions (api/graphql/schema/kitchen-inventory.ts). */
export interface StockItem {
  id: string;
  name: string;
  unit: string;
  currentStock: string;
  minStock: string;
  belowMin: boolean;
}

export interface Movement {
  id: string;
  quantity: string;
  movementType: string;
  referenceId: string | null;
  notes: string | null;
  createdAt: string;
  inventoryItem: { id: string; name: string; unit: string };
}

export interface ReorderSuggestion {
  suggestedQuantity: number;
  averageDailyUsage: number;
  daysOfStockLeft: number | null;
  item: StockItem & { supplier: string | null };
}

export type AdjustmentType = 'manual_add' | 'waste' | 'adjustment';

/** Every active item, for the adjust form and ledger filter (the page's own list may be filtered). */
export const STOCK_ITEMS_KEY = ['inventory', 'tools'] as const;
export const STOCK_ITEMS_QUERY = `query StockItems { inventoryItems { id name unit currentStock minStock belowMin } }`;

// All under 'inventory': an adjustment and every `inventory:alert` refresh them together.
export const movementsKey = (itemId: string | null) => ['inventory', 'movements', itemId] as const;
export const MOVEMENTS_QUERY = `query Movements($itemId: ID) {
  inventoryMovements(itemId: $itemId, limit: 50) { id quantity movementType referenceId notes createdAt inventoryItem { id name unit } }
}`;

export const REORDER_KEY = ['inventory', 'reorder'] as const;
export const REORDER_QUERY = `query Reorder {
  reorderSuggestions { suggestedQuantity averageDailyUsage daysOfStockLeft item { id name unit currentStock minStock belowMin supplier } }
}`;

export const ADJUST_INVENTORY = `mutation AdjustInventory($id: ID!, $quantity: Decimal!, $type: InventoryAdjustmentType!, $notes: String) {
  adjustInventory(id: $id, quantity: $quantity, type: $type, notes: $notes) { id quantity inventoryItem { id currentStock belowMin } }
}`;

export const ADJUSTMENT_LABEL: Record<AdjustmentType, string> = {
  manual_add: 'Delivery received (+)',
  waste: 'Waste (−)',
  adjustment: 'Count correction (±)',
};

export const MOVEMENT_LABEL: Record<string, string> = {
  initial: 'initial stock',
  order_deduction: 'used by order',
  order_return: 'returned (cancelled order)',
  manual_add: 'delivery',
  waste: 'waste',
  adjustment: 'count correction',
};

export const qty = (v: string | number) => new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 }).format(Number(v));
