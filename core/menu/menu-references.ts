import { AppError } from '../../contracts/errors';
import type { TenantTx } from '../types';
import { modifierGroupsInclude } from './modifier-groups-include';

/**
 * The scoped client adds tenantId to the rows we write, but a foreign key to another tenant's
 * row would still be accepted by PostgreSQL. So referenced ids are looked up through the scoped
 * client first: another tenant's id is NOT_FOUND, exactly like a missing one.
 */
export async function assertWorkflowTemplateVisible(db: Pick<TenantTx, 'workflowTemplate'>, id: string | null | undefined) {
  if (!id) return;
  const found = await db.workflowTemplate.findUnique({ where: { id }, select: { id: true } });
  if (!found) throw new AppError('NOT_FOUND', 'Workflow template not found', { field: 'workflowTemplateId' });
}

export async function assertInventoryItemsVisible(db: Pick<TenantTx, 'inventoryItem'>, ids: string[]) {
  if (ids.length === 0) return;
  const found = await db.inventoryItem.findMany({ where: { id: { in: ids } }, select: { id: true } });
  const known = new Set(found.map((f) => f.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) throw new AppError('NOT_FOUND', `Inventory item not found: ${missing.join(', ')}`, { field: 'inventoryItemId', ids: missing });
}

/** Case-insensitive, like stations: "Margherita" and "margherita" on one menu is a mistake. */
export async function assertMenuNameFree(db: Pick<TenantTx, 'menuItem'>, name: string | undefined, exceptId?: string) {
  if (name === undefined) return;
  const clash = await db.menuItem.findFirst({
    where: { name: { equals: name, mode: 'insensitive' }, ...(exceptId ? { NOT: { id: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) throw menuNameTaken(name);
}

export const menuNameTaken = (name: string) => new AppError('CONFLICT', `A menu item named "${name}" already exists`, { field: 'name' });

export const menuItemInclude = {
  ingredients: { include: { inventoryItem: true }, orderBy: { id: 'asc' } },
  workflowTemplate: true,
  modifierGroups: modifierGroupsInclude,
} as const;
