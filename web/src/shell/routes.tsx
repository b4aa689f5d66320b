import { lazy, type ReactNode } from 'react';
import type { Permission } from '../../../domain/auth/permissions';
import type { RoleName } from '../../../contracts/socket-events';
import { allowed } from '../auth/roles';
import type { Catalog } from '../i18n/locales/en';

// Screens load on demand: a cook's tablet never downloads the designer's graph editor.
const KdsPage = lazy(() => import('../kds/KdsPage').then((m) => ({ default: m.KdsPage })));
const ConsolePage = lazy(() => import('../console/ConsolePage').then((m) => ({ default: m.ConsolePage })));
const OrderDetailPage = lazy(() => import('../orders/OrderDetailPage').then((m) => ({ default: m.OrderDetailPage })));
const ActiveOrdersPage = lazy(() => import('../orders/ActiveOrdersPage').then((m) => ({ default: m.ActiveOrdersPage })));
const DashboardPage = lazy(() => import('../admin/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const StationsPage = lazy(() => import('../admin/stations/StationsPage').then((m) => ({ default: m.StationsPage })));
const MenuPage = lazy(() => import('../admin/menu/MenuPage').then((m) => ({ default: m.MenuPage })));
const InventoryPage = lazy(() => import('../admin/inventory/InventoryPage').then((m) => ({ default: m.InventoryPage })));
const PlatformsPage = lazy(() => import('../admin/platforms/PlatformsPage').then((m) => ({ default: m.PlatformsPage })));
const PlatformDetailPage = lazy(() => import('../admin/platforms/PlatformDetailPage').then((m) => ({ default: m.PlatformDetailPage })));
const ReviewQueuePage = lazy(() => import('../admin/platforms/ReviewQueuePage').then((m) => ({ default: m.ReviewQueuePage })));
const BoardScreensPage = lazy(() => import('../admin/boards/BoardScreensPage').then((m) => ({ default: m.BoardScreensPage })));
const UsersPage = lazy(() => import('../admin/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const ShiftsPage = lazy(() => import('../admin/shifts/ShiftsPage').then((m) => ({ default: m.ShiftsPage })));
const WhatIfPage = lazy(() => import('../admin/what-if/WhatIfPage').then((m) => ({ default: m.WhatIfPage })));
const AuditLogPage = lazy(() => import('../admin/audit/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));
const RecipeListPage = lazy(() => import('../designer/RecipeListPage').then((m) => ({ default: m.RecipeListPage })));
const ChangePasswordPage = lazy(() => import('../auth/ChangePasswordPage').then((m) => ({ default: m.ChangePasswordPage })));
const DispatchPage = lazy(() => import('../delivery/DispatchPage').then((m) => ({ default: m.DispatchPage })));
const RiderPage = lazy(() => import('../delivery/RiderPage').then((m) => ({ default: m.RiderPage })));
const DesignerPage = lazy(() => import('../designer/DesignerPage').then((m) => ({ default: m.DesignerPage })));

export interface RouteDef {
  pattern: string;
  /** Its title and nav label in the catalog (routes.<key>); `title` and `nav` are the English ones. */
  key: keyof Catalog['routes'];
  title: string;
  /** The API permission the screen needs (null: any signed-in user); the nav and the router both check it. */
  permission: Permission | null;
  /** Shown in the nav under this label; routes without it are reached by links only. */
  nav?: string;
  /** Admin pages share one "Admin" entry in the top bar and a tab bar of their own. */
  group?: 'admin';
  render: (params: Record<string, string>) => ReactNode;
}

export const ADMIN_PREFIX = '/admin/';

export function mayOpen(role: RoleName, route: RouteDef): boolean {
  return route.permission === null || allowed(role, route.permission);
}

/** Linked from the top bar, next to Sign out. */
export const CHANGE_PASSWORD_PATH = '/account/password';

export const ROUTES: RouteDef[] = [
  { pattern: '/admin', key: 'dashboard', title: 'Dashboard', nav: 'Dashboard', permission: 'analytics:read', render: () => <DashboardPage /> },
  { pattern: '/kds', key: 'kds', title: 'Kitchen display', nav: 'KDS', permission: 'tasks:work', render: () => <KdsPage /> },
  { pattern: '/console', key: 'console', title: 'ETA console', nav: 'Phone orders', permission: 'orders:write', render: () => <ConsolePage /> },
  { pattern: '/orders', key: 'orders', title: 'Active orders', nav: 'Orders', permission: 'orders:read', render: () => <ActiveOrdersPage /> },
  { pattern: '/orders/:id', key: 'order', title: 'Order', permission: 'orders:read', render: (p) => <OrderDetailPage key={p.id} orderId={p.id} /> },
  { pattern: '/dispatch', key: 'dispatch', title: 'Dispatch', nav: 'Dispatch', permission: 'deliveries:dispatch', render: () => <DispatchPage /> },
  // The DELIVERY role's home (no nav entry: managers may work deliveries too, but dispatch them).
  { pattern: '/rider', key: 'rider', title: 'My deliveries', permission: 'deliveries:work', render: () => <RiderPage /> },
  { pattern: '/designer', key: 'recipes', title: 'Recipes', nav: 'Recipes', permission: 'recipes:write', render: () => <RecipeListPage /> },
  {
    pattern: '/designer/:id',
    key: 'designer',
    title: 'Workflow designer',
    permission: 'recipes:write',
    render: (p) => <DesignerPage templateId={p.id} />,
  },
  {
    pattern: '/admin/stations',
    key: 'stations',
    group: 'admin',
    title: 'Stations',
    nav: 'Stations',
    permission: 'stations:write',
    render: () => <StationsPage />,
  },
  { pattern: '/admin/menu', key: 'menu', group: 'admin', title: 'Menu', nav: 'Menu', permission: 'menu:write', render: () => <MenuPage /> },
  {
    pattern: '/admin/platforms',
    key: 'platforms',
    group: 'admin',
    title: 'Platforms',
    nav: 'Platforms',
    permission: 'platforms:manage',
    render: () => <PlatformsPage />,
  },
  // Before '/admin/platforms/:id', which would otherwise take "review" for a platform id.
  {
    pattern: '/admin/platforms/review',
    key: 'review',
    group: 'admin',
    title: 'Platform orders to review',
    nav: 'Order review',
    permission: 'platforms:review',
    render: () => <ReviewQueuePage />,
  },
  {
    pattern: '/admin/platforms/:id',
    key: 'platform',
    group: 'admin',
    title: 'Platform',
    permission: 'platforms:manage',
    render: (p) => <PlatformDetailPage platformId={p.id} />,
  },
  {
    pattern: '/admin/inventory',
    key: 'inventory',
    group: 'admin',
    title: 'Inventory',
    nav: 'Inventory',
    permission: 'inventory:write',
    render: () => <InventoryPage />,
  },
  {
    pattern: '/admin/boards',
    key: 'boards',
    group: 'admin',
    title: 'Pickup boards',
    nav: 'Pickup boards',
    permission: 'boards:manage',
    render: () => <BoardScreensPage />,
  },
  { pattern: '/admin/shifts', key: 'shifts', group: 'admin', title: 'Shifts', nav: 'Shifts', permission: 'shifts:manage', render: () => <ShiftsPage /> },
  { pattern: '/admin/what-if', key: 'whatIf', group: 'admin', title: 'What-if', nav: 'What-if', permission: 'eta:what-if', render: () => <WhatIfPage /> },
  { pattern: '/admin/users', key: 'users', group: 'admin', title: 'Users', nav: 'Users', permission: 'users:manage', render: () => <UsersPage /> },
  { pattern: CHANGE_PASSWORD_PATH, key: 'account', title: 'Change password', permission: null, render: () => <ChangePasswordPage /> },
  { pattern: '/admin/audit', key: 'audit', group: 'admin', title: 'Audit log', nav: 'Audit log', permission: 'audit:read', render: () => <AuditLogPage /> },
];
