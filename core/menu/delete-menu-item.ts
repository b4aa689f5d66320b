import { recordAudit } from '../audit/record-audit';
import type { ServiceOptions } from '../types';
import { notFound, requireId } from '../validate';
import { menuItemInclude } from './menu-references';

/** Soft delete: past orders keep their menu item (and its name/price snapshots). */
export async function deleteMenuItem({ db, actor, input }: ServiceOptions<{ id: string }>) {
  const id = requireId(input.id, 'Menu item');
  return db.$transaction(async (tx) => {
    const { count } = await tx.menuItem.updateMany({ where: { id, isActive: true }, data: { isActive: false } });
    if (count === 0) throw notFound('Menu item');
    await recordAudit({ db: tx, actor, action: 'menu_item.delete', entityType: 'MenuItem', entityId: id });
    return tx.menuItem.findUniqueOrThrow({ where: { id }, include: menuItemInclude });
  });
}
