import { can, type Permission } from '../../../domain/auth/permissions';
import type { RoleName } from '../../../contracts/socket-events';

/**
 * Each role starts on the screen it works in. What a role may open comes from the same permission
 * matrix the API enforces (domain/auth/permissions.ts), so the nav never offers a page that would
 * answer FORBIDDEN.
 */
const LANDING: Record<RoleName, string> = {
  STAFF: '/kds',
  OPERATOR: '/console',
  DELIVERY: '/rider',
  MANAGER: '/admin',
  ADMIN: '/admin',
  OWNER: '/admin',
};

export function landingPath(role: RoleName): string {
  return LANDING[role] ?? '/orders';
}

export function allowed(role: RoleName, permission: Permission): boolean {
  return can(role, permission);
}
