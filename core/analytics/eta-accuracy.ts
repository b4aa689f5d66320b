import { z } from 'zod';
import type { ServiceOptions } from '../types';
import { parseInput } from '../validate';
import { minutesBetween, round1 } from './day-range';

export interface EtaAccuracyPoint {
  orderId: string;
  orderNumber: number;
  /** What the customer was told when the order was placed (the latest ETA for older orders). */
  predictedAt: Date;
  actualAt: Date;
  /** actual − predicted: positive is later than promised. */
  errorMinutes: number;
}

const etaAccuracySchema = z.object({ days: z.number().int().min(1).max(90).default(7) });

/** Enough points for a chart; a busier kitchen is summarised by the newest ones. */
export const MAX_POINTS = 500;

/**
 * Promise against reality for orders that reached READY in the last `days` days. The promise is
 * the ETA given at order time (initialEstimatedReadyAt): later recalculations converge on the
 * truth, so comparing against them would flatter the estimator.
 */
export async function etaAccuracy({ db, input }: ServiceOptions<unknown>, now: Date = new Date()): Promise<EtaAccuracyPoint[]> {
  const { days } = parseInput(etaAccuracySchema, input ?? {});
  const since = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const orders = await db.order.findMany({
    where: {
      actualReadyAt: { gte: since },
      OR: [{ initialEstimatedReadyAt: { not: null } }, { estimatedReadyAt: { not: null } }],
    },
    select: { id: true, orderNumber: true, initialEstimatedReadyAt: true, estimatedReadyAt: true, actualReadyAt: true },
    orderBy: { actualReadyAt: 'desc' },
    take: MAX_POINTS,
  });
  return orders.reverse().map((o) => {
    const predictedAt = (o.initialEstimatedReadyAt ?? o.estimatedReadyAt)!;
    const actualAt = o.actualReadyAt!;
    return { orderId: o.id, orderNumber: o.orderNumber, predictedAt, actualAt, errorMinutes: round1(minutesBetween(predictedAt, actualAt)) };
  });
}
