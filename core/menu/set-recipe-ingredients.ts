import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { notFound, parseInput, requireId } from '../validate';
import { ingredientsSchema } from './menu-input';
import { assertIngredientsUsable, menuItemInclude, toIngredientRows } from './menu-references';

/** Replaces the whole ingredient list (what one portion consumes) in one transaction. */
export async function setRecipeIngredients({ db, actor, input }: ServiceOptions<{ menuItemId: string; items: unknown }>) {
  const menuItemId = requireId(input.menuItemId, 'Menu item');
  const items = parseInput(ingredientsSchema, input.items);
  const menuItem = await db.menuItem.findFirst({ where: { id: menuItemId, isActive: true }, select: { id: true } });
  if (!menuItem) throw notFound('Menu item');
  await assertIngredientsUsable(db, items, 'items');
  return db.$transaction(async (tx) => {
    await tx.recipeIngredient.deleteMany({ where: { menuItemId } });
    if (items.length > 0) await tx.recipeIngredient.createMany({ data: toIngredientRows(items, menuItemId, actor.tenantId) });
    await recordAudit({ db: tx, actor, action: 'menu_item.ingredients', entityType: 'MenuItem', entityId: menuItemId, details: { items } });
    return tx.menuItem.findUniqueOrThrow({ where: { id: menuItemId }, include: menuItemInclude });
  });
}
