import { OrderDetailLink } from './OrderDetailLink';

const SHOWN = 6;

/** The latest orders that were late, each opening its detail page (a chart's dots are too small to tap on a phone). */
export function LateOrderLinks({
  points,
  toleranceMinutes,
}: {
  points: ReadonlyArray<{ orderId: string; orderNumber: number; errorMinutes: number; actualAt: string }>;
  toleranceMinutes: number;
}) {
  const late = points
    .filter((p) => p.errorMinutes > toleranceMinutes)
    .sort((a, b) => Date.parse(b.actualAt) - Date.parse(a.actualAt))
    .slice(0, SHOWN);
  if (late.length === 0) return null;
  return (
    <p className="late-order-links muted" data-testid="late-order-links">
      Late lately:{' '}
      {late.map((p, i) => (
        <span key={p.orderId}>
          {i > 0 && ', '}
          <OrderDetailLink orderId={p.orderId} orderNumber={p.orderNumber} /> +{Math.round(p.errorMinutes)} min
        </span>
      ))}
    </p>
  );
}
