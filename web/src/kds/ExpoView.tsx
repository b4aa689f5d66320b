import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { graphql, type ResultOf } from '../api/graphql';
import { useGqlQuery } from '../api/hooks';
import { activeFormat, i18n } from '../i18n/i18n';
import { useI18n } from '../i18n/LocaleProvider';
import { ORDER_STATUS_LABEL, readyWait } from '../orders/hand-off';
import { HandOffActions, type HandedOff } from '../orders/HandOffActions';
import { etaText } from '../orders/orders-api';
import { ReadySince } from '../orders/ReadySince';
import { useReadyHoldMinutes } from '../orders/use-ready-hold';
import { useSocketEvent } from '../realtime/RealtimeProvider';
import { Empty, QueryView } from '../shell/states';
import { usePrintOne } from './use-print-one';
import { useNow } from './use-now';

type ExpoData = ResultOf<typeof EXPO_QUERY>;
export type ExpoOrder = ExpoData['orders'][number];

const EXPO_KEY = ['orders', 'expo'] as const;
const EXPO_QUERY = graphql(`
  query ExpoOrders {
    orders(status: [NEW, PREPARING, READY], limit: 40) {
      id
      orderNumber
      status
      fulfillment
      handOffChoices
      customerName
      estimatedReadyAt
      actualReadyAt
      createdAt
      notes
      items {
        id
        name
        quantity
        modifications
        notes
        status
        tasks {
          id
          name
          status
          plannedStartAt
          station {
            id
            name
          }
        }
      }
    }
  }
`);

const TASK_STATUSES = ['PENDING', 'QUEUED', 'IN_PROGRESS', 'DONE', 'BLOCKED', 'CANCELLED'] as const;
const isTaskStatus = (s: string): s is (typeof TASK_STATUSES)[number] => (TASK_STATUSES as readonly string[]).includes(s);

/**
 * The pass: every open order with each item's tasks across all stations, so expo sees what an
 * order still waits for, and hands ready ones over in one tap. Task events do not touch the
 * `orders` cache elsewhere, so this view refreshes itself on them (one refetch per burst); order
 * events (another screen's hand-over) refresh it through the shared `orders` key.
 */
export function ExpoView({ selected, onSelect }: { selected: string | null; onSelect(orderId: string | null): void }) {
  const orders = useGqlQuery(EXPO_KEY, EXPO_QUERY, undefined, { staleTime: 0 });
  const { t, format } = useI18n();
  const client = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = () => {
    pending.current ??= setTimeout(() => {
      pending.current = null;
      void client.invalidateQueries({ queryKey: EXPO_KEY, exact: true });
    }, 100);
  };
  useSocketEvent('task:updated', refresh);
  useSocketEvent('task:completed', refresh);
  const now = useNow(15_000);
  const holdMinutes = useReadyHoldMinutes();
  // Gone from the pass as soon as the server says so; the refetch that follows agrees.
  const leave = (done: HandedOff) =>
    client.setQueryData<ExpoData>(EXPO_KEY, (d) => (d && done.handOffChoices.length === 0 ? { orders: d.orders.filter((o) => o.id !== done.id) } : d));
  const [printing, print] = usePrintOne();

  return (
    <QueryView query={orders} isEmpty={(d) => d.orders.length === 0} empty={<Empty title={t('kds.expoView.noOpen')} />}>
      {(d) => {
        const list = [...d.orders].sort((a, b) => a.orderNumber - b.orderNumber);
        const shown = selected ? list.filter((o) => o.id === selected) : list;
        return (
          <div className={`expo${printing ? ' expo--print-one' : ''}`}>
            {selected && (
              <button type="button" className="btn" onClick={() => onSelect(null)}>
                {t('kds.expoView.allOpen')}
              </button>
            )}
            {shown.length === 0 && <Empty title={t('kds.expoView.gone')} />}
            <div className="expo__grid">
              {shown.map((o) => {
                const overdue = o.status === 'READY' && o.actualReadyAt !== null && readyWait(o.actualReadyAt, now, holdMinutes).late;
                return (
                  <section
                    key={o.id}
                    className={`expo-order status-box--${o.status.toLowerCase()}${overdue ? ' is-overdue' : ''}${printing === o.id ? ' expo-order--print' : ''}`}
                    aria-label={t('kds.expoView.order', { orderNumber: o.orderNumber })}
                    data-status={o.status}
                  >
                    <header className="expo-order__head">
                      <button type="button" className="ticket__order" onClick={() => onSelect(o.id)}>
                        #{o.orderNumber}
                      </button>
                      <span className={`badge status--${o.status.toLowerCase()}`}>{ORDER_STATUS_LABEL[o.status].toLowerCase()}</span>
                      {o.status === 'READY' ? (
                        <ReadySince className="expo-order__eta" actualReadyAt={o.actualReadyAt} now={now} holdMinutes={holdMinutes} />
                      ) : (
                        <span className="expo-order__eta">{etaText(o.estimatedReadyAt, now)}</span>
                      )}
                      <button
                        type="button"
                        className="btn btn--small expo-order__print"
                        onClick={() => print(o.id)}
                        title={t('kds.expoView.printTitle', { orderNumber: o.orderNumber })}
                      >
                        {t('kds.expoView.print')}
                      </button>
                    </header>
                    <p className="print-only">{t('kds.expoView.placed', { placed: format.time(o.createdAt), printed: format.time(now) })}</p>
                    {o.customerName && <p className="muted expo-order__customer">{o.customerName}</p>}
                    {o.notes && <p className="ticket__note ticket__note--order">{t('kds.ticket.order', { notes: o.notes })}</p>}
                    {o.status === 'READY' && <HandOffActions order={o} onHandedOff={leave} />}
                    {o.items.map((item) => (
                      <div key={item.id} className="expo-item">
                        <strong>
                          {item.quantity} × {item.name}
                        </strong>
                        {item.modifications && <p className="expo-item__detail">{item.modifications}</p>}
                        {item.notes && <p className="expo-item__detail">{item.notes}</p>}
                        <ol className="expo-item__tasks">
                          {item.tasks.map((task) => (
                            <li key={task.id} className={`expo-task expo-task--${task.status.toLowerCase()}`}>
                              <span>{task.name}</span>
                              <span className="muted">{task.station?.name ?? '—'}</span>
                              <span className="expo-task__status">{taskStatusText(task, now)}</span>
                            </li>
                          ))}
                        </ol>
                      </div>
                    ))}
                  </section>
                );
              })}
            </div>
          </div>
        );
      }}
    </QueryView>
  );
}

/**
 * A task still waiting for its item's fire time says when it fires: the order re-paces that time
 * as the kitchen runs early or late, and the `task:updated` it sends refreshes this view.
 */
function taskStatusText(task: { status: string; plannedStartAt: string | null }, now: number): string {
  if (task.status === 'PENDING' && task.plannedStartAt && Date.parse(task.plannedStartAt) > now)
    return i18n.t('kds.expoView.fires', { time: activeFormat().time(task.plannedStartAt) });
  return isTaskStatus(task.status) ? i18n.t(`kds.expoView.task.${task.status}`) : task.status;
}
