import { isUniqueViolation } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { parseInput } from '../validate';
import { createMenuItemSchema } from './menu-input';
import { assertInventoryItemsVisible, assertMenuNameFree, assertWorkflowTemplateVisible, menuItemInclude, menuNameTaken } from './menu-references';

export async function createMenuItem({ db, actor, input }: ServiceOptions<unknown>) {
  const { ingredients, ...data } = parseInput(createMenuItemSchema, input);
  await assertMenuNameFree(db, data.name);
  await assertWorkflowTemplateVisible(db, data.workflowTemplateId);
  await assertInventoryItemsVisible(
    db,
    ingredients.map((i) => i.inventoryItemId),
  );
  try {
    return await db.$transaction(async (tx) => {
      const item = await tx.menuItem.create({ data: { ...data, tenantId: actor.tenantId } });
      if (ingredients.length > 0) {
        await tx.recipeIngredient.createMany({
          data: ingredients.map((i) => ({ ...i, menuItemId: item.id, tenantId: actor.tenantId })),
        });
      }
      await recordAudit({ db: tx, actor, action: 'menu_item.create', entityType: 'MenuItem', entityId: item.id, details: { ...data, ingredients } });
      return tx.menuItem.findUniqueOrThrow({ where: { id: item.id }, include: menuItemInclude });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw menuNameTaken(data.name);
    throw err;
  }
}
