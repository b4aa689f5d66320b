import type { Prisma } from '../../prisma/generated/client';

/** A dish's modifier groups with their options, in the order the manager set them. */
export const modifierGroupsInclude = {
  orderBy: [{ position: 'asc' }, { name: 'asc' }],
  include: { options: { orderBy: [{ position: 'asc' }, { name: 'asc' }] } },
} satisfies Prisma.MenuItem$modifierGroupsArgs;
