import { adjustInventory } from '../../../core/inventory-movements/adjust-inventory';
import { listMovements, type MovementWithItem } from '../../../core/inventory-movements/list-movements';
import { ADJUSTMENT_TYPES } from '../../../core/inventory-movements/movement-input';
import { reorderSuggestions, type ReorderSuggestion } from '../../../core/inventory-movements/reorder-suggestions';
import { builder } from '../builder';
import { InventoryItemRef } from './inventory-item';

const AdjustmentTypeEnum = builder.enumType('InventoryAdjustmentType', {
  description: 'manual_add: a delivery (positive). waste: thrown away (positive, subtracted). adjustment: a count correction (signed).',
  values: ADJUSTMENT_TYPES,
});

const InventoryMovementRef = builder.objectRef<MovementWithItem>('InventoryMovement').implement({
  description: 'One line of the stock ledger; the movements of an item sum to its current stock.',
  fields: (t) => ({
    id: t.exposeID('id'),
    inventoryItem: t.field({ type: InventoryItemRef, resolve: (m) => m.inventoryItem }),
    quantity: t.expose('quantity', { type: 'Decimal', description: 'Signed: negative takes stock away.' }),
    movementType: t.exposeString('movementType', { description: 'initial, order_deduction, order_return, manual_add, waste, adjustment.' }),
    referenceId: t.exposeID('referenceId', { nullable: true, description: 'The order, for order movements.' }),
    notes: t.exposeString('notes', { nullable: true }),
    createdById: t.exposeID('createdById', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

const ReorderSuggestionRef = builder.objectRef<ReorderSuggestion>('ReorderSuggestion').implement({
  fields: (t) => ({
    item: t.field({ type: InventoryItemRef, resolve: (s) => s.item }),
    suggestedQuantity: t.exposeFloat('suggestedQuantity', { description: '2 × minimum − current stock.' }),
    averageDailyUsage: t.exposeFloat('averageDailyUsage', { description: 'Used by orders per day, over the last 7 days.' }),
    daysOfStockLeft: t.exposeFloat('daysOfStockLeft', { nullable: true }),
  }),
});

builder.queryFields((t) => ({
  inventoryMovements: t.withAuth({ permission: 'inventory:read' }).field({
    type: [InventoryMovementRef],
    description: 'Newest first.',
    args: {
      itemId: t.arg.id({ description: 'One item; all items when omitted.' }),
      from: t.arg({ type: 'DateTime' }),
      to: t.arg({ type: 'DateTime' }),
      limit: t.arg.int({ defaultValue: 100 }),
    },
    resolve: (_root, args, { db, actor }) => listMovements({ db, actor, input: { ...args, itemId: args.itemId == null ? null : String(args.itemId) } }),
  }),
  reorderSuggestions: t.withAuth({ permission: 'inventory:read' }).field({
    type: [ReorderSuggestionRef],
    description: 'Active items below or near their minimum, the ones running out first on top.',
    resolve: (_root, _args, { db, actor }) => reorderSuggestions({ db, actor, input: {} }),
  }),
}));

builder.mutationFields((t) => ({
  adjustInventory: t.withAuth({ permission: 'inventory:write' }).field({
    type: InventoryMovementRef,
    description: 'Records a movement and changes the stock in one transaction; below minimum raises inventory:alert.',
    args: {
      id: t.arg.id({ required: true, description: 'The inventory item.' }),
      quantity: t.arg({ type: 'Decimal', required: true }),
      type: t.arg({ type: AdjustmentTypeEnum, required: true }),
      notes: t.arg.string(),
    },
    resolve: (_root, args, ctx) => adjustInventory({ ...ctx, input: { id: String(args.id), quantity: args.quantity, type: args.type, notes: args.notes } }),
  }),
}));
