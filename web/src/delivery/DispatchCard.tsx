import { useGqlMutation } from '../api/hooks';
import { etaText } from '../orders/orders-api';
import { Trans } from 'react-i18next';
import { useI18n } from '../i18n/LocaleProvider';
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
  const { t } = useI18n();
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
          {out
            ? t('dispatch.outWith', { rider: d.rider?.name ?? t('console.delivery.aRider'), time: clock(d.pickedUpAt) })
            : ready
              ? t('dispatch.ready')
              : t('dispatch.readyEta', { eta: etaText(d.readyAt, now) })}
        </span>
        <span className="dispatch-card__times muted">{t('dispatch.times', { ready: clock(d.readyAt), door: clock(d.deliveredBy) })}</span>
      </div>
      <p>
        {o.customerName ?? <span className="muted">{t('dispatch.noName')}</span>}
        {o.customerAddress && <span> · {o.customerAddress}</span>}
      </p>
      {!out && d.rider && (
        <div className="btn-row">
          <span>
            <Trans i18nKey="dispatch.assignedTo" values={{ rider: d.rider.name }} components={{ strong: <strong /> }} />
          </span>
          <button type="button" className="btn btn--small" disabled={busy} onClick={() => unassign.mutate({ deliveryId: d.id })}>
            {t('dispatch.unassign')}
          </button>
        </div>
      )}
      {!out && (
        <div className="btn-row" role="group" aria-label={t('dispatch.sendGroup', { orderNumber: o.orderNumber })}>
          {choices.length === 0 && !d.rider && <span className="muted">{t('dispatch.noRider')}</span>}
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
                {d.rider ? t('dispatch.giveTo', { rider: r.name }) : t('dispatch.send', { rider: r.name })}
                {r.id === suggestedRiderId ? t('dispatch.suggested') : r.state === 'OUT' ? t('dispatch.backAbout', { time: clock(r.expectedBackAt) }) : ''}
              </button>
            ))}
        </div>
      )}
      <FormError error={assign.error ?? unassign.error} />
    </li>
  );
}
