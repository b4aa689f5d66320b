import { ApiError } from '../../api/errors';
import type { CreateMenuItemInput, MenuItem } from './menu-api';

/** One ingredient row as typed: the quantity is in the inventory item's unit, shown beside it. */
export interface IngredientDraft {
  inventoryItemId: string;
  quantity: string;
}

/** The dish editor's form as typed, and what createMenuItem / updateMenuItem receive from it. */
export interface DishDraft {
  name: string;
  category: string;
  description: string;
  price: string;
  /** Comma separated, as typed. */
  allergens: string;
  displayOrder: string;
  /** '' for no recipe. */
  workflowTemplateId: string;
  ingredients: IngredientDraft[];
}

export type DishField = Exclude<keyof DishDraft, 'ingredients'>;

export const EMPTY_DISH: DishDraft = {
  name: '',
  category: '',
  description: '',
  price: '',
  allergens: '',
  displayOrder: '0',
  workflowTemplateId: '',
  ingredients: [],
};

export function draftOf(item: MenuItem): DishDraft {
  return {
    name: item.name,
    category: item.category ?? '',
    description: item.description ?? '',
    price: item.price,
    allergens: item.allergens.join(', '),
    displayOrder: String(item.displayOrder),
    workflowTemplateId: item.workflowTemplate?.id ?? '',
    ingredients: item.ingredients.map((i) => ({ inventoryItemId: i.inventoryItem.id, quantity: i.quantity })),
  };
}

/**
 * The input both mutations take (updateMenuItem replaces the ingredients in the same transaction).
 * Each ingredient carries the unit the editor showed, so the server refuses it if the item's unit
 * changed in the meantime. Rows left without an item are dropped; checking is the server's.
 */
export function toDishInput(d: DishDraft, unitOf: (inventoryItemId: string) => string | undefined): CreateMenuItemInput {
  const order = Number(d.displayOrder);
  return {
    name: d.name.trim(),
    category: d.category.trim() || null,
    description: d.description.trim() || null,
    price: d.price.trim().replace(',', '.'),
    allergens: d.allergens
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    displayOrder: d.displayOrder.trim() === '' || !Number.isFinite(order) ? 0 : order,
    workflowTemplateId: d.workflowTemplateId || null,
    ingredients: d.ingredients
      .filter((i) => i.inventoryItemId)
      .map((i) => ({ inventoryItemId: i.inventoryItemId, quantity: i.quantity.trim().replace(',', '.'), unit: unitOf(i.inventoryItemId) ?? null })),
  };
}

export interface DishErrors {
  fields: Partial<Record<DishField, string>>;
  /** By row index: the message for that ingredient row. */
  ingredients: Record<number, string>;
  /** About the list as a whole, e.g. the same item twice. */
  ingredientList?: string;
  /** Something no field explains: shown above the buttons. */
  rest: boolean;
}

const FIELDS: readonly DishField[] = ['name', 'category', 'description', 'price', 'allergens', 'displayOrder', 'workflowTemplateId'];

/**
 * The server's field errors placed where they belong: `ingredients.<n>.<field>` on row n, a
 * CONFLICT (the name is taken) on the name. The rows sent are the non-empty ones, so the index
 * is mapped back to the draft's row.
 */
export function dishErrorsOf(error: unknown, draft: DishDraft): DishErrors {
  const out: DishErrors = { fields: {}, ingredients: {}, rest: false };
  if (!(error instanceof ApiError)) return { ...out, rest: Boolean(error) };
  if (error.code === 'CONFLICT') {
    const field = error.field ?? 'name';
    return (FIELDS as readonly string[]).includes(field) ? { ...out, fields: { [field]: error.message } } : { ...out, rest: true };
  }
  if (error.code !== 'BAD_USER_INPUT' || error.fieldErrors.length === 0) return { ...out, rest: true };
  const sentRows = draft.ingredients.flatMap((row, index) => (row.inventoryItemId ? [index] : []));
  for (const f of error.fieldErrors) {
    const path = f.path.replace(/^(input|changes)\./, '');
    const row = /^ingredients\.(\d+)/.exec(path);
    if (row && sentRows[Number(row[1])] !== undefined) out.ingredients[sentRows[Number(row[1])]] ??= f.message;
    else if (path === 'ingredients') out.ingredientList ??= f.message;
    else if ((FIELDS as readonly string[]).includes(path.split('.')[0])) out.fields[path.split('.')[0] as DishField] ??= f.message;
    else out.rest = true;
  }
  return out;
}
