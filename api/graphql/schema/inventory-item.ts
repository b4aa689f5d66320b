import type { InventoryItem } from '../../../prisma/generated/client';
import { createInventoryItem } from '../../../core/inventory/create-inventory-item';
import { listInventoryItems } from '../../../core/inventory/list-inventory-items';
import { updateInventoryItem } from '../../../core/inventory/update-inventory-item';
import { builder } from '../builder';

export const InventoryItemRef = builder.objectRef<InventoryItem>('InventoryItem').implement({
  fields: (t) => ({
    id: t.exposeID('id'),
    name: t.exposeString('name'),
    unit: t.exposeString('unit', { description: 'kg, l, pcs…' }),
    currentStock: t.expose('currentStock', { type: 'Decimal' }),
    minStock: t.expose('minStock', { type: 'Decimal', description: 'Reorder threshold.' }),
    costPerUnit: t.expose('costPerUnit', { type: 'Decimal', nullable: true }),
    supplier: t.exposeString('supplier', { nullable: true }),
    isActive: t.exposeBoolean('isActive'),
    belowMin: t.boolean({ description: 'currentStock < minStock.', resolve: (i) => i.currentStock.lessThan(i.minStock) }),
  }),
});

const CreateInventoryItemInput = builder.inputType('CreateInventoryItemInput', {
  fields: (t) => ({
    name: t.string({ required: true }),
    unit: t.string({ required: true }),
    initialStock: t.field({ type: 'Decimal', description: 'Recorded as an `initial` inventory movement. Defaults to 0.' }),
    minStock: t.field({ type: 'Decimal' }),
    costPerUnit: t.field({ type: 'Decimal' }),
    supplier: t.string(),
  }),
});

// No currentStock: stock moves only through inventory movements, never by overwriting it.
const UpdateInventoryItemInput = builder.inputType('UpdateInventoryItemInput', {
  fields: (t) => ({
    name: t.string(),
    unit: t.string({ description: 'CONFLICT (field unit) while a dish on the menu uses the item: its quantities are in the old unit.' }),
    minStock: t.field({ type: 'Decimal' }),
    costPerUnit: t.field({ type: 'Decimal' }),
    supplier: t.string(),
    isActive: t.boolean({ description: 'false archives the item (its movements stay); CONFLICT (field isActive) while a dish on the menu uses it.' }),
  }),
});

builder.queryFields((t) => ({
  inventoryItems: t.withAuth({ permission: 'inventory:read' }).field({
    type: [InventoryItemRef],
    args: {
      belowMin: t.arg.boolean({ description: 'Only items whose stock is below their minimum.' }),
      includeInactive: t.arg.boolean({ defaultValue: false }),
    },
    resolve: (_root, args, { db, actor }) => listInventoryItems({ db, actor, input: args }),
  }),
}));

builder.mutationFields((t) => ({
  createInventoryItem: t.withAuth({ permission: 'inventory:write' }).field({
    type: InventoryItemRef,
    args: { input: t.arg({ type: CreateInventoryItemInput, required: true }) },
    resolve: (_root, { input }, { db, actor }) => createInventoryItem({ db, actor, input }),
  }),
  updateInventoryItem: t.withAuth({ permission: 'inventory:write' }).field({
    type: InventoryItemRef,
    args: { id: t.arg.id({ required: true }), input: t.arg({ type: UpdateInventoryItemInput, required: true }) },
    resolve: (_root, args, { db, actor }) => updateInventoryItem({ db, actor, input: { id: String(args.id), changes: args.input } }),
  }),
}));
