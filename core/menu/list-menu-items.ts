import type { ServiceOptions } from '../types';
import { notFound, parseInput, requireId } from '../validate';
import { categoryFilterSchema } from './menu-input';
import { menuItemInclude } from './menu-references';

/** Active items only (soft-deleted ones are gone); unavailable ones (sold out) only on request. */
export function listMenuItems({ db, input }: ServiceOptions<{ category?: string | null; includeUnavailable?: boolean | null }>) {
  const { category } = parseInput(categoryFilterSchema, { category: input.category });
  return db.menuItem.findMany({
    where: {
      isActive: true,
      ...(category ? { category } : {}),
      ...(input.includeUnavailable ? {} : { isAvailable: true }),
    },
    orderBy: [{ category: 'asc' }, { displayOrder: 'asc' }, { name: 'asc' }],
    include: menuItemInclude,
  });
}

export async function getMenuItem({ db, input }: ServiceOptions<{ id: string }>) {
  const item = await db.menuItem.findUnique({ where: { id: requireId(input.id, 'Menu item') }, include: menuItemInclude });
  if (!item) throw notFound('Menu item');
  return item;
}

export type MenuItemWithRelations = Awaited<ReturnType<typeof getMenuItem>>;
