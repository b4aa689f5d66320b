import { AppError, type FieldError } from '../../contracts/errors';
import { badInput } from '../errors';
import type { TenantTx } from '../types';
import type { IngredientInput } from './menu-input';
import { modifierGroupsInclude } from './modifier-groups-include';

/**
 * The scoped client adds tenantId to the rows we write, but a foreign key to another tenant's
 * row would still be accepted by PostgreSQL. So referenced ids are looked up through the scoped
 * client first: another tenant's id is refused exactly like a missing one, as BAD_USER_INPUT
 * naming the field (the dish being saved exists; what it points at does not).
 */
export async function assertWorkflowTemplateVisible(db: Pick<TenantTx, 'workflowTemplate'>, id: string | null | undefined) {
  if (!id) return;
  const found = await db.workflowTemplate.findUnique({ where: { id }, select: { id: true } });
  if (!found) throw badInput([{ path: 'workflowTemplateId', message: 'Workflow template not found' }], 'Recipe not linked');
}

/**
 * Every ingredient must name a live inventory item of the tenant, and when the client says which
 * unit its quantity is in, that must be the item's unit: quantities are stored in the item's unit,
 * so "0.125" typed while the item was in kg must not be saved after it became g. All problems are
 * reported at once under `<prefix>.<index>.<field>`.
 */
export async function assertIngredientsUsable(db: Pick<TenantTx, 'inventoryItem'>, items: IngredientInput[], prefix: string) {
  if (items.length === 0) return;
  const found = await db.inventoryItem.findMany({
    where: { id: { in: items.map((i) => i.inventoryItemId) } },
    select: { id: true, name: true, unit: true, isActive: true },
  });
  const byId = new Map(found.map((f) => [f.id, f]));
  const problems: FieldError[] = [];
  items.forEach((ingredient, index) => {
    const item = byId.get(ingredient.inventoryItemId);
    const path = `${prefix}.${index}`;
    if (!item) problems.push({ path: `${path}.inventoryItemId`, message: `Inventory item not found: ${ingredient.inventoryItemId}` });
    else if (!item.isActive) problems.push({ path: `${path}.inventoryItemId`, message: `"${item.name}" is archived` });
    else if (ingredient.unit != null && !sameUnit(ingredient.unit, item.unit)) {
      problems.push({ path: `${path}.unit`, message: `the quantity is in ${ingredient.unit}, but "${item.name}" is counted in ${item.unit}` });
    }
  });
  if (problems.length > 0) throw badInput(problems, 'Ingredients not saved');
}

/** Every id is one of this tenant's inventory items (a foreign id answers like a missing one). */
export async function assertInventoryItemsVisible(db: Pick<TenantTx, 'inventoryItem'>, ids: string[]) {
  if (ids.length === 0) return;
  const found = await db.inventoryItem.findMany({ where: { id: { in: ids } }, select: { id: true } });
  const known = new Set(found.map((f) => f.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) throw new AppError('NOT_FOUND', `Inventory item not found: ${missing.join(', ')}`, { field: 'inventoryItemId', ids: missing });
}

export const sameUnit = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** Case-insensitive, like stations: "Margherita" and "margherita" on one menu is a mistake. Archived dishes keep their name. */
export async function assertMenuNameFree(db: Pick<TenantTx, 'menuItem'>, name: string | undefined, exceptId?: string) {
  if (name === undefined) return;
  const clash = await db.menuItem.findFirst({
    where: { name: { equals: name, mode: 'insensitive' }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true, isActive: true },
  });
  if (clash) throw menuNameTaken(name, !clash.isActive);
}

export const menuNameTaken = (name: string, archived = false) =>
  new AppError('CONFLICT', `A menu item named "${name}" already exists${archived ? ' (archived: restore it instead)' : ''}`, { field: 'name' });

/** The rows to insert: the unit was only a check (assertIngredientsUsable); quantities are stored in the item's unit. */
export const toIngredientRows = (items: IngredientInput[], menuItemId: string, tenantId: string) =>
  items.map(({ inventoryItemId, quantity }) => ({ inventoryItemId, quantity, menuItemId, tenantId }));

export const menuItemInclude = {
  ingredients: { include: { inventoryItem: true }, orderBy: { id: 'asc' } },
  workflowTemplate: true,
  modifierGroups: modifierGroupsInclude,
} as const;
