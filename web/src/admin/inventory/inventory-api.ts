import { graphql, type ResultOf, type VariablesOf } from '../../api/graphql';

/** Stock ledger, adjustments and reorder suggestions (api/graphql/schema/kitchen-inventory.ts). */
const StockItemFields = graphql(`
  fragment StockItemFields on InventoryItem {
    id
    name
    unit
    currentStock
    minStock
    belowMin
    costPerUnit
    supplier
    isActive
  }
`);
/** Stock levels are Decimal strings, e.g. "2.500". */
export type StockItem = ResultOf<typeof StockItemFields>;

/** Every active item, for the adjust form and ledger filter (the page's own list may be filtered). */
export const STOCK_ITEMS_KEY = ['inventory', 'tools'] as const;
export const STOCK_ITEMS_QUERY = graphql(
  `
    query StockItems {
      inventoryItems {
        ...StockItemFields
      }
    }
  `,
  [StockItemFields],
);

/** The page's own list, optionally only what is below its minimum. */
export const INVENTORY_QUERY = graphql(
  `
    query Inventory($belowMin: Boolean) {
      inventoryItems(belowMin: $belowMin) {
        ...StockItemFields
      }
    }
  `,
  [StockItemFields],
);

// All under 'inventory': an adjustment and every `inventory:alert` refresh them together.
export const movementsKey = (itemId: string | null) => ['inventory', 'movements', itemId] as const;
export const MOVEMENTS_QUERY = graphql(`
  query Movements($itemId: ID) {
    inventoryMovements(itemId: $itemId, limit: 50) {
      id
      quantity
      movementType
      referenceId
      notes
      createdAt
      inventoryItem {
        id
        name
        unit
      }
    }
  }
`);

export const REORDER_KEY = ['inventory', 'reorder'] as const;
export const REORDER_QUERY = graphql(
  `
    query Reorder {
      reorderSuggestions {
        suggestedQuantity
        averageDailyUsage
        daysOfStockLeft
        item {
          ...StockItemFields
          supplier
        }
      }
    }
  `,
  [StockItemFields],
);
export type ReorderSuggestion = ResultOf<typeof REORDER_QUERY>['reorderSuggestions'][number];

export const ADJUST_INVENTORY = graphql(`
  mutation AdjustInventory($id: ID!, $quantity: Decimal!, $type: InventoryAdjustmentType!, $notes: String) {
    adjustInventory(id: $id, quantity: $quantity, type: $type, notes: $notes) {
      id
      quantity
      inventoryItem {
        id
        currentStock
        belowMin
      }
    }
  }
`);

export type AdjustmentType = VariablesOf<typeof ADJUST_INVENTORY>['type'];

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

/** Archived items (the ledger keeps their movements), so one can be brought back. */
export const ARCHIVED_ITEMS_KEY = ['inventory', 'archived'] as const;
export const ARCHIVED_ITEMS_QUERY = graphql(
  `
    query ArchivedInventoryItems {
      inventoryItems(includeInactive: true) {
        ...StockItemFields
      }
    }
  `,
  [StockItemFields],
);

export const CREATE_INVENTORY_ITEM = graphql(
  `
    mutation CreateInventoryItem($input: CreateInventoryItemInput!) {
      createInventoryItem(input: $input) {
        ...StockItemFields
      }
    }
  `,
  [StockItemFields],
);
export type CreateInventoryItemInput = VariablesOf<typeof CREATE_INVENTORY_ITEM>['input'];

export const UPDATE_INVENTORY_ITEM = graphql(
  `
    mutation UpdateInventoryItem($id: ID!, $input: UpdateInventoryItemInput!) {
      updateInventoryItem(id: $id, input: $input) {
        ...StockItemFields
      }
    }
  `,
  [StockItemFields],
);
