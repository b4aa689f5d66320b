import { z } from 'zod';
import { multilineText, safeText, TEXT_LIMITS } from '../../domain/input/text';
import { decimalString } from '../validate';

const price = decimalString({ min: 0, max: 99_999_999 }).refine((v) => /^\d+(\.\d{1,2})?$/.test(v), 'at most 2 decimals');
const allergen = safeText(40).toLowerCase().min(1);

export const ingredientSchema = z.object({
  inventoryItemId: z.uuid('must be an inventory item id'),
  // Per portion: at most 1000 units, so 50 portions of 100 dishes still fit the stock column.
  quantity: decimalString({ min: 0, max: 1_000 })
    .refine((v) => Number(v) > 0, 'must be greater than 0')
    .refine((v) => /^\d+(\.\d{1,3})?$/.test(v), 'at most 3 decimals'),
  /** The unit the client showed next to the quantity; when given, it must be the item's unit. */
  unit: safeText(50).min(1).nullish(),
});
export type IngredientInput = z.output<typeof ingredientSchema>;

/** The same inventory item twice would double-deduct; make the client merge quantities instead. */
export const ingredientsSchema = z
  .array(ingredientSchema)
  .max(100)
  .refine((items) => new Set(items.map((i) => i.inventoryItemId)).size === items.length, 'lists the same inventory item twice');

const fields = {
  name: safeText(TEXT_LIMITS.name).min(1, 'must not be empty'),
  category: safeText(TEXT_LIMITS.label).min(1).nullish(),
  description: multilineText(2000).nullish(),
  allergens: z
    .array(allergen)
    .max(30)
    .transform((a) => [...new Set(a)]),
  workflowTemplateId: z.uuid('must be a workflow template id').nullish(),
  displayOrder: z.number().int().min(0).max(10_000),
};

export const createMenuItemSchema = z.object({
  ...fields,
  price,
  allergens: fields.allergens.default([]),
  displayOrder: fields.displayOrder.default(0),
  ingredients: ingredientsSchema.default([]),
});

export const updateMenuItemSchema = z.object({
  name: fields.name.optional(),
  category: fields.category,
  description: fields.description,
  price: price.optional(),
  allergens: fields.allergens.optional(),
  workflowTemplateId: fields.workflowTemplateId,
  displayOrder: fields.displayOrder.optional(),
  /** When given, replaces the ingredient list in the same transaction as the other changes. */
  ingredients: ingredientsSchema.nullish(),
});

/** A category to filter by: the same rule as the stored field, so an impossible one is refused. */
export const categoryFilterSchema = z.object({ category: safeText(TEXT_LIMITS.label).nullish() });

export const availabilitySchema = z.object({
  available: z.boolean(),
  reason: multilineText(500).nullish(),
});
