import type { KitchenHandle } from '../types';
import { recordAudit } from '../audit/record-audit';
import { notifyAvailabilityChanged } from '../platforms/notify-availability';
import type { ServiceOptions } from '../types';
import { notFound, parseInput, requireId } from '../validate';
import { availabilitySchema } from './menu-input';
import { menuItemInclude } from './menu-references';

/**
 * "Sold out" switch. The reason ("out of mozzarella") is kept only while unavailable. With the
 * kitchen handle, the delivery platforms hear about it within seconds (not at their next poll).
 */
export async function setMenuItemAvailability({
  db,
  actor,
  input,
  kitchen,
}: ServiceOptions<{ id: string; available: unknown; reason?: unknown }> & { kitchen?: KitchenHandle | null }) {
  const id = requireId(input.id, 'Menu item');
  const { available, reason } = parseInput(availabilitySchema, { available: input.available, reason: input.reason });
  const item = await db.$transaction(async (tx) => {
    const { count } = await tx.menuItem.updateMany({
      where: { id, isActive: true },
      data: { isAvailable: available, unavailableReason: available ? null : (reason ?? null) },
    });
    if (count === 0) throw notFound('Menu item');
    await recordAudit({
      db: tx,
      actor,
      action: 'menu_item.availability',
      entityType: 'MenuItem',
      entityId: id,
      details: { available, reason: reason ?? null },
    });
    return tx.menuItem.findUniqueOrThrow({ where: { id }, include: menuItemInclude });
  });
  await notifyAvailabilityChanged({ db, client: kitchen?.client, tenantId: actor.tenantId });
  return item;
}
