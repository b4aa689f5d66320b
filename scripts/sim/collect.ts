import type { ApiClient } from './api-client';
import { ORDER_RESULT, type OrderResult } from './queries';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Ids of the tenant's orders still in the kitchen (NEW or PREPARING), newest first, up to `limit`. */
export async function openOrderIds(api: ApiClient, limit = 200): Promise<Set<string>> {
  const data = await api.request<{ orders: Array<{ id: string }> }>(
    `query Open($limit: Int) { orders(status: [NEW, PREPARING], limit: $limit) { id } }`,
    { limit },
  );
  return new Set(data.orders.map((o) => o.id));
}

/** Waits until none of `ids` is open any more, or `deadline` (wall ms) passes, or `stop()` says so. */
export async function waitForDrain(api: ApiClient, ids: string[], deadline: number, stop: () => boolean): Promise<boolean> {
  while (Date.now() < deadline && !stop()) {
    const open = await openOrderIds(api, 500).catch(() => null);
    if (open && !ids.some((id) => open.has(id))) return true;
    await sleep(Math.min(2_000, Math.max(0, deadline - Date.now())));
  }
  return false;
}

/** Every order's final state, a few requests at a time. */
export async function fetchResults(api: ApiClient, ids: string[], concurrency = 4): Promise<OrderResult[]> {
  const results: OrderResult[] = [];
  let next = 0;
  const worker = async () => {
    while (next < ids.length) {
      const id = ids[next++];
      const { order } = await api.request<{ order: OrderResult }>(ORDER_RESULT, { id });
      results.push(order);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return results;
}
