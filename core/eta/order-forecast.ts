import type { KitchenActivities } from '../../contracts/kitchen-activities';
import type { EtaRuns } from './eta-runs';

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined || !Number.isFinite(ms) ? null : new Date(ms).toISOString());

/**
 * What the order workflow re-paces from: a run computed after the ask (shared with every
 * transition that asked meanwhile), read for one order's open items. The planned start is the
 * one the simulation assumed (its item's first tasks), so the order measures leads against it.
 */
export function createOrderForecastActivities(runs: EtaRuns): Pick<KitchenActivities, 'forecastOrderItems'> {
  return {
    async forecastOrderItems({ tenantId, orderId }) {
      const { state, result } = await runs.request(tenantId, 'repace');
      const firstStart = new Map<string, number>();
      for (const task of state.tasks) {
        if (state.items.get(task.orderItemId)?.orderId !== orderId || task.notBefore === null || task.notBefore === undefined) continue;
        firstStart.set(task.orderItemId, Math.min(firstStart.get(task.orderItemId) ?? Infinity, task.notBefore));
      }
      const items = [...state.items.values()]
        .filter((item) => item.orderId === orderId)
        .map((item) => ({ orderItemId: item.id, readyAt: iso(result.itemReady[item.id]), plannedStartAt: iso(firstStart.get(item.id)) }));
      return { at: new Date(state.now).toISOString(), items };
    },
  };
}
