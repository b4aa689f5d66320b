import type { ApiClient } from './api-client';
import { ORDER_RESULT, type OrderResult } from './queries';
import { setTimeout as sleep } from 'node:timers/promises';

/** Orders per request: `orders`' default page, well inside the query cost limit (api/graphql/query-cost.ts counts an order at all it loads). */
const PAGE = 50;

/** Ids of the tenant's orders still in the kitchen (NEW or PREPARING), every page of them. */
export async function openOrderIds(api: ApiClient): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let offset = 0; ; offset += PAGE) {
    const data = await api.request<{ orders: Array<{ id: string }> }>(
      `query Open($limit: Int, $offset: Int) { orders(status: [NEW, PREPARING], limit: $limit, offset: $offset) { id } }`,
      { limit: PAGE, offset },
    );
    for (const o of data.orders) ids.add(o.id);
    if (data.orders.length < PAGE) return ids;
  }
}

/** Waits until none of `ids` is open any more, or `deadline` (wall ms) passes, or `stop()` says so. */
export async function waitForDrain(api: ApiClient, ids: string[], deadline: number, stop: () => boolean): Promise<boolean> {
  while (Date.now() < deadline && !stop()) {
    const open = await openOrderIds(api).catch(() => null);
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
