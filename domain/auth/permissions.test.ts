import { readFileSync } from 'node:fs';
import path from 'node:path';
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

it('grants nothing to unknown or missing roles', () => {
  expect(can('SUPERUSER', 'stations:read')).toBe(false);
  expect(can(undefined, 'stations:read')).toBe(false);
  expect(can('', 'orders:read')).toBe(false);
});

it('matches the table in docs/permissions.md cell by cell', () => {
  const doc = readFileSync(path.join(__dirname, '..', '..', 'docs', 'permissions.md'), 'utf8');
  const section = doc.split('## Matrix')[1].split('\n## ')[0];
  const rows = section.split('\n').filter((line) => line.startsWith('| `'));
  const header = section.split('\n').find((line) => line.startsWith('| Permission'))!;
  const roles = header
    .split('|')
    .map((c) => c.trim())
    .filter(Boolean)
    .slice(1);
  expect(roles).toEqual([...ROLES]);

  const documented: Record<string, string[]> = Object.fromEntries(ROLES.map((r) => [r, []]));
  for (const row of rows) {
    const [perm, ...cells] = row
      .split('|')
      .map((c) => c.trim())
      .filter(Boolean);
    cells.forEach((cell, i) => {
      if (cell === '✅') documented[roles[i]].push(perm.replace(/`/g, ''));
    });
  }
  expect(rows.map((r) => r.split('`')[1])).toEqual([...PERMISSIONS]);
  for (const role of ROLES) expect(documented[role]).toEqual([...ROLE_PERMISSIONS[role]]);
});
