import { z } from 'zod';
import { safeText, TEXT_LIMITS } from '../../domain/input/text';
import { decimalString } from '../validate';

// Column scales: stock numeric(10,3), cost numeric(10,4).
const quantity = decimalString({ min: 0, max: 9_999_999 }).refine((v) => /^\d+(\.\d{1,3})?$/.test(v), 'at most 3 decimals');
const cost = decimalString({ min: 0, max: 999_999 }).refine((v) => /^\d+(\.\d{1,4})?$/.test(v), 'at most 4 decimals');
const name = safeText(TEXT_LIMITS.name).min(1, 'must not be empty');
const unit = safeText(50).min(1, 'must not be empty');
const supplier = safeText(TEXT_LIMITS.name);

export const createInventoryItemSchema = z.object({
  name,
  unit,
  initialStock: quantity.default('0'),
  minStock: quantity.default('0'),
  costPerUnit: cost.nullish(),
  supplier: supplier.nullish(),
});

/** No currentStock here on purpose: stock only changes through movements (adjustInventory, orders). */
export const updateInventoryItemSchema = z.object({
  name: name.optional(),
  unit: unit.optional(),
  minStock: quantity.optional(),
  costPerUnit: cost.nullish(),
  supplier: supplier.nullish(),
  isActive: z.boolean().optional(),
});
