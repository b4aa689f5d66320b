import { Empty } from '../../shell/states';
import type { WhatIfAnswer } from './what-if-api';
import { useI18n } from '../../i18n/LocaleProvider';

function Delta({ minutes }: { minutes: number | null }) {
  const { t } = useI18n();
  if (minutes === null) return <>—</>;
  if (Math.abs(minutes) < 1) return <span className="muted">{t('admin.whatIf.noChange')}</span>;
  const later = minutes > 0;
  return <span className={later ? 'what-if__delta--later' : 'what-if__delta--earlier'}>{`${later ? '+' : '−'}${Math.abs(minutes).toFixed(1)} min`}</span>;
}

/** The what-if's answer: what it adds up to, then every open order now and with the change; red where a promise would be missed. */
export function WhatIfResults({ answer }: { answer: WhatIfAnswer }) {
  const { summary, rush } = answer;
  const { t, format } = useI18n();
  const clock = (iso: string | null) => (iso === null ? '—' : format.time(iso));
  return (
    <section aria-label={t('admin.whatIf.result')}>
      <p className="what-if__summary">
        <span>{t('admin.whatIf.openOrders', { count: summary.openOrders })}</span>
        <span className={summary.madeLate > 0 ? 'badge badge--error' : 'badge'}>{t('admin.whatIf.madeLate', { count: summary.madeLate })}</span>
        <span className={summary.madeOnTime > 0 ? 'badge badge--ok' : 'badge'}>{t('admin.whatIf.madeOnTime', { count: summary.madeOnTime })}</span>
        <span className="badge">{t('admin.whatIf.later', { count: summary.later })}</span>
        <span className="badge">{t('admin.whatIf.earlier', { count: summary.earlier })}</span>
        {summary.cannotBeMade > 0 && <span className="badge badge--error">{t('admin.whatIf.cannotBeMade', { count: summary.cannotBeMade })}</span>}
      </p>
      {rush && (
        <p>
          {rush.orders > 0
            ? t('admin.whatIf.rush', { count: rush.orders, first: clock(rush.firstReadyAt), last: clock(rush.lastReadyAt) })
            : t('admin.whatIf.rushEmpty')}
          {rush.droppedLines > 0 && ` ${t('admin.whatIf.droppedLines', { count: rush.droppedLines })}`}
          {rush.cannotBeMade > 0 && ` ${t('admin.whatIf.rushCannotBeMade', { count: rush.cannotBeMade })}`}
        </p>
      )}
      {answer.orders.length === 0 ? (
        <Empty title={t('admin.whatIf.noOpen')} />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('admin.whatIf.order')}</th>
              <th scope="col">{t('admin.whatIf.promised')}</th>
              <th scope="col">{t('admin.whatIf.readyNow')}</th>
              <th scope="col">{t('admin.whatIf.withChange')}</th>
              <th scope="col">{t('admin.whatIf.change')}</th>
            </tr>
          </thead>
          <tbody>
            {answer.orders.map((o) => (
              <tr key={o.orderId} className={o.lateWhatIf ? 'what-if__row--miss' : undefined}>
                <th scope="row">
                  #{o.orderNumber}
                  {o.customerName ? ` ${o.customerName}` : ''}
                </th>
                <td>{clock(o.promisedAt)}</td>
                <td>{clock(o.currentReadyAt)}</td>
                <td>
                  {o.whatIfReadyAt === null && o.currentReadyAt !== null ? t('admin.whatIf.cannotBe') : clock(o.whatIfReadyAt)}
                  {o.lateWhatIf && <span className="badge badge--error">{t('admin.whatIf.missesPromise')}</span>}
                </td>
                <td>
                  <Delta minutes={o.deltaMinutes} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
