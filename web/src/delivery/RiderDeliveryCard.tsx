import { useState } from 'react';
import { useGqlMutation } from '../api/hooks';
import { useI18n } from '../i18n/LocaleProvider';
import { FormError } from '../shell/states';
import { clock, DELIVERED, FAILED, mapsLink, MY_DELIVERIES_KEY, PICKED_UP, type RiderDelivery } from './delivery-api';

/** One delivery with big buttons: where, who (a tap calls them), what, and the rider's next step. */
export function RiderDeliveryCard({ delivery: d }: { delivery: RiderDelivery }) {
  const refresh = [MY_DELIVERIES_KEY];
  const pickUp = useGqlMutation(PICKED_UP, refresh);
  const deliver = useGqlMutation(DELIVERED, refresh);
  const fail = useGqlMutation(FAILED, refresh);
  const [failing, setFailing] = useState(false);
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const o = d.order;
  const out = d.status === 'PICKED_UP';
  const ready = o.status === 'READY';
  const busy = pickUp.isPending || deliver.isPending || fail.isPending;

  return (
    <li className={`rider-card${out ? ' rider-card--out' : ''}`} data-order-number={o.orderNumber} data-status={d.status}>
      <header className="rider-card__head">
        <strong className="rider-card__number">#{o.orderNumber}</strong>
        <span className={`badge${out ? ' badge--warning' : ready ? ' badge--ok' : ''}`} data-testid="delivery-state">
          {out ? t('rider.outSince', { time: clock(d.pickedUpAt) }) : ready ? t('rider.readyAtPass') : t('rider.readyAbout', { time: clock(d.readyAt) })}
        </span>
        <span className="rider-card__due">{t('rider.by', { time: clock(d.deliveredBy) })}</span>
      </header>
      {o.customerAddress && (
        <a className="rider-card__address" href={mapsLink(o.customerAddress)} target="_blank" rel="noreferrer">
          <span>{o.customerAddress}</span>
          <span className="rider-card__link">{t('rider.openMaps')}</span>
        </a>
      )}
      <p className="rider-card__customer">
        {o.customerName ?? <span className="muted">{t('rider.noName')}</span>}
        {o.customerPhone && (
          <a className="btn rider-card__call" href={`tel:${o.customerPhone}`}>
            {t('rider.call', { phone: o.customerPhone })}
          </a>
        )}
      </p>
      {(o.notes || d.notes) && <p className="rider-card__notes">{[o.notes, d.notes].filter(Boolean).join(' · ')}</p>}
      <p className="rider-card__items muted">{o.items.map((i) => `${i.quantity} × ${i.name}`).join(', ')}</p>

      {!out && (
        <button type="button" className="btn btn--primary rider-card__action" disabled={!ready || busy} onClick={() => pickUp.mutate({ id: d.id })}>
          {t('rider.pickedUp')}
        </button>
      )}
      {out && !failing && (
        <div className="rider-card__actions">
          <button type="button" className="btn btn--primary rider-card__action" disabled={busy} onClick={() => deliver.mutate({ id: d.id })}>
            {t('rider.delivered')}
          </button>
          <button type="button" className="btn btn--danger rider-card__action" disabled={busy} onClick={() => setFailing(true)}>
            {t('rider.failed')}
          </button>
        </div>
      )}
      {out && failing && (
        <form
          className="rider-card__fail"
          onSubmit={(e) => {
            e.preventDefault();
            fail.mutate({ id: d.id, reason }, { onSuccess: () => setFailing(false) });
          }}
        >
          <label className="field">
            <span>{t('rider.whyFailed', { orderNumber: o.orderNumber })}</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} required autoFocus placeholder={t('rider.whyPlaceholder')} />
          </label>
          <div className="rider-card__actions">
            <button type="submit" className="btn btn--danger rider-card__action" disabled={!reason.trim() || busy}>
              {t('rider.deliveryFailed')}
            </button>
            <button type="button" className="btn rider-card__action" onClick={() => setFailing(false)}>
              {t('common.back')}
            </button>
          </div>
        </form>
      )}
      <FormError error={pickUp.error ?? deliver.error ?? fail.error} />
    </li>
  );
}
