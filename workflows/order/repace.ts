import { log, proxyLocalActivities } from '@temporalio/workflow';
import type { KitchenActivities, OrderForecast } from '../../contracts/kitchen-activities';
import { URGENT_PRIORITY } from '../../domain/eta/pacing';
import { LOCAL_FORECAST } from '../support/activity-profiles';
import type { OrderItemTrack, OrderModel } from './model';

const { forecastOrderItems } = proxyLocalActivities<KitchenActivities>(LOCAL_FORECAST);

/** Orders from before re-pacing keep the fire times planned at the counter. */
export const REPACE_PATCH = 'order-repaces-from-live-progress';

/**
 * How long before a waiting item's fire time the order looks at the forecast once more, with no
 * progress heard (an anchor nobody picked up runs late silently): a tenth of the item's path,
 * between 1 and 30 s, so the check lands before the item fires on its own timer.
 */
export function repaceLookaheadMs(item: Pick<OrderItemTrack, 'criticalPathMinutes'>): number {
  return Math.min(30_000, Math.max(1_000, item.criticalPathMinutes * 6_000));
}

/**
 * When the order re-paces (the decision itself is OrderActions.repace, from domain/eta/pacing.ts
 * replanFireTimes): on progress its items report (a start, a completed task, an item settled),
 * and once per fire time shortly before it. State-derived, so it replays.
 */
export class OrderRepacer {
  /** The fire time each waiting item was last checked ahead of, by the look-ahead timer. */
  private checkedFor = new Map<string, string>();

  constructor(
    private readonly tenantId: string,
    private readonly model: OrderModel,
  ) {}

  private waiting(now: number): OrderItemTrack[] {
    return [...this.model.items.values()].filter((i) => i.status === 'WAITING' && i.fireAt !== null && Date.parse(i.fireAt) > now);
  }

  private checkAt(item: OrderItemTrack): number | null {
    if (this.checkedFor.get(item.orderItemId) === item.fireAt) return null;
    return Date.parse(item.fireAt!) - repaceLookaheadMs(item);
  }

  due(now: number): boolean {
    if (this.model.priority >= URGENT_PRIORITY) return false; // setPriority fires everything
    const waiting = this.waiting(now);
    if (waiting.length === 0) this.model.repaceAsked = false;
    return waiting.length > 0 && (this.model.repaceAsked || waiting.some((i) => (this.checkAt(i) ?? Infinity) <= now));
  }

  /** Milliseconds until the next look-ahead check, or undefined when none is due. */
  sleepMs(now: number): number | undefined {
    if (this.model.priority >= URGENT_PRIORITY) return undefined;
    const next = Math.min(...this.waiting(now).map((i) => this.checkAt(i) ?? Infinity));
    return Number.isFinite(next) ? Math.max(1, next - now) : undefined;
  }

  /**
   * The forecast for the decision: an ETA run's, unless nothing is cooking (every fired item is
   * done: the rest fire now, no run needed). A failed run leaves the plan until the next progress.
   */
  async forecast(): Promise<OrderForecast | null> {
    const now = Date.now();
    this.model.repaceAsked = false;
    for (const item of this.waiting(now)) this.checkedFor.set(item.orderItemId, item.fireAt!);
    const cooking = [...this.model.items.values()].some(
      (i) => i.status === 'STARTED' || (i.status === 'WAITING' && (i.fireAt === null || Date.parse(i.fireAt) <= now)),
    );
    if (!cooking) return { at: new Date(now).toISOString(), items: [] };
    try {
      return await forecastOrderItems({ tenantId: this.tenantId, orderId: this.model.orderId });
    } catch (err) {
      log.warn('Re-pacing forecast failed; the fire times stay', { orderId: this.model.orderId, error: String(err) });
      return null;
    }
  }
}
