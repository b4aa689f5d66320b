import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { notFound, parseInput, requireId } from '../validate';
import { ingredientsSchema } from './menu-input';
import { assertInventoryItemsVisible, menuItemInclude } from './menu-references';

/** Replaces the whole ingredient list (what one portion consumes) in one transaction. */
export async function setRecipeIngredients({ db, actor, input }: ServiceOptions<{ menuItemId: string; items: unknown }>) {
  const menuItemId = requireId(input.menuItemId, 'Menu item');
  const items = parseInput(ingredientsSchema, input.items);
  const menuItem = await db.menuItem.findFirst({ where: { id: menuItemId, isActive: true }, select: { id: true } });
  if (!menuItem) throw notFound('Menu item');
  await assertInventoryItemsVisible(
    db,
    items.map((i) => i.inventoryItemId),
  );
  return db.$transaction(async (tx) => {
    await tx.recipeIngredient.deleteMany({ where: { menuItemId } });
    if (items.length > 0) {
      await tx.recipeIngredient.createMany({ data: items.map((i) => ({ ...i, menuItemId, tenantId: actor.tenantId })) });
    }
    await recordAudit({ db: tx, actor, action: 'menu_item.ingredients', entityType: 'MenuItem', entityId: menuItemId, details: { items } });
    return tx.menuItem.findUniqueOrThrow({ where: { id: menuItemId }, include: menuItemInclude });
  });
}
