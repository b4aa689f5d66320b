import type { ServiceOptions } from '../types';
import { notFound, parseInput, requireId } from '../validate';
import { categoryFilterSchema } from './menu-input';
import { menuItemInclude } from './menu-references';

/** What is on the menu; unavailable ones (sold out) and archived ones only on request (the admin page). */
export function listMenuItems({
  db,
  input,
}: ServiceOptions<{ category?: string | null; includeUnavailable?: boolean | null; includeArchived?: boolean | null }>) {
  const { category } = parseInput(categoryFilterSchema, { category: input.category });
  return db.menuItem.findMany({
    where: {
      ...(input.includeArchived ? {} : { isActive: true }),
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
