import type { KitchenHandle } from '../types';
import { isUniqueViolation } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { notifyAvailabilityChanged } from '../platforms/notify-availability';
import type { ServiceOptions } from '../types';
import { notFound, parseInput, requireId } from '../validate';
import { updateMenuItemSchema } from './menu-input';
import { assertMenuNameFree, assertWorkflowTemplateVisible, menuItemInclude, menuNameTaken } from './menu-references';

/** With the kitchen handle, a new name or price reaches the delivery platforms within seconds. */
export async function updateMenuItem({ db, actor, input, kitchen }: ServiceOptions<{ id: string; changes: unknown }> & { kitchen?: KitchenHandle | null }) {
  const id = requireId(input.id, 'Menu item');
  const changes = parseInput(updateMenuItemSchema, input.changes);
  await assertMenuNameFree(db, changes.name, id);
  await assertWorkflowTemplateVisible(db, changes.workflowTemplateId);
  try {
    const item = await db.$transaction(async (tx) => {
      const { count } = await tx.menuItem.updateMany({ where: { id, isActive: true }, data: changes });
      if (count === 0) throw notFound('Menu item');
      await recordAudit({ db: tx, actor, action: 'menu_item.update', entityType: 'MenuItem', entityId: id, details: { changes } });
      return tx.menuItem.findUniqueOrThrow({ where: { id }, include: menuItemInclude });
    });
    await notifyAvailabilityChanged({ db, client: kitchen?.client, tenantId: actor.tenantId });
    return item;
  } catch (err) {
    if (isUniqueViolation(err)) throw menuNameTaken(changes.name ?? '');
    throw err;
  }
}
