import { useGqlMutation } from '../api/hooks';
import { etaText } from '../orders/orders-api';
import { FormError } from '../shell/states';
import { ASSIGN_RIDER, clock, DISPATCH_BOARD_KEY, UNASSIGN_RIDER, type DispatchDelivery, type DispatchRider } from './delivery-api';

/** One delivery: where and when, who has it, and a one-tap button per rider on shift (the suggested one first). */
export function DispatchCard({
  delivery: d,
  riders,
  suggestedRiderId,
  now,
}: {
  delivery: DispatchDelivery;
  riders: DispatchRider[];
  suggestedRiderId: string | null;
  now: number;
}) {
  const refresh = [DISPATCH_BOARD_KEY];
  const assign = useGqlMutation(ASSIGN_RIDER, refresh);
  const unassign = useGqlMutation(UNASSIGN_RIDER, refresh);
  const o = d.order;
  const ready = o.status === 'READY';
  const out = d.status === 'PICKED_UP';
  const choices = riders.filter((r) => r.state !== 'OFF_SHIFT' && r.id !== d.rider?.id);
  const busy = assign.isPending || unassign.isPending;

  return (
    <li className={`dispatch-card${ready ? ' dispatch-card--ready' : ''}`} data-order-number={o.orderNumber} data-status={d.status}>
      <div className="dispatch-card__head">
        <strong>#{o.orderNumber}</strong>
        <span className={`badge${ready ? ' badge--ok' : out ? ' badge--warning' : ''}`}>
          {out ? `out with ${d.rider?.name ?? 'a rider'} since ${clock(d.pickedUpAt)}` : ready ? 'ready' : `ready ${etaText(d.readyAt, now)}`}
        </span>
        <span className="dispatch-card__times muted">
          ready {clock(d.readyAt)} · at the door by {clock(d.deliveredBy)}
        </span>
      </div>
      <p>
        {o.customerName ?? <span className="muted">no name</span>}
        {o.customerAddress && <span> · {o.customerAddress}</span>}
      </p>
      {!out && d.rider && (
        <div className="btn-row">
          <span>
            Assigned to <strong>{d.rider.name}</strong>
          </span>
          <button type="button" className="btn btn--small" disabled={busy} onClick={() => unassign.mutate({ deliveryId: d.id })}>
            Unassign
          </button>
        </div>
      )}
      {!out && (
        <div className="btn-row" role="group" aria-label={`Send a rider with #${o.orderNumber}`}>
          {choices.length === 0 && !d.rider && <span className="muted">No rider on shift</span>}
          {choices
            .sort((a, b) => Number(b.id === suggestedRiderId) - Number(a.id === suggestedRiderId))
            .map((r) => (
              <button
                key={r.id}
                type="button"
                className={`btn btn--small${r.id === suggestedRiderId ? ' btn--primary' : ''}`}
                disabled={busy}
                onClick={() => assign.mutate({ deliveryId: d.id, riderId: r.id })}
              >
                {d.rider ? 'Give to' : 'Send'} {r.name}
                {r.id === suggestedRiderId ? ' (suggested)' : r.state === 'OUT' ? ` (back ~${clock(r.expectedBackAt)})` : ''}
              </button>
            ))}
        </div>
      )}
      <FormError error={assign.error ?? unassign.error} />
    </li>
  );
}
