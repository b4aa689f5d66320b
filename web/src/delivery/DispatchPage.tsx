import { useRequiredSession } from '../auth/AuthContext';
import { allowed } from '../auth/roles';
import { useGqlQuery } from '../api/hooks';
import { useNow } from '../kds/use-now';
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
  const travel = board.data?.dispatchBoard.travel;
  return (
    <section className="page">
      <PageHeader
        title="Dispatch"
        lead={
          travel &&
          `Travel time ${travel.minutes} min ${travel.learnedMinutes !== null ? `(learned from the last ${travel.trips} trips)` : '(set by the kitchen)'}.`
        }
        actions={travel && allowed(role, 'deliveries:configure') ? <TravelTimeSetting configured={travel.configuredMinutes} /> : undefined}
      />
      <QueryView query={board} isEmpty={() => false} empty={null}>
        {({ dispatchBoard: b }) => (
          <div className="dispatch">
            <section aria-labelledby="dispatch-deliveries">
              <h2 id="dispatch-deliveries">Deliveries</h2>
              {b.deliveries.length === 0 ? (
                <Empty title={`Nothing ready or due in the next ${b.withinMinutes} min`} />
              ) : (
                <ul className="dispatch__list" aria-label="Deliveries">
                  {b.deliveries.map((d) => (
                    <DispatchCard key={d.id} delivery={d} riders={b.riders} suggestedRiderId={b.suggestedRiderId} now={now} />
                  ))}
                </ul>
              )}
              {b.later > 0 && <p className="muted">{b.later} more later, still in the kitchen.</p>}
            </section>
            <RiderList riders={b.riders} suggestedRiderId={b.suggestedRiderId} />
          </div>
        )}
      </QueryView>
    </section>
  );
}
