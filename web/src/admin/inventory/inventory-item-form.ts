import { ApiError } from '../../api/errors';
import type { CreateInventoryItemInput, StockItem } from './inventory-api';

/** The inventory item editor as typed. Stock is set once, on creation; later it moves only through movements. */
export interface InventoryItemDraft {
  name: string;
  unit: string;
  initialStock: string;
  minStock: string;
  costPerUnit: string;
  supplier: string;
}
export type InventoryItemField = keyof InventoryItemDraft;

export const EMPTY_INVENTORY_ITEM: InventoryItemDraft = { name: '', unit: '', initialStock: '0', minStock: '0', costPerUnit: '', supplier: '' };

export function inventoryDraftOf(item: StockItem): InventoryItemDraft {
  return {
    name: item.name,
    unit: item.unit,
    initialStock: item.currentStock,
    minStock: item.minStock,
    costPerUnit: item.costPerUnit ?? '',
    supplier: item.supplier ?? '',
  };
}

const decimal = (v: string) => v.trim().replace(',', '.');

/** What createInventoryItem receives; updateInventoryItem takes the same without the initial stock. */
export function toInventoryInput(d: InventoryItemDraft): CreateInventoryItemInput {
  return {
    name: d.name.trim(),
    unit: d.unit.trim(),
    initialStock: decimal(d.initialStock) || '0',
    minStock: decimal(d.minStock) || '0',
    costPerUnit: decimal(d.costPerUnit) || null,
    supplier: d.supplier.trim() || null,
  };
}

/** Server field errors on the fields they name; a CONFLICT (a taken name, a unit dishes rely on) on the field it names. */
export function inventoryErrorsOf(error: unknown): { fields: Partial<Record<InventoryItemField, string>>; rest: boolean } {
  if (!(error instanceof ApiError)) return { fields: {}, rest: Boolean(error) };
  const known = (path: string): path is InventoryItemField => Object.hasOwn(EMPTY_INVENTORY_ITEM, path);
  if (error.code === 'CONFLICT') {
    const field = error.field ?? 'name';
    return known(field) ? { fields: { [field]: error.message }, rest: false } : { fields: {}, rest: true };
  }
  if (error.code !== 'BAD_USER_INPUT' || error.fieldErrors.length === 0) return { fields: {}, rest: true };
  const fields: Partial<Record<InventoryItemField, string>> = {};
  let rest = false;
  for (const f of error.fieldErrors) {
    if (known(f.path)) fields[f.path] ??= f.message;
    else rest = true;
  }
  return { fields, rest };
}
