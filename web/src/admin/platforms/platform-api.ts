import type { SyncStatusName } from '../../../../contracts/socket-events';

/** Delivery platforms, their dishes, sync history and review queue (api/graphql/schema/platform.ts). */
export type PlatformType = 'DELIVERY' | 'ONLINE' | 'KIOSK' | 'POS';
export type StoreStatus = 'online' | 'paused' | 'busy';

export interface Platform {
  id: string;
  name: string;
  type: PlatformType;
  connector: string;
  config: { baseUrl?: string; timeoutMs?: number } | null;
  isActive: boolean;
  storeStatus: StoreStatus;
  busyExtraMinutes: number;
  createdAt: string;
}

export interface Assignment {
  id: string;
  menuItemId: string;
  menuItemName: string;
  platformProductId: string | null;
  platformName: string | null;
  /** Decimal as a string; null means the menu price is used. */
  platformPrice: string | null;
  isAvailable: boolean;
  /** HH:MM, both or neither; null means all day. */
  availableFrom: string | null;
  availableTo: string | null;
  /** ISO weekdays, 1 = Mon … 7 = Sun. */
  availableDays: number[];
  syncStatus: SyncStatusName;
  syncError: string | null;
  lastSyncedAt: string | null;
}

export interface SyncLogRow {
  id: string;
  kind: string;
  status: string;
  entityType: string | null;
  entityId: string | null;
  attempts: number;
  error: string | null;
  createdAt: string;
}

export interface UnknownItem {
  platformItemId: string;
  name: string | null;
  quantity: number;
}

export interface ReviewOrder {
  id: string;
  platformId: string;
  platformOrderId: string;
  status: string;
  reviewReason: string | null;
  createdAt: string;
  unknownItems: UnknownItem[];
}

export interface PickableDish {
  id: string;
  name: string;
  category: string | null;
  price: string;
  isAvailable: boolean;
}

// Everything lives under 'platforms': one invalidation after a mutation or a finished sync run
// refreshes the list counts, the assignments, the history and the review queue together.
export const PLATFORMS_KEY = ['platforms'] as const;
export const platformsListKey = ['platforms', 'list'] as const;
export const assignmentsKey = (platformId: string) => ['platforms', platformId, 'assignments'] as const;
export const syncLogsKey = (platformId: string, limit: number) => ['platforms', platformId, 'logs', limit] as const;
export const REVIEW_KEY = ['platforms', 'review'] as const;
/** The review queue follows `platform:order` events; this slow poll only covers a socket that was down. */
export const REVIEW_POLL_MS = 60_000;
// Under 'menu' so menu:updated (live-cache.ts) refreshes the picker too.
export const DISHES_KEY = ['menu', 'platform-picker'] as const;

export const PLATFORMS_QUERY = `query Platforms {
  platforms { id name type connector config isActive storeStatus busyExtraMinutes createdAt }
}`;

export const ASSIGNMENTS_QUERY = `query PlatformAssignments($platformId: ID!) {
  platformAssignments(platformId: $platformId) {
    id menuItemId menuItemName platformProductId platformName platformPrice isAvailable availableFrom availableTo availableDays syncStatus syncError lastSyncedAt
  }
}`;

export const SYNC_LOGS_QUERY = `query PlatformSyncLogs($platformId: ID!, $limit: Int) {
  platformSyncLogs(platformId: $platformId, limit: $limit) { id kind status entityType entityId attempts error createdAt }
}`;

export const REVIEW_QUERY = `query PlatformReviewQueue {
  platformReviewQueue { id platformId platformOrderId status reviewReason createdAt unknownItems { platformItemId name quantity } }
}`;

export const DISHES_QUERY = `query PlatformDishPicker { menuItems(includeUnavailable: true) { id name category price isAvailable } }`;

export const CREATE_PLATFORM = `mutation CreatePlatform($input: CreatePlatformInput!) {
  createPlatform(input: $input) { id name }
}`;

export const SET_STORE_STATUS = `mutation SetPlatformStoreStatus($platformId: ID!, $status: String!, $extraMinutes: Int) {
  setPlatformStoreStatus(platformId: $platformId, status: $status, extraMinutes: $extraMinutes) { id storeStatus busyExtraMinutes }
}`;

export const ASSIGN_PRODUCTS = `mutation AssignPlatformProducts($platformId: ID!, $menuItemIds: [ID!]!) {
  assignPlatformProducts(platformId: $platformId, menuItemIds: $menuItemIds)
}`;

export const UNASSIGN_PRODUCTS = `mutation UnassignPlatformProducts($platformId: ID!, $menuItemIds: [ID!]!) {
  unassignPlatformProducts(platformId: $platformId, menuItemIds: $menuItemIds)
}`;

export const UPDATE_ASSIGNMENT = `mutation UpdatePlatformAssignment($id: ID!, $input: UpdatePlatformAssignmentInput!) {
  updatePlatformAssignment(id: $id, input: $input) { id platformName platformPrice isAvailable availableFrom availableTo availableDays syncStatus }
}`;

export const RESYNC_PLATFORM = `mutation ResyncPlatform($platformId: ID!, $menuItemIds: [ID!]) {
  resyncPlatform(platformId: $platformId, menuItemIds: $menuItemIds)
}`;

export const RESOLVE_PLATFORM_ORDER = `mutation ResolvePlatformOrder($input: ResolvePlatformOrderInput!) {
  resolvePlatformOrder(input: $input) { id status needsReview }
}`;

export const PLATFORM_TYPE_LABEL: Record<PlatformType, string> = {
  DELIVERY: 'Delivery marketplace',
  ONLINE: 'Online shop',
  KIOSK: 'Kiosk',
  POS: 'Point of sale',
};

// Mirrors CONNECTOR_KINDS in platforms/connectors.ts (a server module the browser cannot import).
export const CONNECTOR_LABEL: Record<string, string> = { 'generic-rest': 'Generic REST + webhooks' };

export const SYNC_STATUSES: SyncStatusName[] = ['PENDING', 'SYNCED', 'FAILED'];
export const STATUS_BADGE: Record<SyncStatusName, string> = { SYNCED: 'badge--ok', PENDING: 'badge--warning', FAILED: 'badge--error' };

export function countByStatus(assignments: Assignment[]): Record<SyncStatusName, number> {
  const counts: Record<SyncStatusName, number> = { PENDING: 0, SYNCED: 0, FAILED: 0 };
  for (const a of assignments) counts[a.syncStatus]++;
  return counts;
}

export const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString([], { dateStyle: 'short', timeStyle: 'short' }) : null);
