import { describeError } from '../api/errors';
import type { EtaQuote } from './console-api';
import { UnstaffedNote } from './UnstaffedNote';

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

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
  return (
    <section className={`quote${updating ? ' quote--updating' : ''}`} aria-live="polite" aria-label="ETA quote" data-testid="eta-quote">
      {empty ? (
        <p className="muted">Add dishes to get a ready time.</p>
      ) : error ? (
        <p className="form-error">{describeError(error)}</p>
      ) : !quote ? (
        <p className="muted">Estimating…</p>
      ) : (
        <>
          <p className="quote__main">
            Ready in <strong data-testid="quote-minutes">{quote.minutes} min</strong>{' '}
            <span
              className="muted"
              data-testid="quote-range"
              title={
                quote.range.basis === 'LEARNED'
                  ? 'From what the kitchen has learned: 8 in 10 orders are ready in this range'
                  : 'A rough range: the kitchen has not learned its spread yet'
              }
            >
              ready {time(quote.readyAt)} ({time(quote.range.from)}–{time(quote.range.to)})
            </span>
          </p>
          {delivery && (
            <p className="quote__delivery" data-testid="quote-delivered-by">
              At the door by <strong>{time(quote.delivery.deliveredBy)}</strong>{' '}
              <span className="muted">({quote.delivery.travelMinutes} min ride after it is ready)</span>
            </p>
          )}
          <UnstaffedNote stations={quote.unstaffedStations} />
          {scheduled && scheduled.getTime() > Date.parse(quote.readyAt) && (
            <p className="muted">Scheduled: the kitchen fires it to be ready at {time(scheduled.toISOString())}.</p>
          )}
          {scheduled && scheduled.getTime() <= Date.parse(quote.readyAt) && (
            <p className="form-error">The requested time is earlier than the kitchen can make it.</p>
          )}
          {quote.perItem.length > 1 && (
            <ul className="quote__items">
              {quote.perItem.map((p) => (
                <li key={p.index}>
                  {p.quantity} × {p.name}: {time(p.readyAt)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {updating && !empty && <span className="quote__spinner muted">updating…</span>}
    </section>
  );
}
