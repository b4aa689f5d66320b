import type { Db } from '../../db/client';
import { simulateKitchen } from '../../domain/eta';
import { applyWhatIf, compareWhatIf, type RushItem, type WhatIfSummary } from '../../domain/eta/what-if';
import { loadKitchenState } from '../kitchen-read/kitchen-state';
import { loadLearnedDurations } from '../kitchen-read/learned-durations';
import type { ServiceOptions } from '../types';
import { hypotheticalTasks } from './hypothetical-tasks';
import { parseWhatIf } from './what-if-input';

export interface WhatIfOrderRow {
  orderId: string;
  orderNumber: number;
  customerName: string | null;
  promisedAt: Date | null;
  currentReadyAt: Date | null;
  whatIfReadyAt: Date | null;
  /** What-if minus current, to a tenth of a minute; null when either is unknown. */
  deltaMinutes: number | null;
  lateNow: boolean;
  lateWhatIf: boolean;
}

export interface WhatIfAnswer {
  computedAt: Date;
  orders: WhatIfOrderRow[];
  summary: WhatIfSummary;
  /** The rush's own orders, in arrival order: null without a rush. */
  rush: { orders: number; droppedLines: number; firstReadyAt: Date | null; lastReadyAt: Date | null; cannotBeMade: number } | null;
}

const date = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms));

/**
 * "What if the grill had one more cook, the oven broke, we 86'd the tiramisù, or 30 orders came
 * in now?" The current kitchen (the same loader quotes use) simulated as it is and with the
 * changes (domain/eta/what-if.ts), side by side: every open order's ready time in both, and what
 * that does to their promises. Reads only: nothing is written and no event is sent. `prisma` is
 * the raw client the shared loader takes; every query it runs filters on the caller's tenant.
 */
export async function simulateWhatIf({ db, actor, input, prisma }: ServiceOptions<unknown> & { prisma: Db }): Promise<WhatIfAnswer> {
  const { changes, lines } = await parseWhatIf(db, input);

  const [state, learned] = await Promise.all([
    loadKitchenState(prisma, actor.tenantId, Date.now()),
    loadLearnedDurations(
      prisma,
      actor.tenantId,
      lines.map((l) => l.version.templateId),
    ),
  ]);
  const rushItems: RushItem[] = lines.map((l) => ({ key: String(l.index), dishId: l.menuItem.id, tasks: hypotheticalTasks(l, learned, state.now) }));
  const whatIf = applyWhatIf(state, {
    slots: changes.stationSlots,
    down: changes.stationsDown,
    eightySix: changes.eightySix,
    rush: changes.rush ? { orders: changes.rush.orders, spreadMs: changes.rush.spreadMinutes * 60_000, items: rushItems } : null,
  });
  const current = simulateKitchen(state);
  const changed = simulateKitchen(whatIf);

  const itemIds = new Map<string, string[]>();
  for (const item of state.items.values()) {
    const list = itemIds.get(item.orderId);
    if (list) list.push(item.id);
    else itemIds.set(item.orderId, [item.id]);
  }
  const open = [...state.orders.values()].map((o) => ({ id: o.id, itemIds: itemIds.get(o.id) ?? [], promisedAt: o.initialEstimatedReadyAt }));
  const { rows, summary } = compareWhatIf(open, current, changed);
  const info = new Map(
    (await db.order.findMany({ where: { id: { in: open.map((o) => o.id) } }, select: { id: true, orderNumber: true, customerName: true } })).map((o) => [
      o.id,
      o,
    ]),
  );
  const orders = rows
    .map((r) => ({
      orderId: r.orderId,
      orderNumber: info.get(r.orderId)?.orderNumber ?? 0,
      customerName: info.get(r.orderId)?.customerName ?? null,
      promisedAt: date(r.promisedAt),
      currentReadyAt: date(r.currentReadyAt),
      whatIfReadyAt: date(r.whatIfReadyAt),
      deltaMinutes: r.deltaMs === null ? null : Math.round(r.deltaMs / 6_000) / 10,
      lateNow: r.lateNow,
      lateWhatIf: r.lateWhatIf,
    }))
    .sort((a, b) => (a.currentReadyAt?.getTime() ?? Infinity) - (b.currentReadyAt?.getTime() ?? Infinity) || a.orderNumber - b.orderNumber);

  const rushReady = whatIf.rushOrderIds.map((orderId) => changed.orderReady[orderId]);
  const known = rushReady.filter((t): t is number => t !== undefined);
  return {
    computedAt: new Date(state.now),
    orders,
    summary,
    rush: changes.rush
      ? {
          orders: whatIf.rushOrderIds.length,
          droppedLines: whatIf.droppedLines,
          firstReadyAt: date(known.length > 0 ? Math.min(...known) : null),
          lastReadyAt: date(known.length > 0 ? Math.max(...known) : null),
          cannotBeMade: rushReady.length - known.length,
        }
      : null,
  };
}
