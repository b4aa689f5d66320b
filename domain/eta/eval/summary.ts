// The numbers `npm run eta:eval` prints: each predictor's accuracy (domain/eta/accuracy.ts, the
// same measures as the analytics page), what the queue rule did to the orders, and the issue's
// targets as ratios over the same orders.
import { accuracyOf, type Accuracy } from '../accuracy';
import { PREDICTORS, type OrderRecord, type PredictorName } from './run-service';

/** "Within ±3 kitchen minutes." */
export const TOLERANCE_MINUTES = 3;
/** Items of an order "finish together" within this many minutes of each other. */
export const TOGETHER_MINUTES = 2;

export interface QueueOutcome {
  orders: number;
  /** Share ready after the time promised (the kitchen's P80). */
  lateShare: number;
  meanLeadMinutes: number;
  /** Share of multi-item orders whose items were ready within TOGETHER_MINUTES of each other; null without any. */
  togetherShare: number | null;
}

export interface Summary {
  accuracy: Record<PredictorName, Accuracy>;
  queue: QueueOutcome;
}

export function summarise(orders: ReadonlyArray<OrderRecord>): Summary {
  const measured = orders.filter((o) => o.measured);
  const accuracy = {} as Record<PredictorName, Accuracy>;
  for (const name of PREDICTORS) {
    accuracy[name] = accuracyOf(
      measured.map((o) => ({ predicted: o.predicted[name], actual: o.actualAt, ...(name === 'brigade' ? { from: o.from, to: o.to } : {}) })),
      TOLERANCE_MINUTES,
    );
  }
  const multi = measured.filter((o) => o.itemsReady.length > 1);
  const n = Math.max(1, measured.length);
  return {
    accuracy,
    queue: {
      orders: measured.length,
      lateShare: measured.filter((o) => o.actualAt > o.promiseAt).length / n,
      meanLeadMinutes: measured.reduce((sum, o) => sum + (o.actualAt - o.placedAt), 0) / n / 60_000,
      togetherShare:
        multi.length === 0
          ? null
          : multi.filter((o) => Math.max(...o.itemsReady) - Math.min(...o.itemsReady) <= TOGETHER_MINUTES * 60_000).length / multi.length,
    },
  };
}

export interface TargetCheck {
  target: string;
  value: number | null;
  pass: boolean;
}

/** The targets (18, "Targets"), from one summary's orders. */
export function checkTargets(summary: Summary): TargetCheck[] {
  const { accuracy: a, queue } = summary;
  const mae = (name: PredictorName) => a[name].maeMinutes;
  const ratio = (x: number | null, y: number | null) => (x === null || y === null || y === 0 ? null : x / y);
  const check = (target: string, value: number | null, ok: (v: number) => boolean): TargetCheck => ({ target, value, pass: value !== null && ok(value) });
  return [
    check('order-time MAE / naive sum <= 0.45', ratio(mae('brigade'), mae('naiveSum')), (v) => v <= 0.45),
    check('order-time MAE / naive critical path <= 0.30', ratio(mae('brigade'), mae('naiveCriticalPath')), (v) => v <= 0.3),
    check('order-time MAE / oracle <= 1.25', ratio(mae('brigade'), mae('oracle')), (v) => v <= 1.25),
    check('|order-time bias| <= 1 min', a.brigade.biasMinutes === null ? null : Math.abs(a.brigade.biasMinutes), (v) => v <= 1),
    check('P80 coverage in 75-85 %', a.brigade.coverage, (v) => v >= 0.75 && v <= 0.85),
    check('halfway MAE / order-time MAE <= 0.5', ratio(mae('brigadeHalfway'), mae('brigade')), (v) => v <= 0.5),
    check('items within 2 min in >= 80 % of multi-item orders', queue.togetherShare, (v) => v >= 0.8),
  ];
}
