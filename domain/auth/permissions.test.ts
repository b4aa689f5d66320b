import { readPermissionDocs } from '../../test/support/security/permission-docs';
import { can, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from './permissions';

it('gives owners and admins every permission', () => {
  for (const perm of PERMISSIONS) {
    expect(can('OWNER', perm)).toBe(true);
    expect(can('ADMIN', perm)).toBe(true);
  }
});

it('lets managers do everything except managing users and delivery platforms', () => {
  expect(PERMISSIONS.filter((p) => !can('MANAGER', p))).toEqual(['users:manage', 'platforms:manage']);
});

it('lets managers, not the kitchen floor, work the platform review queue', () => {
  expect(ROLES.filter((r) => can(r, 'platforms:review'))).toEqual(['OWNER', 'ADMIN', 'MANAGER']);
});

it('keeps kitchen staff, operators and riders to their jobs', () => {
  expect(can('STAFF', 'tasks:work')).toBe(true);
  expect(can('STAFF', 'recipes:read')).toBe(true);
  expect(can('STAFF', 'stations:write')).toBe(false);
  expect(can('OPERATOR', 'orders:write')).toBe(true);
  expect(can('OPERATOR', 'menu:read')).toBe(true);
  expect(can('OPERATOR', 'tasks:work')).toBe(false);
  expect(can('DELIVERY', 'deliveries:work')).toBe(true);
  expect(can('DELIVERY', 'menu:read')).toBe(false);
});

it('lets managers and up, nobody on the floor, set up the pickup board screens', () => {
  expect(ROLES.filter((r) => can(r, 'boards:manage'))).toEqual(['OWNER', 'ADMIN', 'MANAGER']);
});

it('gives riders their deliveries and nothing else: no order list, no dispatching', () => {
  expect(ROLE_PERMISSIONS.DELIVERY).toEqual(['deliveries:work']);
  expect(ROLES.filter((r) => can(r, 'deliveries:dispatch'))).toEqual(['OWNER', 'ADMIN', 'MANAGER', 'OPERATOR']);
  expect(ROLES.filter((r) => can(r, 'deliveries:configure'))).toEqual(['OWNER', 'ADMIN', 'MANAGER']);
});

it('grants nothing to unknown or missing roles', () => {
  expect(can('SUPERUSER', 'stations:read')).toBe(false);
  expect(can(undefined, 'stations:read')).toBe(false);
  expect(can('', 'orders:read')).toBe(false);
});

it('matches the table in docs/permissions.md cell by cell', () => {
  const { roles, matrix } = readPermissionDocs();
  expect(roles).toEqual([...ROLES]);
  expect([...matrix.keys()]).toEqual([...PERMISSIONS]);
  for (const role of ROLES) {
    const documented = [...matrix].filter(([, holders]) => holders.has(role)).map(([permission]) => permission);
    expect([role, documented]).toEqual([role, [...ROLE_PERMISSIONS[role]]]);
  }
});
