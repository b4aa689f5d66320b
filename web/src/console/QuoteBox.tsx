import { Trans } from 'react-i18next';
import { describeError } from '../api/errors';
import { useI18n } from '../i18n/LocaleProvider';
import type { EtaQuote } from './console-api';
import { UnstaffedNote } from './UnstaffedNote';

/** What the operator reads out to the caller, updated as the order changes. */
export function QuoteBox({
  quote,
  error,
  updating,
  requestedAt,
  empty,
  delivery = false,
}: {
  quote?: EtaQuote;
  error: unknown;
  updating: boolean;
  requestedAt: string;
  empty: boolean;
  /** The order goes to an address: say when it is at the door too. */
  delivery?: boolean;
}) {
  const scheduled = requestedAt ? new Date(requestedAt) : null;
  const { t, format } = useI18n();
  return (
    <section className={`quote${updating ? ' quote--updating' : ''}`} aria-live="polite" aria-label={t('console.quote.label')} data-testid="eta-quote">
      {empty ? (
        <p className="muted">{t('console.quote.empty')}</p>
      ) : error ? (
        <p className="form-error">{describeError(error)}</p>
      ) : !quote ? (
        <p className="muted">{t('console.quote.estimating')}</p>
      ) : (
        <>
          <p className="quote__main">
            {t('console.quote.readyIn')} <strong data-testid="quote-minutes">{t('console.quote.minutes', { count: quote.minutes })}</strong>{' '}
            <span className="muted" data-testid="quote-range" title={quote.range.basis === 'LEARNED' ? t('console.quote.learned') : t('console.quote.rough')}>
              {t('console.quote.range', { time: format.time(quote.readyAt), range: format.timeRange(quote.range.from, quote.range.to) })}
            </span>
          </p>
          {delivery && (
            <p className="quote__delivery" data-testid="quote-delivered-by">
              <Trans i18nKey="console.quote.doorBy" values={{ time: format.time(quote.delivery.deliveredBy) }} components={{ strong: <strong /> }} />{' '}
              <span className="muted">{t('console.quote.ride', { count: quote.delivery.travelMinutes })}</span>
            </p>
          )}
          <UnstaffedNote stations={quote.unstaffedStations} />
          {scheduled && scheduled.getTime() > Date.parse(quote.readyAt) && (
            <p className="muted">{t('console.quote.scheduled', { time: format.time(scheduled) })}</p>
          )}
          {scheduled && scheduled.getTime() <= Date.parse(quote.readyAt) && <p className="form-error">{t('console.quote.tooEarly')}</p>}
          {quote.perItem.length > 1 && (
            <ul className="quote__items">
              {quote.perItem.map((p) => (
                <li key={p.index}>
                  {p.quantity} × {p.name}: {format.time(p.readyAt)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {updating && !empty && <span className="quote__spinner muted">{t('console.quote.updating')}</span>}
    </section>
  );
}
