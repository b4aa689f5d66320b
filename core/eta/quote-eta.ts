import type { Db } from '../../db/client';
import { AppError } from '../../contracts/errors';
import { orderLinesSchema } from '../orders/order-input';
import { resolveOrderLines } from '../orders/resolve-order-lines';
import type { ServiceOptions } from '../types';
import { parseInput } from '../validate';
import { promisedTime, quoteLines } from './promise-order';
import { readyRange, type RangeBasis } from '../../domain/eta/eta-range';
import { deliveredBy } from '../../domain/delivery/delivery-eta';
import { readTravelTime } from '../delivery/travel-time';

export interface EtaQuote {
  readyAt: Date;
  /** Whole minutes from now, rounded up: what the operator tells the caller. */
  minutes: number;
  /** P10..P90 from the learned spread (LEARNED), else etaRange's fixed shares (FIXED). */
  range: { from: Date; to: Date; basis: RangeBasis };
  /** The promiseQuantile of the spread (what createOrder promises), else readyAt. */
  promisedAt: Date;
  perItem: Array<{ index: number; menuItemId: string; name: string; quantity: number; readyAt: Date }>;
  /**
   * Stations the order needs with nobody on shift now (and no other station of their type staffed):
   * its work there waits for `staffedFrom`, when their next shift starts, and so does `readyAt`.
   */
  unstaffedStations: Array<{ stationId: string; name: string; staffedFrom: Date | null }>;
  /** Were it delivered: at the customer's door by readyAt + the tenant's travel time (domain/delivery). */
  delivery: { travelMinutes: number; deliveredBy: Date };
}

/**
 * "When would it be ready if I ordered now?" Simulates the kitchen forward from its current
 * state (the same loader the ETA activities use) with the hypothetical order added behind the
 * existing work (quoteLines: createOrder promises with the same computation). Reads only: no order, task or ETA row is written, no event is sent.
 * `prisma` is the raw client because the shared loader takes one; every query it runs filters on
 * the caller's tenant id explicitly.
 */
export async function quoteEta({ db, actor, input, prisma }: ServiceOptions<{ items: unknown }> & { prisma: Db }): Promise<EtaQuote> {
  const lines = await resolveOrderLines(db, parseInput(orderLinesSchema, input.items));
  const [{ now, quote }, travel] = await Promise.all([quoteLines(prisma, actor.tenantId, lines), readTravelTime(db)]);
  const stationNames = new Map(
    quote.unstaffed.length === 0
      ? []
      : (await db.station.findMany({ where: { id: { in: quote.unstaffed.map((u) => u.stationId) } } })).map((st) => [st.id, st.name]),
  );
  const unstaffedStations = quote.unstaffed.map((u) => ({
    stationId: u.stationId,
    name: stationNames.get(u.stationId) ?? 'A station',
    staffedFrom: u.staffedFrom === null ? null : new Date(u.staffedFrom),
  }));
  if (quote.unschedulableItems.length > 0) {
    const names = lines.filter((l) => quote.unschedulableItems.includes(String(l.index))).map((l) => `"${l.menuItem.name}"`);
    const closed = unstaffedStations.filter((u) => u.staffedFrom === null).map((u) => u.name);
    throw new AppError(
      'CONFLICT',
      closed.length > 0
        ? `Nobody is on shift at ${closed.join(', ')} from now on, so there is no ready time to quote for ${names.join(', ')}`
        : `No active station can make ${names.join(', ')} right now, so there is no ready time to quote`,
    );
  }
  return {
    readyAt: new Date(quote.readyAt),
    minutes: Math.max(0, Math.ceil((quote.readyAt - now) / 60_000)),
    range: readyRange(new Date(quote.readyAt), new Date(now), quote.readySamples),
    promisedAt: new Date(await promisedTime(prisma, actor.tenantId, quote)),
    perItem: lines.map((l) => ({
      index: l.index,
      menuItemId: l.menuItem.id,
      name: l.menuItem.name,
      quantity: l.line.quantity,
      readyAt: new Date(quote.perItem[String(l.index)]),
    })),
    unstaffedStations,
    delivery: {
      travelMinutes: travel.minutes,
      deliveredBy: deliveredBy({ readyAt: new Date(quote.readyAt), pickedUpAt: null, deliveredAt: null, travelMinutes: travel.minutes, now: new Date(now) })!,
    },
  };
}
