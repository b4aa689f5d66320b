import type { RoleName } from '../../../contracts/socket-events';
import { landingPath } from '../auth/roles';
import { matchPath } from '../router/router';
import { adminTabs, topNav } from './nav';
import { CHANGE_PASSWORD_PATH, mayOpen, ROUTES } from './routes';

const navFor = (role: RoleName) => topNav(role).map((i) => i.label);
const tabsFor = (role: RoleName) => adminTabs(role).map((i) => i.label);
const routeFor = (path: string) => ROUTES.find((r) => matchPath(r.pattern, path));

describe('role-based navigation', () => {
  it('shows each role only the screens its permissions allow', () => {
    expect(navFor('STAFF')).toEqual(['KDS', 'Orders']);
    expect(navFor('OPERATOR')).toEqual(['Phone orders', 'Orders', 'Dispatch']);
    // A rider's phone shows their deliveries and nothing else.
    expect(navFor('DELIVERY')).toEqual([]);
    expect(navFor('MANAGER')).toEqual(['Dashboard', 'KDS', 'Phone orders', 'Orders', 'Dispatch', 'Recipes', 'Admin']);
    expect(tabsFor('MANAGER')).toEqual(['Stations', 'Menu', 'Order review', 'Inventory', 'Pickup boards', 'Shifts', 'What-if', 'Audit log']);
    expect(tabsFor('ADMIN')).toEqual([
      'Stations',
      'Menu',
      'Platforms',
      'Order review',
      'Inventory',
      'Pickup boards',
      'Shifts',
      'What-if',
      'Users',
      'Audit log',
    ]);
    expect(tabsFor('STAFF')).toEqual([]);
  });

  it('lands every role on a screen it is allowed to open', () => {
    const roles: RoleName[] = ['OWNER', 'ADMIN', 'MANAGER', 'STAFF', 'OPERATOR', 'DELIVERY'];
    for (const role of roles) {
      const route = routeFor(landingPath(role));
      expect(route && mayOpen(role, route)).toBe(true);
    }
    expect(landingPath('DELIVERY')).toBe('/rider');
    expect(landingPath('STAFF')).toBe('/kds');
    expect(landingPath('OPERATOR')).toBe('/console');
  });

  it('lets every role change its own password, from a page no nav lists', () => {
    const route = routeFor(CHANGE_PASSWORD_PATH)!;
    expect(route.title).toBe('Change password');
    for (const role of ['OWNER', 'ADMIN', 'MANAGER', 'STAFF', 'OPERATOR', 'DELIVERY'] as RoleName[]) expect(mayOpen(role, route)).toBe(true);
    expect(route.nav).toBeUndefined();
  });

  it('keeps the designer for roles that may write recipes', () => {
    expect(routeFor('/designer/abc')?.pattern).toBe('/designer/:id');
    expect(mayOpen('MANAGER', routeFor('/designer/abc')!)).toBe(true);
    expect(mayOpen('STAFF', routeFor('/designer/abc')!)).toBe(false);
  });
});

it('sends the platform review queue to its own page, not to a platform whose id is "review", and to the roles that work it', () => {
  expect(routeFor('/admin/platforms/review')?.title).toBe('Platform orders to review');
  expect(routeFor('/admin/platforms/3f2a')?.pattern).toBe('/admin/platforms/:id');
  expect(mayOpen('ADMIN', routeFor('/admin/platforms/review')!)).toBe(true);
  expect(mayOpen('MANAGER', routeFor('/admin/platforms/review')!)).toBe(true);
  expect(mayOpen('STAFF', routeFor('/admin/platforms/review')!)).toBe(false);
  expect(mayOpen('MANAGER', routeFor('/admin/platforms/3f2a')!)).toBe(false);
  // Its tab alone is current on it, not "Platforms" as well.
  expect(adminTabs('ADMIN').find((t) => t.label === 'Platforms')?.activeExcept).toEqual(['/admin/platforms/review']);
  expect(adminTabs('ADMIN').find((t) => t.label === 'Order review')?.activeExcept).toEqual([]);
});

describe('path matching', () => {
  it('matches params and rejects different shapes', () => {
    expect(matchPath('/designer/:id', '/designer/9f1c')).toEqual({ id: '9f1c' });
    expect(matchPath('/designer/:id', '/designer')).toBeNull();
    expect(matchPath('/admin', '/admin/stations')).toBeNull();
    expect(matchPath('/designer/:id', '/designer/a%20b')).toEqual({ id: 'a b' });
  });
});
