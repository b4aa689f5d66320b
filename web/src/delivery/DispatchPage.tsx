import { useRequiredSession } from '../auth/AuthContext';
import { allowed } from '../auth/roles';
import { useGqlQuery } from '../api/hooks';
import { useNow } from '../kds/use-now';
import { useI18n } from '../i18n/LocaleProvider';
import { PageHeader } from '../shell/page';
import { Empty, QueryView } from '../shell/states';
import { DISPATCH_BOARD_KEY, DISPATCH_BOARD_QUERY } from './delivery-api';
import { DispatchCard } from './DispatchCard';
import { RiderList } from './RiderList';
import { TravelTimeSetting } from './TravelTimeSetting';
import './delivery.css';

/**
 * The dispatcher's board: deliveries ready or due soon with their addresses, and the riders.
 * Order, ETA and delivery events refresh it (realtime/live-cache.ts); a tap on a rider sends them.
 */
export function DispatchPage() {
  const board = useGqlQuery(DISPATCH_BOARD_KEY, DISPATCH_BOARD_QUERY, { withinMinutes: null }, { staleTime: 0 });
  const role = useRequiredSession().user.role;
  const now = useNow(15_000);
  const { t } = useI18n();
  const travel = board.data?.dispatchBoard.travel;
  return (
    <section className="page">
      <PageHeader
        title={t('dispatch.title')}
        lead={
          travel &&
          (travel.learnedMinutes !== null
            ? t('dispatch.travelLearned', { count: travel.minutes, trips: travel.trips })
            : t('dispatch.travelSet', { count: travel.minutes }))
        }
        actions={travel && allowed(role, 'deliveries:configure') ? <TravelTimeSetting configured={travel.configuredMinutes} /> : undefined}
      />
      <QueryView query={board} isEmpty={() => false} empty={null}>
        {({ dispatchBoard: b }) => (
          <div className="dispatch">
            <section aria-labelledby="dispatch-deliveries">
              <h2 id="dispatch-deliveries">{t('dispatch.deliveries')}</h2>
              {b.deliveries.length === 0 ? (
                <Empty title={t('dispatch.nothingDue', { count: b.withinMinutes })} />
              ) : (
                <ul className="dispatch__list" aria-label={t('dispatch.deliveries')}>
                  {b.deliveries.map((d) => (
                    <DispatchCard key={d.id} delivery={d} riders={b.riders} suggestedRiderId={b.suggestedRiderId} now={now} />
                  ))}
                </ul>
              )}
              {b.later > 0 && <p className="muted">{t('dispatch.later', { count: b.later })}</p>}
            </section>
            <RiderList riders={b.riders} suggestedRiderId={b.suggestedRiderId} />
          </div>
        )}
      </QueryView>
    </section>
  );
}
