import type { ServiceOptions } from '../types';

/**
 * The people a shift can be planned for: the tenant's active users, with name and role only (a
 * planner need not hold `users:manage`, which would show emails and logins).
 */
export function listShiftStaff({ db }: ServiceOptions<void>) {
  return db.user.findMany({
    where: { isActive: true },
    select: { id: true, name: true, role: true, isActive: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
}
