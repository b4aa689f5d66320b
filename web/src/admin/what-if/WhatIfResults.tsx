import { Empty } from '../../shell/states';
import type { WhatIfAnswer } from './what-if-api';

const clock = (iso: string | null) => (iso === null ? '—' : new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }));

function Delta({ minutes }: { minutes: number | null }) {
  if (minutes === null) return <>—</>;
  if (Math.abs(minutes) < 1) return <span className="muted">no change</span>;
  const later = minutes > 0;
  return <span className={later ? 'what-if__delta--later' : 'what-if__delta--earlier'}>{`${later ? '+' : '−'}${Math.abs(minutes).toFixed(1)} min`}</span>;
}

/** The what-if's answer: what it adds up to, then every open order now and with the change; red where a promise would be missed. */
export function WhatIfResults({ answer }: { answer: WhatIfAnswer }) {
  const { summary, rush } = answer;
  return (
    <section aria-label="What-if result">
      <p className="what-if__summary">
        <span>{summary.openOrders} open orders</span>
        <span className={summary.madeLate > 0 ? 'badge badge--error' : 'badge'}>{summary.madeLate} would miss their promise</span>
        <span className={summary.madeOnTime > 0 ? 'badge badge--ok' : 'badge'}>{summary.madeOnTime} back on time</span>
        <span className="badge">{summary.later} later</span>
        <span className="badge">{summary.earlier} earlier</span>
        {summary.cannotBeMade > 0 && <span className="badge badge--error">{summary.cannotBeMade} could not be made</span>}
      </p>
      {rush && (
        <p>
          {rush.orders > 0
            ? `Rush: ${rush.orders} orders, first ready ${clock(rush.firstReadyAt)}, last ${clock(rush.lastReadyAt)}.`
            : 'Rush: no order left to simulate.'}
          {rush.droppedLines > 0 && ` ${rush.droppedLines} lines left out (86'd).`}
          {rush.cannotBeMade > 0 && ` ${rush.cannotBeMade} rush orders could not be made.`}
        </p>
      )}
      {answer.orders.length === 0 ? (
        <Empty title="No open orders right now" />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Promised</th>
              <th scope="col">Ready now</th>
              <th scope="col">With the change</th>
              <th scope="col">Change</th>
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
                  {o.whatIfReadyAt === null && o.currentReadyAt !== null ? 'cannot be made' : clock(o.whatIfReadyAt)}
                  {o.lateWhatIf && <span className="badge badge--error">misses promise</span>}
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
