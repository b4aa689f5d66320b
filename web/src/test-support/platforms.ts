import { ApiError } from '../api/errors';
import { fakeApi } from './fake-api';
import type { Assignment, PickableDish, Platform, ReviewOrder, SyncLogRow } from '../admin/platforms/platform-api';

/**
 * An in-memory tenant answering the platform pages' GraphQL documents, for jsdom component tests
 * (no browser can reach the real server here). It records every call so tests can assert what the
 * screen sent. The real server, socket and workflows are driven by e2e/platforms.test.ts.
 */
export const PLATFORM_ID = '11111111-1111-4111-8111-111111111111';

export function platform(over: Partial<Platform> = {}): Platform {
  return {
    id: PLATFORM_ID,
    name: 'Sandbox Marketplace',
    type: 'DELIVERY',
    connector: 'generic-rest',
    config: { baseUrl: 'http://127.0.0.1:9/' },
    isActive: true,
    storeStatus: 'online',
    busyExtraMinutes: 0,
    createdAt: '2026-11-20T10:00:00.000Z',
    ...over,
  };
}

export function assignment(name: string, over: Partial<Assignment> = {}): Assignment {
  const menuItemId = `dish-${name.toLowerCase().replace(/\W+/g, '-')}`;
  return {
    id: `a-${menuItemId}`,
    menuItemId,
    menuItemName: name,
    platformProductId: `brigade-${menuItemId}`,
    platformName: null,
    platformPrice: null,
    isAvailable: true,
    availableFrom: null,
    availableTo: null,
    availableDays: [1, 2, 3, 4, 5, 6, 7],
    syncStatus: 'PENDING',
    syncError: null,
    lastSyncedAt: null,
    ...over,
  };
}

export const dish = (name: string, over: Partial<PickableDish> = {}): PickableDish => ({
  id: `dish-${name.toLowerCase().replace(/\W+/g, '-')}`,
  name,
  category: 'Pizza',
  price: '9.50',
  isAvailable: true,
  ...over,
});

type Op =
  | 'platforms'
  | 'platformAssignments'
  | 'platformSyncLogs'
  | 'platformReviewQueue'
  | 'menuItems'
  | 'createPlatform'
  | 'setPlatformStoreStatus'
  | 'assignPlatformProducts'
  | 'unassignPlatformProducts'
  | 'resyncPlatform'
  | 'resolvePlatformOrder'
  | 'updatePlatformAssignment';

const OPS: Op[] = [
  'updatePlatformAssignment',
  'platformAssignments',
  'platformSyncLogs',
  'platformReviewQueue',
  'createPlatform',
  'setPlatformStoreStatus',
  'assignPlatformProducts',
  'unassignPlatformProducts',
  'resyncPlatform',
  'resolvePlatformOrder',
  'platforms',
  'menuItems',
];

export function fakePlatformApi(
  initial: { platforms?: Platform[]; assignments?: Assignment[]; logs?: SyncLogRow[]; queue?: ReviewOrder[]; dishes?: PickableDish[] } = {},
) {
  const state = {
    platforms: initial.platforms ?? [platform()],
    assignments: initial.assignments ?? [],
    logs: initial.logs ?? [],
    queue: initial.queue ?? [],
    dishes: initial.dishes ?? [],
    calls: [] as Array<{ op: Op; variables: Record<string, unknown> }>,
    /** The next mutation fails with this error (as the server would answer). */
    failNext: null as ApiError | null,
    runs: 0,
  };
  const api = fakeApi(async (query, variables) => {
    await Promise.resolve();
    // The operation is the first root field of the document (longest names checked first).
    const op = OPS.find((o) => new RegExp(`[{\\s]${o}\\s*[({]`).test(query));
    if (!op) throw new Error(`fake platform API: unknown document ${query}`);
    state.calls.push({ op, variables });
    if (query.trimStart().startsWith('mutation') && state.failNext) {
      const err = state.failNext;
      state.failNext = null;
      throw err;
    }
    return answer(state, op, variables);
  });
  const callsOf = (op: Op) => state.calls.filter((c) => c.op === op);
  return { api, state, callsOf };
}

function answer(state: ReturnType<typeof fakePlatformApi>['state'], op: Op, v: Record<string, unknown>): unknown {
  const ids = (v.menuItemIds as string[] | null) ?? [];
  switch (op) {
    case 'platforms':
      return { platforms: state.platforms };
    case 'platformAssignments':
      return { platformAssignments: state.assignments };
    case 'platformSyncLogs':
      return { platformSyncLogs: state.logs.slice(0, Number(v.limit ?? 50)) };
    case 'platformReviewQueue':
      return { platformReviewQueue: state.queue };
    case 'menuItems':
      return { menuItems: state.dishes };
    case 'resyncPlatform':
      return { resyncPlatform: `platform-menu-sync-${v.platformId}-run-${++state.runs}` };
    case 'unassignPlatformProducts':
      state.assignments = state.assignments.filter((a) => !ids.includes(a.menuItemId));
      return { unassignPlatformProducts: ids.length };
    case 'assignPlatformProducts': {
      const added = state.dishes.filter((d) => ids.includes(d.id) && !state.assignments.some((a) => a.menuItemId === d.id));
      state.assignments = [...state.assignments, ...added.map((d) => assignment(d.name))];
      return { assignPlatformProducts: added.length };
    }
    case 'setPlatformStoreStatus': {
      const status = v.status as Platform['storeStatus'];
      state.platforms = state.platforms.map((p) =>
        p.id === v.platformId ? { ...p, storeStatus: status, busyExtraMinutes: status === 'busy' ? Number(v.extraMinutes ?? 15) : 0 } : p,
      );
      return { setPlatformStoreStatus: state.platforms.find((p) => p.id === v.platformId) };
    }
    case 'createPlatform': {
      const created = platform({ id: `p-${state.platforms.length + 1}`, name: String((v.input as { name: string }).name) });
      state.platforms = [...state.platforms, created];
      return { createPlatform: created };
    }
    case 'updatePlatformAssignment': {
      // Like the server: the row is pushed to the platform again, so it waits as PENDING.
      const input = v.input as Partial<Assignment>;
      const found = state.assignments.find((a) => a.id === v.id);
      if (!found) throw new ApiError('Platform assignment not found', 'NOT_FOUND');
      const updated: Assignment = { ...found, ...input, syncStatus: 'PENDING', syncError: null };
      state.assignments = state.assignments.map((a) => (a.id === found.id ? updated : a));
      return { updatePlatformAssignment: updated };
    }
    case 'resolvePlatformOrder': {
      const input = v.input as { platformOrderId: string };
      state.queue = state.queue.filter((o) => o.id !== input.platformOrderId);
      return { resolvePlatformOrder: { id: input.platformOrderId, status: 'accepted', needsReview: false } };
    }
  }
}
