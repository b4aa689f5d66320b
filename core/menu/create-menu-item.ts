import { isUniqueViolation } from '../errors';
import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { parseInput } from '../validate';
import { createMenuItemSchema } from './menu-input';
import {
  assertIngredientsUsable,
  assertMenuNameFree,
  assertWorkflowTemplateVisible,
  menuItemInclude,
  menuNameTaken,
  toIngredientRows,
} from './menu-references';

/** The dish, its recipe link and its ingredients in one transaction: a refused part saves nothing. */
export async function createMenuItem({ db, actor, input }: ServiceOptions<unknown>) {
  const { ingredients, ...data } = parseInput(createMenuItemSchema, input);
  await assertMenuNameFree(db, data.name);
  await assertWorkflowTemplateVisible(db, data.workflowTemplateId);
  await assertIngredientsUsable(db, ingredients, 'ingredients');
  try {
    return await db.$transaction(async (tx) => {
      const item = await tx.menuItem.create({ data: { ...data, tenantId: actor.tenantId } });
      if (ingredients.length > 0) await tx.recipeIngredient.createMany({ data: toIngredientRows(ingredients, item.id, actor.tenantId) });
      await recordAudit({ db: tx, actor, action: 'menu_item.create', entityType: 'MenuItem', entityId: item.id, details: { ...data, ingredients } });
      return tx.menuItem.findUniqueOrThrow({ where: { id: item.id }, include: menuItemInclude });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw menuNameTaken(data.name);
    throw err;
  }
}
