import type { KitchenHandle } from '../types';
import { isUniqueViolation } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { notifyAvailabilityChanged } from '../platforms/notify-availability';
import type { ServiceOptions } from '../types';
import { notFound, parseInput, requireId } from '../validate';
import { updateMenuItemSchema } from './menu-input';
import {
  assertIngredientsUsable,
  assertMenuNameFree,
  assertWorkflowTemplateVisible,
  menuItemInclude,
  menuNameTaken,
  toIngredientRows,
} from './menu-references';

/**
 * The dish editor's save: its fields and (when given) its whole ingredient list in one
 * transaction. A new price applies to new orders only: order items keep the unit price they were
 * taken at. With the kitchen handle, a new name or price reaches the delivery platforms within seconds.
 */
export async function updateMenuItem({ db, actor, input, kitchen }: ServiceOptions<{ id: string; changes: unknown }> & { kitchen?: KitchenHandle | null }) {
  const id = requireId(input.id, 'Menu item');
  const { ingredients, ...changes } = parseInput(updateMenuItemSchema, input.changes);
  await assertMenuNameFree(db, changes.name, id);
  await assertWorkflowTemplateVisible(db, changes.workflowTemplateId);
  if (ingredients) await assertIngredientsUsable(db, ingredients, 'ingredients');
  try {
    const item = await db.$transaction(async (tx) => {
      const { count } = await tx.menuItem.updateMany({ where: { id, isActive: true }, data: changes });
      if (count === 0) throw notFound('Menu item');
      if (ingredients) {
        await tx.recipeIngredient.deleteMany({ where: { menuItemId: id } });
        if (ingredients.length > 0) await tx.recipeIngredient.createMany({ data: toIngredientRows(ingredients, id, actor.tenantId) });
      }
      await recordAudit({ db: tx, actor, action: 'menu_item.update', entityType: 'MenuItem', entityId: id, details: { changes, ingredients } });
      return tx.menuItem.findUniqueOrThrow({ where: { id }, include: menuItemInclude });
    });
    await notifyAvailabilityChanged({ db, client: kitchen?.client, tenantId: actor.tenantId });
    return item;
  } catch (err) {
    if (isUniqueViolation(err)) throw menuNameTaken(changes.name ?? '');
    throw err;
  }
}
