import type { ServiceOptions } from '../types';
import { minutesBetween, round1, startOfToday } from './day-range';

export interface TopItem {
  name: string;
  quantity: number;
  /** Two decimals, as a string (the Decimal scalar). */
  revenue: string;
}

export interface AnalyticsToday {
  ordersCount: number;
  revenue: string;
  avgPrepMinutes: number | null;
  lateCount: number;
  topItems: TopItem[];
}

const TOP_ITEMS = 5;
const cents = (value: { toNumber(): number } | number) => Math.round((typeof value === 'number' ? value : value.toNumber()) * 100);
const money = (c: number) => (c / 100).toFixed(2);

/**
 * Today's orders (cancelled ones excluded): count, revenue, average time from order to READY, how
 * many ran or are running past their ETA, and the best sellers. Two queries; a day's orders fit in
 * memory, and computing here keeps the rules readable instead of hiding them in SQL.
 */
export async function analyticsToday({ db }: ServiceOptions<unknown>, now: Date = new Date()): Promise<AnalyticsToday> {
  const since = startOfToday(now);
  const live = { createdAt: { gte: since }, status: { not: 'CANCELLED' as const } };
  const [orders, items] = await Promise.all([
    db.order.findMany({
      where: live,
      select: {
        totalAmount: true,
        createdAt: true,
        actualReadyAt: true,
        estimatedReadyAt: true,
        initialEstimatedReadyAt: true,
        isLate: true,
        delayMinutes: true,
      },
    }),
    db.orderItem.findMany({
      where: { status: { not: 'CANCELLED' }, order: live },
      select: { nameSnapshot: true, quantity: true, unitPrice: true },
    }),
  ]);

  const prep = orders.filter((o) => o.actualReadyAt).map((o) => minutesBetween(o.createdAt, o.actualReadyAt!));
  // Late: flagged by the ETA timers, ready after what the customer was promised, or still open past its ETA.
  const late = orders.filter((o) => {
    if (o.isLate || o.delayMinutes > 0) return true;
    const promised = o.initialEstimatedReadyAt ?? o.estimatedReadyAt;
    if (o.actualReadyAt) return promised !== null && o.actualReadyAt > promised;
    return o.estimatedReadyAt !== null && o.estimatedReadyAt < now;
  });

  const byName = new Map<string, { quantity: number; cents: number }>();
  for (const item of items) {
    const row = byName.get(item.nameSnapshot) ?? { quantity: 0, cents: 0 };
    row.quantity += item.quantity;
    row.cents += cents(item.unitPrice) * item.quantity;
    byName.set(item.nameSnapshot, row);
  }
  const topItems = [...byName.entries()]
    .sort(([an, a], [bn, b]) => b.quantity - a.quantity || b.cents - a.cents || an.localeCompare(bn))
    .slice(0, TOP_ITEMS)
    .map(([name, r]) => ({ name, quantity: r.quantity, revenue: money(r.cents) }));

  return {
    ordersCount: orders.length,
    revenue: money(orders.reduce((sum, o) => sum + cents(o.totalAmount), 0)),
    avgPrepMinutes: prep.length ? round1(prep.reduce((a, b) => a + b, 0) / prep.length) : null,
    lateCount: late.length,
    topItems,
  };
}
