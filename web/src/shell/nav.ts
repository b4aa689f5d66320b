import type { RoleName } from '../../../contracts/socket-events';
import { allowed } from '../auth/roles';
import { ADMIN_PREFIX, ROUTES } from './routes';

export interface NavItem {
  label: string;
  to: string;
  exact?: boolean;
  activePrefix?: string;
}

/** Admin pages this role may open, in tab order. */
export function adminTabs(role: RoleName): NavItem[] {
  return ROUTES.filter((r) => r.group === 'admin' && r.nav && allowed(role, r.permission)).map((r) => ({ label: r.nav!, to: r.pattern }));
}

/**
 * The top bar: the role's own screens, then one "Admin" entry for all admin pages, so the bar fits a
 * 1280px tablet for every role.
 */
export function topNav(role: RoleName): NavItem[] {
  const items: NavItem[] = ROUTES.filter((r) => r.nav && !r.group && allowed(role, r.permission)).map((r) => ({
    label: r.nav!,
    to: r.pattern,
    exact: r.pattern === '/admin',
  }));
  const tabs = adminTabs(role);
  if (tabs.length > 0) items.push({ label: 'Admin', to: tabs[0].to, activePrefix: ADMIN_PREFIX });
  return items;
}
