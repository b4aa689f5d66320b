import { recordAudit } from '../audit/record-audit';
import { notifyAvailabilityChanged } from '../platforms/notify-availability';
import type { KitchenHandle, ServiceOptions } from '../types';
import { AppError } from '../../contracts/errors';
import type { TenantTx } from '../types';
import { notFound, requireId } from '../validate';
import { menuItemInclude } from './menu-references';

type Options = ServiceOptions<{ id: string }> & { kitchen?: KitchenHandle | null };

/**
 * Takes a dish off the menu: new orders, the console and the platform menus no longer offer it,
 * while past orders keep naming it (with their own name and price snapshots). deleteMenuItem is
 * this too. The platforms hear at once, like for an availability switch.
 */
export function archiveMenuItem(options: Options) {
  return setArchived(options, true);
}

/** Puts an archived dish back on the menu as it was (same id, recipe and ingredients). */
export function restoreMenuItem(options: Options) {
  return setArchived(options, false);
}

async function setArchived({ db, actor, input, kitchen }: Options, archive: boolean) {
  const id = requireId(input.id, 'Menu item');
  const item = await db.$transaction(async (tx) => {
    const { count } = await tx.menuItem.updateMany({
      where: { id, isActive: archive },
      data: { isActive: !archive, archivedAt: archive ? new Date() : null },
    });
    if (count === 0) throw notFound(archive ? 'Menu item' : 'Archived menu item');
    if (!archive) await assertIngredientsLive(tx, id);
    await recordAudit({ db: tx, actor, action: archive ? 'menu_item.archive' : 'menu_item.restore', entityType: 'MenuItem', entityId: id });
    return tx.menuItem.findUniqueOrThrow({ where: { id }, include: menuItemInclude });
  });
  await notifyAvailabilityChanged({ db, client: kitchen?.client, tenantId: actor.tenantId });
  return item;
}

/** An ingredient archived while the dish was off the menu would stop being deducted: it comes back first. */
async function assertIngredientsLive(tx: Pick<TenantTx, 'recipeIngredient'>, menuItemId: string) {
  const archived = await tx.recipeIngredient.findMany({
    where: { menuItemId, inventoryItem: { isActive: false } },
    select: { inventoryItem: { select: { name: true } } },
  });
  if (archived.length === 0) return;
  const names = archived.map((a) => `"${a.inventoryItem.name}"`).join(', ');
  throw new AppError('CONFLICT', `Cannot restore the dish: its ingredient ${names} is archived. Restore the ingredient first.`, { field: 'ingredients' });
}
