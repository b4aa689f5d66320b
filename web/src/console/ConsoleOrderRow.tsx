import { useState } from 'react';
import { useGqlMutation } from '../api/hooks';
import { ORDER_STATUS_LABEL, readyWait } from '../orders/hand-off';
import { HandOffActions } from '../orders/HandOffActions';
import { etaText } from '../orders/orders-api';
import { OrderDetailLink } from '../orders/OrderDetailLink';
import { ReadyRange } from '../orders/ReadyRange';
import { ReadySince } from '../orders/ReadySince';
import { useI18n } from '../i18n/LocaleProvider';
import { FormError } from '../shell/states';
import { CANCEL_ORDER, PRIORITY_LABEL, UPDATE_PRIORITY, type ConsoleOrder } from './console-api';
import { DeliveryLine } from './DeliveryLine';
import { TrackingLink } from './TrackingLink';

/** Still being cooked: late or not, and the operator may still raise or cancel it. */
export const inKitchen = (o: ConsoleOrder) => o.status === 'NEW' || o.status === 'PREPARING';

/** Late against the kitchen's ETA; once READY the kitchen is done, and the pass's wait shows instead. */
export function isLate(o: ConsoleOrder, now: number): boolean {
  if (!inKitchen(o)) return false;
  return o.isLate || (o.estimatedReadyAt !== null && Date.parse(o.estimatedReadyAt) < now);
}

/**
 * One open order: live status and ETA, who it is for, and what an operator may do to it: raise or
 * cancel while it cooks, hand it over once READY, mark a delivery delivered or failed.
 */
export function ConsoleOrderRow({ order: o, now, holdMinutes }: { order: ConsoleOrder; now: number; holdMinutes: number }) {
  const raise = useGqlMutation(UPDATE_PRIORITY, [['orders']]);
  const { t, format } = useI18n();
  const cancel = useGqlMutation(CANCEL_ORDER, [['orders']]);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const late = isLate(o, now);
  const open = inKitchen(o);
  const overdue = o.status === 'READY' && o.actualReadyAt !== null && readyWait(o.actualReadyAt, now, holdMinutes).late;

  return (
    <li
      className={`console-order status-box--${o.status.toLowerCase()}${late ? ' is-late' : ''}${overdue ? ' is-overdue' : ''}`}
      data-order-number={o.orderNumber}
      data-status={o.status}
    >
      <div className="console-order__head">
        <strong className="console-order__number">
          <OrderDetailLink orderId={o.id} orderNumber={o.orderNumber} />
        </strong>
        <span className={`badge status--${o.status.toLowerCase()}`} data-testid="order-status">
          {ORDER_STATUS_LABEL[o.status].toLowerCase()}
        </span>
        {o.priority > 0 && <span className="badge badge--warning">{PRIORITY_LABEL[o.priority]}</span>}
        {late && <span className="badge badge--error">{o.delayMinutes > 0 ? t('console.lateBy', { count: o.delayMinutes }) : t('console.late')}</span>}
        {o.status === 'READY' ? (
          <ReadySince className="console-order__eta" actualReadyAt={o.actualReadyAt} now={now} holdMinutes={holdMinutes} />
        ) : o.status === 'OUT_FOR_DELIVERY' ? (
          <span className="console-order__eta">{o.handedOffAt ? t('console.outSince', { time: format.time(o.handedOffAt) }) : t('console.out')}</span>
        ) : inKitchen(o) ? (
          <span className={`console-order__eta${late ? ' is-late' : ''}`}>
            {etaText(o.estimatedReadyAt, now)}
            <ReadyRange range={o.estimatedReadyRange} />
          </span>
        ) : null}
      </div>
      <p className="console-order__customer">
        {o.customerName ?? <span className="muted">{t('console.noName')}</span>}
        {o.customerPhone && <span className="muted"> · {o.customerPhone}</span>}
        {o.customerAddress && <span className="muted"> · {o.customerAddress}</span>}
      </p>
      {o.delivery && <DeliveryLine order={o} />}
      <p className="console-order__items muted">
        {o.items.map((i) => `${i.quantity} × ${i.name}${i.modifications ? ` (${i.modifications})` : ''}`).join(', ')}
      </p>
      {open && !cancelling && (
        <div className="btn-row">
          <button
            type="button"
            className="btn btn--small"
            disabled={o.priority >= 2 || raise.isPending}
            onClick={() => raise.mutate({ id: o.id, priority: o.priority + 1 })}
          >
            {t('console.raise')}
          </button>
          <button type="button" className="btn btn--small btn--danger" onClick={() => setCancelling(true)}>
            {t('console.cancel')}
          </button>
        </div>
      )}
      {!open && <HandOffActions order={o} size="small" />}
      {cancelling && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            cancel.mutate({ id: o.id, reason }, { onSuccess: () => setCancelling(false) });
          }}
        >
          <label className="field">
            <span>{t('console.whyCancelled', { orderNumber: o.orderNumber })}</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} required autoFocus />
          </label>
          <button type="submit" className="btn btn--small btn--danger" disabled={!reason.trim() || cancel.isPending}>
            {t('console.cancelOrder')}
          </button>
          <button type="button" className="btn btn--small" onClick={() => setCancelling(false)}>
            {t('console.keep')}
          </button>
        </form>
      )}
      <TrackingLink orderNumber={o.orderNumber} token={o.trackingToken} />
      <FormError error={raise.error ?? cancel.error} />
    </li>
  );
}
