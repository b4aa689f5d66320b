import { describeError } from '../api/errors';
import { Trans } from 'react-i18next';
import { Empty, QueryView } from '../shell/states';
import { i18n } from '../i18n/i18n';
import { useI18n } from '../i18n/LocaleProvider';
import { allDayCounts } from './all-day';
import { useScreenPrefs } from './screen-prefs';
import { ScreenToggles } from './ScreenToggles';
import { ShiftClock } from './ShiftClock';
import { StaffingBanner } from './StaffingBanner';
import { useLastBumped } from './station-choice';
import { TicketCard } from './TicketCard';
import { useNewTicketChime } from './use-new-ticket-chime';
import { useNow } from './use-now';
import { useStationQueue, type KdsSocket } from './use-station-queue';
import { useTicketActions } from './use-ticket-actions';

interface Props {
  stationId: string;
  socket: KdsSocket | null;
  openExpo(orderId: string): void;
}

const JOIN_PROBLEM: Record<string, string> = {
  get NOT_FOUND() {
    return i18n.t('kds.joinNotFound');
  },
  get BAD_USER_INPUT() {
    return i18n.t('kds.joinBadInput');
  },
  get INTERNAL() {
    return i18n.t('kds.joinInternal');
  },
};

/** One station's tickets in queue order, live. Keyed by station: switching starts clean. */
export function StationScreen({ stationId, socket, openExpo }: Props) {
  const { query, join } = useStationQueue(stationId, socket);
  const { t } = useI18n();
  const [bumped, setBumped] = useLastBumped(stationId);
  const { actions, busy, errorOf, undoUntil, recall, recallError } = useTicketActions({ stationId, tickets: query.data?.tasks, onBumped: setBumped, openExpo });
  const now = useNow(1000);
  const [prefs, changePrefs] = useScreenPrefs(stationId);
  const chime = useNewTicketChime(query.data?.tasks, prefs.sound);

  return (
    <div className={`kds__screen${prefs.large ? ' kds__screen--large' : ''}`}>
      <div className="kds__tools">
        {query.data && (
          <p className="kds__load" aria-live="polite">
            <Trans
              i18nKey="kds.load"
              values={{ inProgress: query.data.inProgress, queued: query.data.queued, capacity: query.data.station.capacity }}
              components={{ strong: <strong /> }}
            />
          </p>
        )}
        <AllDay tickets={query.data?.tasks} />
        {/* Waits while a tap is on its way: a bumped ticket can vanish (live event) before its
            answer names it the last bump, and Recall must not bring back the one before. */}
        <button
          type="button"
          className="btn kds__recall"
          disabled={!bumped || busy.size > 0}
          title={bumped ? t('kds.recallTitle', { orderNumber: bumped.orderNumber, label: bumped.label, task: bumped.taskName }) : t('kds.nothingBumped')}
          onClick={() => bumped && void recall(bumped)}
        >
          {t('kds.recall')}
          {bumped ? ` #${bumped.orderNumber} ${bumped.taskName}` : ''}
        </button>
        <ScreenToggles prefs={prefs} change={changePrefs} {...chime} />
        <ShiftClock />
      </div>
      <StaffingBanner stationId={stationId} />
      {join in JOIN_PROBLEM && <p className="notice notice--warning">{JOIN_PROBLEM[join]}</p>}
      {recallError != null && (
        <p className="form-error" role="alert">
          {t('kds.recallFailed', { error: describeError(recallError) })}
        </p>
      )}
      <QueryView
        query={query}
        loadingLabel={t('kds.loadingTickets')}
        isEmpty={(d) => d.tasks.length === 0}
        empty={<Empty title={t('kds.noTickets')}>{t('kds.noTicketsHint')}</Empty>}
      >
        {(q) => (
          <div className="tickets" aria-label={t('kds.tickets')}>
            {q.tasks.map((t) => (
              <TicketCard
                key={t.id}
                ticket={t}
                receivedAt={q.receivedAt}
                now={now}
                busy={busy.has(t.id)}
                error={errorOf(t)}
                undoUntil={undoUntil.get(t.id) ?? null}
                actions={actions}
              />
            ))}
          </div>
        )}
      </QueryView>
    </div>
  );
}

function AllDay({ tickets }: { tickets: Parameters<typeof allDayCounts>[0] | undefined }) {
  const { t } = useI18n();
  const counts = tickets ? allDayCounts(tickets) : [];
  if (counts.length === 0) return <p className="kds__allday muted">{t('kds.allDayNothing')}</p>;
  return (
    <p className="kds__allday" aria-label={t('kds.allDayLabel')}>
      <span className="muted">{t('kds.allDay')}</span>
      {counts.map((c) => (
        <span key={c.itemName} className="allday">
          <strong>{c.quantity}</strong> × {c.itemName}
        </span>
      ))}
    </p>
  );
}
