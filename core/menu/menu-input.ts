import { z } from 'zod';
import { decimalString } from '../validate';

const price = decimalString({ min: 0, max: 99_999_999 }).refine((v) => /^\d+(\.\d{1,2})?$/.test(v), 'at most 2 decimals');
const allergen = z.string().trim().toLowerCase().min(1).max(40);

export const ingredientSchema = z.object({
  inventoryItemId: z.uuid('must be an inventory item id'),
  quantity: decimalString({ min: 0, max: 999_999 })
    .refine((v) => Number(v) > 0, 'must be greater than 0')
    .refine((v) => /^\d+(\.\d{1,3})?$/.test(v), 'at most 3 decimals'),
});

/** The same inventory item twice would double-deduct; make the client merge quantities instead. */
export const ingredientsSchema = z
  .array(ingredientSchema)
  .max(100)
  .refine((items) => new Set(items.map((i) => i.inventoryItemId)).size === items.length, 'lists the same inventory item twice');

const fields = {
  name: z.string().trim().min(1, 'must not be empty').max(255),
  category: z.string().trim().min(1).max(100).nullish(),
  description: z.string().trim().max(2000).nullish(),
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
});

export const availabilitySchema = z.object({
  available: z.boolean(),
  reason: z.string().trim().max(500).nullish(),
});
