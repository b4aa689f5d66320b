import { useRef, useState } from 'react';
import type { HandOffStatus } from '../../../domain/kitchen/hand-off';
import type { ResultOf } from '../api/graphql';
import { useGqlMutation } from '../api/hooks';
import { useI18n } from '../i18n/LocaleProvider';
import { FormError } from '../shell/states';
import { HAND_OFF_LABEL, HAND_OFF_ORDER } from './hand-off';

export type HandedOff = ResultOf<typeof HAND_OFF_ORDER>['handOffOrder'];

/**
 * The pass's one tap: the order's usual hand-off as the big button, the other choices small
 * beside it. A failed delivery asks why first. One request at a time: the buttons are disabled
 * while it runs, and a second tap in the same frame is dropped by the ref before React re-renders.
 */
export function HandOffActions({
  order,
  size = 'large',
  onHandedOff,
}: {
  order: { id: string; orderNumber: number; handOffChoices: readonly HandOffStatus[] };
  size?: 'large' | 'small';
  onHandedOff?: (result: HandedOff) => void;
}) {
  const handOff = useGqlMutation(HAND_OFF_ORDER, [['orders']]);
  const { t } = useI18n();
  const inFlight = useRef(false);
  const [failing, setFailing] = useState(false);
  const [reason, setReason] = useState('');
  const [first, ...others] = order.handOffChoices;
  if (!first) return null;

  const send = (to: HandOffStatus, why?: string) => {
    if (inFlight.current) return;
    inFlight.current = true;
    handOff.mutate(
      { id: order.id, to, reason: why ?? null },
      {
        onSuccess: (data) => {
          setFailing(false);
          onHandedOff?.(data.handOffOrder);
        },
        onSettled: () => {
          inFlight.current = false;
        },
      },
    );
  };
  const tap = (to: HandOffStatus) => (to === 'DELIVERY_FAILED' ? setFailing(true) : send(to));
  const busy = handOff.isPending;

  return (
    <div className={`hand-off hand-off--${size}`}>
      {!failing && (
        <div className="hand-off__buttons">
          <button
            type="button"
            className={`btn btn--primary hand-off__main${size === 'large' ? ' btn--block' : ' btn--small'}`}
            disabled={busy}
            onClick={() => tap(first)}
          >
            {busy ? t('orders.handingOver') : HAND_OFF_LABEL[first]}
          </button>
          {others.map((to) => (
            <button key={to} type="button" className="btn btn--small hand-off__other" disabled={busy} onClick={() => tap(to)}>
              {HAND_OFF_LABEL[to]}
            </button>
          ))}
        </div>
      )}
      {failing && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (reason.trim()) send('DELIVERY_FAILED', reason.trim());
          }}
        >
          <label className="field">
            <span>{t('orders.whyFailed', { orderNumber: order.orderNumber })}</span>
            <input value={reason} onChange={(e) => setReason(e.target.value)} required autoFocus />
          </label>
          <button type="submit" className="btn btn--small btn--danger" disabled={!reason.trim() || busy}>
            {t('orders.markFailed')}
          </button>
          <button type="button" className="btn btn--small" onClick={() => setFailing(false)}>
            {t('common.back')}
          </button>
        </form>
      )}
      <FormError error={handOff.error} />
    </div>
  );
}
