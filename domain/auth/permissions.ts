/**
 * Who may do what. Pure data + one function, no framework imports: the API enforces it
 * (api/graphql/builder.ts scope-auth), the web apps use it to hide actions a role cannot take,
 * and docs/permissions.md is the human-readable copy of the same matrix (a test keeps them equal).
 */
export const ROLES = ['OWNER', 'ADMIN', 'MANAGER', 'STAFF', 'OPERATOR', 'DELIVERY'] as const;
export type RoleName = (typeof ROLES)[number];

export const PERMISSIONS = [
  'stations:read',
  'stations:write',
  'menu:read',
  'menu:write',
  'recipes:read',
  'recipes:write',
  'recipes:publish',
  'inventory:read',
  'inventory:write',
  'orders:read',
  'orders:write',
  'orders:handoff',
  'tasks:work',
  'users:manage',
  'audit:read',
  'analytics:read',
  'platforms:manage',
  'platforms:review',
  'deliveries:work',
  'deliveries:dispatch',
  'deliveries:configure',
  'boards:manage',
  'shifts:manage',
  'eta:what-if',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const ALL: readonly Permission[] = PERMISSIONS;

/** Managers run the kitchen (platform orders held for review included) but neither hire/fire nor connect delivery platforms. */
const MANAGER: readonly Permission[] = PERMISSIONS.filter((p) => p !== 'users:manage' && p !== 'platforms:manage');

export const ROLE_PERMISSIONS: Readonly<Record<RoleName, readonly Permission[]>> = {
  OWNER: ALL,
  ADMIN: ALL,
  MANAGER,
  // Kitchen staff: sees what to cook and where, works KDS tasks, sees orders on the board, hands them over at the pass.
  STAFF: ['stations:read', 'menu:read', 'recipes:read', 'orders:read', 'orders:handoff', 'tasks:work'],
  // Phone / front of house: takes orders, reads menu, stations and ETA (ETA is part of orders),
  // hands them over, and sends the riders out.
  OPERATOR: ['stations:read', 'menu:read', 'orders:read', 'orders:write', 'orders:handoff', 'deliveries:dispatch'],
  // Riders: their own deliveries only (what a rider needs of each order comes with the delivery),
  // no order list, no other customer's phone, no kitchen events.
  DELIVERY: ['deliveries:work'],
};

const LOOKUP: ReadonlyMap<string, ReadonlySet<Permission>> = new Map(Object.entries(ROLE_PERMISSIONS).map(([role, perms]) => [role, new Set(perms)]));

/** Unknown roles get nothing: an old or forged role string must never widen access. */
export function can(role: string | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return LOOKUP.get(role)?.has(permission) ?? false;
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}
