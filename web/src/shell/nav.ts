import type { RoleName } from '../../../contracts/socket-events';
import { ADMIN_PREFIX, mayOpen, ROUTES } from './routes';

export interface NavItem {
  label: string;
  to: string;
  exact?: boolean;
  activePrefix?: string;
  activeExcept?: string[];
}

/** Admin pages this role may open, in tab order; a tab under another's path (platforms/review) is the only one current there. */
export function adminTabs(role: RoleName): NavItem[] {
  const tabs = ROUTES.filter((r) => r.group === 'admin' && r.nav && mayOpen(role, r)).map((r) => r.pattern);
  return tabs.map((to) => ({
    label: ROUTES.find((r) => r.pattern === to)!.nav!,
    to,
    activeExcept: tabs.filter((other) => other.startsWith(`${to}/`)),
  }));
}

/**
 * The top bar: the role's own screens, then one "Admin" entry for all admin pages, so the bar fits a
 * 1280px tablet for every role.
 */
export function topNav(role: RoleName): NavItem[] {
  const items: NavItem[] = ROUTES.filter((r) => r.nav && !r.group && mayOpen(role, r)).map((r) => ({
    label: r.nav!,
    to: r.pattern,
    exact: r.pattern === '/admin',
  }));
  const tabs = adminTabs(role);
  if (tabs.length > 0) items.push({ label: 'Admin', to: tabs[0].to, activePrefix: ADMIN_PREFIX });
  return items;
}
