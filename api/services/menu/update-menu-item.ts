import { isUniqueViolation } from '../../errors';
import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { notFound, parseInput, requireId } from '../validate';
import { updateMenuItemSchema } from './menu-input';
import { assertMenuNameFree, assertWorkflowTemplateVisible, menuItemInclude, menuNameTaken } from './menu-references';

export async function updateMenuItem({ db, actor, input }: ServiceOptions<{ id: string; changes: unknown }>) {
  const id = requireId(input.id, 'Menu item');
  const changes = parseInput(updateMenuItemSchema, input.changes);
  await assertMenuNameFree(db, changes.name, id);
  await assertWorkflowTemplateVisible(db, changes.workflowTemplateId);
  try {
    return await db.$transaction(async (tx) => {
      const { count } = await tx.menuItem.updateMany({ where: { id, isActive: true }, data: changes });
      if (count === 0) throw notFound('Menu item');
      await recordAudit({ db: tx, actor, action: 'menu_item.update', entityType: 'MenuItem', entityId: id, details: { changes } });
      return tx.menuItem.findUniqueOrThrow({ where: { id }, include: menuItemInclude });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw menuNameTaken(changes.name ?? '');
    throw err;
  }
}
