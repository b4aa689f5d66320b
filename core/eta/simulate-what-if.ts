import { z } from 'zod';
import { AppError, type FieldError } from '../../contracts/errors';
import type { Db } from '../../db/client';
import { simulateKitchen } from '../../domain/eta';
import { applyWhatIf, compareWhatIf, type RushItem, type WhatIfSummary } from '../../domain/eta/what-if';
import { badInput } from '../errors';
import { loadKitchenState } from '../kitchen-read/kitchen-state';
import { loadLearnedDurations } from '../kitchen-read/learned-durations';
import { resolveOrderLines } from '../orders/resolve-order-lines';
import type { ServiceOptions } from '../types';
import { parseInput } from '../validate';
import { hypotheticalTasks } from './hypothetical-tasks';

export const WHAT_IF_LIMITS = { slotDelta: 20, rushOrders: 200, spreadMinutes: 240, rushItems: 20, listed: 50 } as const;

const id = z.string().max(100, 'must be an id');
const whatIfSchema = z.object({
  stationSlots: z
    .array(
      z.object({
        stationId: id,
        delta: z
          .number()
          .int('must be a whole number of slots')
          .min(-WHAT_IF_LIMITS.slotDelta, `must be between -${WHAT_IF_LIMITS.slotDelta} and ${WHAT_IF_LIMITS.slotDelta}`)
          .max(WHAT_IF_LIMITS.slotDelta, `must be between -${WHAT_IF_LIMITS.slotDelta} and ${WHAT_IF_LIMITS.slotDelta}`)
          .refine((d) => d !== 0, 'must add or take at least one slot'),
      }),
    )
    .max(WHAT_IF_LIMITS.listed)
    .nullish()
    .transform((v) => v ?? []),
  stationsDown: z
    .array(id)
    .max(WHAT_IF_LIMITS.listed)
    .nullish()
    .transform((v) => v ?? []),
  eightySix: z
    .array(id)
    .max(WHAT_IF_LIMITS.listed)
    .nullish()
    .transform((v) => v ?? []),
  rush: z
    .object({
      orders: z.number().int('must be a whole number').min(1, 'must be between 1 and 200').max(WHAT_IF_LIMITS.rushOrders, 'must be between 1 and 200'),
      spreadMinutes: z
        .number()
        .int('must be whole minutes')
        .min(0, `must be between 0 and ${WHAT_IF_LIMITS.spreadMinutes}`)
        .max(WHAT_IF_LIMITS.spreadMinutes, `must be between 0 and ${WHAT_IF_LIMITS.spreadMinutes}`)
        .nullish()
        .transform((v) => v ?? 0),
      items: z
        .array(z.object({ menuItemId: id, quantity: z.number().int('must be a whole number') }))
        .min(1, 'a rush order needs at least one dish')
        .max(WHAT_IF_LIMITS.rushItems),
    })
    .nullish()
    .transform((v) => v ?? null),
});
export type WhatIfInput = z.input<typeof whatIfSchema>;

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

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const date = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms));

/**
 * "What if the grill had one more cook, the oven broke, we 86'd the tiramisù, or 30 orders came
 * in now?" The current kitchen (the same loader quotes use) simulated as it is and with the
 * changes (domain/eta/what-if.ts), side by side: every open order's ready time in both, and what
 * that does to their promises. Reads only: nothing is written and no event is sent. `prisma` is
 * the raw client the shared loader takes; every query it runs filters on the caller's tenant.
 */
export async function simulateWhatIf({ db, actor, input, prisma }: ServiceOptions<unknown> & { prisma: Db }): Promise<WhatIfAnswer> {
  const changes = parseInput(whatIfSchema, input);
  await checkStations(db, changes.stationSlots, changes.stationsDown);
  await checkDishes(db, changes.eightySix);
  const lines = changes.rush ? await resolveRushLines(db, changes.rush.items) : [];

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
  for (const item of state.items.values()) itemIds.set(item.orderId, [...(itemIds.get(item.orderId) ?? []), item.id]);
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

type Reader = ServiceOptions<unknown>['db'];

/** Every station named must be the tenant's (another tenant's is unknown, like a made-up id), each at most once, never below zero slots. */
async function checkStations(db: Reader, slots: Array<{ stationId: string; delta: number }>, down: string[]): Promise<void> {
  const ids = [...new Set([...slots.map((s) => s.stationId), ...down])].filter((i) => UUID_RE.test(i));
  const stations = new Map(
    (ids.length === 0 ? [] : await db.station.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, capacity: true } })).map((s) => [s.id, s]),
  );
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  slots.forEach(({ stationId, delta }, i) => {
    const station = stations.get(stationId);
    if (!station) problems.push({ path: `stationSlots.${i}.stationId`, message: `Station ${stationId} does not exist` });
    else if (seen.has(stationId)) problems.push({ path: `stationSlots.${i}.stationId`, message: `"${station.name}" is listed twice` });
    else if (station.capacity + delta < 0)
      problems.push({ path: `stationSlots.${i}.delta`, message: `"${station.name}" has ${station.capacity} slots: at most ${station.capacity} can be taken` });
    seen.add(stationId);
  });
  down.forEach((stationId, i) => {
    if (!stations.has(stationId)) problems.push({ path: `stationsDown.${i}`, message: `Station ${stationId} does not exist` });
  });
  if (problems.length > 0) throw badInput(problems, 'What-if rejected');
}

async function checkDishes(db: Reader, dishes: string[]): Promise<void> {
  const ids = [...new Set(dishes)].filter((i) => UUID_RE.test(i));
  const known = new Set((ids.length === 0 ? [] : await db.menuItem.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((m) => m.id));
  const problems = dishes.flatMap((dish, i) => (known.has(dish) ? [] : [{ path: `eightySix.${i}`, message: `Menu item ${dish} does not exist` }]));
  if (problems.length > 0) throw badInput(problems, 'What-if rejected');
}

/** The rush's dishes checked as an order's lines are (on the menu, available, with a published recipe), errors named under `rush`. */
async function resolveRushLines(db: Reader, items: Array<{ menuItemId: string; quantity: number }>) {
  try {
    return await resolveOrderLines(
      db,
      items.map((i) => ({ ...i, modifications: null, modifiers: [], notes: null })),
    );
  } catch (err) {
    const fields = err instanceof AppError && err.code === 'BAD_USER_INPUT' ? (err.details?.fieldErrors as FieldError[] | undefined) : undefined;
    if (!fields) throw err;
    throw badInput(
      fields.map((f) => ({ ...f, path: `rush.${f.path}` })),
      'What-if rejected',
    );
  }
}
