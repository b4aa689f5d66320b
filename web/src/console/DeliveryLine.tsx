import { clock } from '../delivery/delivery-api';
import type { ConsoleOrder } from './console-api';

const WITH_RIDER: Record<string, (rider: string) => string> = {
  PENDING: () => 'no rider yet',
  ASSIGNED: (rider) => `${rider} takes it`,
  PICKED_UP: (rider) => `out with ${rider}`,
  DELIVERED: (rider) => `delivered by ${rider}`,
  FAILED: (rider) => `${rider} could not deliver`,
};

/** What a caller asks about a delivery: when the kitchen has it, when it is at their door, and who brings it. */
export function DeliveryLine({ order: o }: { order: ConsoleOrder }) {
  const d = o.delivery!;
  const done = d.status === 'DELIVERED';
  return (
    <p className="console-order__delivery" data-testid="delivery-line">
      <span>ready {o.actualReadyAt ? `at ${clock(o.actualReadyAt)}` : `~${clock(o.estimatedReadyAt)}`}</span>
      <span>
        {' · '}
        {done ? 'delivered at' : 'at the door by'} <strong data-testid="delivered-by">{clock(o.deliveredBy)}</strong>
      </span>
      <span className="muted">
        {' · '}
        {WITH_RIDER[d.status]?.(d.rider?.name ?? 'a rider') ?? d.status.toLowerCase()}
        {d.failureReason && `: ${d.failureReason}`}
      </span>
    </p>
  );
}
