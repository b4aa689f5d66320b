import type { SyncStatusName } from '../../../../contracts/socket-events';
import { graphql, type ResultOf } from '../../api/graphql';

/** Delivery platforms, their dishes, sync history and review queue (api/graphql/schema/platform.ts). */

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

export const PLATFORMS_QUERY = graphql(`
  query Platforms {
    platforms {
      id
      name
      type
      connector
      config
      isActive
      storeStatus
      busyExtraMinutes
      createdAt
    }
  }
`);
export type Platform = ResultOf<typeof PLATFORMS_QUERY>['platforms'][number];
export type PlatformType = Platform['type'];
/** What setPlatformStoreStatus accepts; `storeStatus` itself is a plain String in the schema. */
export type StoreStatus = 'online' | 'paused' | 'busy';

/** The connector's base URL from `config` (JSON: connector settings, no secrets), when it has one. */
export function baseUrlOf(platform: Pick<Platform, 'config'>): string | undefined {
  const config = platform.config;
  return config && typeof config === 'object' && 'baseUrl' in config && typeof config.baseUrl === 'string' ? config.baseUrl : undefined;
}

// platformPrice: a Decimal string, null when the menu price is used; availableFrom/To: HH:MM, both
// or neither (null: all day); availableDays: ISO weekdays, 1 = Mon … 7 = Sun.
export const ASSIGNMENTS_QUERY = graphql(`
  query PlatformAssignments($platformId: ID!) {
    platformAssignments(platformId: $platformId) {
      id
      menuItemId
      menuItemName
      platformProductId
      platformName
      platformPrice
      isAvailable
      availableFrom
      availableTo
      availableDays
      syncStatus
      syncError
      lastSyncedAt
    }
  }
`);
export type Assignment = ResultOf<typeof ASSIGNMENTS_QUERY>['platformAssignments'][number];

export const SYNC_LOGS_QUERY = graphql(`
  query PlatformSyncLogs($platformId: ID!, $limit: Int) {
    platformSyncLogs(platformId: $platformId, limit: $limit) {
      id
      kind
      status
      entityType
      entityId
      attempts
      error
      createdAt
    }
  }
`);
export type SyncLogRow = ResultOf<typeof SYNC_LOGS_QUERY>['platformSyncLogs'][number];

export const REVIEW_QUERY = graphql(`
  query PlatformReviewQueue {
    platformReviewQueue {
      id
      platformId
      platformName
      platformOrderId
      status
      reviewReason
      acceptDeadline
      createdAt
      unknownItems {
        platformItemId
        name
        quantity
      }
    }
  }
`);
export type ReviewOrder = ResultOf<typeof REVIEW_QUERY>['platformReviewQueue'][number];
export type UnknownItem = ReviewOrder['unknownItems'][number];

export const DISHES_QUERY = graphql(`
  query PlatformDishPicker {
    menuItems(includeUnavailable: true) {
      id
      name
      category
      price
      isAvailable
    }
  }
`);
export type PickableDish = ResultOf<typeof DISHES_QUERY>['menuItems'][number];

export const CREATE_PLATFORM = graphql(`
  mutation CreatePlatform($input: CreatePlatformInput!) {
    createPlatform(input: $input) {
      id
      name
    }
  }
`);

export const SET_STORE_STATUS = graphql(`
  mutation SetPlatformStoreStatus($platformId: ID!, $status: String!, $extraMinutes: Int) {
    setPlatformStoreStatus(platformId: $platformId, status: $status, extraMinutes: $extraMinutes) {
      id
      storeStatus
      busyExtraMinutes
    }
  }
`);

export const ASSIGN_PRODUCTS = graphql(`
  mutation AssignPlatformProducts($platformId: ID!, $menuItemIds: [ID!]!) {
    assignPlatformProducts(platformId: $platformId, menuItemIds: $menuItemIds)
  }
`);

export const UNASSIGN_PRODUCTS = graphql(`
  mutation UnassignPlatformProducts($platformId: ID!, $menuItemIds: [ID!]!) {
    unassignPlatformProducts(platformId: $platformId, menuItemIds: $menuItemIds)
  }
`);

export const UPDATE_ASSIGNMENT = graphql(`
  mutation UpdatePlatformAssignment($id: ID!, $input: UpdatePlatformAssignmentInput!) {
    updatePlatformAssignment(id: $id, input: $input) {
      id
      platformName
      platformPrice
      isAvailable
      availableFrom
      availableTo
      availableDays
      syncStatus
    }
  }
`);

export const RESYNC_PLATFORM = graphql(`
  mutation ResyncPlatform($platformId: ID!, $menuItemIds: [ID!]) {
    resyncPlatform(platformId: $platformId, menuItemIds: $menuItemIds)
  }
`);

export const RESOLVE_PLATFORM_ORDER = graphql(`
  mutation ResolvePlatformOrder($input: ResolvePlatformOrderInput!) {
    resolvePlatformOrder(input: $input) {
      id
      status
      needsReview
    }
  }
`);

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
