import type { ServiceOptions } from '../types';

export function listInventoryItems({ db, input }: ServiceOptions<{ belowMin?: boolean | null; includeInactive?: boolean | null }>) {
  return db.inventoryItem.findMany({
    where: {
      ...(input.includeInactive ? {} : { isActive: true }),
      // Column-to-column comparison in SQL (Prisma field reference), not a filter in JS.
      ...(input.belowMin ? { currentStock: { lt: db.inventoryItem.fields.minStock } } : {}),
    },
    orderBy: { name: 'asc' },
  });
}
