import type { RoleName } from '../../../contracts/socket-events';
import type { RouteDef } from './routes';
import { ADMIN_PREFIX, mayOpen, ROUTES } from './routes';

export interface NavItem {
  /** English; the shell shows routes.<key>.nav (or shell.admin) in the active language. */
  label: string;
  key: RouteDef['key'] | 'admin';
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
    key: ROUTES.find((r) => r.pattern === to)!.key,
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
    key: r.key,
    to: r.pattern,
    exact: r.pattern === '/admin',
  }));
  const tabs = adminTabs(role);
  if (tabs.length > 0) items.push({ label: 'Admin', key: 'admin', to: tabs[0].to, activePrefix: ADMIN_PREFIX });
  return items;
}
